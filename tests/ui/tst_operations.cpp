// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// Changing arrays from the window, over a fixture tree planned with the real
// engine (TreeSystem): the review dialog (steps, commands, what is erased, the
// confirmation), refusals in plain words, what a drop on a member slot would
// do (decided before the drop), a simulated drag and drop, the context menu
// actions with their reasons, the runner's errors, and the banner over a
// degraded array. Screenshots go to <build>/screenshots/.
#include "arraycard.h"
#include "arraysview.h"
#include "create/createarraydialog.h"
#include "create/devicelist.h"
#include "create/levellist.h"
#include "diskmapview.h"
#include "diskrow.h"
#include "engine/ops/registry.h"
#include "engine/restart.h"
#include "engine/treesystem.h"
#include "operationsmachine.h"
#include "mainwindow.h"
#include "operations/actionlauncher.h"
#include "operations/attentionbanner.h"
#include "operations/devicedrag.h"
#include "operations/devicepicker.h"
#include "operations/dropplanner.h"
#include "operations/operationrunner.h"
#include "operations/reviewdialog.h"
#include "operations/scheduledialog.h"
#include "operations/steplist.h"
#include "operations/unfinishedbanner.h"
#include "partitionbar.h"
#include "probe/snapshotprobe.h"
#include "slotstrip.h"

#include <QAction>
#include <unistd.h>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDBusMessage>
#include <QDBusPendingCall>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
#include <QRadioButton>
#include <QMenu>
#include <QMimeData>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using namespace plexus;
using namespace plexus::test;

namespace {

const QString screenshots = QStringLiteral(PLEXUS_SCREENSHOT_DIR);

QString labelText(const QWidget *parent, const char *name)
{
    const auto *label = parent->findChild<QLabel *>(QLatin1String(name));
    return label ? label->text() : QStringLiteral("<no label %1>").arg(QLatin1String(name));
}

bool shown(const QWidget *parent, const char *name)
{
    const auto *w = parent->findChild<QWidget *>(QLatin1String(name));
    return w && w->isVisible();
}

int tileIndex(const SlotStrip *strip, const QString &device)
{
    for (int i = 0; i < strip->slots().size(); ++i)
        if (strip->slots()[i].device == device)
            return i;
    return -1;
}

QAction *menuAction(const QMenu *menu, const QString &id)
{
    return menu->findChild<QAction *>(QStringLiteral("action-") + id);
}

void save(QWidget *w, const QString &name)
{
    QDir().mkpath(screenshots);
    QVERIFY2(w->grab().save(screenshots + QLatin1Char('/') + name), qPrintable(name));
}

QDBusPendingCall errorReply(const QString &name, const QString &message)
{
    return QDBusPendingCall::fromCompletedCall(QDBusMessage::createError(name, message));
}

} // namespace

