// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// The main window driven over fixture trees that each test copies (or writes)
// to a temporary directory and then changes the way the kernel would: a member
// fails, a rebuild advances, a disk is plugged in. The assertions are on what
// the user sees: label texts, slot states, progress bars, card order, the log.
// Screenshots go to <build>/screenshots/ for a person to look at.
#include "arraycard.h"
#include "arraysview.h"
#include "changelogmodel.h"
#include "detailspane.h"
#include "diskmapview.h"
#include "diskrow.h"
#include "levelpicture.h"
#include "machinetree.h"
#include "mainwindow.h"
#include "operations/actionicons.h"
#include "monitor/mdwatcher.h"
#include "partitionbar.h"
#include "probe/mdsysfsprobe.h"
#include "selectionmodel.h"
#include "shutdownholdnotice.h"
#include "slotstrip.h"
#include "volumelayout.h"
#include "volumesview.h"
#include "windowstate.h"
#include "words.h"

#include <KNotifyConfigWidget>
#include <KSharedConfig>
#include <QAbstractItemView>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QProgressBar>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QCheckBox>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QTest>
#include <QToolBar>
#include <QTreeView>

using namespace plexus;

namespace {

const QString fixtures = QStringLiteral(PLEXUS_FIXTURES);
const QString screenshots = QStringLiteral(PLEXUS_SCREENSHOT_DIR);

// One line per slot as the card shows it: "sda1: in sync", "slot 2: missing".
QStringList slotLines(const ArrayCard *card)
{
    QStringList lines;
    for (const MemberSlot &s : card->slotStrip()->slots())
        lines << QStringLiteral("%1: %2").arg(s.name(), s.stateText());
    return lines;
}

QString labelText(const QWidget *parent, const char *name)
{
    const auto *label = parent->findChild<QLabel *>(QLatin1String(name));
    return label ? label->text() : QStringLiteral("<no label %1>").arg(QLatin1String(name));
}

QStringList cardOrder(const MainWindow &w)
{
    QStringList names;
    for (const ArrayCard *c : w.arraysView()->cards())
        names << c->arrayName();
    return names;
}

// Segment texts of one disk's bar: "sda1 md0 member".
QStringList segmentLines(const MainWindow &w, const QString &disk)
{
    QStringList lines;
    for (const DiskSegment &s : w.diskMap()->row(disk)->bar()->segments())
        lines << QStringLiteral("%1 %2").arg(s.device.isEmpty() ? QStringLiteral("-") : s.device, s.roleText);
    return lines;
}

bool logHas(const MainWindow &w, const QString &text)
{
    for (const QString &line : w.changeLog()->lines())
        if (line.endsWith(QLatin1Char(' ') + text))
            return true;
    return false;
}

// Cards as tall as their contents need, and inside the view: nothing cut off.
bool cardsFit(const MainWindow &w)
{
    const ArraysView *view = w.arraysView();
    if (view->height() < view->heightForWidth(view->width()))
        return false;
    for (const ArrayCard *c : view->cards())
        if (c->height() < c->heightForWidth(c->width()) || !c->parentWidget()->rect().contains(c->geometry()))
            return false;
    for (const DiskRow *r : w.diskMap()->rows())
        if (!r->isVisible() || r->height() < r->minimumSizeHint().height())
            return false;
    return true;
}

void saveScreenshot(MainWindow &w, const QString &name)
{
    QDir().mkpath(screenshots);
    QTRY_VERIFY(cardsFit(w)); // layouts settle over a few event loop turns
    w.selection()->setHovered({});
    QVERIFY2(w.grab().save(screenshots + QLatin1Char('/') + name), qPrintable(name));
}

// Tells the watcher the tree changed (regular files never signal POLLPRI) and
// waits for the window to show the new snapshot.
bool refreshAndWait(MainWindow &w)
{
    QSignalSpy reloaded(&w, &MainWindow::reloaded);
    w.watcher()->refresh();
    return reloaded.wait(3000);
}

void showWindow(MainWindow &w, QSize size = QSize(1280, 800))
{
    w.resize(size);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    // The pointer rests on the status bar, where it lights nothing up.
    QTest::mouseMove(&w, QPoint(w.width() / 2, w.height() - 3));
}

// Shown and with the keyboard's focus, for tests that type.
void showActive(MainWindow &w)
{
    showWindow(w);
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
}

// A small server: /boot mirrored on sda1+sdb1, a 4-disk RAID-5 on the second
// partitions, and an empty USB disk.
void writeRaid5Machine(MachineTree &tree)
{
    QList<MachineTree::Disk> disks;
    const qint64 diskGiB = 1805;
    for (const char *name : {"sda", "sdb", "sdc", "sdd"}) {
        MachineTree::Disk d;
        d.name = QLatin1String(name);
        d.sizeGiB = diskGiB;
        d.model = QStringLiteral("ST2000DM008-2FR102");
        d.serial = QStringLiteral("ZFL%1").arg(QString::fromLatin1(name).toUpper());
        const bool boot = d.name == QLatin1String("sda") || d.name == QLatin1String("sdb");
        d.partitions << MachineTree::Partition{d.name + QLatin1Char('1'), 1, 1024,
                                               boot ? QStringLiteral("linux_raid_member") : QStringLiteral("swap"),
                                               boot ? QStringLiteral("md0") : QString()};
        d.partitions << MachineTree::Partition{d.name + QLatin1Char('2'), 1025, diskGiB * 1024 - 1026,
                                               QStringLiteral("linux_raid_member"), QStringLiteral("md1")};
        disks << d;
    }
    MachineTree::Disk usb;
    usb.name = QStringLiteral("sde");
    usb.sizeGiB = 1863;
    usb.model = QStringLiteral("Expansion Desk");
    usb.bus = QStringLiteral("usb");
    usb.table = QString();
    disks << usb;

    MachineTree::Array boot;
    boot.name = QStringLiteral("md0");
    boot.level = QStringLiteral("raid1");
    boot.sizeKiB = 1047552;
    boot.members = {{QStringLiteral("sda1"), QStringLiteral("in_sync"), QStringLiteral("0"), 0},
                    {QStringLiteral("sdb1"), QStringLiteral("in_sync"), QStringLiteral("1"), 1}};
    MachineTree::Array data;
    data.name = QStringLiteral("md1");
    data.level = QStringLiteral("raid5");
    data.raidDisks = 4;
    data.chunkKiB = 512;
    data.sizeKiB = Q_INT64_C(1891421333) * 3;
    for (int i = 0; i < 4; ++i)
        data.members << MachineTree::Member{QStringLiteral("sd") + QChar(u'a' + i) + QStringLiteral("2"), QStringLiteral("in_sync"), QString::number(i), i};
    tree.build(disks, {boot, data});
    tree.addMount(QStringLiteral("md0"), QStringLiteral("/boot"), QStringLiteral("ext4"));
    tree.addMount(QStringLiteral("md1"), QStringLiteral("/srv"), QStringLiteral("xfs"));
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setStyle(QStringLiteral("Fusion"));
        m_lightPalette = QApplication::palette();
        m_font = QApplication::font();
    }

