// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// Starting an array that is not running, from its members in the disk map,
// over a fixture tree planned with the real engine (TreeSystem). The members'
// superblocks are given as plexus-helper's MdSuperblocks() returns them. What a
// user checks: the menu of a stopped member offers to start its array from all
// the members found; one alone is started degraded only under a text that says
// which slot is missing, and the review says it again; halves whose histories
// diverged are not started together, the reason names both histories, and
// each half offers to start keeping its data, with a plan that erases the
// other half and adds it back. The menu is saved to
// <build>/screenshots/stopped-array-menu.png.
#include "diskmapview.h"
#include "machinetree.h"
#include "mainwindow.h"
#include "operations/actionlauncher.h"
#include "operations/memberactions.h"
#include "operations/reviewdialog.h"

#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace plexus;

namespace {

const QString raid = QStringLiteral("linux_raid_member");
const QString uuid = QStringLiteral("99999999-2222-3333-4444-555555555555");

// sda1 and sdb1: the two halves of a stopped mirror; sdc blank.
void writeMachine(MachineTree &tree, bool bothHalves)
{
    QList<MachineTree::Disk> disks;
    disks << MachineTree::disk(QStringLiteral("sda"), 64, {{QStringLiteral("sda1"), 1, 1024, raid, QString(), uuid}});
    if (bothHalves)
        disks << MachineTree::disk(QStringLiteral("sdb"), 64, {{QStringLiteral("sdb1"), 1, 1024, raid, QString(), uuid}});
    disks << MachineTree::disk(QStringLiteral("sdc"), 64, {});
    tree.build(disks, {});
}

// One row of MdSuperblocks(): what mdadm --examine printed for `device`.
QVariantMap superblock(const QString &device, int slot, const char *state, int events, const char *time)
{
    const QString text = QStringLiteral("/dev/%5:\n          Magic : a92b4efc\n        Version : 1.2\n     Array UUID : 99999999:22223333:44445555:55555555\n"
                                        "     Raid Level : raid1\n    Update Time : %1\n         Events : %2\n\n\n   Device Role : Active device %3\n"
                                        "   Array State : %4 ('A' == active, '.' == missing, 'R' == replacing)\n")
                             .arg(QLatin1String(time)).arg(events).arg(slot).arg(QLatin1String(state), device);
    return {{QStringLiteral("device"), device}, {QStringLiteral("examine"), text}};
}

QString notes(const ReviewDialog *review)
{
    return review->operation().plan.notes.join(QLatin1Char('\n'));
}

struct Window {
    QTemporaryDir dir;
    MachineTree tree{dir.path()};
    std::unique_ptr<MainWindow> w;

    explicit Window(bool bothHalves)
    {
        writeMachine(tree, bothHalves);
        w = std::make_unique<MainWindow>(dir.path());
        w->resize(1280, 860);
        w->show();
    }
    std::optional<ArrayAction> action(const QString &device, const QString &id) const
    {
        for (const ArrayAction &a : actionsFor(w->planningContext(), Selectable::partition(device)))
            if (a.id == id)
                return a;
        return std::nullopt;
    }
    // The review that `id` on `device` opens.
    ReviewDialog *review(const QString &device, const QString &id)
    {
        QSignalSpy opened(w.get(), &MainWindow::reviewOpened);
        if (!w->actions()->trigger(Selectable::partition(device), id) || opened.isEmpty())
            return nullptr;
        return opened.first().first().value<ReviewDialog *>();
    }
};

} // namespace