class TestOperations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setStyle(QStringLiteral("Fusion"));
        registerDBusTypes();
    }

    // A failed RAID-5 member replaced by a blank disk: the steps in words and
    // as mdadm commands, the blank disk named as erased, Run only once confirmed.
    void reviewShowsStepsCommandsAndErased()
    {
        Machine m;
        const Operation op = m.drop(QStringLiteral("sde"), QStringLiteral("md1"), QStringLiteral("sdc2"));
        QVERIFY2(!op.isRefused(), qPrintable(op.refusal.message()));
        ReviewDialog dialog(op);
        dialog.resize(dialog.sizeHint());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        QCOMPARE(labelText(&dialog, "title"), QStringLiteral("Replace sdc2 in md1 with sde"));
        // sde is blank and sdc2 a partition: sde is partitioned like sdc, sde2 joins, sdc2's superblock goes.
        QCOMPARE(labelText(&dialog, "summary"),
                 QStringLiteral("Replace the faulty member /dev/sdc2 of md1 with /dev/sde2 (/dev/sde gets /dev/sdc's partitions first)."));
        QCOMPARE(dialog.stepList()->descriptions().size(), 6);
        QVERIFY(dialog.stepList()->descriptions().first().startsWith(QStringLiteral("Read /dev/sdc's partition table")));
        QCOMPARE(dialog.commandsText(), QStringLiteral("sfdisk --dump /dev/sdc\n"
                                                       "sfdisk --no-reread --no-tell-kernel --wipe=always --wipe-partitions=always /dev/sde < sdc.sfdisk\n"
                                                       "blockdev --rereadpt /dev/sde\n"
                                                       "mdadm /dev/md1 --remove /dev/sdc2\n"
                                                       "mdadm /dev/md1 --add /dev/sde2\n"
                                                       "mdadm --zero-superblock /dev/sdc2"));
        // Each step's words and its command, numbered, on screen.
        const QList<QLabel *> commands = dialog.stepList()->findChildren<QLabel *>(QStringLiteral("command"));
        QCOMPARE(commands.size(), 6);
        QCOMPARE(commands[4]->text(), QStringLiteral("mdadm /dev/md1 --add /dev/sde2"));
        QVERIFY(commands[1]->textInteractionFlags() & Qt::TextSelectableByMouse);
        QVERIFY(dialog.stepList()->findChildren<QLabel *>(QStringLiteral("description"))[0]->text().startsWith(QStringLiteral("1. ")));

        QVERIFY(shown(&dialog, "erased"));
        QCOMPARE(labelText(&dialog, "erased-0"), QStringLiteral("\u2022 /dev/sde, QEMU HARDDISK, 30.0 GiB, serial NEW5: now holds nothing recognisable"));
        auto *run = dialog.findChild<QPushButton *>(QStringLiteral("runButton"));
        auto *confirm = dialog.findChild<QCheckBox *>(QStringLiteral("confirm"));
        QVERIFY(run && confirm);
        QVERIFY(!run->isEnabled());
        QVERIFY(!shown(&dialog, "refusal"));
        save(&dialog, QStringLiteral("review-replace.png"));
        confirm->setChecked(true);
        QVERIFY(run->isEnabled());
        QCOMPARE(dialog.phaseName(), QStringLiteral("review"));

        auto *copy = dialog.findChild<QPushButton *>(QStringLiteral("copyCommands"));
        copy->click();
        QCOMPARE(QApplication::clipboard()->text(), dialog.commandsText());
    }

    // Something that does not change data (a check) runs without a confirmation box.
    void checkNeedsNoConfirmation()
    {
        Machine m;
        const Operation op = planOperation(m.context(), SyncActionRequest{.array = QStringLiteral("/dev/md0"), .action = QStringLiteral("check")});
        QVERIFY2(!op.isRefused(), qPrintable(op.refusal.message()));
        ReviewDialog dialog(op);
        QVERIFY(!dialog.findChild<QCheckBox *>(QStringLiteral("confirm")));
        QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("runButton"))->isEnabled());
        QVERIFY(!dialog.findChild<QWidget *>(QStringLiteral("erased")));
    }

    void refusedOperationSaysWhyAndCannotRun()
    {
        Machine m;
        const Operation op = m.drop(QStringLiteral("sdg1"), QStringLiteral("md1"), QStringLiteral("sdc2"));
        QVERIFY(op.isRefused());
        ReviewDialog dialog(op);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.phaseName(), QStringLiteral("refused"));
        QVERIFY(shown(&dialog, "refusal"));
        QCOMPARE(labelText(&dialog, "refusalLead"), QStringLiteral("That device is in use."));
        QVERIFY2(labelText(&dialog, "refusalMessage").contains(QStringLiteral("/dev/sdg1 is mounted on /mnt/backup")),
                 qPrintable(labelText(&dialog, "refusalMessage")));
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("runButton")));
        QVERIFY(!shown(&dialog, "copyCommands"));
        QCOMPARE(dialog.findChild<QPushButton *>(QStringLiteral("closeButton"))->text(), QStringLiteral("Close"));
        save(&dialog, QStringLiteral("review-refused.png"));
    }

    // What a drop would do, decided before the drop.
    void dropPlannerDecides_data()
    {
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("array");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("operation"); // the helper method, or "" when refused
        QTest::addColumn<QString>("words");     // in the summary, or in the reason

        QTest::newRow("faulty member: replace") << "sde" << "md1" << "sdc2" << "ReplaceMember" << "Replace the faulty member /dev/sdc2";
        QTest::newRow("blank disk for a partition: partitioned alike") << "sde" << "md1" << "sdc2" << "ReplaceMember"
                                                                      << "with /dev/sde2 (/dev/sde gets /dev/sdc's partitions first)";
        QTest::newRow("empty slot of md1: add") << "sde" << "md1" << "slot 2" << "AddMember" << "in its missing slot";
        QTest::newRow("empty slot of md2: add") << "sdd2" << "md2" << "slot 1" << "AddMember" << "Add /dev/sdd2 to md2";
        QTest::newRow("healthy member: hot replace") << "sdd2" << "md0" << "sda1" << "ReplaceMember" << "copying it while it stays in service";
        QTest::newRow("mounted") << "sdg1" << "md1" << "sdc2" << "" << "is mounted on /mnt/backup";
        QTest::newRow("too small") << "sdf" << "md1" << "sdc2" << "" << "is too small for /dev/md1";
        QTest::newRow("in another array") << "sda1" << "md2" << "slot 1" << "" << "is a member of md0";
        QTest::newRow("onto a spare") << "sde" << "md0" << "sdd1" << "" << "sdd1 is a spare of md0";
        QTest::newRow("same disk as a member") << "sda3" << "md1" << "sdc2" << "" << "same disk as sda2";
        QTest::newRow("whole disk with partitions") << "sdd" << "md2" << "slot 1" << "" << "sdd has the partition sdd1";
        QTest::newRow("onto itself") << "sda1" << "md0" << "sda1" << "" << "already this member";
    }

    void dropPlannerDecides()
    {
        QFETCH(QString, device);
        QFETCH(QString, array);
        QFETCH(QString, target);
        QFETCH(QString, operation);
        QFETCH(QString, words);
        Machine m;
        const Operation op = m.drop(device, array, target);
        if (operation.isEmpty()) {
            QVERIFY2(op.isRefused(), qPrintable(op.plan.summary));
            QVERIFY2(op.refusal.message().contains(words), qPrintable(op.refusal.message()));
        } else {
            QVERIFY2(!op.isRefused(), qPrintable(op.refusal.message()));
            QCOMPARE(op.plan.operation, operation);
            QVERIFY2(op.plan.summary.contains(words), qPrintable(op.plan.summary));
            QCOMPARE(op.erased.size(), 1);
            QCOMPARE(op.erased.first().path, QStringLiteral("/dev/") + device);
        }
    }

    // A real window: a drag over md1's failed member is accepted before the
    // drop, the drop opens the review with the plan; a mounted partition is
    // refused over the tile with the reason, and dropping it opens nothing.
    void dragAndDropOnSlot()
    {
        Machine m;
        MainWindow &w = m.window();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ArrayCard *card = w.arraysView()->card(QStringLiteral("md1"));
        SlotStrip *strip = card->slotStrip();
        QVERIFY(strip->acceptDrops());
        const int faulty = tileIndex(strip, QStringLiteral("sdc2"));
        QVERIFY(faulty >= 0);
        const QPoint at = strip->tileRect(faulty).center();

        std::unique_ptr<QMimeData> mime(deviceMimeData(QStringLiteral("sde")));
        QDragEnterEvent enter(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(strip, &enter);
        QVERIFY(enter.isAccepted());
        QDragMoveEvent move(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(strip, &move);
        QVERIFY(move.isAccepted());
        QCOMPARE(strip->dropIndex(), faulty);
        QVERIFY(!strip->dropOperation().isRefused());
        QVERIFY(labelText(card, "dropHint").startsWith(QStringLiteral("Drop to review: Replace the faulty member /dev/sdc2")));

        QSignalSpy opened(&w, &MainWindow::reviewOpened);
        QDropEvent drop(QPointF(at), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(strip, &drop);
        QVERIFY(drop.isAccepted());
        QCOMPARE(opened.size(), 1);
        auto *review = opened.first().first().value<ReviewDialog *>();
        QVERIFY(review && review->isVisible());
        QCOMPARE(review->operation().plan.operation, QStringLiteral("ReplaceMember"));
        QVERIFY(review->commandsText().contains(QStringLiteral("mdadm /dev/md1 --add /dev/sde")));
        QVERIFY(!card->findChild<QLabel *>(QStringLiteral("dropHint"))->isVisible());
        review->close();

        // Refused: the tile says no before the drop, with the reason in the card and the status bar.
        std::unique_ptr<QMimeData> mounted(deviceMimeData(QStringLiteral("sdg1")));
        QDragEnterEvent enter2(at, Qt::CopyAction, mounted.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(strip, &enter2);
        QDragMoveEvent move2(at, Qt::CopyAction, mounted.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(strip, &move2);
        QVERIFY(!move2.isAccepted());
        QVERIFY(strip->dropOperation().isRefused());
        QVERIFY2(labelText(card, "dropHint").contains(QStringLiteral("is mounted on /mnt/backup")), qPrintable(labelText(card, "dropHint")));
        QVERIFY(w.statusBar()->currentMessage().startsWith(QStringLiteral("Cannot drop sdg1 on sdc2: /dev/sdg1 is mounted")));
        QTest::qWait(50);
        save(&w, QStringLiteral("drag-refused.png"));
        QDropEvent drop2(QPointF(at), Qt::CopyAction, mounted.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(strip, &drop2);
        QVERIFY(!drop2.isAccepted());
        QCOMPARE(opened.size(), 1);
        QVERIFY(w.statusBar()->currentMessage().isEmpty());
    }

    // The disk map is a drag source: the disk row's MIME data names the disk.
    void dragImageLooksLikeTheDisk()
    {
        Machine m;
        QWidget host;
        const QPixmap pixmap = devicePixmap(&host, *m.snapshot, QStringLiteral("sde"));
        QVERIFY(pixmap.width() > pixmap.height() * 2);
        std::unique_ptr<QMimeData> mime(deviceMimeData(QStringLiteral("sde")));
        QCOMPARE(draggedDevice(mime.get()), QStringLiteral("sde"));
        QCOMPARE(mime->text(), QStringLiteral("/dev/sde"));
    }

    // Context menus: what can be done, and why not when it cannot.
    void contextMenuActionsAndReasons()
    {
        Machine m;
        MainWindow &w = m.window();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        std::unique_ptr<QMenu> md0(w.contextMenu(Selectable::array(QStringLiteral("md0")), nullptr));
        QCOMPARE(menuAction(md0.get(), QStringLiteral("growMirror"))->text(), QStringLiteral("Grow mirror to 3 copies\u2026"));
        QVERIFY(menuAction(md0.get(), QStringLiteral("growMirror"))->isEnabled());
        QVERIFY(menuAction(md0.get(), QStringLiteral("addSpare"))->isEnabled());
        QVERIFY(menuAction(md0.get(), QStringLiteral("check"))->isEnabled());
        QVERIFY(!menuAction(md0.get(), QStringLiteral("shrinkMirror"))->isEnabled());
        QCOMPARE(menuAction(md0.get(), QStringLiteral("shrinkMirror"))->toolTip(), QStringLiteral("md0 has 2 copies; a mirror keeps at least two."));
        QVERIFY(!menuAction(md0.get(), QStringLiteral("stopCheck"))->isEnabled());
        QCOMPARE(menuAction(md0.get(), QStringLiteral("stopCheck"))->toolTip(), QStringLiteral("No check or repair is running on md0."));
        // Full speed is for a sync under way; md0 is idle, and the engine says so.
        QVERIFY(!menuAction(md0.get(), QStringLiteral("fullSpeed"))->isEnabled());
        QVERIFY2(menuAction(md0.get(), QStringLiteral("fullSpeed"))->toolTip().contains(QStringLiteral("md0 is not syncing now (md says 'idle')")),
                 qPrintable(menuAction(md0.get(), QStringLiteral("fullSpeed"))->toolTip()));
        QVERIFY(!menuAction(md0.get(), QStringLiteral("start")));

        std::unique_ptr<QMenu> md1(w.contextMenu(Selectable::array(QStringLiteral("md1")), nullptr));
        QVERIFY(!menuAction(md1.get(), QStringLiteral("growMirror"))->isEnabled());
        QCOMPARE(menuAction(md1.get(), QStringLiteral("growMirror"))->toolTip(), QStringLiteral("Only a mirror (RAID-1) grows by copies; md1 is RAID-5."));

        // The failed member: replace or remove it; it cannot be failed again.
        std::unique_ptr<QMenu> faulty(w.contextMenu(Selectable::member(QStringLiteral("md1"), QStringLiteral("sdc2")), nullptr));
        QVERIFY(menuAction(faulty.get(), QStringLiteral("replace"))->isEnabled());
        QVERIFY(menuAction(faulty.get(), QStringLiteral("remove"))->isEnabled());
        QVERIFY(!menuAction(faulty.get(), QStringLiteral("fail"))->isEnabled());
        QVERIFY(menuAction(faulty.get(), QStringLiteral("fail"))->toolTip().contains(QStringLiteral("already marked faulty")));
        // Member actions first, then the array's, apart.
        QVERIFY(faulty->actions().at(3)->isSeparator());

        // A working member cannot simply be removed; a spare cannot be replaced.
        std::unique_ptr<QMenu> working(w.contextMenu(Selectable::member(QStringLiteral("md0"), QStringLiteral("sda1"), 0), nullptr));
        QVERIFY(!menuAction(working.get(), QStringLiteral("remove"))->isEnabled());
        QVERIFY(menuAction(working.get(), QStringLiteral("remove"))->toolTip().contains(QStringLiteral("working member")));
        QVERIFY(menuAction(working.get(), QStringLiteral("fail"))->isEnabled());
        std::unique_ptr<QMenu> spare(w.contextMenu(Selectable::member(QStringLiteral("md0"), QStringLiteral("sdd1")), nullptr));
        QVERIFY(!menuAction(spare.get(), QStringLiteral("replace"))->isEnabled());
        QCOMPARE(menuAction(spare.get(), QStringLiteral("replace"))->toolTip(), QStringLiteral("sdd1 is a spare: it holds no data to replace. Remove it instead."));

        // An empty slot: fill it.
        std::unique_ptr<QMenu> empty(w.contextMenu(Selectable::member(QStringLiteral("md2"), QString(), 1), nullptr));
        QCOMPARE(menuAction(empty.get(), QStringLiteral("addMember"))->text(), QStringLiteral("Add a device to fill slot 1\u2026"));

        // A partition in an array offers its member actions and Create array.
        std::unique_ptr<QMenu> partition(w.contextMenu(Selectable::partition(QStringLiteral("sdb2")), nullptr));
        QVERIFY(menuAction(partition.get(), QStringLiteral("replace")));
        const QList<QAction *> offered = partition->actions();
        QVERIFY(std::any_of(offered.begin(), offered.end(), [](const QAction *a) { return a->objectName() == QLatin1String("createArrayAction"); }));
        QCOMPARE(offered.last()->objectName(), QStringLiteral("action-locate"));
    }

    // "Change when arrays are checked…": the schedule now, a choice, and the
    // review of the drop-in it writes; a calendar systemd cannot read is refused
    // in the review; a cron job is not offered.
    // "Mirror this system onto another disk…" on the disk / is on: the review
    // shows the whole procedure, the restart in the middle; the system disk
    // itself is refused as the target.
    void mirrorSystem()
    {
        QTemporaryDir dir;
        MachineTree tree(dir.path());
        MachineTree::Disk sda = MachineTree::disk(QStringLiteral("sda"), 20,
                                                  {{QStringLiteral("sda1"), 1, 1}, {QStringLiteral("sda2"), 2, 512, QStringLiteral("ext4")},
                                                   {QStringLiteral("sda3"), 514, 18000, QStringLiteral("ext4")}});
        sda.partitions[0].type = QStringLiteral("21686148-6449-6e6f-744e-656564454649");
        sda.partitions[1].uuid = QStringLiteral("b0000000-0000-4000-8000-000000000001");
        sda.partitions[2].uuid = QStringLiteral("a0000000-0000-4000-8000-000000000002");
        tree.build({sda, MachineTree::disk(QStringLiteral("sdb"), 20, {})}, {});
        tree.addMount(QStringLiteral("sda3"), QStringLiteral("/"), QStringLiteral("ext4"));
        tree.addMount(QStringLiteral("sda2"), QStringLiteral("/boot"), QStringLiteral("ext4"));
        tree.write(QStringLiteral("etc/fstab"), "UUID=a0000000-0000-4000-8000-000000000002 / ext4 defaults 0 1\n"
                                                "UUID=b0000000-0000-4000-8000-000000000001 /boot ext4 defaults 0 2\n");
        for (const char *tool : {"grub-install", "update-grub", "update-initramfs", "rsync", "mdadm", "lvm"}) {
            tree.write(QStringLiteral("usr/sbin/%1").arg(QLatin1String(tool)), "#!/bin/sh\n");
            QFile(dir.filePath(QStringLiteral("usr/sbin/%1").arg(QLatin1String(tool)))).setPermissions(QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        }
        const SnapshotPtr snapshot = SnapshotProbe(dir.path()).take();
        TreeSystem system(dir.path());
        const PlanningContext ctx{snapshot, &system};
        ArrayAction mirror, mirrorLvm;
        for (const ArrayAction &a : actionsFor(ctx, Selectable::disk(QStringLiteral("sda")))) {
            if (a.id == QLatin1String("mirrorSystem"))
                mirror = a;
            if (a.id == QLatin1String("mirrorSystemLvm"))
                mirrorLvm = a;
        }
        // The lvm layout: the same procedure, LVM on the big mirror.
        QCOMPARE(mirrorLvm.text, QStringLiteral("Mirror this system onto another disk, with LVM volumes\u2026"));
        const Operation lvm = mirrorLvm.make(QStringLiteral("sdb"));
        QVERIFY2(!lvm.isRefused(), qPrintable(lvm.refusal.message()));
        QVERIFY(lvm.plan.summary.contains(QStringLiteral("with its volumes in the LVM group rootvg")));
        QVERIFY(lvm.plan.toText().contains(QStringLiteral("vgcreate rootvg /dev/md1")));
        {
            ReviewDialog review(lvm);
            review.resize(900, 760);
            review.show();
            QVERIFY(QTest::qWaitForWindowExposed(&review));
            save(&review, QStringLiteral("review-mirror-system-lvm.png"));
        }
        QCOMPARE(mirror.text, QStringLiteral("Mirror this system onto another disk\u2026"));
        QCOMPARE(mirror.input, ArrayAction::Input::Device);
        for (const ArrayAction &a : actionsFor(ctx, Selectable::disk(QStringLiteral("sdb"))))
            QVERIFY(a.id != QLatin1String("mirrorSystem")); // only on the disk the system runs from
        QVERIFY(mirror.make(QStringLiteral("sda")).refusal.message().contains(QStringLiteral("is the disk the system runs from")));
        // A blank disk dropped on the system disk's row: the same procedure.
        const Operation dropped = planDiskDrop(ctx, QStringLiteral("sdb"), QStringLiteral("sda"));
        QVERIFY2(!dropped.isRefused(), qPrintable(dropped.refusal.message()));
        QCOMPARE(dropped.title, QStringLiteral("Mirror the running system onto sdb"));
        const Operation op = mirror.make(QStringLiteral("sdb"));
        QVERIFY2(!op.isRefused(), qPrintable(op.refusal.message()));
        ReviewDialog dialog(op);
        dialog.resize(900, 760);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(labelText(&dialog, "title"), QStringLiteral("Mirror the running system onto sdb"));
        QVERIFY(dialog.commandsText().contains(QStringLiteral("chroot /run/plexus/mirror-system grub-install /dev/sdb")));
        QVERIFY(dialog.commandsText().contains(QStringLiteral("systemctl reboot # by you")));
        QVERIFY(dialog.commandsText().contains(QStringLiteral("mdadm /dev/md0 --add /dev/sda3")));
        save(&dialog, QStringLiteral("review-mirror-system.png"));

        // Run: the helper reports the steps up to the restart done and ends
        // there, saying what comes next (as JobFinished's message does).
        const QStringList descriptions = dialog.stepList()->descriptions();
        int restart = -1;
        for (int i = 0; i < descriptions.size(); ++i)
            if (descriptions[i].startsWith(QStringLiteral("Restart the computer from /dev/sdb")))
                restart = i;
        QVERIFY(restart > 0 && restart < descriptions.size() - 1);
        for (int i = 0; i <= restart; ++i) {
            Q_EMIT dialog.runner()->stepStarted(i, descriptions[i], QString());
            Q_EMIT dialog.runner()->stepFinished(i, QString(), QString());
        }
        HelperResult waiting;
        waiting.ok = true;
        waiting.job = QStringLiteral("20261205-101500-000-abcd");
        waiting.note = restartWords(restart + 1, int(descriptions.size()), descriptions[restart + 1]);
        Q_EMIT dialog.runner()->finished(waiting);
        QVERIFY(shown(&dialog, "result"));
        QCOMPARE(labelText(&dialog, "resultLead"), QStringLiteral("Waiting for a restart."));
        QVERIFY(labelText(&dialog, "resultMessage").startsWith(QStringLiteral("Restart the computer when you are ready: after it starts again, Plexus goes on by itself with step %1 of")
                                                                   .arg(restart + 2)));
        QCOMPARE(dialog.stepList()->state(restart - 1), StepList::StepState::Done);
        QCOMPARE(dialog.stepList()->state(restart), StepList::StepState::Running); // yours to do
        QCOMPARE(dialog.stepList()->state(restart + 1), StepList::StepState::Pending);
        QTRY_VERIFY(dialog.stepList()->row(restart)->visibleRegion().boundingRect().height() > 0);
        save(&dialog, QStringLiteral("mirror-system-restart.png"));

        // After the restart the helper carries the job on by itself: the window
        // opens on its remaining steps, live, and the banner says it is under way.
        QStringList states;
        for (int i = 0; i < descriptions.size(); ++i)
            states << (i <= restart + 1 ? QStringLiteral("done") : i == restart + 2 ? QStringLiteral("in progress when it stopped") : QStringLiteral("not run"));
        const QVariantMap job{{QStringLiteral("job"), waiting.job},
                              {QStringLiteral("operation"), QStringLiteral("MirrorSystem")},
                              {QStringLiteral("summary"), op.plan.summary},
                              {QStringLiteral("started"), QStringLiteral("2026-12-05T10:15:00Z")},
                              {QStringLiteral("steps"), descriptions},
                              {QStringLiteral("commands"), dialog.stepList()->commands()},
                              {QStringLiteral("states"), states},
                              {QStringLiteral("last_started"), restart + 2},
                              {QStringLiteral("running"), true},
                              {QStringLiteral("started_by"), uint(geteuid())}};
        Machine m;
        MainWindow &w = m.window();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ReviewDialog *progress = nullptr;
        connect(&w, &MainWindow::reviewOpened, this, [&progress](ReviewDialog *d) { progress = d; });
        w.setUnfinishedJobs({job});
        QVERIFY(progress);
        QCOMPARE(progress->phaseName(), QStringLiteral("running"));
        QCOMPARE(labelText(progress, "title"), QStringLiteral("A job under way"));
        QCOMPARE(progress->stepList()->descriptions(), descriptions);
        QCOMPARE(progress->stepList()->state(restart + 1), StepList::StepState::Done);
        QCOMPARE(progress->stepList()->state(restart + 2), StepList::StepState::Running);
        QCOMPARE(progress->stepList()->state(restart + 3), StepList::StepState::Pending);
        QVERIFY(!shown(progress, "runButton"));
        QVERIFY(!shown(progress, "confirm"));
        QVERIFY(w.unfinishedBanner()->text().contains(QStringLiteral(" is under way: step %1 of %2 (%3).")
                                                          .arg(restart + 3).arg(descriptions.size()).arg(descriptions[restart + 2])));
        QVERIFY(w.unfinishedBanner()->progressButton()->isVisible());
        QVERIFY(w.unfinishedBanner()->resumeButton()->isHidden());
        QVERIFY(w.unfinishedBanner()->rollBackButton()->isHidden());
        QVERIFY(w.unfinishedBanner()->dropButton()->isHidden());
        progress->resize(900, progress->sizeHint().height());
        QTRY_VERIFY(progress->stepList()->row(restart + 2)->visibleRegion().boundingRect().height() > 0);
        save(progress, QStringLiteral("mirror-system-after-restart.png"));
        // Its progress goes on live, then it ends.
        Q_EMIT progress->runner()->stepFinished(restart + 2, QString(), QString());
        Q_EMIT progress->runner()->stepStarted(restart + 3, descriptions[restart + 3], QString());
        QCOMPARE(progress->stepList()->state(restart + 2), StepList::StepState::Done);
        QCOMPARE(progress->stepList()->state(restart + 3), StepList::StepState::Running);
        HelperResult done;
        done.ok = true;
        done.job = waiting.job;
        Q_EMIT progress->runner()->finished(done);
        QCOMPARE(labelText(progress, "resultLead"), QStringLiteral("Done."));
        QCOMPARE(progress->stepList()->state(int(descriptions.size()) - 1), StepList::StepState::Done);
        progress->close();
        QTRY_VERIFY(w.findChildren<ReviewDialog *>().isEmpty());
        // Opened by itself once: a later look at the jobs does not open it again
        // (the banner's "Show progress…" does).
        progress = nullptr;
        w.setUnfinishedJobs({job});
        QVERIFY(!progress);
        w.unfinishedBanner()->progressButton()->click();
        QVERIFY(progress);
        QCOMPARE(progress->phaseName(), QStringLiteral("running"));
    }

    void checkSchedule()
    {
        Machine m;
        MachineTree tree(m.dir.path());
        tree.write(QStringLiteral("usr/lib/systemd/system/mdcheck_start.timer"), "[Timer]\nOnCalendar=Sun *-*-1..7 1:00:00\nRandomizedDelaySec=24h\n");
        QDir().mkpath(m.dir.filePath(QStringLiteral("etc/systemd/system/mdmonitor.service.wants")));
        QVERIFY(QFile::link(QStringLiteral("/usr/lib/systemd/system/mdcheck_start.timer"),
                            m.dir.filePath(QStringLiteral("etc/systemd/system/mdmonitor.service.wants/mdcheck_start.timer"))));
        MainWindow &w = m.window();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy opened(&w, &MainWindow::reviewOpened);
        std::unique_ptr<QMenu> md0(w.contextMenu(Selectable::array(QStringLiteral("md0")), nullptr));
        QAction *change = menuAction(md0.get(), QStringLiteral("checkSchedule"));
        QVERIFY(change && change->isEnabled());
        QCOMPARE(change->text(), QStringLiteral("Change when arrays are checked\u2026"));
        change->trigger();
        auto *dialog = w.findChild<ScheduleDialog *>(QStringLiteral("scheduleDialog"));
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY(dialog->findChildren<QLabel *>().first()->text().contains(QStringLiteral("Now: the first Sunday of each month at 01:00 (mdcheck_start.timer).")));
        dialog->findChild<QRadioButton *>(QStringLiteral("choice2"))->setChecked(true);
        save(dialog, QStringLiteral("check-schedule.png"));
        QCOMPARE(dialog->when(), QStringLiteral("Sun 01:00"));
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(opened.size(), 1);
        auto *review = opened.first().first().value<ReviewDialog *>();
        QCOMPARE(review->operation().plan.operation, QStringLiteral("SetCheckSchedule"));
        QCOMPARE(review->operation().plan.summary, QStringLiteral("Check the arrays every Sunday at 01:00 (now: the first Sunday of each month at 01:00)."));
        QVERIFY2(review->commandsText().contains(QStringLiteral("OnCalendar=Sun 01:00")), qPrintable(review->commandsText()));
        QVERIFY(review->operation().erased.isEmpty());
        review->close();

        // Another time, which systemd does not understand: refused in its words, before anything runs.
        std::unique_ptr<QMenu> again(w.contextMenu(Selectable::array(QStringLiteral("md1")), nullptr));
        menuAction(again.get(), QStringLiteral("checkSchedule"))->trigger();
        dialog = w.findChildren<ScheduleDialog *>().last();
        dialog->findChild<QRadioButton *>(QStringLiteral("choice4"))->setChecked(true);
        QVERIFY(!dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
        dialog->findChild<QLineEdit *>(QStringLiteral("otherCalendar"))->setText(QStringLiteral("Funday 01:00"));
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(opened.size(), 2);
        review = opened.last().first().value<ReviewDialog *>();
        QVERIFY(review->operation().isRefused());
        QVERIFY2(review->operation().refusal.message().contains(QStringLiteral("systemd does not understand the calendar 'Funday 01:00'")),
                 qPrintable(review->operation().refusal.message()));
        review->close();

        // Checks from cron (Debian 12): shown, not offered for change.
        QFile::remove(m.dir.filePath(QStringLiteral("etc/systemd/system/mdmonitor.service.wants/mdcheck_start.timer")));
        QFile::remove(m.dir.filePath(QStringLiteral("usr/lib/systemd/system/mdcheck_start.timer")));
        tree.write(QStringLiteral("etc/cron.d/mdadm"), "57 0 * * 0 root if [ -x /usr/share/mdadm/checkarray ] && [ $(date +\\%d) -le 7 ]; then /usr/share/mdadm/checkarray --cron --all --idle --quiet; fi\n");
        std::unique_ptr<QMenu> cron(w.contextMenu(Selectable::array(QStringLiteral("md0")), nullptr));
        QVERIFY(!menuAction(cron.get(), QStringLiteral("checkSchedule"))->isEnabled());
        QCOMPARE(menuAction(cron.get(), QStringLiteral("checkSchedule"))->toolTip(), QStringLiteral("Checks run from /etc/cron.d/mdadm (cron), which Plexus does not change."));
    }

    // A disk dropped on another disk's row: "Replace OLD with NEW" in every
    // array OLD is in, decided while the drag is over the row; and the disk
    // row's "Take this disk out", with the engine's reason when it cannot.
    void diskDropAndTakeOut()
    {
        Machine m;
        // sdd holds md0's spare: the blank sde takes its place.
        Operation op = planDiskDrop(m.context(), QStringLiteral("sde"), QStringLiteral("sdd"));
        QVERIFY2(!op.isRefused(), qPrintable(op.refusal.message()));
        QCOMPARE(op.title, QStringLiteral("Replace sdd with sde"));
        QCOMPARE(op.plan.operation, QStringLiteral("ReplaceDisk"));
        QVERIFY2(op.plan.summary.contains(QStringLiteral("Put /dev/sde in place of /dev/sdd in md0")), qPrintable(op.plan.summary));
        QCOMPARE(op.erased.size(), 1);
        QCOMPARE(op.erased.first().path, QStringLiteral("/dev/sde"));
        // sdb holds half of md1's last copy (sdc2 has failed); a partition is no disk; sdf is too small.
        op = planDiskDrop(m.context(), QStringLiteral("sde"), QStringLiteral("sdb"));
        QVERIFY(op.isRefused());
        QVERIFY2(op.refusal.message().contains(QStringLiteral("/dev/md1 is degraded and /dev/sdb2 on /dev/sdb holds part of its last complete copy")),
                 qPrintable(op.refusal.message()));
        QVERIFY(planDiskDrop(m.context(), QStringLiteral("sda3"), QStringLiteral("sdd")).refusal.message().contains(QStringLiteral("sda3 is a partition")));
        QVERIFY(planDiskDrop(m.context(), QStringLiteral("sdf"), QStringLiteral("sdd")).refusal.message().contains(QStringLiteral("is too small")));

        // The real window: the drag over sdd's row is accepted, the drop opens the review.
        MainWindow &w = m.window();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        DiskRow *row = w.diskMap()->row(QStringLiteral("sdd"));
        QVERIFY(row && row->acceptDrops());
        const QPoint at = row->rect().center();
        std::unique_ptr<QMimeData> mime(deviceMimeData(QStringLiteral("sde")));
        QDragEnterEvent enter(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(row, &enter);
        QVERIFY(enter.isAccepted());
        QDragMoveEvent move(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(row, &move);
        QVERIFY(move.isAccepted());
        QVERIFY(w.statusBar()->currentMessage().startsWith(QStringLiteral("Drop to review: Put /dev/sde in place of /dev/sdd")));
        save(&w, QStringLiteral("drag-disk-onto-disk.png"));
        QSignalSpy opened(&w, &MainWindow::reviewOpened);
        QDropEvent drop(QPointF(at), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(row, &drop);
        QVERIFY(drop.isAccepted());
        QCOMPARE(opened.size(), 1);
        auto *review = opened.first().first().value<ReviewDialog *>();
        QCOMPARE(review->operation().plan.operation, QStringLiteral("ReplaceDisk"));
        QVERIFY2(review->commandsText().contains(QStringLiteral("sfdisk --dump /dev/sdd")), qPrintable(review->commandsText()));
        QVERIFY(review->commandsText().contains(QStringLiteral("mdadm /dev/md0 --add-spare /dev/sde1")));
        save(review, QStringLiteral("review-replace-disk.png"));
        review->close();
        // Refused over sdb's row: not accepted, the reason in the status bar.
        DiskRow *sdb = w.diskMap()->row(QStringLiteral("sdb"));
        QDragEnterEvent enter2(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(sdb, &enter2);
        QDragMoveEvent move2(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(sdb, &move2);
        QVERIFY(!move2.isAccepted());
        QVERIFY(w.statusBar()->currentMessage().startsWith(QStringLiteral("Cannot drop sde on sdb: /dev/md1 is degraded")));
        QDragLeaveEvent leave;
        QApplication::sendEvent(sdb, &leave);

        // Take this disk out: sdd (a spare) can go; sdb cannot, and says why.
        std::unique_ptr<QMenu> sddMenu(w.contextMenu(Selectable::disk(QStringLiteral("sdd")), nullptr));
        QAction *takeOut = menuAction(sddMenu.get(), QStringLiteral("takeDiskOut"));
        QVERIFY(takeOut && takeOut->isEnabled());
        QCOMPARE(takeOut->text(), QStringLiteral("Take this disk out"));
        std::unique_ptr<QMenu> sdbMenu(w.contextMenu(Selectable::disk(QStringLiteral("sdb")), nullptr));
        QVERIFY(!menuAction(sdbMenu.get(), QStringLiteral("takeDiskOut"))->isEnabled());
        QVERIFY2(menuAction(sdbMenu.get(), QStringLiteral("takeDiskOut"))->toolTip().contains(QStringLiteral("Taking out /dev/sdb2 would leave /dev/md1 without a complete copy")),
                 qPrintable(menuAction(sdbMenu.get(), QStringLiteral("takeDiskOut"))->toolTip()));
        std::unique_ptr<QMenu> blank(w.contextMenu(Selectable::disk(QStringLiteral("sde")), nullptr));
        QVERIFY(!menuAction(blank.get(), QStringLiteral("takeDiskOut")));
        // Locate: what is printed on sdb and where it is plugged in, before anyone pulls it.
        QAction *locate = menuAction(sdbMenu.get(), QStringLiteral("locate"));
        QVERIFY(locate);
        QCOMPARE(locate->text(), QStringLiteral("Locate sdb in the machine\u2026"));
        locate->trigger();
        auto *located = w.findChild<QMessageBox *>(QStringLiteral("locateDialog"));
        QVERIFY(located && located->isVisible());
        const Disk *sdbDisk = w.selection()->snapshot()->disk(QStringLiteral("sdb"));
        QVERIFY2(located->informativeText().contains(QStringLiteral("<b>Serial number:</b> %1").arg(sdbDisk->serial)), qPrintable(located->informativeText()));
        QVERIFY(located->informativeText().contains(sdbDisk->wwn));
        QVERIFY(located->informativeText().contains(QStringLiteral("SATA port 2 of the controller at PCI 0000:00:1f.2")));
        save(located, QStringLiteral("locate-disk.png"));
        located->close();
        QVERIFY(menuAction(std::unique_ptr<QMenu>(w.contextMenu(Selectable::partition(QStringLiteral("sda3")), nullptr)).get(), QStringLiteral("locate")));
        QVERIFY(w.actions()->trigger(Selectable::disk(QStringLiteral("sdd")), QStringLiteral("takeDiskOut")));
        QCOMPARE(opened.size(), 2);
        review = opened.last().first().value<ReviewDialog *>();
        QCOMPARE(review->operation().plan.operation, QStringLiteral("TakeDiskOut"));
        QVERIFY(review->commandsText().contains(QStringLiteral("mdadm /dev/md0 --remove /dev/sdd1")));
        review->close();

        // md2's other half has gone with its disk: sdc, which holds the half left,
        // offers a new disk in the gone one's place (md1's failed sdc2 is still here: not that disk's).
        std::unique_ptr<QMenu> survivor(w.contextMenu(Selectable::disk(QStringLiteral("sdc")), nullptr));
        QAction *replaceMissing = menuAction(survivor.get(), QStringLiteral("replaceMissingDisk"));
        QVERIFY(replaceMissing && replaceMissing->isEnabled());
        QVERIFY(!menuAction(sdbMenu.get(), QStringLiteral("replaceMissingDisk")));
        ArrayAction missing;
        for (const ArrayAction &a : actionsFor(m.context(), Selectable::disk(QStringLiteral("sdc"))))
            if (a.id == QLatin1String("replaceMissingDisk"))
                missing = a;
        op = missing.make(QStringLiteral("sde"));
        QVERIFY2(!op.isRefused(), qPrintable(op.refusal.message()));
        QVERIFY2(op.plan.summary.contains(QStringLiteral("Put /dev/sde in place of the missing disk in md2")), qPrintable(op.plan.summary));
        QVERIFY(op.plan.previews().contains(QStringLiteral("sfdisk --dump /dev/sdc")));
        QVERIFY(op.plan.previews().contains(QStringLiteral("mdadm /dev/md2 --add /dev/sde1")));
        QVERIFY(missing.make(QStringLiteral("sda3")).refusal.message().contains(QStringLiteral("is a partition")));
    }

    // Replace with…: the picker greys out what cannot be used and says why;
    // choosing a usable disk opens the review of exactly that replacement.
    void replaceWithPicker()
    {
        Machine m;
        MainWindow &w = m.window();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.actions()->trigger(Selectable::member(QStringLiteral("md1"), QStringLiteral("sdc2")), QStringLiteral("replace")));
        DevicePicker *picker = nullptr;
        QTRY_VERIFY((picker = w.findChild<DevicePicker *>()) && picker->isVisible());
        QStringList usable, greyed;
        for (int i = 0; i < picker->list()->count(); ++i) {
            const QListWidgetItem *item = picker->list()->item(i);
            (item->flags() & Qt::ItemIsEnabled ? usable : greyed) << item->text();
        }
        QCOMPARE(usable, (QStringList{QStringLiteral("sdd2 \u00b7 20.0 GiB \u00b7 QEMU HARDDISK"), QStringLiteral("sde \u00b7 30.0 GiB \u00b7 QEMU HARDDISK")}));
        const auto tooSmall = std::find_if(greyed.begin(), greyed.end(), [](const QString &t) { return t.startsWith(QLatin1String("sdf ")); });
        QVERIFY(tooSmall != greyed.end());
        QVERIFY2(tooSmall->contains(QStringLiteral("too small")), qPrintable(*tooSmall));
        QVERIFY(!picker->choose(QStringLiteral("sdf")));
        const auto sameDisk = std::find_if(greyed.begin(), greyed.end(), [](const QString &t) { return t.startsWith(QLatin1String("sda3 ")); });
        QVERIFY(sameDisk != greyed.end());
        QVERIFY2(sameDisk->contains(QStringLiteral("same disk as sda2")), qPrintable(*sameDisk));

        QSignalSpy opened(&w, &MainWindow::reviewOpened);
        QVERIFY(picker->choose(QStringLiteral("sde")));
        QCOMPARE(opened.size(), 1);
        auto *review = opened.first().first().value<ReviewDialog *>();
        QCOMPARE(review->operation().title, QStringLiteral("Replace sdc2 in md1 with sde"));
        review->close();
    }

    // Grow and add spare stay what they are: grow adds a copy, a spare is a spare.
    void growAndSpareAreDistinct()
    {
        Machine m;
        bool grew = false, spared = false;
        for (const ArrayAction &a : actionsFor(m.context(), Selectable::array(QStringLiteral("md0")))) {
            if (a.id == QLatin1String("growMirror")) {
                const Operation op = a.make(QStringLiteral("sde"));
                QVERIFY2(!op.isRefused(), qPrintable(op.refusal.message()));
                QCOMPARE(op.plan.operation, QStringLiteral("GrowArray"));
                QVERIFY(op.plan.previews().join(QLatin1Char('\n')).contains(QStringLiteral("--raid-devices=3")));
                grew = true;
            } else if (a.id == QLatin1String("addSpare")) {
                const Operation op = a.make(QStringLiteral("sde"));
                QVERIFY2(!op.isRefused(), qPrintable(op.refusal.message()));
                QCOMPARE(op.plan.operation, QStringLiteral("AddSpare"));
                spared = true;
            }
        }
        QVERIFY(grew && spared);
    }

    // The volume actions plan the helper's own requests: an array becomes a
    // volume group or gets a filesystem; a volume grows or goes, refused in the
    // helper's words where it is in use, or where the window (without root)
    // cannot know a group's free space.
    void volumeActions()
    {
        Machine m;
        QHash<QString, ArrayAction> byId;
        for (const ArrayAction &a : actionsFor(m.context(), Selectable::array(QStringLiteral("md0"))))
            byId.insert(a.id, a);
        QVERIFY(byId.contains(QStringLiteral("useForVolumes")) && byId.contains(QStringLiteral("makeFilesystem")));
        QCOMPARE(byId[QStringLiteral("useForVolumes")].suggestion, QStringLiteral("vg_md0"));
        Operation op = byId[QStringLiteral("useForVolumes")].make(QStringLiteral("data"));
        QVERIFY2(!op.isRefused(), qPrintable(op.refusal.message()));
        QCOMPARE(op.plan.previews(), (QStringList{QStringLiteral("pvcreate -y /dev/md0"), QStringLiteral("vgcreate data /dev/md0")}));
        {
            ReviewDialog review(op, nullptr);
            review.resize(720, 520);
            review.show();
            QVERIFY(QTest::qWaitForWindowExposed(&review));
            save(&review, QStringLiteral("review-use-for-volumes.png"));
        }
        op = byId[QStringLiteral("useForVolumes")].make(QStringLiteral("bad name"));
        QVERIFY(op.isRefused());
        QVERIFY2(op.refusal.message().contains(QStringLiteral("not a usable volume group name")), qPrintable(op.refusal.message()));
        op = byId[QStringLiteral("makeFilesystem")].make(QStringLiteral("ext4"));
        QCOMPARE(op.plan.previews(), QStringList{QStringLiteral("mkfs.ext4 -F -q /dev/md0")});

        const QString lvm = QStringLiteral(PLEXUS_FIXTURES "/machine/lvm-on-raid1");
        const TreeSystem system(lvm);
        const PlanningContext ctx{SnapshotProbe(lvm).take(), &system};
        byId.clear();
        for (const ArrayAction &a : actionsFor(ctx, Selectable::logicalVolume(QStringLiteral("vg0"), QStringLiteral("root"))))
            byId.insert(a.id, a);
        QVERIFY(!byId[QStringLiteral("removeVolume")].enabled);
        QVERIFY2(byId[QStringLiteral("removeVolume")].reason.contains(QStringLiteral("mounted on /")), qPrintable(byId[QStringLiteral("removeVolume")].reason));
        QVERIFY(!byId[QStringLiteral("growVolume")].enabled);
        QVERIFY2(byId[QStringLiteral("growVolume")].reason.contains(QStringLiteral("unknown")), qPrintable(byId[QStringLiteral("growVolume")].reason));
        byId.clear();
        for (const ArrayAction &a : actionsFor(ctx, Selectable::logicalVolume(QStringLiteral("vg0"), QStringLiteral("swap"))))
            byId.insert(a.id, a);
        QVERIFY(!byId[QStringLiteral("removeVolume")].enabled);
        QVERIFY2(byId[QStringLiteral("removeVolume")].reason.contains(QStringLiteral("swapoff /dev/vg0/swap")), qPrintable(byId[QStringLiteral("removeVolume")].reason));
        // The group goes only with volumes nobody uses.
        byId.clear();
        for (const ArrayAction &a : actionsFor(ctx, Selectable::volumeGroup(QStringLiteral("vg0"))))
            byId.insert(a.id, a);
        QVERIFY(!byId[QStringLiteral("removeVolumeGroup")].enabled);
        QVERIFY2(byId[QStringLiteral("removeVolumeGroup")].reason.contains(QStringLiteral("/dev/vg0/root is mounted on /")),
                 qPrintable(byId[QStringLiteral("removeVolumeGroup")].reason));
    }

    // Shrink, take a device out of a group, use an array's new space: each in
    // the engine's words, through the same review.
    void moreVolumeActions()
    {
        const QString lvm = QStringLiteral(PLEXUS_FIXTURES "/machine/lvm-on-raid1");
        const TreeSystem system(lvm);
        const SnapshotPtr seen = SnapshotProbe(lvm).take();
        const PlanningContext ctx{seen, &system};
        auto actionsOf = [](const PlanningContext &c, const Selectable &item) {
            QHash<QString, ArrayAction> byId;
            for (const ArrayAction &a : actionsFor(c, item))
                byId.insert(a.id, a);
            return byId;
        };
        // root is mounted on /: shrinking it is refused, and says why.
        QHash<QString, ArrayAction> byId = actionsOf(ctx, Selectable::logicalVolume(QStringLiteral("vg0"), QStringLiteral("root")));
        QVERIFY(byId.contains(QStringLiteral("shrinkVolume")));
        const ArrayAction shrink = byId[QStringLiteral("shrinkVolume")];
        QCOMPARE(shrink.input, ArrayAction::Input::Size);
        QVERIFY(!shrink.enabled);
        QVERIFY2(shrink.reason.contains(QStringLiteral("is mounted on /")) && shrink.reason.contains(QStringLiteral("Unmount it first")),
                 qPrintable(shrink.reason));
        QVERIFY2(shrink.make(QStringLiteral("nonsense")).refusal.message().contains(QStringLiteral("Give the new size")),
                 qPrintable(shrink.make(QStringLiteral("nonsense")).refusal.message()));
        // vg0 lies on md1 alone: no device can leave it.
        byId = actionsOf(ctx, Selectable::volumeGroup(QStringLiteral("vg0")));
        QVERIFY(byId.contains(QStringLiteral("reduceVolumeGroup")));
        QVERIFY(!byId[QStringLiteral("reduceVolumeGroup")].enabled);
        QVERIFY2(byId[QStringLiteral("reduceVolumeGroup")].reason.contains(QStringLiteral("one device only")),
                 qPrintable(byId[QStringLiteral("reduceVolumeGroup")].reason));
        // md1 carries vg0: it offers its new space, which there is none of yet.
        byId = actionsOf(ctx, Selectable::array(QStringLiteral("md1")));
        QVERIFY(byId.contains(QStringLiteral("useNewSpace")));
        QVERIFY2(byId[QStringLiteral("useNewSpace")].reason.contains(QStringLiteral("There is no new space on md1")),
                 qPrintable(byId[QStringLiteral("useNewSpace")].reason));
        QVERIFY(!actionsOf(ctx, Selectable::array(QStringLiteral("md0"))).contains(QStringLiteral("useNewSpace")));

        // As root would see it: md0 joined vg0 and holds 1 GiB of its volumes,
        // md1 has room for it. The user picks md0; the review shows the move.
        Snapshot root = *seen;
        for (Array &a : root.arrays) // root reads each array's UUID (mdadm)
            a.uuid = QStringLiteral("%1-2222-3333-4444-555555555555").arg(a.name == QLatin1String("md0") ? QStringLiteral("00000000") : QStringLiteral("11111111"));
        VolumeGroup &vg0 = root.volumeGroups[0];
        vg0.physicalVolumes[0].freeBytes = 2 * (qint64(1) << 30);
        vg0.physicalVolumes << PhysicalVolume{QStringLiteral("md0"), QStringLiteral("vg0"), 3 * (qint64(1) << 30), 2 * (qint64(1) << 30)};
        const PlanningContext rootCtx{std::make_shared<const Snapshot>(root), &system};
        const ArrayAction reduce = actionsOf(rootCtx, Selectable::volumeGroup(QStringLiteral("vg0")))[QStringLiteral("reduceVolumeGroup")];
        QVERIFY2(reduce.enabled, qPrintable(reduce.reason));
        QCOMPARE(reduce.input, ArrayAction::Input::Choice);
        QVERIFY(reduce.choices.contains(QStringLiteral("/dev/md0")));
        const Operation op = reduce.make(QStringLiteral("/dev/md0"));
        QVERIFY2(!op.isRefused(), qPrintable(op.refusal.message()));
        QCOMPARE(op.plan.previews(), (QStringList{QStringLiteral("pvmove -i 5 /dev/md0"), QStringLiteral("vgreduce vg0 /dev/md0"),
                                                  QStringLiteral("pvremove -y /dev/md0")}));
        ReviewDialog review(op, nullptr);
        review.resize(720, 520);
        review.show();
        QVERIFY(QTest::qWaitForWindowExposed(&review));
        save(&review, QStringLiteral("review-reduce-vg.png"));
    }

    // "Replace sdc2 with…" plans what dropping the same disk would: sde is
    // partitioned like sdc, sde2 joins, sdc2's superblock goes last.
    void replaceFromTheMenuPlansAsTheDrop()
    {
        Machine m;
        const Selectable sdc2 = Selectable::member(QStringLiteral("md1"), QStringLiteral("sdc2"), m.snapshot->array(QStringLiteral("md1"))->member(QStringLiteral("sdc2"))->slot);
        bool replaced = false;
        for (const ArrayAction &a : actionsFor(m.context(), sdc2))
            if (a.id == QLatin1String("replace")) {
                const Operation op = a.make(QStringLiteral("sde"));
                QVERIFY2(!op.isRefused(), qPrintable(op.refusal.message()));
                QCOMPARE(op.plan.previews(), m.drop(QStringLiteral("sde"), QStringLiteral("md1"), QStringLiteral("sdc2")).plan.previews());
                QCOMPARE(op.plan.previews().first(), QStringLiteral("sfdisk --dump /dev/sdc"));
                QCOMPARE(op.plan.previews().last(), QStringLiteral("mdadm --zero-superblock /dev/sdc2"));
                replaced = true;
            }
        QVERIFY(replaced);
    }

    // The helper's refusal, and a missing helper, in plain words, the plan still shown.
    void runnerErrorsInPlainWords_data()
    {
        QTest::addColumn<QString>("errorName");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("lead");
        QTest::newRow("polkit said no") << "org.plexus.Error.NotAuthorized" << "Not authorized for org.plexus.array.modify."
                                        << "You are not allowed to change the disks of this computer.";
        QTest::newRow("password cancelled") << "org.plexus.Error.Dismissed" << "Authentication was dismissed."
                                            << "Authentication was cancelled, so nothing was changed.";
        QTest::newRow("no helper") << "org.freedesktop.DBus.Error.ServiceUnknown" << "The name org.plexus.Helper1 was not provided by any .service files"
                                   << "plexus-helper cannot be started, so nothing was changed.";
        QTest::newRow("busy") << "org.plexus.Error.Busy" << "md1 is recovering." << "md is busy with this array right now; try later.";
    }

    void runnerErrorsInPlainWords()
    {
        QFETCH(QString, errorName);
        QFETCH(QString, message);
        QFETCH(QString, lead);
        Machine m;
        const Operation op = m.drop(QStringLiteral("sde"), QStringLiteral("md1"), QStringLiteral("sdc2"));
        ReviewDialog dialog(op);
        dialog.runner()->setCaller([&](const Operation &, const QVariantMap &) { return errorReply(errorName, message); });
        dialog.show();
        dialog.findChild<QCheckBox *>(QStringLiteral("confirm"))->setChecked(true);
        auto *run = dialog.findChild<QPushButton *>(QStringLiteral("runButton"));
        QSignalSpy finished(&dialog, &ReviewDialog::operationFinished);
        run->click();
        QCOMPARE(dialog.phaseName(), QStringLiteral("running")); // the reply comes later, never inside run()
        QVERIFY(finished.wait(2000));
        QCOMPARE(dialog.phaseName(), QStringLiteral("failed"));
        QVERIFY(shown(&dialog, "result"));
        QCOMPARE(labelText(&dialog, "resultLead"), lead);
        QCOMPARE(labelText(&dialog, "resultMessage"), message);
        // Nothing the user chose is lost: the plan, the erased device, the confirmation; it can be tried again.
        QCOMPARE(dialog.stepList()->descriptions(), op.plan.descriptions());
        QVERIFY(shown(&dialog, "steps"));
        QVERIFY(shown(&dialog, "erased"));
        QVERIFY(dialog.findChild<QCheckBox *>(QStringLiteral("confirm"))->isChecked());
        QCOMPARE(run->text(), QStringLiteral("Try again"));
        QVERIFY(run->isVisible() && run->isEnabled());
        if (errorName.endsWith(QLatin1String("NotAuthorized")))
            save(&dialog, QStringLiteral("review-failed.png"));
    }

    // The helper's progress drives the step icons; a reply ends in "Done".
    void runnerProgressAndSuccess()
    {
        Machine m;
        const Operation op = m.drop(QStringLiteral("sde"), QStringLiteral("md1"), QStringLiteral("sdc2"));
        ReviewDialog dialog(op);
        const QDBusMessage call = QDBusMessage::createMethodCall(QStringLiteral("org.plexus.Helper1"), QStringLiteral("/org/plexus/Helper1"),
                                                                 QStringLiteral("org.plexus.Helper1"), QStringLiteral("ReplaceMember"));
        QVariantMap options;
        dialog.runner()->setCaller([&](const Operation &, const QVariantMap &run) {
            options = run;
            return QDBusPendingCall::fromCompletedCall(call.createReply(QVariant(QStringLiteral("job-7"))));
        });
        dialog.show();
        dialog.findChild<QCheckBox *>(QStringLiteral("confirm"))->setChecked(true);
        dialog.run();
        // What the helper's signals say while the call is out.
        Q_EMIT dialog.runner()->stepStarted(0, QString(), QString());
        QCOMPARE(dialog.stepList()->state(0), StepList::StepState::Running);
        Q_EMIT dialog.runner()->stepFinished(0, QString(), QString());
        Q_EMIT dialog.runner()->stepStarted(1, QString(), QString());
        Q_EMIT dialog.runner()->stepProgress(1, 42.0);
        QCOMPARE(dialog.stepList()->state(0), StepList::StepState::Done);
        QCOMPARE(dialog.stepList()->state(1), StepList::StepState::Running);
        QVERIFY(dialog.stepList()->findChildren<QWidget *>(QStringLiteral("stepProgress")).at(1)->isVisible());
        QTRY_COMPARE(dialog.phaseName(), QStringLiteral("done"));
        QCOMPARE(dialog.stepList()->state(1), StepList::StepState::Done);
        QCOMPARE(labelText(&dialog, "resultLead"), QStringLiteral("Done."));
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("runButton"))->isVisible());
        QCOMPARE(dialog.findChild<QPushButton *>(QStringLiteral("closeButton"))->text(), QStringLiteral("Close"));
    }

    // md1 lost a member: the banner above everything says so and what to do.
    void bannerOverDegradedArray()
    {
        Machine m;
        MainWindow &w = m.window();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.arraysView()->cards().first()->arrayName(), QStringLiteral("md1"));
        QVERIFY(w.banner()->isVisible());
        QCOMPARE(w.banner()->text(), QStringLiteral("md1 is degraded: sdc2 failed. Drag a healthy disk onto the failed member, or Replace\u2026 "
                                                    "(1 more array needs attention below.)"));
        const QWidget *scroll = w.findChild<QWidget *>(QStringLiteral("overviewScroll"));
        QVERIFY(w.banner()->mapTo(&w, QPoint()).y() < scroll->mapTo(&w, QPoint()).y());
        QVERIFY(!w.banner()->button()->icon().isNull()); // Replace's, as in the menus
        w.banner()->button()->click();
        DevicePicker *picker = nullptr;
        QTRY_VERIFY((picker = w.findChild<DevicePicker *>()) && picker->isVisible());
        QCOMPARE(picker->windowTitle(), QStringLiteral("Replace sdc2 with"));
        QCOMPARE(w.selection()->current(), Selectable::member(QStringLiteral("md1"), QStringLiteral("sdc2")));
        picker->reject();
        save(&w, QStringLiteral("banner.png"));
    }

    // A job the helper did not finish (as UnfinishedJobs reports it): a banner
    // above everything says how far it got; Resume and Roll back are reviewed
    // like any operation, Drop asks first.
    void unfinishedJobBanner()
    {
        Machine m;
        MainWindow &w = m.window();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(!w.unfinishedBanner()->isVisible()); // a fixture tree has no helper to ask
        QVariantMap job{{QStringLiteral("job"), QStringLiteral("20261204-010000-000-aaaa")},
                        {QStringLiteral("operation"), QStringLiteral("ReplaceMember")},
                        {QStringLiteral("summary"), QStringLiteral("Replace /dev/sdd in md0 with /dev/sdb.")},
                        {QStringLiteral("steps"), QStringList{QStringLiteral("Add /dev/sdb to md0 as a spare"), QStringLiteral("Start copying /dev/sdd onto /dev/sdb"),
                                                              QStringLiteral("Wait while /dev/sdd is copied onto /dev/sdb"), QStringLiteral("Remove the replaced member /dev/sdd from md0")}},
                        {QStringLiteral("commands"), QStringList{QStringLiteral("mdadm /dev/md0 --add-spare /dev/sdb"), QStringLiteral("mdadm /dev/md0 --replace /dev/sdd --with /dev/sdb"),
                                                                 QStringLiteral("mdadm --wait /dev/md0"), QStringLiteral("mdadm /dev/md0 --remove /dev/sdd")}},
                        {QStringLiteral("states"), QStringList{QStringLiteral("done"), QStringLiteral("done"), QStringLiteral("in progress when it stopped"), QStringLiteral("not run")}},
                        {QStringLiteral("undo"), QStringList{QStringLiteral("undo: Remove the added device /dev/sdb from md0"), QStringLiteral("undo: Mark /dev/sdb faulty in md0"),
                                                             QStringLiteral("nothing to undo"), QStringLiteral("cannot be undone: a removed member comes back only as a new one")}},
                        {QStringLiteral("interrupted"), true}};
        w.unfinishedBanner()->setJobs({job});
        QVERIFY(w.unfinishedBanner()->isVisible());
        QCOMPARE(w.unfinishedBanner()->text(), QStringLiteral("Replace /dev/sdd in md0 with /dev/sdb did not finish: Plexus stopped in step 3 of 4 "
                                                              "(Wait while /dev/sdd is copied onto /dev/sdb); steps 1 to 2 are done."));
        QVERIFY(w.unfinishedBanner()->mapTo(&w, QPoint()).y() < w.banner()->mapTo(&w, QPoint()).y());
        // Each button has its icon, as the actions in the toolbar do.
        for (const QPushButton *b : {w.unfinishedBanner()->resumeButton(), w.unfinishedBanner()->rollBackButton(), w.unfinishedBanner()->dropButton()})
            QVERIFY2(!b->icon().isNull() && !b->icon().pixmap(16).isNull(), qPrintable(b->text()));
        save(&w, QStringLiteral("unfinished-banner.png"));

        ReviewDialog *review = nullptr;
        connect(&w, &MainWindow::reviewOpened, this, [&review](ReviewDialog *d) { review = d; });
        w.unfinishedBanner()->resumeButton()->click();
        QVERIFY(review);
        QCOMPARE(labelText(review, "title"), QStringLiteral("Resume the unfinished job"));
        QCOMPARE(review->stepList()->descriptions().size(), 2); // steps 3 and 4
        QVERIFY(review->stepList()->descriptions().first().startsWith(QStringLiteral("Wait while /dev/sdd")));
        QVERIFY(!shown(review, "refusal"));
        save(review, QStringLiteral("review-resume.png"));
        review->close();

        review = nullptr;
        w.unfinishedBanner()->rollBackButton()->click();
        QVERIFY(review);
        QCOMPARE(review->stepList()->descriptions().size(), 3); // 3, 2, 1: last first
        QVERIFY(review->stepList()->descriptions().at(1).contains(QStringLiteral("undo: Mark /dev/sdb faulty")));
        QVERIFY(!shown(review, "refusal"));
        review->close();

        // Once the old member is out, there is no rolling back: said before anything runs.
        QStringList states = job.value(QStringLiteral("states")).toStringList();
        states[2] = states[3] = QStringLiteral("done");
        job.insert(QStringLiteral("states"), states);
        const Operation back = rollBackOperation(job);
        QVERIFY(back.isRefused());
        QVERIFY2(back.refusal.message().contains(QStringLiteral("Step 4 (Remove the replaced member /dev/sdd from md0) cannot be undone")),
                 qPrintable(back.refusal.message()));

        QSignalSpy drop(w.unfinishedBanner(), &UnfinishedBanner::dropRequested);
        disconnect(w.unfinishedBanner(), &UnfinishedBanner::dropRequested, &w, nullptr); // no modal box in a test
        w.unfinishedBanner()->dropButton()->click();
        QCOMPARE(drop.size(), 1);
        QCOMPARE(drop.first().first().toString(), QStringLiteral("20261204-010000-000-aaaa"));

        // A job that stopped on purpose, to go on after a restart: said so, and
        // no Resume until the restart (it then goes on by itself).
        job.insert(QStringLiteral("waits_for_restart"),
                   QStringLiteral("Restart the computer when you are ready: after it starts again, Plexus goes on by itself with step 4 of 4 "
                                  "(Remove the replaced member /dev/sdd from md0)."));
        w.unfinishedBanner()->setJobs({job});
        QCOMPARE(w.unfinishedBanner()->text(), QStringLiteral("Replace /dev/sdd in md0 with /dev/sdb waits for a restart. Restart the computer "
                                                              "when you are ready: after it starts again, Plexus goes on by itself with step 4 "
                                                              "of 4 (Remove the replaced member /dev/sdd from md0)."));
        QVERIFY(w.unfinishedBanner()->resumeButton()->isHidden());
        QVERIFY(w.unfinishedBanner()->rollBackButton()->isVisible());
        QTRY_VERIFY(w.unfinishedBanner()->height() >= w.unfinishedBanner()->heightForWidth(w.unfinishedBanner()->width()));
        QTest::qWait(50); // the layout below settles
        save(&w, QStringLiteral("unfinished-waits-for-restart.png"));
        w.unfinishedBanner()->setJobs({});
        QVERIFY(!w.unfinishedBanner()->isVisible());
    }

    // Ctrl-click disks and partitions in the disk map; "Create array…" hands them on.
    void multiSelectionForCreate()
    {
        Machine m;
        MainWindow &w = m.window();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *create = w.findChild<QAction *>(QStringLiteral("createArrayAction"));
        QVERIFY(create && create->isEnabled());
        QSignalSpy requested(&w, &MainWindow::createArrayRequested);

        PartitionBar *sdd = w.diskMap()->row(QStringLiteral("sdd"))->bar();
        PartitionBar *sde = w.diskMap()->row(QStringLiteral("sde"))->bar();
        QTest::mouseClick(sdd, Qt::LeftButton, {}, sdd->segmentRect(1).center());
        QCOMPARE(w.selection()->current(), Selectable::partition(QStringLiteral("sdd2")));
        QTest::mouseClick(sde, Qt::LeftButton, Qt::ControlModifier, sde->segmentRect(0).center());
        DiskRow *sdf = w.diskMap()->row(QStringLiteral("sdf"));
        QTest::mouseClick(sdf, Qt::LeftButton, Qt::ShiftModifier, QPoint(5, 5));
        QCOMPARE(w.selection()->chosenDevices(), (QStringList{QStringLiteral("sdd2"), QStringLiteral("sde"), QStringLiteral("sdf")}));
        // Ctrl-click again takes one out.
        QTest::mouseClick(sde, Qt::LeftButton, Qt::ControlModifier, sde->segmentRect(0).center());
        create->trigger();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().first().toStringList(), (QStringList{QStringLiteral("sdd2"), QStringLiteral("sdf")}));

        // A plain click starts over; selecting an array chooses no devices.
        QTest::mouseClick(sde, Qt::LeftButton, {}, sde->segmentRect(0).center());
        QCOMPARE(w.selection()->chosenDevices(), QStringList{QStringLiteral("sde")});
        w.select(QStringLiteral("md0"));
        QVERIFY(w.selection()->chosenDevices().isEmpty());
    }

    // "Create array…" opens the dialog with the chosen devices; its review runs
    // through the helper; a refusal from polkit brings the dialog back with
    // every choice kept, and success closes it.
    void createArrayFromTheWindow()
    {
        Machine m;
        MainWindow &w = m.window();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        CreateArrayDialog *create = nullptr;
        connect(&w, &MainWindow::createDialogOpened, this, [&create](CreateArrayDialog *d) { create = d; });
        ReviewDialog *review = nullptr;
        connect(&w, &MainWindow::reviewOpened, this, [&review](ReviewDialog *d) { review = d; });

        PartitionBar *sdd = w.diskMap()->row(QStringLiteral("sdd"))->bar();
        QTest::mouseClick(sdd, Qt::LeftButton, {}, sdd->segmentRect(1).center());
        DiskRow *sdf = w.diskMap()->row(QStringLiteral("sdf"));
        QTest::mouseClick(sdf, Qt::LeftButton, Qt::ControlModifier, QPoint(5, 5));
        w.findChild<QAction *>(QStringLiteral("createArrayAction"))->trigger();
        QVERIFY(create && create->isVisible());
        QCOMPARE(create->deviceList()->chosen(), (QStringList{QStringLiteral("sdd2"), QStringLiteral("sdf")}));
        // A second "Create array…" brings the same dialog forward.
        w.findChild<QAction *>(QStringLiteral("createArrayAction"))->trigger();
        QCOMPARE(w.findChildren<CreateArrayDialog *>().size(), 1);

        create->levelList()->setLevel(QStringLiteral("raid1"));
        create->review();
        QVERIFY(review && review->isVisible());
        QCOMPARE(labelText(review, "title"), QStringLiteral("Create RAID-1 md3"));
        review->runner()->setCaller([](const Operation &, const QVariantMap &) {
            return errorReply(QStringLiteral("org.plexus.Error.NotAuthorized"), QStringLiteral("Not authorized to change md arrays."));
        });
        review->findChild<QCheckBox *>(QStringLiteral("confirm"))->setChecked(true);
        review->run();
        QVERIFY(create->isHidden()); // out of the way while it runs
        QTRY_COMPARE(review->phaseName(), QStringLiteral("failed"));
        QVERIFY(create->isVisible());
        QCOMPARE(create->deviceList()->chosen(), (QStringList{QStringLiteral("sdd2"), QStringLiteral("sdf")}));
        QCOMPARE(create->levelList()->level(), QStringLiteral("raid1"));

        // Tried again and accepted: the create dialog goes.
        const QDBusMessage call = QDBusMessage::createMethodCall(QStringLiteral("org.plexus.Helper1"), QStringLiteral("/org/plexus/Helper1"),
                                                                 QStringLiteral("org.plexus.Helper1"), QStringLiteral("CreateArray"));
        review->runner()->setCaller([&call](const Operation &, const QVariantMap &) {
            return QDBusPendingCall::fromCompletedCall(call.createReply(QVariant(QStringLiteral("job-8"))));
        });
        QPointer<CreateArrayDialog> gone(create);
        review->run();
        QTRY_COMPARE(review->phaseName(), QStringLiteral("done"));
        QTRY_VERIFY(!gone);
    }

    // The toolbar follows the selection: only what can be done now.
    void toolbarFollowsSelection()
    {
        Machine m;
        MainWindow &w = m.window();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.select(QStringLiteral("md1/sdc2")));
        auto visible = [&w] {
            QStringList ids;
            for (QAction *a : w.actionsToolBar()->actions())
                if (a->isVisible() && !a->isSeparator())
                    ids << a->objectName();
            return ids;
        };
        QVERIFY(visible().contains(QStringLiteral("action-replace")));
        QVERIFY(visible().contains(QStringLiteral("action-remove")));
        QVERIFY(!visible().contains(QStringLiteral("action-fail")));
        QVERIFY(visible().contains(QStringLiteral("createArrayAction")));
        QVERIFY(w.select(QStringLiteral("md0")));
        QVERIFY(visible().contains(QStringLiteral("action-growMirror")));
        QVERIFY(!visible().contains(QStringLiteral("action-replace")));
    }
};

QTEST_MAIN(TestOperations)
#include "tst_operations.moc"