    void cleanup()
    {
        QApplication::setPalette(m_lightPalette);
        QApplication::setFont(m_font);
    }

    // Two SATA disks mirrored (md0 = /boot, md1 = LVM PV of vg0) and a USB disk.
    void healthyRaid1ShowsEverything()
    {
        QTemporaryDir dir;
        MachineTree tree(dir.path());
        QVERIFY(tree.copyFrom(fixtures + QStringLiteral("/machine/lvm-on-raid1")));
        MainWindow w(dir.path());
        showWindow(w);

        QCOMPARE(cardOrder(w), (QStringList{QStringLiteral("md0"), QStringLiteral("md1")}));
        const ArrayCard *md1 = w.arraysView()->card(QStringLiteral("md1"));
        QCOMPARE(labelText(md1, "title"), QStringLiteral("md1"));
        QCOMPARE(labelText(md1, "health"), QStringLiteral("Healthy"));
        QCOMPARE(labelText(md1, "level"), QStringLiteral("RAID-1 \u00b7 mirror \u00b7 2 drives"));
        QCOMPARE(labelText(md1, "size"), QStringLiteral("931 GiB"));
        QCOMPARE(labelText(md1, "use"), QStringLiteral("Used as PV of vg0"));
        QCOMPARE(labelText(w.arraysView()->card(QStringLiteral("md0")), "use"), QStringLiteral("Used as ext4 on /boot"));
        QCOMPARE(slotLines(md1), (QStringList{QStringLiteral("sda2: in sync"), QStringLiteral("sdb2: in sync")}));
        QVERIFY(md1->findChild<QProgressBar *>(QStringLiteral("progress"))->isHidden());
        QCOMPARE(md1->tone(), Tone::Good);
        QVERIFY(w.arraysView()->emptyState()->isHidden());

        // The disk map: every disk, partitions by role, the USB disk whole.
        QCOMPARE(w.diskMap()->rows().size(), 3);
        QCOMPARE(segmentLines(w, QStringLiteral("sda")),
                 (QStringList{QStringLiteral("sda1 md0 member"), QStringLiteral("sda2 md1 member")}));
        QCOMPARE(segmentLines(w, QStringLiteral("sdc")), QStringList{QStringLiteral("sdc ext4 on /media/backup")});
        const DiskRow *sda = w.diskMap()->row(QStringLiteral("sda"));
        QCOMPARE(labelText(sda, "model"), QStringLiteral("WDC WD10EZEX-08W"));
        QCOMPARE(sda->factsText(), QStringLiteral("932 GiB \u00b7 SATA \u00b7 HDD"));
        QCOMPARE(sda->badges(), QStringList());
        QCOMPARE(w.diskMap()->row(QStringLiteral("sdc"))->badges(), QStringList{QStringLiteral("hot-plug")});
        // To scale, but the 512 MiB boot partition stays visible next to 931 GiB.
        const QList<int> widths = sda->bar()->segmentWidths();
        QVERIFY(widths[0] >= sda->fontMetrics().height() * 3);
        QVERIFY(widths[1] > widths[0] * 5);

        // Volumes: vg0 on md1, drawn with its LVs and what they are used for.
        QCOMPARE(w.volumesView()->groups().size(), 1);
        const VolumeLayout *vg0 = w.volumesView()->group(QStringLiteral("vg0"));
        QVERIFY(vg0);
        const int title = vg0->find(VolumePart::Kind::Title);
        QVERIFY(vg0->parts()[title].detail.contains(QStringLiteral("on md1")));
        QStringList lvs;
        for (const VolumePart &part : vg0->parts())
            if (part.kind == VolumePart::Kind::Use)
                lvs << QStringLiteral("%1 %2").arg(part.item.name, part.label);
        QCOMPARE(lvs, (QStringList{QStringLiteral("root ext4 on /"), QStringLiteral("swap swap"),
                                   QStringLiteral("home-old ext4 on /srv/old home")}));
        QCOMPARE(vg0->parts()[vg0->find(VolumePart::Kind::Capacity, QStringLiteral("root"))].detail, QStringLiteral("900 GiB"));

        QVERIFY(!w.watcher()->isFollowingProgress()); // nothing syncs: no timer
        QCOMPARE(w.changeLog()->lines().size(), 1);
        QVERIFY(w.changeLog()->lines().first().endsWith(QStringLiteral(" watching 2 arrays on 3 disks")));
        saveScreenshot(w, QStringLiteral("healthy-raid1.png"));
    }

