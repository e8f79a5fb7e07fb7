// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// Every word the user reads goes through the translator. The window, its
// menus, the dialogs and the notifications run in the x-test pseudo-language,
// whose catalogue (tools/lib/pseudo-catalogue.sh, built from the sources)
// writes every letter of every message in its fullwidth form: an ASCII letter
// left on screen was written in English only, even inside a translated
// sentence. Device names, sizes and other data are what the machine says, the
// same in every language, and are taken out by value first.
#include "create/createarraydialog.h"
#include "monitormode/incident.h"
#include "operations/devicepicker.h"
#include "operations/reviewdialog.h"
#include "operations/scheduledialog.h"
#include "operations/sizedialog.h"
#include "operations/speeddialog.h"
#include "operations/newvolumedialog.h"
#include "operationsmachine.h"
#include "probe/scrubschedule.h"
#include "selectionmodel.h"
#include "words.h"

#include <KLocalizedString>
#include <KStandardActions>
#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTabBar>
#include <QTest>
#include <QTextDocumentFragment>
#include <QToolBar>

#include <clocale>

using namespace plexus;
using namespace plexus::test;

namespace {

// A string on screen and where it was found, for the failure message.
struct Seen {
    QString text;
    QString where;
};

QString plain(const QString &text)
{
    QString s = Qt::mightBeRichText(text) ? QTextDocumentFragment::fromHtml(text).toPlainText() : text;
    s.remove(QRegularExpression(QStringLiteral("&(?!&)"))); // mnemonics
    return s.trimmed();
}

QString whereOf(const QObject *o)
{
    QString path;
    for (; o; o = o->parent())
        path.prepend(QStringLiteral("/%1#%2").arg(QString::fromLatin1(o->metaObject()->className()), o->objectName()));
    return path;
}

// KDE's standard actions (Quit, Refresh, About...) speak through KDE
// Frameworks' own catalogues, not Plexus's.
bool isKdeStandardAction(const QAction *a)
{
    using namespace KStandardActions;
    for (StandardAction id : {Redisplay, Quit, ConfigureNotifications, AboutApp})
        if (a->objectName() == name(id))
            return true;
    return false;
}

void addActions(const QList<QAction *> &actions, const QString &where, QList<Seen> &out)
{
    for (QAction *a : actions) {
        if (a->isSeparator() || !a->isVisible() || isKdeStandardAction(a))
            continue;
        out << Seen{plain(a->text()), where + QStringLiteral(" action ") + a->objectName()};
        if (a->toolTip() != a->text() && !a->toolTip().isEmpty() && plain(a->toolTip()) != plain(a->text()))
            out << Seen{plain(a->toolTip()), where + QStringLiteral(" tooltip of ") + a->objectName()};
        if (a->menu())
            addActions(a->menu()->actions(), where + QStringLiteral(" > ") + plain(a->text()), out);
    }
}

void addModel(const QAbstractItemModel *model, const QModelIndex &parent, const QString &where, QList<Seen> &out)
{
    for (int r = 0; r < model->rowCount(parent); ++r)
        for (int c = 0; c < model->columnCount(parent); ++c) {
            const QModelIndex i = model->index(r, c, parent);
            out << Seen{plain(i.data(Qt::DisplayRole).toString()), where};
            out << Seen{plain(i.data(Qt::ToolTipRole).toString()), where + QStringLiteral(" tooltip")};
            if (c == 0)
                addModel(model, i, where, out);
        }
}

// The painted items (member slots, disk areas): what a screen reader hears.
void addPainted(QAccessibleInterface *iface, QList<Seen> &out)
{
    for (int i = 0; i < iface->childCount(); ++i) {
        QAccessibleInterface *child = iface->child(i);
        if (!child || child->state().invisible)
            continue;
        if (!child->object()) {
            out << Seen{child->text(QAccessible::Name), QStringLiteral("painted item in ") + iface->text(QAccessible::Name)};
            out << Seen{child->text(QAccessible::Description), QStringLiteral("painted item ") + child->text(QAccessible::Name)};
        }
        addPainted(child, out);
    }
}

// Every string the user can read in `root`, a window or a dialog, as shown now.
QList<Seen> visibleTexts(QWidget *root)
{
    QList<Seen> out;
    out << Seen{root->windowTitle(), QStringLiteral("title of ") + whereOf(root)};
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : widgets) {
        if (w != root && !w->isVisibleTo(root))
            continue;
        const QString where = whereOf(w);
        out << Seen{plain(w->toolTip()), where + QStringLiteral(" tooltip")};
        out << Seen{w->accessibleName(), where + QStringLiteral(" accessible name")};
        out << Seen{w->accessibleDescription(), where + QStringLiteral(" accessible description")};
        if (auto *l = qobject_cast<QLabel *>(w))
            out << Seen{plain(l->text()), where};
        // A dialog's standard buttons (OK, Cancel, Close) are Qt's words, in Qt's catalogue.
        auto *box = qobject_cast<QDialogButtonBox *>(w->parentWidget());
        auto *b = qobject_cast<QAbstractButton *>(w);
        if (b && !(box && box->standardButton(b) != QDialogButtonBox::NoButton))
            out << Seen{plain(b->text()), where};
        if (auto *g = qobject_cast<QGroupBox *>(w))
            out << Seen{plain(g->title()), where};
        if (auto *e = qobject_cast<QLineEdit *>(w))
            out << Seen{e->placeholderText(), where + QStringLiteral(" placeholder")};
        if (auto *c = qobject_cast<QComboBox *>(w))
            for (int i = 0; i < c->count(); ++i)
                out << Seen{plain(c->itemText(i)), where};
        if (auto *t = qobject_cast<QTabBar *>(w))
            for (int i = 0; i < t->count(); ++i)
                out << Seen{plain(t->tabText(i)), where};
        if (auto *v = qobject_cast<QAbstractItemView *>(w); v && v->model()) {
            addModel(v->model(), v->rootIndex(), where, out);
            if (auto *h = qobject_cast<QHeaderView *>(w))
                for (int i = 0; i < h->count(); ++i)
                    out << Seen{plain(h->model()->headerData(i, h->orientation()).toString()), where};
        }
        if (auto *bar = qobject_cast<QMenuBar *>(w))
            addActions(bar->actions(), QStringLiteral("menu"), out);
        if (auto *bar = qobject_cast<QToolBar *>(w))
            addActions(bar->actions(), QStringLiteral("toolbar"), out);
    }
    addPainted(QAccessible::queryAccessibleInterface(root), out);
    return out;
}

