// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// Split-mirror backups in the window, over a fixture tree planned with the real
// engine (TreeSystem): a mirror kept degraded for backups, a copy cut off it on
// a USB disk and the helper's records (as Backups() returns them, injected).
// What a user checks: the card shows the copy with its date and age, and one
// that is not plugged in; the menus offer Back up, Refresh, Copy all of it
// again, Open and Close, each asking the helper for the right method and
// arguments; a disk that cannot take a backup is greyed out with the reason.
// The card is saved to <build>/screenshots/backup-card.png.
#include "arraycard.h"
#include "arraysview.h"
#include "backupchips.h"
#include "backuplist.h"
#include "diskmapview.h"
#include "disksegments.h"
#include "engine/ops/registry.h"
#include "machinetree.h"
#include "mainwindow.h"
#include "operations/actionlauncher.h"
#include "operations/devicepicker.h"
#include "operations/operationrunner.h"
#include "operations/reviewdialog.h"
#include "operations/steplist.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QDBusMessage>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QTimeZone>

using namespace plexus;

namespace {

const QString screenshots = QStringLiteral(PLEXUS_SCREENSHOT_DIR);
const QString raid = QStringLiteral("linux_raid_member");
// md0's UUID as the tree's md/uuid says it (udev and mdadm write it differently).
const QString md0Uuid = QStringLiteral("3d1f2a6b-8c44-11ef-9a55-0d0e5e1a0000");

// md0: a RAID-1 of sda1 with slot 1 kept free for backups. sdc1, on a USB
// disk, carries md0's superblock without being in it: a copy cut off md0.
// sdd is blank, sdf1 too small, sdg1 mounted.
void writeMachine(MachineTree &tree)
{
    QList<MachineTree::Disk> disks;
    disks << MachineTree::disk(QStringLiteral("sda"), 64, {{QStringLiteral("sda1"), 1, 1024, raid, QStringLiteral("md0"), md0Uuid}});
    MachineTree::Disk usb = MachineTree::disk(QStringLiteral("sdc"), 2, {{QStringLiteral("sdc1"), 1, 1024, raid, QString(), md0Uuid}});
    usb.bus = QStringLiteral("usb");
    usb.model = QStringLiteral("Backup Drive");
    usb.removable = true;
    disks << usb;
    disks << MachineTree::disk(QStringLiteral("sdd"), 64, {});
    disks << MachineTree::disk(QStringLiteral("sdf"), 8, {{QStringLiteral("sdf1"), 1, 100}});
    disks << MachineTree::disk(QStringLiteral("sdg"), 64, {{QStringLiteral("sdg1"), 1, 60000, QStringLiteral("ext4")}});
    MachineTree::Array md0;
    md0.name = QStringLiteral("md0");
    md0.level = QStringLiteral("raid1");
    md0.sizeKiB = 1047552;
    md0.degraded = 1;
    md0.members << MachineTree::Member{QStringLiteral("sda1"), QStringLiteral("in_sync"), QStringLiteral("0"), 0};
    tree.build(disks, {md0});
    tree.addMount(QStringLiteral("sdg1"), QStringLiteral("/mnt/data"), QStringLiteral("ext4"));
}

QVariantMap record(const QString &device, const QDateTime &cutAt, qint64 events, bool incremental)
{
    BackupRecord r;
    r.arrayUuid = QStringLiteral("3d1f2a6b:8c4411ef:9a550d0e:5e1a0000");
    r.array = QStringLiteral("md0");
    r.deviceUuid = QStringLiteral("0badc0de:%1:00000000:00000001").arg(events);
    r.device = device;
    r.sizeBytes = 1047552LL * 1024;
    r.events = events;
    r.cutAt = cutAt;
    r.copiedBytes = incremental ? 9LL << 20 : r.sizeBytes;
    r.incremental = incremental;
    QVariantMap m = r.toJson().toVariantMap();
    m.insert(QStringLiteral("words"), r.words());
    return m;
}

QAction *menuAction(const QMenu *menu, const QString &id)
{
    return menu->findChild<QAction *>(QStringLiteral("action-") + id);
}

struct Window {
    QTemporaryDir dir;
    MachineTree tree{dir.path()};
    std::unique_ptr<MainWindow> w;
    QDateTime now = QDateTime::currentDateTimeUtc();