    void memberAndPartitionLightEachOtherUp()
    {
        QTemporaryDir dir;
        MachineTree tree(dir.path());
        QVERIFY(tree.copyFrom(fixtures + QStringLiteral("/machine/lvm-on-raid1")));
        MainWindow w(dir.path());
        showWindow(w);
        SelectionModel *selection = w.selection();

        // Pointing at md1's second slot lights sdb2 in the disk map.
        SlotStrip *strip = w.arraysView()->card(QStringLiteral("md1"))->slotStrip();
        QTest::mouseMove(strip, strip->tileRect(1).center());
        QTRY_COMPARE(selection->hovered(), Selectable::member(QStringLiteral("md1"), QStringLiteral("sdb2"), 1));
        QVERIFY(selection->isLit(QStringLiteral("sdb2")));
        QVERIFY(!selection->isLit(QStringLiteral("sda2")));

        // Pointing at sda1 in the disk map lights md0's card and its sda1 slot.
        PartitionBar *bar = w.diskMap()->row(QStringLiteral("sda"))->bar();
        QTest::mouseMove(bar, bar->segmentRect(0).center());
        QTRY_COMPARE(selection->hovered(), Selectable::partition(QStringLiteral("sda1")));
        QVERIFY(selection->isLit(QStringLiteral("md0")));
        QVERIFY(selection->isLit(QStringLiteral("sda1")));
        QVERIFY(!selection->isLit(QStringLiteral("md1")));

        // Clicking a slot selects the member; the details pane describes it.
        QTest::mouseClick(strip, Qt::LeftButton, {}, strip->tileRect(0).center());
        QCOMPARE(selection->current(), Selectable::member(QStringLiteral("md1"), QStringLiteral("sda2"), 0));
        const Details &d = w.detailsPane()->details();
        QCOMPARE(d.title, QStringLiteral("sda2 in md1"));
        QCOMPARE(d.row(QStringLiteral("State"))->value, QStringLiteral("in sync"));
        QCOMPARE(d.row(QStringLiteral("State"))->raw, QStringLiteral("in_sync"));
        QCOMPARE(d.row(QStringLiteral("Slot"))->raw, QStringLiteral("0"));
        QCOMPARE(d.row(QStringLiteral("Read errors"))->value, QStringLiteral("none corrected"));
        QCOMPARE(d.row(QStringLiteral("Serial"))->value, QStringLiteral("WD-WCC6Y0ABCDEF"));

        // Clicking the card selects the array: every md attribute, in words and raw.
        ArrayCard *card = w.arraysView()->card(QStringLiteral("md1"));
        QTest::mouseClick(card, Qt::LeftButton, {}, QPoint(card->width() - 5, card->height() / 2));
        QCOMPARE(selection->current(), Selectable::array(QStringLiteral("md1")));
        const Details &a = w.detailsPane()->details();
        QCOMPARE(a.row(QStringLiteral("Level"))->value, QStringLiteral("RAID-1 (mirror)"));
        QCOMPARE(a.row(QStringLiteral("State"))->raw, QStringLiteral("clean"));
        QCOMPARE(a.row(QStringLiteral("Devices"))->raw, QStringLiteral("2"));
        QCOMPARE(a.row(QStringLiteral("Degraded"))->value, QStringLiteral("no"));
        QCOMPARE(a.row(QStringLiteral("Metadata"))->raw, QStringLiteral("1.2"));
        QCOMPARE(a.row(QStringLiteral("Mismatches"))->value, QStringLiteral("none found"));
        QCOMPARE(a.row(QStringLiteral("Sync action"))->raw, QStringLiteral("idle"));
        QCOMPARE(a.row(QStringLiteral("Speed limits"))->raw, QStringLiteral("1000 / 200000 KiB/s"));
        QCOMPARE(a.row(QStringLiteral("Bitmap"))->raw, QStringLiteral("0/8 pages"));
        QVERIFY(w.detailsPane()->view()->model()->rowCount() > 10);

        // And a disk: identity, bus and partition table.
        DiskRow *row = w.diskMap()->row(QStringLiteral("sdb"));
        QTest::mouseClick(row, Qt::LeftButton, {}, QPoint(5, 5));
        const Details &disk = w.detailsPane()->details();
        QCOMPARE(disk.row(QStringLiteral("Serial"))->value, QStringLiteral("WD-WCC6Y0GHIJKL"));
        QCOMPARE(disk.row(QStringLiteral("WWN"))->value, QStringLiteral("0x50014ee2b5a1c3d5"));
        QCOMPARE(disk.row(QStringLiteral("Bus"))->value, QStringLiteral("SATA"));
        QCOMPARE(disk.row(QStringLiteral("Partition table"))->value, QStringLiteral("GPT"));
    }

    void keyboardWalksCardsSlotsAndDisks()
    {
        QTemporaryDir dir;
        MachineTree tree(dir.path());
        QVERIFY(tree.copyFrom(fixtures + QStringLiteral("/machine/lvm-on-raid1")));
        MainWindow w(dir.path());
        showActive(w);
        SelectionModel *selection = w.selection();

        ArrayCard *first = w.arraysView()->cards().at(0);
        first->setFocus(Qt::TabFocusReason);
        QCOMPARE(selection->current(), Selectable::array(QStringLiteral("md0")));
        QTest::keyClick(first, Qt::Key_Right);
        QCOMPARE(selection->current(), Selectable::member(QStringLiteral("md0"), QStringLiteral("sda1"), 0));
        QTest::keyClick(first, Qt::Key_Right);
        QCOMPARE(selection->current(), Selectable::member(QStringLiteral("md0"), QStringLiteral("sdb1"), 1));
        // Past the last slot, Right goes on to the next card; Left comes back to the last slot.
        QTest::keyClick(first, Qt::Key_Right);
        ArrayCard *second = w.arraysView()->cards().at(1);
        QCOMPARE(QApplication::focusWidget(), second);
        QCOMPARE(selection->current(), Selectable::array(QStringLiteral("md1")));
        QTest::keyClick(second, Qt::Key_Left);
        QCOMPARE(QApplication::focusWidget(), first);
        QCOMPARE(selection->current(), Selectable::member(QStringLiteral("md0"), QStringLiteral("sdb1"), 1));
        QTest::keyClick(first, Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), second);