// The machine's own names, the same in every language: devices, models,
// serials, mount points and filesystem types; md's own words where the details
// show the kernel's raw value ("kernel: in_sync"); and the technical names
// Plexus shows as they are (levels, buses, md's parity layouts).
QStringList machineNames(const Snapshot &snapshot)
{
    QStringList names{QStringLiteral("ext4"), QStringLiteral("xfs"), QStringLiteral("swap"), QStringLiteral("vfat")};
    for (const char *word : {"clean", "active", "idle", "none", "in_sync", "faulty", "spare", "raid0", "raid1", "raid4", "raid5", "raid6",
                             "raid10", "rotational", "ata", "usb", "nvme", "virtio", "scsi"})
        names << QString::fromLatin1(word);
    for (const char *level : {"raid0", "raid1", "raid4", "raid5", "raid6", "raid10"})
        names << levelTitle(QString::fromLatin1(level));
    for (const char *bus : {"ata", "usb", "nvme", "virtio", "scsi", "mmc", "ieee1394"})
        names << busTitle(QString::fromLatin1(bus));
    for (int layout = 0; layout <= 20; ++layout)
        names << parityLayoutName(layout);
    for (const Disk &d : snapshot.disks) {
        names << d.name << d.model << d.serial << d.wwn;
        for (const Partition &p : d.partitions)
            names << p.name << p.fsType;
    }
    for (const Array &a : snapshot.arrays)
        names << a.name;
    names.removeAll(QString());
    // Longest first, so that "sda1" goes before "sda" does.
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    names.removeDuplicates();
    return names;
}

// A visible string without the machine's names, paths, numbers with their
// units, identifiers (UUIDs, WWNs) and systemd calendar expressions.
QString withoutData(QString text, const QStringList &names)
{
    static const QRegularExpression data(QStringLiteral(
        "/[\\w./:-]*"                                              // paths
        "|\\b[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\\b|\\b[0-9a-f]{8}(:[0-9a-f]{8}){3}\\b|\\b(0x)?[0-9a-f]{8,}\\b" // UUIDs, WWNs
        "|([A-Z][a-z]{2} )?[*0-9-]+-[*0-9.-]+ [0-9:]+"                // calendar expressions
        "|\\b[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z?"                       // ISO times
        "|\\b[U_]{2,}\\b"                                                  // md's member map, "UU_"
        "|\\b[0-9][0-9.,]*\\s?([KMGTPE]i?B|B)\\b"));                   // sizes
    for (const QString &name : names)
        text.replace(name, QStringLiteral(" "));
    return text.replace(data, QStringLiteral(" "));
}