class TestStoppedArray : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QDir().mkpath(QStringLiteral(PLEXUS_SCREENSHOT_DIR)); }

    // Superblocks not read (no helper): both members offered, the helper decides.
    void startedFromAllMembersFound()
    {
        Window win(true);
        const auto start = win.action(QStringLiteral("sdb1"), QStringLiteral("startStopped"));
        QVERIFY(start);
        QVERIFY2(start->enabled, qPrintable(start->reason));
        QCOMPARE(start->text, QStringLiteral("Start its array from sdb1 and sda1"));
        QVERIFY(!win.action(QStringLiteral("sdb1"), QStringLiteral("keepHalf")));
        QVERIFY(!win.action(QStringLiteral("sdc"), QStringLiteral("startStopped"))); // blank: nothing to start
        ReviewDialog *review = win.review(QStringLiteral("sdb1"), QStringLiteral("startStopped"));
        QVERIFY(review);
        QCOMPARE(review->commandsText().trimmed(), QStringLiteral("mdadm --assemble /dev/md0 /dev/sdb1 /dev/sda1"));
    }

    // One member of a mirror that last ran whole: degraded, and said so twice.
    void aloneOnlyDegradedAndSaidSo()
    {
        Window win(false);
        win.w->setMdSuperblocks({superblock(QStringLiteral("sda1"), 0, "AA", 130, "Fri Dec  4 07:00:00 2026")});
        const auto start = win.action(QStringLiteral("sda1"), QStringLiteral("startStopped"));
        QVERIFY(start && start->enabled);
        QCOMPARE(start->text, QStringLiteral("Start its array degraded, without slot 1"));
        ReviewDialog *review = win.review(QStringLiteral("sda1"), QStringLiteral("startStopped"));
        QVERIFY(review);
        QVERIFY2(review->commandsText().contains(QStringLiteral("mdadm --assemble /dev/md0 --run /dev/sda1")), qPrintable(review->commandsText()));
        QVERIFY2(notes(review).contains(QStringLiteral("Slot 1 has no member among these: /dev/md0 runs degraded")), qPrintable(notes(review)));
    }

    // Split brain: not started together; either half may be kept.
    void splitBrainChosenHalf()
    {
        Window win(true);
        win.w->setMdSuperblocks({superblock(QStringLiteral("sda1"), 0, "A.", 120, "Fri Dec  4 06:30:01 2026"),
                                 superblock(QStringLiteral("sdb1"), 1, ".A", 98, "Fri Dec  4 06:31:15 2026")});
        const auto start = win.action(QStringLiteral("sda1"), QStringLiteral("startStopped"));
        QVERIFY(start && !start->enabled);
        QVERIFY2(start->reason.startsWith(QStringLiteral("Split brain: /dev/sda1 and /dev/sdb1 each ran without the other")), qPrintable(start->reason));
        QVERIFY2(start->reason.contains(QStringLiteral("/dev/sdb1: last written Fri Dec  4 06:31:15 2026, 98 events, ran without slot 0")),
                 qPrintable(start->reason));
        const auto keepA = win.action(QStringLiteral("sda1"), QStringLiteral("keepHalf"));
        const auto keepB = win.action(QStringLiteral("sdb1"), QStringLiteral("keepHalf"));
        QVERIFY(keepA && keepA->enabled && keepB && keepB->enabled);
        QCOMPARE(keepB->text, QStringLiteral("Start its array keeping the data on sdb1\u2026"));
        QCOMPARE(keepB->hint, QStringLiteral("sda1 is erased and rebuilt from sdb1: whatever was written only to sda1 is lost."));

        // The menu as the user sees it, on the disk map.
        QMenu *menu = win.w->contextMenu(Selectable::partition(QStringLiteral("sdb1")), win.w.get());
        QVERIFY(menu);
        menu->popup(win.w->mapToGlobal(QPoint(200, 200)));
        QVERIFY(QTest::qWaitForWindowExposed(menu));
        menu->grab().save(QStringLiteral(PLEXUS_SCREENSHOT_DIR "/stopped-array-menu.png"));
        menu->close();

        ReviewDialog *review = win.review(QStringLiteral("sdb1"), QStringLiteral("keepHalf"));
        QVERIFY(review);
        QCOMPARE(review->commandsText().trimmed(), QStringLiteral("mdadm --assemble /dev/md0 --run /dev/sdb1\nmdadm --zero-superblock /dev/sda1\n"
                                                                  "mdadm /dev/md0 --add /dev/sda1"));
        QVERIFY2(notes(review).contains(QStringLiteral("Whatever was written only to /dev/sda1 is lost.")), qPrintable(notes(review)));
    }
};

QTEST_MAIN(TestStoppedArray)
#include "tst_stoppedarray.moc"