        // Tab from the last card reaches the first disk; arrows walk partitions and disks.
        QTest::keyClick(second, Qt::Key_Tab);
        PartitionBar *sdaBar = w.diskMap()->row(QStringLiteral("sda"))->bar();
        QCOMPARE(QApplication::focusWidget(), sdaBar);
        QCOMPARE(selection->current(), Selectable::partition(QStringLiteral("sda1")));
        QTest::keyClick(sdaBar, Qt::Key_Right);
        QCOMPARE(selection->current(), Selectable::partition(QStringLiteral("sda2")));
        QTest::keyClick(sdaBar, Qt::Key_Down);
        QCOMPARE(QApplication::focusWidget(), w.diskMap()->row(QStringLiteral("sdb"))->bar());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
        QCOMPARE(QApplication::focusWidget(), w.diskMap()->row(QStringLiteral("sdc"))->bar());
        QCOMPARE(selection->current(), Selectable::disk(QStringLiteral("sdc"))); // whole disk
    }

    // The menu bar's standard keys: F5 reads everything again, Help > About
    // says the version and the licence, Settings > Configure Notifications
    // lists plexus --monitor's events, Ctrl+Q closes the window.
    void menusAndStandardShortcuts()
    {
        QTemporaryDir dir;
        MachineTree tree(dir.path());
        QVERIFY(tree.copyFrom(fixtures + QStringLiteral("/machine/lvm-on-raid1")));
        MainWindow w(dir.path());
        showActive(w);
        QStringList menus;
        for (const QAction *a : w.menuBar()->actions())
            menus << a->text();
        QCOMPARE(menus, (QStringList{QStringLiteral("&File"), QStringLiteral("&Settings"), QStringLiteral("&Help")}));

        QSignalSpy reloaded(&w, &MainWindow::reloaded);
        // To the focus widget, as a key press from the keyboard goes (the widget
        // variant of keyClick is the one that offers it to the shortcuts first).
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F5);
        QVERIFY(reloaded.wait(3000));

        w.findChild<QAction *>(QStringLiteral("help_about_app"))->trigger(); // KStandardActions' names
        QMessageBox *about = nullptr;
        QTRY_VERIFY((about = w.findChild<QMessageBox *>(QStringLiteral("aboutDialog"))) && about->isVisible());
        QVERIFY2(about->text().contains(QStringLiteral("Plexus " PLEXUS_VERSION)), qPrintable(about->text()));
        QVERIFY2(about->text().contains(QStringLiteral("GPL-2.0-or-later")), qPrintable(about->text()));
        about->close();

        // The events of plexus.notifyrc (found in $XDG_DATA_DIRS), each the user's to set.
        w.findChild<QAction *>(QStringLiteral("options_configure_notifications"))->trigger();
        KNotifyConfigWidget *notifications = nullptr;
        QTRY_VERIFY((notifications = w.findChild<KNotifyConfigWidget *>()) && notifications->isVisible());
        QStringList events;
        for (const QAbstractItemView *view : notifications->findChildren<QAbstractItemView *>())
            for (int row = 0; row < view->model()->rowCount(); ++row)
                for (int column = 0; column < view->model()->columnCount(); ++column)
                    events << view->model()->index(row, column).data().toString();
        QVERIFY2(events.contains(QStringLiteral("A member of an array failed")), qPrintable(events.join(QLatin1Char('|'))));
        QVERIFY(events.contains(QStringLiteral("An array is whole again")));
        notifications->window()->close();
        w.activateWindow(); // the dialog had the focus
        QTRY_VERIFY(QApplication::focusWidget());

        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Q, Qt::ControlModifier);
        QTRY_VERIFY(!w.isVisible());
    }

    // What can be done shows in the toolbar with an icon beside its words (the
    // desktop's icon theme; Breeze here and where a theme lacks the name), for
    // arrays and members alike; every name the table gives is one Breeze has.
    void toolbarActionsHaveIcons()
    {
        QTemporaryDir dir;
        MachineTree tree(dir.path());
        QVERIFY(tree.copyFrom(fixtures + QStringLiteral("/machine/lvm-on-raid1")));
        MainWindow w(dir.path());
        showActive(w);
        QCOMPARE(w.actionsToolBar()->toolButtonStyle(), Qt::ToolButtonTextBesideIcon);
        QStringList seen;
        for (const QString &item : {QStringLiteral("md0"), QStringLiteral("md1"), QStringLiteral("md1/sdb2"), QStringLiteral("md0/sda1")}) {
            QVERIFY(w.select(item));
            for (const QAction *a : w.actionsToolBar()->actions()) {
                if (a->isSeparator() || !a->isVisible())
                    continue;
                QVERIFY2(!a->icon().isNull(), qPrintable(QStringLiteral("%1: %2").arg(item, a->text())));
                seen << a->objectName();
            }
        }
        QVERIFY2(seen.size() >= 5, qPrintable(seen.join(QLatin1Char(' '))));
        for (const QString &id : {QStringLiteral("createArray"), QStringLiteral("replace"), QStringLiteral("syncSpeed"),
                                  QStringLiteral("useForVolumes"), QStringLiteral("checkSchedule"), QStringLiteral("backUp")})
            QVERIFY2(QIcon::hasThemeIcon(actionIconName(id)), qPrintable(actionIconName(id)));
    }

    // The size and where the dividers stood come back at the next start
    // (KConfig's state file; main() gives the window on this machine its group).
    void windowStateIsRemembered()
    {
        QTemporaryDir dir;
        MachineTree tree(dir.path());
        QVERIFY(tree.copyFrom(fixtures + QStringLiteral("/machine/lvm-on-raid1")));
        QTemporaryDir state;
        const QString file = state.filePath(QStringLiteral("plexusstaterc"));
        const auto overviewShare = [](const QMainWindow &w) {
            const QList<int> sizes = w.findChild<QSplitter *>(QStringLiteral("overviewAndSidebar"))->sizes();
            return double(sizes[0]) / (sizes[0] + sizes[1]);
        };
        // As main() starts the window on this machine, reading the state file anew.
        const auto start = [&] {
            auto w = std::make_unique<MainWindow>(dir.path());
            w->resize(1000, 700); // main()'s size for a first start
            rememberWindowState(w.get(), KSharedConfig::openConfig(file, KConfig::SimpleConfig)->group(QStringLiteral("MainWindow")));
            w->show();
            return w;
        };
        double share = 0;
        {
            const std::unique_ptr<MainWindow> w = start();
            QVERIFY(QTest::qWaitForWindowExposed(w.get()));
            w->resize(1100, 760); // as the user drags its corner
            QTRY_COMPARE(w->size(), QSize(1100, 760));
            const double first = overviewShare(*w);
            w->findChild<QSplitter *>(QStringLiteral("overviewAndSidebar"))->setSizes({500, 600});
            share = overviewShare(*w);
            QVERIFY(std::abs(share - first) > 0.05); // moved away from where it starts
            w->close();
        }
        QVERIFY(QFile::exists(file));
        const std::unique_ptr<MainWindow> again = start();
        QVERIFY(QTest::qWaitForWindowExposed(again.get()));
        QTRY_COMPARE(again->size(), QSize(1100, 760));
        QVERIFY2(std::abs(overviewShare(*again) - share) < 0.02, qPrintable(QString::number(overviewShare(*again))));
    }

    // A healthy RAID-5 loses a member: the card moves to the top, says what is
    // wrong, shows the missing slot and the faulty device, and the log says when.
    void arrayDegrades()
    {
        QTemporaryDir dir;
        MachineTree tree(dir.path());
        writeRaid5Machine(tree);
        MainWindow w(dir.path());
        showWindow(w);
        QCOMPARE(cardOrder(w), (QStringList{QStringLiteral("md0"), QStringLiteral("md1")}));
        const ArrayCard *md1 = w.arraysView()->card(QStringLiteral("md1"));
        QCOMPARE(labelText(md1, "health"), QStringLiteral("Healthy"));
        QCOMPARE(labelText(md1, "level"), QStringLiteral("RAID-5 \u00b7 striped with parity \u00b7 4 drives \u00b7 512 KiB chunks"));

        tree.failMember(QStringLiteral("md1"), QStringLiteral("sdc2"));
        QVERIFY(refreshAndWait(w));

        QCOMPARE(cardOrder(w), (QStringList{QStringLiteral("md1"), QStringLiteral("md0")}));
        QCOMPARE(labelText(md1, "health"), QStringLiteral("Degraded: 1 of 4 members missing"));
        QCOMPARE(md1->tone(), Tone::Warning);
        QCOMPARE(slotLines(md1), (QStringList{QStringLiteral("sda2: in sync"), QStringLiteral("sdb2: in sync"),
                                              QStringLiteral("slot 2: missing"), QStringLiteral("sdd2: in sync"),
                                              QStringLiteral("sdc2: faulty")}));
        QCOMPARE(segmentLines(w, QStringLiteral("sdc")),
                 (QStringList{QStringLiteral("sdc1 swap, off"), QStringLiteral("sdc2 md1 member, faulty")}));
        QCOMPARE(w.diskMap()->row(QStringLiteral("sdc"))->bar()->segments().at(1).state, std::optional<Tone>(Tone::Bad));
        QVERIFY(logHas(w, QStringLiteral("sdc2 failed in md1")));
        QVERIFY(logHas(w, QStringLiteral("md1 is degraded")));
        QVERIFY(w.changeLog()->lines().last().contains(QRegularExpression(QStringLiteral("^\\d\\d:\\d\\d:\\d\\d md1"))));
        w.selection()->setCurrent(Selectable::array(QStringLiteral("md1")));
        QCOMPARE(w.detailsPane()->details().row(QStringLiteral("Degraded"))->raw, QStringLiteral("1"));
        QCOMPARE(w.detailsPane()->details().row(QStringLiteral("Slots up"))->raw, QStringLiteral("UU_U"));
        saveScreenshot(w, QStringLiteral("degraded-raid5.png"));

        // A second failure is more than RAID-5 survives.
        tree.failMember(QStringLiteral("md1"), QStringLiteral("sda2"));
        QVERIFY(refreshAndWait(w));
        QCOMPARE(labelText(md1, "health"), QStringLiteral("Failed: 2 of 4 members missing"));
        QCOMPARE(md1->tone(), Tone::Bad);
        QVERIFY(logHas(w, QStringLiteral("md1 has failed")));

        // The Changes of one thing: a disk's (its partitions'), an array's.
        auto *narrow = w.findChild<QCheckBox *>(QStringLiteral("changesOfSelection"));
        auto *log = w.findChild<QListView *>(QStringLiteral("changeLog"));
        QVERIFY(narrow && log);
        const auto shown = [log] {
            QStringList lines;
            for (int row = 0; row < log->model()->rowCount(); ++row)
                lines << log->model()->index(row, 0).data().toString().remove(QRegularExpression(QStringLiteral("^\\d\\d:\\d\\d:\\d\\d ")));
            return lines;
        };
        const int everything = int(w.changeLog()->lines().size());
        w.selection()->setCurrent(Selectable::disk(QStringLiteral("sdc")));
        QVERIFY(narrow->isEnabled());
        QCOMPARE(narrow->text(), QStringLiteral("Only sdc"));
        narrow->setChecked(true);
        QCOMPARE(shown(), QStringList{QStringLiteral("sdc2 failed in md1")});
        w.selection()->setCurrent(Selectable::array(QStringLiteral("md1")));
        QCOMPARE(narrow->text(), QStringLiteral("Only md1"));
        QCOMPARE(shown(), (QStringList{QStringLiteral("sdc2 failed in md1"), QStringLiteral("md1 is degraded"),
                                       QStringLiteral("sda2 failed in md1"), QStringLiteral("md1 has failed")}));
        saveScreenshot(w, QStringLiteral("changes-of-md1.png"));
        w.selection()->setCurrent(Selectable::volumeGroup(QStringLiteral("nosuchvg")));
        QVERIFY(!narrow->isEnabled());
        QCOMPARE(log->model()->rowCount(), everything); // nothing to narrow to: every line
        narrow->setChecked(false);
    }

    // md's notification about one array (here: a member failing, a rebuild
    // moving on) re-reads that array only, and the window keeps what the user
    // was doing: the selection, the hovered item, where the overview is
    // scrolled to, and the cards and rows themselves.
    void aNotificationRereadsItsArrayOnly()
    {
        QTemporaryDir dir;
        MachineTree tree(dir.path());
        QList<MachineTree::Disk> disks;
        QList<MachineTree::Array> arrays;
        MachineTree::describeLargeMachine(48, 12, &disks, &arrays);
        tree.build(disks, arrays);
        MainWindow w(dir.path());
        showWindow(w, QSize(1100, 700));
        QTRY_VERIFY(cardsFit(w));

        const MachineTree::Array &watched = arrays.at(3), &failing = arrays.at(7);
        const Selectable selected = Selectable::member(watched.name, watched.members.at(1).device, 1);
        w.selection()->setCurrent(selected);
        const Selectable hovered = Selectable::disk(disks.at(20).name);
        w.selection()->setHovered(hovered);
        auto *scroll = w.findChild<QScrollArea *>(QStringLiteral("overviewScroll"));
        QVERIFY(scroll && scroll->verticalScrollBar()->maximum() > 0);
        scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum() / 2);
        const int scrolledTo = scroll->verticalScrollBar()->value();
        const ArrayCard *watchedCard = w.arraysView()->card(watched.name);
        const DiskRow *firstRow = w.diskMap()->row(disks.first().name);
        const QString model = labelText(firstRow, "model");

        // A change md tells nobody about (udev's record of a disk): not read on
        // an md notification, only when everything is (F5, a disk arriving).
        const QString record = QStringLiteral("run/udev/data/b259:0");
        tree.write(record, tree.read(record).replace("E:ID_MODEL=", "E:ID_MODEL=Renamed_"));
        tree.write(QStringLiteral("sys/block/%1/device/model").arg(disks.first().name), "Renamed\n");

        const QString member = failing.members.at(0).device;
        tree.failMember(failing.name, member);
        QSignalSpy reloaded(&w, &MainWindow::reloaded);
        w.watcher()->recheck();
        QVERIFY(reloaded.wait(3000));
        const ArrayCard *failed = w.arraysView()->card(failing.name);
        QVERIFY(slotLines(failed).contains(member + QStringLiteral(": faulty")));
        // The disk map redraws the failed member's disk (only those a change touches are worked out again).
        const QString memberDisk = w.snapshot()->diskOf(member)->name;
        const QList<DiskSegment> segments = w.diskMap()->row(memberDisk)->bar()->segments();
        QVERIFY(std::any_of(segments.begin(), segments.end(), [&](const DiskSegment &seg) { return seg.device == member && seg.state == Tone::Bad; }));
        QCOMPARE(cardOrder(w).first(), failing.name); // the array that needs a look comes first
        QVERIFY(logHas(w, QStringLiteral("%1 failed in %2").arg(member, failing.name)));
        QCOMPARE(w.selection()->current(), selected);
        QCOMPARE(w.selection()->hovered(), hovered);
        QCOMPARE(scroll->verticalScrollBar()->value(), scrolledTo);
        QCOMPARE(w.arraysView()->card(watched.name), watchedCard);
        QCOMPARE(w.diskMap()->row(disks.first().name), firstRow);
        QCOMPARE(labelText(firstRow, "model"), model);

        // A rebuild's progress, tick by tick, the same way.
        tree.startSync(watched.name, QStringLiteral("check"), 0, Q_INT64_C(1000000), 50000);
        w.watcher()->recheck();
        QVERIFY(reloaded.wait(3000));
        // The progress timer's tick reads the progress only, and the card shows it.
        const QString before = watchedCard->accessibleName();
        tree.advanceSync(watched.name, 500000);
        w.watcher()->progressTick();
        QVERIFY(reloaded.wait(3000));
        QVERIFY(qAbs(watchedCard->findChild<QProgressBar *>(QStringLiteral("progress"))->value() - 500) <= 1); // half way
        // Its health line (and so its name for screen readers) says how far.
        QVERIFY2(watchedCard->accessibleName() != before && watchedCard->accessibleName().contains(QStringLiteral("49.9%")),
                 qPrintable(watchedCard->accessibleName()));
        QCOMPARE(w.selection()->current(), selected);
        QCOMPARE(labelText(firstRow, "model"), model);

        // A disk arriving (udev's word, Solid's on the live system) reads that
        // disk: it shows, and the other disk's new model still waits.
        const QString arriving = QStringLiteral("sdzz");
        tree.addDisk(MachineTree::disk(arriving, 8, {MachineTree::Partition{arriving + QLatin1Char('1'), 1, 4096, QStringLiteral("xfs"), {}}}));
        w.watcher()->deviceCameOrWent(arriving + QLatin1Char('1'));
        w.watcher()->deviceCameOrWent(arriving);
        QVERIFY(reloaded.wait(3000));
        const DiskRow *arrived = w.diskMap()->row(arriving);
        QVERIFY(arrived);
        QVERIFY(w.snapshot()->diskOf(arriving + QLatin1Char('1')));
        const QStringList log = w.changeLog()->lines();
        QVERIFY2(std::any_of(log.begin(), log.end(), [&](const QString &l) { return l.contains(QStringLiteral("Disk %1 added").arg(arriving)); }), qPrintable(log.join(QLatin1Char('\n'))));
        QCOMPARE(w.diskMap()->row(disks.first().name), firstRow);
        QCOMPARE(labelText(firstRow, "model"), model);
        QCOMPARE(w.selection()->current(), selected);
        QCOMPARE(w.snapshot()->disks.size(), disks.size() + 1);
        // And leaving: its row goes, the others stay.
        QVERIFY(tree.remove(QStringLiteral("sys/block/") + arriving));
        w.watcher()->deviceCameOrWent(arriving + QLatin1Char('1'));
        w.watcher()->deviceCameOrWent(arriving);
        QVERIFY(reloaded.wait(3000));
        QVERIFY(!w.diskMap()->row(arriving));
        QCOMPARE(w.snapshot()->disks.size(), disks.size());
        QCOMPARE(w.diskMap()->row(disks.first().name), firstRow);
        QCOMPARE(w.selection()->current(), selected);

        // Nothing changed: no report, nothing redone.
        w.watcher()->recheck();
        QVERIFY(!reloaded.wait(300));

        // Everything read again: now the disk's new model shows.
        QVERIFY(refreshAndWait(w));
        QCOMPARE(labelText(w.diskMap()->row(disks.first().name), "model"), QStringLiteral("Renamed"));
        QCOMPARE(w.selection()->current(), selected);
    }

    // plexus --select, and a notification's "open" and "replace": the window
    // opens on that array or member.
    void selectsWhatItIsAskedFor()
    {
        QTemporaryDir dir;
        MachineTree tree(dir.path());
        writeRaid5Machine(tree);
        tree.failMember(QStringLiteral("md1"), QStringLiteral("sdc2"));
        MainWindow w(dir.path());
        showWindow(w);
        QVERIFY(w.select(QStringLiteral("md0")));
        QCOMPARE(w.selection()->current(), Selectable::array(QStringLiteral("md0")));
        QVERIFY(w.select(QStringLiteral("md1/sdc2")));
        QCOMPARE(w.selection()->current(), Selectable::member(QStringLiteral("md1"), QStringLiteral("sdc2")));
        QVERIFY(w.select(QStringLiteral("md1/sdb2")));
        QCOMPARE(w.selection()->current(), Selectable::member(QStringLiteral("md1"), QStringLiteral("sdb2"), 1));
        QVERIFY(!w.select(QStringLiteral("md7")));
        QVERIFY(!w.select(QStringLiteral("md1/sdz9")));
        QCOMPARE(w.selection()->current(), Selectable::member(QStringLiteral("md1"), QStringLiteral("sdb2"), 1)); // unchanged
    }

    // A replacement disk rebuilds: progress, speed and time left follow the
    // kernel, the watcher's timer runs only while it does.
    void rebuildProgresses()
    {
        QTemporaryDir dir;
        MachineTree tree(dir.path());
        writeRaid5Machine(tree);
        tree.failMember(QStringLiteral("md1"), QStringLiteral("sdc2"));
        tree.removeMemberDir(QStringLiteral("md1"), QStringLiteral("sdc2"));
        MainWindow w(dir.path());
        showWindow(w);
        QVERIFY(!w.watcher()->isFollowingProgress());

        MachineTree::Disk fresh;
        fresh.name = QStringLiteral("sdf");
        fresh.sizeGiB = 1805;
        fresh.model = QStringLiteral("ST2000DM008-2FR102");
        fresh.partitions << MachineTree::Partition{QStringLiteral("sdf1"), 1, 1024, QString(), QString()}
                         << MachineTree::Partition{QStringLiteral("sdf2"), 1025, 1805 * 1024 - 1026,
                                                   QStringLiteral("linux_raid_member"), QStringLiteral("md1")};
        tree.addDisk(fresh);
        // md rebuilds onto a device it calls "spare" until in sync, already in slot 2.
        tree.addMember(QStringLiteral("md1"), {QStringLiteral("sdf2"), QStringLiteral("spare"), QStringLiteral("2"), 4});
        tree.startSync(QStringLiteral("md1"), QStringLiteral("recover"), Q_INT64_C(870099095), Q_INT64_C(1891421333), 193359);
        QVERIFY(refreshAndWait(w));

        const ArrayCard *md1 = w.arraysView()->card(QStringLiteral("md1"));
        QCOMPARE(cardOrder(w).first(), QStringLiteral("md1"));
        QCOMPARE(labelText(md1, "health"), QStringLiteral("Rebuilding sdf2, 46.0% - 1 h 28 min left at 198 MB/s"));
        auto *bar = md1->findChild<QProgressBar *>(QStringLiteral("progress"));
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->value(), 460);
        QCOMPARE(bar->text(), QStringLiteral("46.0%"));
        QVERIFY(labelText(md1, "progressText").startsWith(QStringLiteral("Recovery \u00b7 830 GiB of 1.76 TiB \u00b7 done around ")));
        QCOMPARE(slotLines(md1).at(2), QStringLiteral("sdf2: rebuilding"));
        QVERIFY(logHas(w, QStringLiteral("Disk sdf added (ST2000DM008-2FR102, 1.76 TiB, SATA)")));
        QVERIFY(logHas(w, QStringLiteral("sdf2 added to md1")));
        QVERIFY(logHas(w, QStringLiteral("md1: recovery started")));
        QVERIFY(w.watcher()->isFollowingProgress());
        // A fixture tree is not this machine: logind is not asked, nothing is said.
        QVERIFY(w.shutdownHoldNotice()->isHidden());
        // What the live window shows once logind lists the helper's inhibitor.
        w.shutdownHoldNotice()->setReason(QStringLiteral("md1 is being rebuilt for /srv (about 1.5 h left)"));
        QVERIFY(w.shutdownHoldNotice()->isVisible());
        QCOMPARE(w.shutdownHoldNotice()->text(), QStringLiteral("Shutdown is held off: md1 is being rebuilt for /srv (about 1.5 h left)."));
        saveScreenshot(w, QStringLiteral("resync.png"));
        w.shutdownHoldNotice()->setReason({});
        QVERIFY(w.shutdownHoldNotice()->isHidden());

        tree.advanceSync(QStringLiteral("md1"), Q_INT64_C(1513140066)); // 80.0 %
        QVERIFY(refreshAndWait(w));
        QCOMPARE(bar->value(), 800);
        QVERIFY(labelText(md1, "health").startsWith(QStringLiteral("Rebuilding sdf2, 80.0% - ")));

        tree.finishSync(QStringLiteral("md1"));
        QVERIFY(refreshAndWait(w));
        QCOMPARE(labelText(md1, "health"), QStringLiteral("Healthy"));
        QVERIFY(bar->isHidden());
        QCOMPARE(slotLines(md1).at(2), QStringLiteral("sdf2: in sync"));
        QVERIFY(logHas(w, QStringLiteral("md1: recovery finished")));
        QVERIFY(logHas(w, QStringLiteral("md1 is healthy again")));
        // sdf2 being in sync is the array whole again: one line each, none for the member.
        QCOMPARE(w.changeLog()->lines().mid(w.changeLog()->lines().size() - 2).join(QLatin1Char('|')).remove(QRegularExpression(QStringLiteral("\\d\\d:\\d\\d:\\d\\d "))),
                 QStringLiteral("md1 is healthy again|md1: recovery finished"));
        QVERIFY(!w.watcher()->isFollowingProgress()); // idle again: the timer stopped
    }

    // The committed resyncing-raid1 tree, advanced in place.
    void resyncAdvancesInCopiedFixture()
    {
        QTemporaryDir dir;
        MachineTree tree(dir.path());
        QVERIFY(tree.copyFrom(fixtures + QStringLiteral("/sysfs/resyncing-raid1")));
        MainWindow w(dir.path());
        showWindow(w);
        const ArrayCard *md0 = w.arraysView()->card(QStringLiteral("md0"));
        auto *bar = md0->findChild<QProgressBar *>(QStringLiteral("progress"));
        QCOMPARE(bar->value(), 315);
        QVERIFY(labelText(md0, "health").startsWith(QStringLiteral("Synchronizing, 31.5%")));
        QVERIFY(w.watcher()->isFollowingProgress());

        tree.write(QStringLiteral("sys/block/md0/md/sync_completed"), "3141632 / 4188160\n");
        QByteArray mdstat = tree.read(QStringLiteral("proc/mdstat"));
        mdstat.replace("[======>..............]  resync = 31.5% (661504/2094080) finish=0.8min",
                       "[==============>......]  resync = 74.9% (1570816/2094080) finish=0.3min");
        tree.write(QStringLiteral("proc/mdstat"), mdstat);
        QVERIFY(refreshAndWait(w));
        QCOMPARE(bar->value(), 749);
        QCOMPARE(bar->text(), QStringLiteral("74.9%"));
    }

    void diskArrives()
    {
        QTemporaryDir dir;
        MachineTree tree(dir.path());
        QVERIFY(tree.copyFrom(fixtures + QStringLiteral("/machine/lvm-on-raid1")));
        MainWindow w(dir.path());
        showWindow(w);
        QVERIFY(!w.diskMap()->row(QStringLiteral("sdd")));

        tree.write(QStringLiteral("sys/block/sdd/dev"), "8:48\n");
        tree.write(QStringLiteral("sys/block/sdd/size"), "62521344\n");
        tree.write(QStringLiteral("sys/block/sdd/removable"), "1\n");
        tree.write(QStringLiteral("sys/block/sdd/ro"), "0\n");
        tree.write(QStringLiteral("sys/block/sdd/queue/rotational"), "0\n");
        tree.write(QStringLiteral("sys/block/sdd/device/model"), "Ultra Fit\n");
        tree.write(QStringLiteral("run/udev/data/b8:48"), "E:ID_BUS=usb\nE:ID_MODEL=Ultra_Fit\nE:ID_SERIAL_SHORT=4C530001\n");
        QVERIFY(refreshAndWait(w));

        const DiskRow *sdd = w.diskMap()->row(QStringLiteral("sdd"));
        QVERIFY(sdd);
        QCOMPARE(w.diskMap()->rows().last(), sdd);
        QCOMPARE(labelText(sdd, "model"), QStringLiteral("Ultra Fit"));
        QCOMPARE(sdd->factsText(), QStringLiteral("29.8 GiB \u00b7 USB \u00b7 SSD"));
        QCOMPARE(sdd->badges(), QStringList{QStringLiteral("removable")});
        QCOMPARE(segmentLines(w, QStringLiteral("sdd")), QStringList{QStringLiteral("sdd empty, no partition table")});
        QVERIFY(logHas(w, QStringLiteral("Disk sdd added (Ultra Fit, 29.8 GiB, USB)")));

        tree.remove(QStringLiteral("sys/block/sdd"));
        QVERIFY(refreshAndWait(w));
        QVERIFY(!w.diskMap()->row(QStringLiteral("sdd")));
        QVERIFY(logHas(w, QStringLiteral("Disk sdd removed (Ultra Fit)")));
    }

    void noArraysSaysHowToStart()
    {
        QTemporaryDir dir;
        MachineTree tree(dir.path());
        MachineTree::Disk a, b;
        a.name = QStringLiteral("vda");
        b.name = QStringLiteral("vdb");
        a.sizeGiB = b.sizeGiB = 20;
        a.bus = b.bus = QStringLiteral("virtio");
        a.table = b.table = QString();
        tree.build({a, b}, {});
        MainWindow w(dir.path());
        showWindow(w);
        QVERIFY(w.arraysView()->cards().isEmpty());
        QVERIFY(w.arraysView()->emptyState()->isVisible());
        QCOMPARE(labelText(w.arraysView()->emptyState(), "emptyText"), QStringLiteral("No arrays yet: select disks to create one"));
        QCOMPARE(w.diskMap()->rows().size(), 2);
        QVERIFY(w.volumesView()->findChild<QLabel *>(QStringLiteral("emptyVolumes"))->isVisible());
        saveScreenshot(w, QStringLiteral("empty.png"));
    }

    // Colours come from the palette: a dark theme gets dark cards, not white ones.
    void followsDarkPalette()
    {
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
        dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
        dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe6));
        dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9c, 0xa0));
        QApplication::setPalette(dark);

        QTemporaryDir dir;
        MachineTree tree(dir.path());
        writeRaid5Machine(tree);
        tree.failMember(QStringLiteral("md1"), QStringLiteral("sdc2"));
        MainWindow w(dir.path());
        showWindow(w);
        const QImage shot = w.grab().toImage();
        const ArrayCard *card = w.arraysView()->cards().first();
        const QPoint inCard = card->mapTo(&w, QPoint(card->width() - card->fontMetrics().height() / 3, card->height() / 2));
        QVERIFY2(QColor(shot.pixel(inCard * shot.devicePixelRatio())).lightness() < 80, "card background is not dark");
        saveScreenshot(w, QStringLiteral("degraded-raid5-dark.png"));
    }

    // A 4K screen at 200 %: everything is measured in font units, so doubling
    // the font stands in for the scale factor.
    void scalesWithTheFont()
    {
        QFont big = QApplication::font();
        big.setPointSizeF(big.pointSizeF() * 2);
        QApplication::setFont(big);
        QTemporaryDir dir;
        MachineTree tree(dir.path());
        writeRaid5Machine(tree);
        MainWindow w(dir.path());
        showWindow(w, QSize(2560, 1600));
        const ArrayCard *card = w.arraysView()->cards().first();
        QVERIFY(card->slotStrip()->tileRect(0).height() >= card->fontMetrics().height() * 2);
        const PartitionBar *bar = w.diskMap()->rows().first()->bar();
        QCOMPARE(bar->height(), bar->sizeHint().height());
        saveScreenshot(w, QStringLiteral("raid5-4k.png"));
    }

    // The start-up benchmark's machine: 24 disks, 8 arrays, all shown.
    void largeMachine()
    {
        QTemporaryDir dir;
        QList<MachineTree::Disk> disks;
        QList<MachineTree::Array> arrays;
        MachineTree::describeLargeMachine(24, 8, &disks, &arrays);
        MachineTree tree(dir.path());
        tree.build(disks, arrays);
        MainWindow w(dir.path());
        showWindow(w);
        QCOMPARE(w.arraysView()->cards().size(), 8);
        QCOMPARE(w.diskMap()->rows().size(), 24);
        for (const ArrayCard *card : w.arraysView()->cards())
            QCOMPARE(labelText(card, "health"), QStringLiteral("Healthy"));
        saveScreenshot(w, QStringLiteral("large-machine.png"));
    }

    // Every committed sysfs scenario loads, one card per array, with the
    // health the model gives it; a screenshot of each for review.
    void sysfsScenarios_data()
    {
        QTest::addColumn<QString>("scenario");
        const QDir sysfs(fixtures + QStringLiteral("/sysfs"));
        for (const QString &name : sysfs.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            QTest::newRow(qPrintable(name)) << sysfs.filePath(name);
    }

    void sysfsScenarios()
    {
        QFETCH(QString, scenario);
        MainWindow w(scenario);
        showWindow(w);
        const QList<Array> arrays = MdSysfsProbe(scenario).arrays();
        QCOMPARE(w.arraysView()->cards().size(), arrays.size());
        for (const Array &a : arrays)
            QCOMPARE(labelText(w.arraysView()->card(a.name), "health"), arrayHealth(a));
        for (int i = 1; i < w.arraysView()->cards().size(); ++i) // most urgent first
            QVERIFY(arrayUrgency(*w.snapshot()->array(w.arraysView()->cards()[i - 1]->arrayName()))
                    <= arrayUrgency(*w.snapshot()->array(w.arraysView()->cards()[i]->arrayName())));
        saveScreenshot(w, QStringLiteral("sysfs-%1.png").arg(QFileInfo(scenario).fileName()));
    }

private:
    QPalette m_lightPalette;
    QFont m_font;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