// What still has a letter of English in it, one line each: in x-test every
// translated letter is a fullwidth one. `asIs`, text shown as it is in every
// language (shell commands), is taken out first.
QStringList untranslated(const QList<Seen> &seen, const QStringList &names, const QStringList &asIs = {})
{
    static const QRegularExpression ascii(QStringLiteral("[A-Za-z]"));
    QStringList longestFirst = asIs;
    std::sort(longestFirst.begin(), longestFirst.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    QStringList bad;
    for (const Seen &s : seen) {
        QString t = s.text.trimmed();
        for (const QString &words : std::as_const(longestFirst))
            if (!words.isEmpty())
                t.replace(words, QStringLiteral(" "));
        if (!withoutData(t, names).contains(ascii))
            continue;
        const QString line = QStringLiteral("\"%1\" (%2)").arg(s.text.trimmed().replace(u'\n', QStringLiteral(" \u23ce ")), s.where);
        if (!bad.contains(line))
            bad << line;
    }
    return bad;
}

#define VERIFY_TRANSLATED(list)                                                                                               \
    do {                                                                                                                      \
        const QStringList bad = (list);                                                                                       \
        QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("%1 strings not translated:\n").arg(bad.size()) + bad.join(u'\n'))); \
    } while (false)

} // namespace