    Window()
    {
        writeMachine(tree);
        w = std::make_unique<MainWindow>(dir.path());
        w->resize(1280, 860);
        w->show();
        // The helper's records: sdc1 cut two hours ago; a copy on sdh1 three days ago, not here now.
        w->backups()->setRecords({record(QStringLiteral("sdc1"), now.addSecs(-2 * 3600 - 60), 120, true),
                                  record(QStringLiteral("sdh1"), now.addDays(-3), 88, false)});
    }
    ArrayCard *card() const { return w->arraysView()->card(QStringLiteral("md0")); }
    // The operation `id` on `item` plans, as the review dialog gets it.
    Operation reviewed(const Selectable &item, const QString &id)
    {
        QSignalSpy opened(w.get(), &MainWindow::reviewOpened);
        if (!w->actions()->trigger(item, id))
            return {};
        if (opened.isEmpty())
            return {};
        auto *review = opened.first().first().value<ReviewDialog *>();
        const Operation op = review->operation();
        review->close();
        return op;
    }
};

DeviceSpec deviceArgument(const Operation &op, int index)
{
    return qvariant_cast<DeviceSpec>(op.request.arguments().value(index));
}

QVariantMap optionsOf(const Operation &op)
{
    return op.request.arguments().last().toMap();
}

} // namespace

class TestBackupWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setStyle(QStringLiteral("Fusion"));
        registerDBusTypes();
    }

    void ageInWords()
    {
        const QDateTime now(QDate(2026, 12, 4), QTime(10, 0), QTimeZone::UTC);
        QCOMPARE(ageWords(now.addSecs(-20), now), QStringLiteral("just now"));
        QCOMPARE(ageWords(now.addSecs(-60), now), QStringLiteral("1 minute ago"));
        QCOMPARE(ageWords(now.addSecs(-2 * 3600 - 59), now), QStringLiteral("2 hours ago"));
        QCOMPARE(ageWords(now.addDays(-3), now), QStringLiteral("3 days ago"));
        QCOMPARE(ageWords(now.addDays(-95), now), QStringLiteral("3 months ago"));
    }

    // The card: the copy on sdc1 with its date and age; the copy on sdh1 not plugged in.
    void cardShowsTheCopies()
    {
        Window f;
        QVERIFY(QTest::qWaitForWindowExposed(f.w.get()));
        BackupChips *chips = f.card()->backups();
        QVERIFY(chips->isVisible());
        QCOMPARE(chips->copies().size(), 2);
        const QString here = chips->lineText(0), gone = chips->lineText(1);
        QVERIFY2(here.startsWith(QStringLiteral("detached Copy on sdc1 \u00b7 as of ")), qPrintable(here));
        QVERIFY2(here.contains(cutWords(f.now.addSecs(-2 * 3600 - 60), f.now)), qPrintable(here));
        QVERIFY2(here.endsWith(QStringLiteral(", 2 hours ago")), qPrintable(here));
        QVERIFY2(gone.startsWith(QStringLiteral("not plugged in Copy on sdh1")) && gone.endsWith(QStringLiteral("3 days ago")), qPrintable(gone));
        // A mirror without records draws none; the disk map names the copy for what it is.
        f.w->backups()->setRecords({});
        QCOMPARE(chips->copies().size(), 1);
        QVERIFY2(chips->lineText(0).contains(QStringLiteral("no record")), qPrintable(chips->lineText(0)));
        const QList<DiskSegment> segments = diskSegments(*f.w->snapshot()->disk(QStringLiteral("sdc")), *f.w->snapshot());
        QCOMPARE(segments.first().roleText, QStringLiteral("backup copy of md0"));
    }

    // Back up to a disk: the picker offers every disk, the ones that cannot take
    // the copy greyed out with the engine's reason; the request is BackUpToDisk.
    void backUpToADisk()
    {
        Window f;
        QVERIFY(QTest::qWaitForWindowExposed(f.w.get()));
        std::unique_ptr<QMenu> menu(f.w->contextMenu(Selectable::array(QStringLiteral("md0")), nullptr));
        QAction *backUp = menuAction(menu.get(), QStringLiteral("backUp"));
        QVERIFY(backUp && backUp->isEnabled());
        QCOMPARE(backUp->text(), QStringLiteral("Back up to a disk\u2026"));
        QVERIFY(f.w->actions()->trigger(Selectable::array(QStringLiteral("md0")), QStringLiteral("backUp")));
        DevicePicker *picker = nullptr;
        QTRY_VERIFY((picker = f.w->findChild<DevicePicker *>()) && picker->isVisible());
        QHash<QString, QString> greyed;
        QStringList usable;
        for (int i = 0; i < picker->list()->count(); ++i) {
            const QListWidgetItem *item = picker->list()->item(i);
            const QString device = item->data(Qt::UserRole).toString();
            if (item->flags() & Qt::ItemIsEnabled)
                usable << device;
            else
                greyed.insert(device, item->text());
        }
        QVERIFY2(usable.contains(QStringLiteral("sdd")) && usable.contains(QStringLiteral("sdc1")), qPrintable(usable.join(u' ')));
        QVERIFY2(greyed.value(QStringLiteral("sdf1")).contains(QStringLiteral("too small")), qPrintable(greyed.value(QStringLiteral("sdf1"))));
        QVERIFY2(greyed.value(QStringLiteral("sdg1")).contains(QStringLiteral("mounted")), qPrintable(greyed.value(QStringLiteral("sdg1"))));
        QVERIFY(!picker->choose(QStringLiteral("sdf1")));

        QSignalSpy opened(f.w.get(), &MainWindow::reviewOpened);
        QVERIFY(picker->choose(QStringLiteral("sdd")));
        QCOMPARE(opened.size(), 1);
        auto *review = opened.first().first().value<ReviewDialog *>();
        const Operation op = review->operation();
        QCOMPARE(QLatin1String(op.request.info().method), QLatin1String("BackUpToDisk"));
        QCOMPARE(op.request.arguments().first().toString(), QStringLiteral("/dev/md0"));
        QCOMPARE(deviceArgument(op, 1).path, QStringLiteral("/dev/sdd"));
        QVERIFY2(op.plan.previews().contains(QStringLiteral("mdadm /dev/md0 --add /dev/sdd")), qPrintable(op.plan.previews().join(u'\n')));
        QCOMPARE(op.erased.size(), 1); // named in the review before anything is written
        review->close();
    }

    // The copy's menu (its line on the card, its partition in the disk map):
    // Refresh, Copy all of it again, Open; Close only once it is open.
    void copyActions()
    {
        Window f;
        QVERIFY(QTest::qWaitForWindowExposed(f.w.get()));
        const Selectable copy = Selectable::partition(QStringLiteral("sdc1"));

        // A right click on the copy's line asks for the partition's menu.
        QSignalSpy asked(f.card(), &ArrayCard::contextMenuRequested);
        QWidget *line = f.card()->findChild<QWidget *>(QStringLiteral("backup-sdc1"));
        QVERIFY(line);
        QContextMenuEvent click(QContextMenuEvent::Mouse, QPoint(4, 4), line->mapToGlobal(QPoint(4, 4)));
        QApplication::sendEvent(line, &click);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().first().value<Selectable>(), copy);
        QCOMPARE(f.w->selection()->current(), copy); // lit in the disk map, and the toolbar offers its actions
        QVERIFY(f.w->actionsToolBar()->findChild<QAction *>(QStringLiteral("action-refreshBackup")));

        std::unique_ptr<QMenu> menu(f.w->contextMenu(copy, nullptr));
        for (const char *id : {"refreshBackup", "copyAllAgain", "openBackup"})
            QVERIFY2(menuAction(menu.get(), QLatin1String(id)) && menuAction(menu.get(), QLatin1String(id))->isEnabled(), id);
        QAction *close = menuAction(menu.get(), QStringLiteral("closeBackup"));
        QVERIFY(close && !close->isEnabled());
        QVERIFY2(close->toolTip().contains(QStringLiteral("is not open")), qPrintable(close->toolTip()));
        // Not a copy: no backup actions.
        QVERIFY(actionsFor(f.w->planningContext(), Selectable::partition(QStringLiteral("sdg1"))).isEmpty());

        // Refresh: incremental, so no overwrite; the helper reads the superblock and plans.
        const Operation refresh = f.reviewed(copy, QStringLiteral("refreshBackup"));
        QVERIFY2(!refresh.isRefused(), qPrintable(refresh.refusal.message()));
        QCOMPARE(QLatin1String(refresh.request.info().method), QLatin1String("BackUpToDisk"));
        QCOMPARE(refresh.request.arguments().first().toString(), QStringLiteral("/dev/md0"));
        QCOMPARE(deviceArgument(refresh, 1).path, QStringLiteral("/dev/sdc1"));
        QVERIFY(!optionsOf(refresh).value(QStringLiteral("overwrite")).toBool());
        QVERIFY(refresh.erased.isEmpty()); // only the copy's older state goes: no erase to confirm
        QVERIFY2(refresh.plan.notes.join(u' ').contains(QStringLiteral("without root")), qPrintable(refresh.plan.notes.join(u' ')));

        {
            ReviewDialog review(refresh);
            review.show();
            QVERIFY(QTest::qWaitForWindowExposed(&review));
            QVERIFY(!review.stepList()->isVisible()); // the helper's steps appear once it runs
            QDir().mkpath(screenshots);
            QVERIFY(review.grab().save(screenshots + QStringLiteral("/backup-refresh-review.png")));
        }

        // Copy all of it again: overwrite, and the review names what goes.
        const Operation again = f.reviewed(copy, QStringLiteral("copyAllAgain"));
        QVERIFY2(!again.isRefused(), qPrintable(again.refusal.message()));
        QCOMPARE(deviceArgument(again, 1).path, QStringLiteral("/dev/sdc1"));
        QVERIFY(optionsOf(again).value(QStringLiteral("overwrite")).toBool());
        QCOMPARE(again.erased.size(), 1);
        QCOMPARE(again.erased.first().contents, QStringLiteral("a backup copy of md0"));
        QVERIFY(again.erased.first().text().startsWith(QStringLiteral("/dev/sdc1, Backup Drive")));

        const Operation open = f.reviewed(copy, QStringLiteral("openBackup"));
        QVERIFY2(!open.isRefused(), qPrintable(open.refusal.message()));
        QCOMPARE(QLatin1String(open.request.info().method), QLatin1String("OpenBackup"));
        QCOMPARE(deviceArgument(open, 0).path, QStringLiteral("/dev/sdc1"));
        QVERIFY(open.plan.notes.join(u' ').contains(QStringLiteral("file manager")));

        // Opened (a loop device reads it): the card says so, Close detaches it.
        f.tree.write(QStringLiteral("sys/block/loop0/loop/backing_file"), "/dev/sdc1\n");
        f.w->reload();
        QVERIFY2(f.card()->backups()->lineText(0).startsWith(QStringLiteral("open Copy on sdc1")), qPrintable(f.card()->backups()->lineText(0)));
        QVERIFY(f.card()->backups()->lineText(0).contains(QStringLiteral("opened read-only as /dev/loop0")));
        std::unique_ptr<QMenu> opened(f.w->contextMenu(copy, nullptr));
        QVERIFY(!menuAction(opened.get(), QStringLiteral("openBackup"))->isEnabled());
        QCOMPARE(menuAction(opened.get(), QStringLiteral("openBackup"))->toolTip(), QStringLiteral("The copy is open already, read-only as /dev/loop0."));
        const Operation closing = f.reviewed(copy, QStringLiteral("closeBackup"));
        QVERIFY2(!closing.isRefused(), qPrintable(closing.refusal.message()));
        QCOMPARE(QLatin1String(closing.request.info().method), QLatin1String("CloseBackup"));
        QCOMPARE(deviceArgument(closing, 0).path, QStringLiteral("/dev/sdc1"));
        QCOMPARE(closing.plan.previews(), QStringList{QStringLiteral("losetup --detach /dev/loop0")});

        QTRY_VERIFY(f.card()->findChild<QWidget *>(QStringLiteral("backup-sdc1"))->isVisible());
        QTRY_VERIFY(f.card()->findChild<QWidget *>(QStringLiteral("backup-sdh1"))->isVisible());
        QDir().mkpath(screenshots);
        QVERIFY(f.card()->grab().save(screenshots + QStringLiteral("/backup-card.png")));
        QVERIFY(f.w->grab().save(screenshots + QStringLiteral("/backup-window.png")));
    }

    // Open, run: the review says which loop device the step set up.
    void openSaysTheLoopDevice()
    {
        Window f;
        const Operation open = f.reviewed(Selectable::partition(QStringLiteral("sdc1")), QStringLiteral("openBackup"));
        ReviewDialog dialog(open);
        const QDBusMessage call = QDBusMessage::createMethodCall(QStringLiteral("org.plexus.Helper1"), QStringLiteral("/org/plexus/Helper1"),
                                                                 QStringLiteral("org.plexus.Helper1"), QStringLiteral("OpenBackup"));
        dialog.runner()->setCaller([&](const Operation &, const QVariantMap &) {
            return QDBusPendingCall::fromCompletedCall(call.createReply(QVariant(QStringLiteral("job-9"))));
        });
        dialog.show();
        if (auto *confirm = dialog.findChild<QAbstractButton *>(QStringLiteral("confirm")))
            confirm->click();
        dialog.run();
        Q_EMIT dialog.runner()->stepFinished(0, QString(), QStringLiteral("opened read-only as /dev/loop3: mount it read-only"));
        QTRY_COMPARE(dialog.phaseName(), QStringLiteral("done"));
        const QString said = dialog.findChild<QLabel *>(QStringLiteral("resultMessage"))->text();
        QVERIFY2(said.startsWith(QStringLiteral("opened read-only as /dev/loop3")), qPrintable(said));
    }
};

QTEST_MAIN(TestBackupWindow)
#include "tst_backupwindow.moc"