class TestPseudoTranslation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setStyle(QStringLiteral("Fusion"));
        // The catalogue is built into the build tree's share/, which the ui
        // tier puts on XDG_DATA_DIRS.
        QVERIFY2(!QStandardPaths::locate(QStandardPaths::GenericDataLocation, QStringLiteral("locale/x-test/LC_MESSAGES/plexus.mo")).isEmpty(),
                 "no x-test catalogue: the plexus-pseudo-catalogue target builds it");
        // gettext ignores the language in the C locale: ctest gives this test
        // an en_US.UTF-8 locale of its own (tests/ui/CMakeLists.txt).
        const QByteArray messages = setlocale(LC_MESSAGES, nullptr);
        if (messages == "C" || messages.startsWith("C.") || messages == "POSIX")
            QSKIP("no locale but C here, where gettext translates nothing: it needs localedef and the locales package's sources");
        KLocalizedString::setApplicationDomain("plexus");
        KLocalizedString::setLanguages({QStringLiteral("x-test")});
        // The test must be able to fail: a message of the window is wrapped.
        QCOMPARE(i18nc("heading of a part of the window", "Disks"), QStringLiteral("\uff24\uff49\uff53\uff4b\uff53"));
    }

    // The window as it first opens, then with an array, a failed member, a
    // blank disk and a free partition selected: the details, the toolbar, the
    // menus, the banner, the painted slots and areas.
    void windowSpeaksThroughTheTranslator()
    {
        Machine m;
        MainWindow &w = m.window();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QList<Seen> seen = visibleTexts(&w);
        for (const Selectable &s : {Selectable::array(QStringLiteral("md1")), Selectable::member(QStringLiteral("md1"), QStringLiteral("sdc2")),
                                    Selectable::array(QStringLiteral("md2")), Selectable::disk(QStringLiteral("sde")),
                                    Selectable::partition(QStringLiteral("sda3")), Selectable::member(QStringLiteral("md0"), QStringLiteral("sdd1"))}) {
            w.selection()->setCurrent(s);
            QApplication::processEvents();
            seen << visibleTexts(&w);
        }
        VERIFY_TRANSLATED(untranslated(seen, machineNames(*m.snapshot)));
    }

    // The context menu of a failed member, then the picker its Replace opens.
    void menusAndPickerSpeakThroughTheTranslator()
    {
        Machine m;
        MainWindow &w = m.window();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.selection()->setCurrent(Selectable::member(QStringLiteral("md1"), QStringLiteral("sdc2")));
        QAction *replace = nullptr;
        for (QAction *a : w.findChildren<QAction *>())
            if (a->objectName() == QLatin1String("action-replace") && a->isEnabled())
                replace = a;
        QVERIFY(replace);
        QList<Seen> seen;
        addActions(w.findChildren<QAction *>(), QStringLiteral("window action"), seen);
        // The picker says, for each device, the engine's plan or why it refuses.
        replace->trigger();
        DevicePicker *picker = nullptr;
        QTRY_VERIFY((picker = w.findChild<DevicePicker *>()) && picker->isVisible());
        seen << visibleTexts(picker);
        picker->close();
        VERIFY_TRANSLATED(untranslated(seen, machineNames(*m.snapshot)));
    }

    // The dialogs, with the engine's words in them: the review's plan (summary,
    // steps, notes; its shell commands are the same in every language), the
    // validator's reasons in the create dialog.
    void dialogsSpeakThroughTheTranslator()
    {
        Machine m;
        QList<Seen> seen;
        const Operation op = m.drop(QStringLiteral("sde"), QStringLiteral("md1"), QStringLiteral("sdc2"));
        const QStringList commands = op.plan.previews();
        {
            ReviewDialog review(op);
            review.show();
            QVERIFY(QTest::qWaitForWindowExposed(&review));
            seen << visibleTexts(&review);
        }
        {
            CreateArrayDialog create(m.context(), {QStringLiteral("sde"), QStringLiteral("sdd2")});
            create.show();
            QVERIFY(QTest::qWaitForWindowExposed(&create));
            seen << visibleTexts(&create);
        }
        {
            SpeedDialog speed(QStringLiteral("md1"), 1000, 200000);
            speed.show();
            seen << visibleTexts(&speed);
        }
        {
            ScrubSchedule shipped; // Debian's mdcheck_start.timer, as the dialog is given it
            shipped.source = QStringLiteral("mdcheck_start.timer");
            shipped.calendar = {QStringLiteral("Sun *-*-1..7 1:00:00")};
            shipped.enabled = true;
            ScheduleDialog schedule(shipped.state());
            schedule.show();
            seen << visibleTexts(&schedule);
        }
        VERIFY_TRANSLATED(untranslated(seen, machineNames(*m.snapshot), commands));
    }

    // What the desktop shows when a member fails, and when a disk goes.
    void notificationsSpeakThroughTheTranslator()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const Event degraded{EventKind::ArrayDegraded, QStringLiteral("md0"), {}, {}, {}, {}, now};
        const Event failed{EventKind::MemberFailed, QStringLiteral("md0"), QStringLiteral("sdb"), {}, {}, {}, now};
        const Event removed{EventKind::DiskRemoved, {}, QStringLiteral("sdd"), {}, {}, {}, now};
        QList<Seen> seen;
        for (const auto &n : {composeNotification(QStringLiteral("md0"), {degraded, failed}), composeNotification(QStringLiteral("disk sdd"), {removed})}) {
            QVERIFY(n);
            seen << Seen{n->summary, QStringLiteral("summary")} << Seen{n->body, QStringLiteral("body")};
            for (qsizetype i = 1; i < n->actions.size(); i += 2) // id, label pairs
                seen << Seen{n->actions[i], QStringLiteral("action ") + n->actions[i - 1]};
        }
        VERIFY_TRANSLATED(untranslated(seen, {QStringLiteral("md0"), QStringLiteral("sdb"), QStringLiteral("sdd")}));
    }

    // plexusctl's usage and every command's --help: what each does, its
    // arguments and options (the engine's own words, kli18nc in its tables).
    void plexusctlHelpSpeaksThroughTheTranslator()
    {
        const QString plexusctl = QStringLiteral(PLEXUS_BIN_DIR "/plexusctl");
        const auto run = [&](const QStringList &args) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("x-test"));
            p.setProcessEnvironment(env);
            p.start(plexusctl, args);
            p.waitForFinished(10000);
            return QString::fromUtf8(p.readAllStandardOutput());
        };
        QProcess list;
        list.start(plexusctl, {QStringLiteral("--commands")});
        QVERIFY(list.waitForFinished(10000));
        const QStringList commands = QString::fromUtf8(list.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(commands.contains(QStringLiteral("create")) && commands.contains(QStringLiteral("grow-volume")));
        // Each option or argument on one line (QCommandLineParser wraps its help
        // under itself); Qt's own options (its catalogue, not ours) left out.
        const auto entries = [](const QString &help) {
            QStringList lines;
            for (const QString &line : help.split(u'\n')) {
                if (line.startsWith(QLatin1String("          ")) && !lines.isEmpty())
                    lines.last() += u' ' + line.trimmed();
                else
                    lines << line;
            }
            static const QRegularExpression qt(QStringLiteral("^(Usage:|Options:|Arguments:|\\s*(-h, --help|--help-all|-v, --version)\\b)"));
            lines.removeIf([](const QString &l) { return l.contains(qt); });
            return lines;
        };
        // The command line's own syntax is the same in every language: options,
        // placeholders (ARRAY, KIB), choices (check|repair|idle).
        static const QRegularExpression syntax(QStringLiteral("--[\\w-]+( <[^>]+>)?|\\w+(\\|\\w+)+(\\.\\.\\.)?|\\b[A-Z][A-Z_]*\\b(\\.\\.\\.)?|[\\[\\]]"));
        QList<Seen> seen;
        for (const QString &line : entries(run({QStringLiteral("--help")})))
            seen << Seen{QString(line).remove(syntax), QStringLiteral("plexusctl --help")};
        for (const QString &command : commands) {
            const QString help = run({command, QStringLiteral("--help")});
            QVERIFY2(help.contains(command), qPrintable(command));
            for (const QString &line : entries(help))
                seen << Seen{QString(line).remove(syntax), command + QStringLiteral(" --help")};
        }
        QStringList names = commands;
        names << QStringLiteral("plexusctl");
        std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); }); // "add-spare" before "add"
        VERIFY_TRANSLATED(untranslated(seen, names));
    }
};

QTEST_MAIN(TestPseudoTranslation)
#include "tst_pseudotranslation.moc"
