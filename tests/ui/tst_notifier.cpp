// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// plexus --monitor's notifications: which events are told and how urgently,
// that events of one array arriving together make one notification, that a
// newer one replaces the array's last (replaces_id) instead of stacking, the
// actions, the tray's colour and words; then the real D-Bus path to a fake
// notification daemon on a private bus, end to end over a fixture tree.
#include "machinetree.h"
#include "monitor/mdwatcher.h"
#include "monitor/storagemonitor.h"
#include "monitormode/desktopnotifications.h"
#include "monitormode/monitormode.h"
#include "monitormode/notifier.h"
#include "monitormode/plasmadisks.h"
#include "monitormode/trayicon.h"
#include "fakenotificationserver.h"
#include "privatebus.h"

#include <KConfig>
#include <KConfigGroup>
#include <QApplication>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusContext>
#include <QDBusMessage>
#include <QDBusVariant>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMenu>
#include <QPainter>
#include <QtEndian>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QThread>
#include <QTest>

using namespace plexus;

namespace {

Event makeEvent(EventKind kind, const QString &array, const QString &device = {})
{
    return Event{kind, array, device, std::nullopt, std::nullopt, std::nullopt, QDateTime::currentDateTimeUtc()};
}

Event finished(const QString &array, SyncAction action)
{
    Event e = makeEvent(EventKind::SyncFinished, array);
    e.action = action;
    return e;
}

Member member(const QString &device, int slot)
{
    Member m;
    m.device = device;
    m.slot = slot;
    m.inSync = true;
    return m;
}

Snapshot machine(QList<Array> arrays)
{
    Snapshot s;
    s.arrays = arrays;
    return s;
}

Array raid1(const QString &name, QStringList devices)
{
    Array a;
    a.name = name;
    a.level = QStringLiteral("raid1");
    a.raidDisks = int(devices.size());
    a.degradedCount = 0;
    for (int i = 0; i < devices.size(); ++i)
        a.members << member(devices[i], i);
    return a;
}

// Shows every notification at once (or when told to, with deferIds), with
// ids as a daemon gives them: a replaced notification keeps its id.
class FakeServer : public NotificationServer
{
public:
    struct Call {
        Notification n;
        uint replacesId;
        uint id;
    };
    QList<Call> calls;
    bool deferIds = false;
    QList<std::function<void()>> deferred;

    void notify(const Notification &n, uint replacesId, std::function<void(uint)> shown) override
    {
        const uint id = replacesId ? replacesId : m_next++;
        calls << Call{n, replacesId, id};
        if (deferIds)
            deferred << [shown, id] { shown(id); };
        else
            shown(id);
    }
    void emitAction(uint id, const QString &action, const QString &token = {}) { Q_EMIT actionInvoked(id, action, token); }
    void emitClosed(uint id) { Q_EMIT closed(id); }

private:
    uint m_next = 7;
};

// md0, a RAID-1 of sda1 and sdb1.
void writeMirror(MachineTree &tree)
{
    QList<MachineTree::Disk> disks;
    for (const char *name : {"sda", "sdb"}) {
        MachineTree::Disk d;
        d.name = QLatin1String(name);
        d.sizeGiB = 100;
        d.partitions << MachineTree::Partition{d.name + QLatin1Char('1'), 1, 100 * 1024 - 2, QStringLiteral("linux_raid_member"), QStringLiteral("md0")};
        disks << d;
    }
    MachineTree::Array md0;
    md0.name = QStringLiteral("md0");
    md0.level = QStringLiteral("raid1");
    md0.sizeKiB = Q_INT64_C(100) * 1024 * 1024 - 4096;
    md0.members = {{QStringLiteral("sda1"), QStringLiteral("in_sync"), QStringLiteral("0"), 0},
                   {QStringLiteral("sdb1"), QStringLiteral("in_sync"), QStringLiteral("1"), 1}};
    tree.build(disks, {md0});
}

// Stands in for KDE's kded6 and the modules it has loaded (plasma-disks' is "smart").
class FakeKded : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.kde.kded6")
public:
    QStringList modules;
public Q_SLOTS:
    QStringList loadedModules() { return modules; }
};

// Waits past the coalescing window.
void settle()
{
    QTest::qWait(Notifier::coalesceMs + 60);
}

} // namespace

class TestNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // KNotification shows nothing for an event plexus.notifyrc lacks: every
    // kind that can lead a notification is there, with the urgency it is told
    // with, and nothing else is; the monitor finds the file where it runs.
    void notifyrcHasEveryEventTold()
    {
        const QString path = DesktopNotifications::notifyrcPath();
        QVERIFY2(!path.isEmpty(), "knotifications6/plexus.notifyrc is in none of $XDG_DATA_DIRS");
        const KConfig notifyrc(path, KConfig::SimpleConfig);
        QCOMPARE(notifyrc.group(QStringLiteral("Global")).readEntry("Name"), QStringLiteral("Plexus"));
        int told = 0;
        for (int k = 0; k <= int(lastEventKind); ++k) {
            const Event e = makeEvent(EventKind(k), QStringLiteral("md0"), QStringLiteral("sdb"));
            if (e.urgency() == Urgency::Low)
                continue;
            ++told;
            const KConfigGroup event = notifyrc.group(QStringLiteral("Event/") + toString(e.kind));
            QVERIFY2(event.exists(), qPrintable(toString(e.kind)));
            QVERIFY(!event.readEntry("Name").isEmpty());
            QCOMPARE(event.readEntry("Action"), QStringLiteral("Popup"));
            QCOMPARE(event.readEntry("Urgency"), QLatin1String(e.urgency() == Urgency::Critical ? "Critical" : "Normal"));
        }
        const QStringList events = notifyrc.groupList().filter(QRegularExpression(QStringLiteral("^Event/")));
        QCOMPARE(events.size(), told);
    }

    void urgencyDecidesWhatIsTold()
    {
        for (EventKind kind : {EventKind::MemberFailed, EventKind::ArrayDegraded, EventKind::ArrayFailed}) {
            const auto n = composeNotification(QStringLiteral("md0"), {makeEvent(kind, QStringLiteral("md0"), QStringLiteral("sdb"))});
            QVERIFY(n);
            QCOMPARE(n->urgency, Urgency::Critical);
            QVERIFY(n->actions.contains(QStringLiteral("open")));
        }
        for (EventKind kind : {EventKind::SyncFinished, EventKind::MismatchFound, EventKind::ArrayRecovered,
                               EventKind::SpareActivated}) {
            const auto n = composeNotification(QStringLiteral("md0"), {makeEvent(kind, QStringLiteral("md0"), QStringLiteral("sdb"))});
            QVERIFY(n);
            QCOMPARE(n->urgency, Urgency::Normal);
            QVERIFY(!n->actions.contains(QStringLiteral("replace")));
        }
        const auto removed = composeNotification(QStringLiteral("disk sdd"), {makeEvent(EventKind::DiskRemoved, {}, QStringLiteral("sdd"))});
        QCOMPARE(removed->urgency, Urgency::Normal);
        QCOMPARE(removed->summary, QStringLiteral("Disk sdd removed"));
        QVERIFY(removed->actions.isEmpty()); // no array to open
        // Progress, disks added, arrays started: the window's log, never a bubble.
        Event progress = makeEvent(EventKind::SyncProgress, QStringLiteral("md0"));
        progress.percent = 40;
        QVERIFY(!composeNotification(QStringLiteral("md0"), {progress, makeEvent(EventKind::ArrayStarted, QStringLiteral("md0")),
                                                             makeEvent(EventKind::MemberAdded, QStringLiteral("md0"), QStringLiteral("sdc"))}));
        QVERIFY(!composeNotification(QStringLiteral("disk sdd"), {makeEvent(EventKind::DiskAdded, {}, QStringLiteral("sdd"))}));
    }

    void failureAndDegradedAreOneMessage()
    {
        const auto n = composeNotification(QStringLiteral("md0"), {makeEvent(EventKind::ArrayDegraded, QStringLiteral("md0")),
                                                                   makeEvent(EventKind::MemberFailed, QStringLiteral("md0"), QStringLiteral("sdb"))});
        QCOMPARE(n->summary, QStringLiteral("sdb failed in md0"));
        QCOMPARE(n->urgency, Urgency::Critical);
        QVERIFY(n->body.startsWith(QStringLiteral("The md driver took sdb out of md0.")));
        QVERIFY(n->body.endsWith(QStringLiteral("\nmd0 is degraded.")));
        QCOMPARE(n->failedDevice, QStringLiteral("sdb"));
        QCOMPARE(n->actions, (QStringList{QStringLiteral("default"), QStringLiteral("Open Plexus"), QStringLiteral("open"),
                                          QStringLiteral("Open Plexus"), QStringLiteral("replace"), QStringLiteral("Replace sdb")}));

        // Worse news leads: the array is lost.
        const auto lost = composeNotification(QStringLiteral("md0"), {makeEvent(EventKind::MemberFailed, QStringLiteral("md0"), QStringLiteral("sdb")),
                                                                      makeEvent(EventKind::ArrayFailed, QStringLiteral("md0"))});
        QCOMPARE(lost->summary, QStringLiteral("md0 has failed"));
        QVERIFY(lost->body.endsWith(QStringLiteral("\nsdb failed in md0.")));

        // A rebuild's end: finished leads, the array being whole follows.
        const auto rebuilt = composeNotification(QStringLiteral("md0"), {makeEvent(EventKind::ArrayRecovered, QStringLiteral("md0")),
                                                                         finished(QStringLiteral("md0"), SyncAction::Recovery)});
        QCOMPARE(rebuilt->urgency, Urgency::Normal);
        QCOMPARE(rebuilt->summary, QStringLiteral("md0: recovery finished"));
        QCOMPARE(rebuilt->body, QStringLiteral("md0: recovery finished.\nmd0 is healthy again."));
    }

    // udev's `mdadm -If` fails and removes a pulled member at once: a snapshot
    // may see it gone and the array degraded, never the member faulty.
    void memberGoneAsArrayDegradesFailed()
    {
        const auto n = composeNotification(QStringLiteral("md0"), {makeEvent(EventKind::MemberRemoved, QStringLiteral("md0"), QStringLiteral("vda")),
                                                                   makeEvent(EventKind::ArrayDegraded, QStringLiteral("md0"))});
        QCOMPARE(n->summary, QStringLiteral("vda failed in md0"));
        QCOMPARE(n->urgency, Urgency::Critical);
        QCOMPARE(n->failedDevice, QStringLiteral("vda"));
        QVERIFY(n->body.endsWith(QStringLiteral("\nmd0 is degraded.")));
        // Removing a spare, or a member that had failed before, is no news.
        QVERIFY(!composeNotification(QStringLiteral("md0"), {makeEvent(EventKind::MemberRemoved, QStringLiteral("md0"), QStringLiteral("vda"))}));
        // Degraded by other means (a slot added with --grow): no member to blame.
        const auto grown = composeNotification(QStringLiteral("md0"), {makeEvent(EventKind::ArrayDegraded, QStringLiteral("md0"))});
        QCOMPARE(grown->summary, QStringLiteral("md0 is degraded"));
        QVERIFY(grown->failedDevice.isEmpty());
        QVERIFY(!grown->actions.contains(QStringLiteral("replace")));
    }

    void removedDiskJoinsItsArray()
    {
        Snapshot s = machine({raid1(QStringLiteral("md0"), {QStringLiteral("vda"), QStringLiteral("vdb")}),
                              raid1(QStringLiteral("md1"), {QStringLiteral("nvme0n1p2"), QStringLiteral("sdb12")})});
        const Snapshot none;
        QCOMPARE(incidentKey(makeEvent(EventKind::DiskRemoved, {}, QStringLiteral("vdb")), none, s), QStringLiteral("md0"));
        QCOMPARE(incidentKey(makeEvent(EventKind::DiskRemoved, {}, QStringLiteral("nvme0n1")), s, none), QStringLiteral("md1"));
        QCOMPARE(incidentKey(makeEvent(EventKind::DiskRemoved, {}, QStringLiteral("sdb")), s, s), QStringLiteral("md1"));
        QCOMPARE(incidentKey(makeEvent(EventKind::DiskRemoved, {}, QStringLiteral("sdb1")), s, s), QStringLiteral("disk sdb1"));
        QCOMPARE(incidentKey(makeEvent(EventKind::DiskRemoved, {}, QStringLiteral("vd")), s, s), QStringLiteral("disk vd"));
        QCOMPARE(incidentKey(makeEvent(EventKind::MemberFailed, QStringLiteral("md1"), QStringLiteral("sdb12")), s, s), QStringLiteral("md1"));
    }

    // An array's first news is told at once; what follows within the window
    // updates that same notification once. Other arrays: their own, at once.
    void toldAtOnceThenCoalesced()
    {
        FakeServer server;
        Notifier notifier(&server);
        const Snapshot s;
        QElapsedTimer clock;
        clock.start();
        notifier.add({makeEvent(EventKind::MemberFailed, QStringLiteral("md0"), QStringLiteral("sdb"))}, s, s);
        QCOMPARE(server.calls.size(), 1); // no waiting for the first news
        QCOMPARE(server.calls[0].n.summary, QStringLiteral("sdb failed in md0"));
        QVERIFY(!server.calls[0].n.body.contains(QStringLiteral("md0 is degraded")));
        QVERIFY(notifier.isWaiting());
        QTest::qWait(30);
        notifier.add({makeEvent(EventKind::ArrayDegraded, QStringLiteral("md0")), makeEvent(EventKind::MemberFailed, QStringLiteral("md1"), QStringLiteral("sdc"))}, s, s);
        notifier.add({makeEvent(EventKind::MemberRemoved, QStringLiteral("md0"), QStringLiteral("sdb"))}, s, s);
        QCOMPARE(server.calls.size(), 2);
        QCOMPARE(server.calls[1].n.summary, QStringLiteral("sdc failed in md1"));
        QCOMPARE(server.calls[1].replacesId, 0u);
        QTRY_COMPARE_WITH_TIMEOUT(server.calls.size(), 3, 2000);
        // The window is not extended by later events: the update comes within it.
        QVERIFY2(clock.elapsed() < Notifier::coalesceMs + 150, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(server.calls[2].n.summary, QStringLiteral("sdb failed in md0"));
        QVERIFY(server.calls[2].n.body.contains(QStringLiteral("md0 is degraded")));
        QCOMPARE(server.calls[2].replacesId, server.calls[0].id); // the same bubble
        QTRY_VERIFY(!notifier.isWaiting()); // a quiet window closes: no timer left running
        QCOMPARE(server.calls.size(), 3);   // no storm
    }


    // md tells a rebuild's end (sync_action) and the array being whole again
    // (degraded) in two notifications a few ms apart: good news waits one
    // window, so the one bubble says both, never "finished" alone.
    void goodNewsWaitsForWhatFollows()
    {
        FakeServer server;
        Notifier notifier(&server);
        const Snapshot s;
        notifier.add({finished(QStringLiteral("md0"), SyncAction::Recovery)}, s, s);
        QCOMPARE(server.calls.size(), 0);
        QVERIFY(notifier.isWaiting());
        QTest::qWait(20);
        notifier.add({makeEvent(EventKind::ArrayRecovered, QStringLiteral("md0"))}, s, s);
        QTRY_COMPARE(server.calls.size(), 1);
        QCOMPARE(server.calls[0].n.urgency, Urgency::Normal);
        QVERIFY2(server.calls[0].n.summary.contains(QLatin1String("finished")), qPrintable(server.calls[0].n.summary));
        QVERIFY2(server.calls[0].n.body.contains(QLatin1String("healthy again")), qPrintable(server.calls[0].n.body));
        QTRY_VERIFY(!notifier.isWaiting());
        QCOMPARE(server.calls.size(), 1);
    }
    // A long burst updates the notification at most once per window.
    void burstIsRateLimited()
    {
        FakeServer server;
        Notifier notifier(&server);
        const Snapshot s;
        QElapsedTimer clock;
        clock.start();
        int i = 0;
        while (clock.elapsed() < 5 * Notifier::coalesceMs) {
            notifier.add({makeEvent(EventKind::MemberFailed, QStringLiteral("md0"), QStringLiteral("sd%1").arg(i++))}, s, s);
            QTest::qWait(5);
        }
        QTRY_VERIFY(!notifier.isWaiting());
        QVERIFY2(server.calls.size() <= 7, qPrintable(QString::number(server.calls.size())));
        QVERIFY(server.calls.size() >= 3);
        for (const auto &call : std::as_const(server.calls).mid(1))
            QCOMPARE(call.replacesId, server.calls[0].id);
    }

    // Low-urgency events join an incident that is being told, and only then.
    void lowUrgencyAddsToAnIncident()
    {
        FakeServer server;
        Notifier notifier(&server);
        const Snapshot s;
        notifier.add({makeEvent(EventKind::ArrayDegraded, QStringLiteral("md0"))}, s, s);
        QCOMPARE(server.calls.size(), 1);
        QCOMPARE(server.calls[0].n.summary, QStringLiteral("md0 is degraded"));
        notifier.add({makeEvent(EventKind::MemberRemoved, QStringLiteral("md0"), QStringLiteral("vda")),
                      makeEvent(EventKind::MemberRemoved, QStringLiteral("md1"), QStringLiteral("vdc"))}, s, s);
        QTRY_COMPARE(server.calls.size(), 2);
        QCOMPARE(server.calls[1].n.summary, QStringLiteral("vda failed in md0"));
        QCOMPARE(server.calls[1].replacesId, server.calls[0].id);
        settle();
        settle();
        QCOMPARE(server.calls.size(), 2); // md1's removal alone is not news
    }

    // The disk whose member failure is on screen leaves udev a moment later:
    // that would only replace the critical message with a lesser one.
    void pulledDiskIsToldOnce()
    {
        FakeServer server;
        Notifier notifier(&server);
        const Snapshot with = machine({raid1(QStringLiteral("md0"), {QStringLiteral("vda"), QStringLiteral("vdb")})});
        const Snapshot s;
        notifier.add({makeEvent(EventKind::MemberFailed, QStringLiteral("md0"), QStringLiteral("vda")), makeEvent(EventKind::ArrayDegraded, QStringLiteral("md0"))}, s, with);
        QCOMPARE(server.calls.size(), 1);
        QTRY_VERIFY(!notifier.isWaiting());
        notifier.add({makeEvent(EventKind::DiskRemoved, {}, QStringLiteral("vda"))}, with, with);
        QTRY_VERIFY(!notifier.isWaiting());
        QCOMPARE(server.calls.size(), 1);
        // Another disk of the array going is news.
        notifier.add({makeEvent(EventKind::DiskRemoved, {}, QStringLiteral("vdb"))}, with, with);
        QTRY_COMPARE(server.calls.size(), 2); // not critical: told after one window
        QCOMPARE(server.calls[1].n.summary, QStringLiteral("Disk vdb removed"));
        QCOMPARE(server.calls[1].replacesId, 7u);
        QTRY_VERIFY(!notifier.isWaiting());
        // Once the user dismissed the failure, the disk leaving is told.
        notifier.add({makeEvent(EventKind::MemberFailed, QStringLiteral("md0"), QStringLiteral("vda"))}, s, with);
        QCOMPARE(server.calls.size(), 3);
        QTRY_VERIFY(!notifier.isWaiting());
        server.emitClosed(server.calls[2].id);
        notifier.add({makeEvent(EventKind::DiskRemoved, {}, QStringLiteral("vda"))}, with, with);
        QTRY_COMPARE(server.calls.size(), 4);
        QCOMPARE(server.calls[3].replacesId, 0u);
    }

    // udev's `mdadm -If` took the member out before the disk's removal was
    // seen: no snapshot ties vda to md0 any more, the failure on screen does.
    void pulledDiskJoinsTheFailureOnScreen()
    {
        FakeServer server;
        Notifier notifier(&server);
        const Snapshot none;
        notifier.add({makeEvent(EventKind::MemberFailed, QStringLiteral("md0"), QStringLiteral("vda")), makeEvent(EventKind::ArrayDegraded, QStringLiteral("md0"))}, none, none);
        QTRY_VERIFY(!notifier.isWaiting());
        notifier.add({makeEvent(EventKind::DiskRemoved, {}, QStringLiteral("vda"))}, none, none);
        QTRY_VERIFY(!notifier.isWaiting());
        QCOMPARE(server.calls.size(), 1);
        // Another disk is its own news.
        notifier.add({makeEvent(EventKind::DiskRemoved, {}, QStringLiteral("vdab"))}, none, none);
        QTRY_COMPARE(server.calls.size(), 2);
        QCOMPARE(server.calls[1].n.key, QStringLiteral("disk vdab"));
    }

    void lowUrgencyNeverWakes()
    {
        FakeServer server;
        Notifier notifier(&server);
        const Snapshot s;
        notifier.add({makeEvent(EventKind::DiskAdded, {}, QStringLiteral("sdd")), makeEvent(EventKind::ArrayStarted, QStringLiteral("md2")),
                      makeEvent(EventKind::SyncProgress, QStringLiteral("md0"))}, s, s);
        QVERIFY(!notifier.isWaiting());
        settle();
        QVERIFY(server.calls.isEmpty());
    }

    // A later incident of the same array replaces its notification; another
    // array gets its own; once the user closed it, the next one is new.
    void replacesTheArraysLastNotification()
    {
        FakeServer server;
        Notifier notifier(&server);
        const Snapshot s;
        notifier.add({makeEvent(EventKind::MemberFailed, QStringLiteral("md0"), QStringLiteral("sdb"))}, s, s);
        QCOMPARE(server.calls.size(), 1);
        QCOMPARE(server.calls[0].replacesId, 0u);
        QTRY_VERIFY(!notifier.isWaiting());

        notifier.add({finished(QStringLiteral("md0"), SyncAction::Recovery), makeEvent(EventKind::ArrayRecovered, QStringLiteral("md0"))}, s, s);
        QTRY_COMPARE(server.calls.size(), 2);
        QCOMPARE(server.calls[1].replacesId, 7u);
        QCOMPARE(server.calls[1].n.urgency, Urgency::Normal);

        notifier.add({makeEvent(EventKind::ArrayDegraded, QStringLiteral("md1"))}, s, s);
        QCOMPARE(server.calls.size(), 3);
        QCOMPARE(server.calls[2].replacesId, 0u);
        QTRY_VERIFY(!notifier.isWaiting());

        server.emitClosed(7);
        notifier.add({makeEvent(EventKind::MemberFailed, QStringLiteral("md0"), QStringLiteral("sdc"))}, s, s);
        QCOMPARE(server.calls.size(), 4);
        QCOMPARE(server.calls[3].replacesId, 0u);
    }

    // The daemon's id is not back yet: the next one waits for it rather than stack.
    void waitsForTheIdBeforeReplacing()
    {
        FakeServer server;
        server.deferIds = true;
        Notifier notifier(&server);
        const Snapshot s;
        notifier.add({makeEvent(EventKind::MemberFailed, QStringLiteral("md0"), QStringLiteral("sdb"))}, s, s);
        QTRY_COMPARE(server.calls.size(), 1);
        notifier.add({makeEvent(EventKind::ArrayFailed, QStringLiteral("md0"))}, s, s);
        settle();
        QCOMPARE(server.calls.size(), 1);
        notifier.add({makeEvent(EventKind::MemberFailed, QStringLiteral("md0"), QStringLiteral("sdc"))}, s, s);
        settle();
        QCOMPARE(server.calls.size(), 1);
        server.deferred.takeFirst()();
        QCOMPARE(server.calls.size(), 2); // only the newest of the two waiting
        QCOMPARE(server.calls[1].replacesId, 7u);
        // What it says is the whole incident so far, led by the worst.
        QCOMPARE(server.calls[1].n.summary, QStringLiteral("md0 has failed"));
        QVERIFY(server.calls[1].n.body.contains(QStringLiteral("sdc failed in md0")));
    }

    void actionsOpenPlexus()
    {
        FakeServer server;
        Notifier notifier(&server);
        QSignalSpy open(&notifier, &Notifier::openRequested);
        const Snapshot s;
        notifier.add({makeEvent(EventKind::MemberFailed, QStringLiteral("md0"), QStringLiteral("sdb"))}, s, s);
        QTRY_COMPARE(server.calls.size(), 1);
        server.emitAction(7, QStringLiteral("open"));
        server.emitAction(7, QStringLiteral("replace"), QStringLiteral("token-1"));
        server.emitAction(7, QStringLiteral("default"));
        server.emitAction(99, QStringLiteral("open")); // some other program's
        QCOMPARE(open.size(), 3);
        QCOMPARE(open[0], (QVariantList{QStringLiteral("md0"), QString(), QString()}));
        QCOMPARE(open[1], (QVariantList{QStringLiteral("md0"), QStringLiteral("sdb"), QStringLiteral("token-1")}));
        QCOMPARE(open[2], (QVariantList{QStringLiteral("md0"), QString(), QString()}));
    }

    // A drive warning of its own health is told at once, unless KDE's plasma-disks
    // runs in the session and tells it itself: one notification per drive.
    void driveAtRiskToldOnceOnTheDesktop()
    {
        Event atRisk = makeEvent(EventKind::DriveAtRisk, QStringLiteral("md0"), QStringLiteral("sdb"));
        atRisk.health = QStringLiteral("the drive reports it is failing");
        const Snapshot s;
        {
            FakeServer server;
            Notifier notifier(&server);
            notifier.add({atRisk}, s, s);
            QTRY_COMPARE(server.calls.size(), 1);
            const Notification &n = server.calls.first().n;
            QCOMPARE(n.urgency, Urgency::Critical);
            QCOMPARE(n.summary, QStringLiteral("sdb may fail soon"));
            QVERIFY2(n.body.startsWith(QStringLiteral("sdb warns of its own health: the drive reports it is failing. md0 still has all its copies")), qPrintable(n.body));
            QVERIFY(n.actions.contains(QStringLiteral("open")));
        }
        FakeServer server;
        Notifier notifier(&server);
        int asked = 0;
        notifier.setDriveWarningsToldElsewhere([&asked] { ++asked; return true; });
        notifier.add({makeEvent(EventKind::ArrayStarted, QStringLiteral("md1"))}, s, s);
        QCOMPARE(asked, 0); // asked only when a drive warns
        notifier.add({atRisk}, s, s);
        settle();
        QCOMPARE(server.calls.size(), 0);
        QCOMPARE(asked, 1);
        // What md itself says is Plexus's to tell, plasma-disks or not.
        notifier.add({atRisk, makeEvent(EventKind::MemberFailed, QStringLiteral("md0"), QStringLiteral("sdb1"))}, s, s);
        QTRY_COMPARE(server.calls.size(), 1);
        QCOMPARE(server.calls.first().n.summary, QStringLiteral("sdb1 failed in md0"));
        QVERIFY(!server.calls.first().n.body.contains(QStringLiteral("may fail soon")));
    }

    void trayColourAndWords()
    {
        Array md0 = raid1(QStringLiteral("md0"), {QStringLiteral("sda1"), QStringLiteral("sdb1")});
        Array md1 = raid1(QStringLiteral("md1"), {QStringLiteral("sda2"), QStringLiteral("sdb2")});
        QCOMPARE(trayStatus(machine({md0, md1})), (TrayStatus{Tone::Good, QStringLiteral("2 arrays healthy")}));
        QCOMPARE(trayStatus(machine({})), (TrayStatus{Tone::Good, QStringLiteral("No arrays running")}));

        Array degraded = md1;
        degraded.members[1].faulty = true;
        degraded.members[1].slot.reset();
        degraded.degraded = true;
        degraded.degradedCount = 1;
        QCOMPARE(trayStatus(machine({md0, degraded})), (TrayStatus{Tone::Warning, QStringLiteral("md1 degraded")}));

        Array rebuilding = degraded;
        rebuilding.sync = SyncProgress{SyncAction::Recovery, SyncStatus::Running, 10.0, {}, {}, {}, {}};
        QCOMPARE(trayStatus(machine({rebuilding})), (TrayStatus{Tone::Warning, QStringLiteral("md1 rebuilding")}));

        Array lost = md0;
        lost.state = ArrayState::Broken;
        QCOMPARE(trayStatus(machine({lost, degraded})), (TrayStatus{Tone::Bad, QStringLiteral("md0 failed\nmd1 degraded")}));

        // Healthy to md, but a member's drive warns: the tray says so.
        Snapshot atRisk = machine({md0});
        Disk sdb;
        sdb.name = QStringLiteral("sdb");
        sdb.partitions << Partition{QStringLiteral("sdb1"), 1};
        sdb.health = DriveHealth{};
        sdb.health->failing = true;
        atRisk.disks << sdb;
        QCOMPARE(trayStatus(atRisk), (TrayStatus{Tone::Warning, QStringLiteral("md0 at risk: sdb may fail soon")}));
    }
};

// A panel's StatusNotifierWatcher (the KDE/freedesktop tray protocol): it
// takes registrations and says a host is there to show them.
class FakeStatusNotifierWatcher : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.kde.StatusNotifierWatcher")
    Q_PROPERTY(bool IsStatusNotifierHostRegistered READ hostRegistered)
    Q_PROPERTY(int ProtocolVersion READ protocolVersion)
    Q_PROPERTY(QStringList RegisteredStatusNotifierItems READ items)
public:
    bool hostRegistered() const { return true; }
    int protocolVersion() const { return 0; }
    QStringList items() const { return m_items; }
    // Where the item answers: the name it registers (or, when it gives a path, the sender).
    QString itemService;

public Q_SLOTS:
    void RegisterStatusNotifierItem(const QString &service)
    {
        itemService = service.startsWith(QLatin1Char('/')) ? message().service() : service;
        m_items << service;
        Q_EMIT StatusNotifierItemRegistered(service);
    }
    void RegisterStatusNotifierHost(const QString &) {}

Q_SIGNALS:
    void StatusNotifierItemRegistered(const QString &service);
    void StatusNotifierItemUnregistered(const QString &service);
    void StatusNotifierHostRegistered();

private:
    QStringList m_items;
};

// The largest of the images of an a(iiay): ARGB32 in network byte order, as
// the item sends its icons (IconPixmap, and the ToolTip's).
QImage largestImage(const QDBusArgument &arg)
{
    QImage best;
    arg.beginArray();
    while (!arg.atEnd()) {
        int width, height;
        QByteArray data;
        arg.beginStructure();
        arg >> width >> height >> data;
        arg.endStructure();
        if (width <= 0 || height <= 0 || data.size() != qsizetype(width) * height * 4 || width <= best.width())
            continue;
        QImage image(width, height, QImage::Format_ARGB32);
        const auto *pixels = reinterpret_cast<const quint32 *>(data.constData());
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x)
                image.setPixel(x, y, qFromBigEndian(pixels[y * width + x]));
        best = image;
    }
    arg.endArray();
    return best;
}

// The item's icon as a panel receives it.
QImage panelIcon(const QVariant &value)
{
    return largestImage(value.value<QDBusArgument>());
}

// The tooltip's subtitle, from org.kde.StatusNotifierItem's ToolTip (sa(iiay)ss).
QString toolTipSubtitle(const QVariant &value)
{
    const QDBusArgument arg = value.value<QDBusArgument>();
    QString icon, title, subtitle;
    arg.beginStructure();
    arg >> icon;
    largestImage(arg);
    arg >> title >> subtitle;
    arg.endStructure();
    return subtitle;
}

// What a panel shows of the item in one state, read over D-Bus.
struct PanelView {
    QString status;   // Passive, NeedsAttention
    QImage icon;
    QString subtitle; // the tooltip's text under its title
};

// docs/screenshots/tray.png: no panel runs here, so the picture is drawn from
// what a panel receives over D-Bus (status, icon, tooltip) in each state, with
// the item's own menu beside them.
QImage drawPanelViews(const QList<PanelView> &views, QMenu *menu)
{
    const int column = 250, strip = 34, margin = 12;
    menu->adjustSize();
    const QPixmap menuPicture = menu->grab();
    QImage out(margin + int(views.size()) * column + menuPicture.width() + margin, 150, QImage::Format_ARGB32);
    out.fill(QGuiApplication::palette().window().color());
    QPainter p(&out);
    p.setRenderHint(QPainter::Antialiasing);
    QFont bold = QGuiApplication::font();
    bold.setBold(true);
    for (int i = 0; i < views.size(); ++i) {
        const PanelView &v = views[i];
        const int x = margin + i * column;
        // The panel: a dark strip with the item at its end.
        const QRect panel(x, margin, column - margin, strip);
        p.fillRect(panel, QColor(0x31, 0x36, 0x3b));
        p.drawImage(QRect(panel.right() - 30, panel.top() + 6, 22, 22), v.icon);
        p.setPen(QColor(0xfc, 0xfc, 0xfc));
        p.drawText(panel.adjusted(8, 0, -36, 0), Qt::AlignVCenter | Qt::AlignLeft, v.status);
        // Its tooltip, under it.
        const QRect tip(x, panel.bottom() + 8, column - margin, 70);
        p.setPen(QGuiApplication::palette().mid().color());
        p.setBrush(QGuiApplication::palette().toolTipBase());
        p.drawRoundedRect(tip, 4, 4);
        p.drawImage(QRect(tip.left() + 8, tip.top() + 8, 32, 32), v.icon);
        p.setPen(QGuiApplication::palette().toolTipText().color());
        p.setFont(bold);
        p.drawText(tip.adjusted(48, 8, -8, 0), Qt::AlignTop | Qt::AlignLeft, QStringLiteral("Plexus"));
        p.setFont(QGuiApplication::font());
        p.drawText(tip.adjusted(48, 28, -8, -4), Qt::AlignTop | Qt::AlignLeft | Qt::TextWordWrap, v.subtitle);
    }
    p.drawPixmap(margin + int(views.size()) * column, margin, menuPicture);
    return out;
}

// The key the daemon is told for the button labelled `label` ("" for none).
QString buttonKey(const test::NotifyCall &call, const QString &label)
{
    for (qsizetype i = 1; i < call.actions.size(); i += 2)
        if (call.actions[i] == label)
            return call.actions[i - 1];
    return {};
}

// The real path: DesktopNotifications and plexus --monitor's pieces on a
// private session bus, to the fake daemon tests/vm uses too.
class TestNotifierOnDBus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (test::PrivateBus::daemon().isEmpty())
            QSKIP("no dbus-daemon");
        m_address = m_bus.start();
        QVERIFY(!m_address.isEmpty());
        // MonitorMode talks to "the session bus": make it this one before anyone connects.
        qputenv("DBUS_SESSION_BUS_ADDRESS", m_address.toUtf8());
    }

    void cleanupTestCase()
    {
        QDBusConnection::disconnectFromBus(QStringLiteral("daemon"));
    }

    // plasma-disks is asked on the session bus: kded6's loaded modules.
    void plasmaDisksAskedOfKded()
    {
        QDBusConnection client = QDBusConnection::connectToBus(m_address, QStringLiteral("asker"));
        QVERIFY(!plasmaDisksWatchesDrives(client)); // no kded6 at all
        QDBusConnection kdedBus = QDBusConnection::connectToBus(m_address, QStringLiteral("kded"));
        // The asker blocks for the answer (as the monitor does): kded answers from a thread of its own.
        QThread kdedThread;
        kdedThread.start();
        FakeKded kded;
        kded.modules = {QStringLiteral("statusnotifierwatcher"), QStringLiteral("networkmanagement")};
        kded.moveToThread(&kdedThread);
        auto stop = qScopeGuard([&kdedThread] { kdedThread.quit(); kdedThread.wait(); });
        QVERIFY(kdedBus.registerObject(QStringLiteral("/kded"), &kded, QDBusConnection::ExportAllSlots));
        QVERIFY(kdedBus.registerService(QStringLiteral("org.kde.kded6")));
        QVERIFY(!plasmaDisksWatchesDrives(client)); // kded without plasma-disks
        kded.modules << QStringLiteral("smart");
        QVERIFY(plasmaDisksWatchesDrives(client));
        kdedBus.unregisterService(QStringLiteral("org.kde.kded6"));
        QDBusConnection::disconnectFromBus(QStringLiteral("kded"));
        QDBusConnection::disconnectFromBus(QStringLiteral("asker"));
    }

    // Through KNotification and the build's plexus.notifyrc to the daemon, as
    // the desktop sees it; a click hands the daemon's activation token over.
    void notifyWithUrgencyAndActions()
    {
        test::FakeNotificationServer daemon(QDBusConnection::connectToBus(m_address, QStringLiteral("daemon")));
        QString error;
        QVERIFY2(daemon.start(&error), qPrintable(error));
        QSignalSpy received(&daemon, &test::FakeNotificationServer::notified);

        DesktopNotifications client;
        Notifier notifier(&client);
        QSignalSpy open(&notifier, &Notifier::openRequested);
        const Snapshot s;
        notifier.add({makeEvent(EventKind::MemberFailed, QStringLiteral("md0"), QStringLiteral("sdb")), makeEvent(EventKind::ArrayDegraded, QStringLiteral("md0"))}, s, s);
        QVERIFY(received.wait(3000));
        const test::NotifyCall call = daemon.calls().first();
        QCOMPARE(call.app, QStringLiteral("Plexus"));                 // plexus.notifyrc's name
        QCOMPARE(call.icon, QStringLiteral("dialog-error"));          // its member-failed event's icon
        QCOMPARE(call.hints.value(QStringLiteral("x-kde-eventId")).toString(), QStringLiteral("member-failed"));
        QCOMPARE(call.replacesId, 0u);
        QCOMPARE(call.summary, QStringLiteral("sdb failed in md0"));
        QCOMPARE(call.urgency(), 2); // a byte, as the specification wants
        QCOMPARE(call.hints.value(QStringLiteral("desktop-entry")).toString(), QStringLiteral(PLEXUS_APP_ID));
        QCOMPARE(buttonKey(call, QStringLiteral("Open Plexus")), QStringLiteral("default")); // a click on the bubble
        QVERIFY(!buttonKey(call, QStringLiteral("Replace sdb")).isEmpty());

        // The next news of md0 replaces it on screen, in the words of its own event.
        QTRY_VERIFY(!notifier.isWaiting());
        notifier.add({finished(QStringLiteral("md0"), SyncAction::Recovery), makeEvent(EventKind::ArrayRecovered, QStringLiteral("md0"))}, s, s);
        QVERIFY(received.wait(3000));
        QCOMPARE(daemon.calls().last().replacesId, call.id);
        QCOMPARE(daemon.calls().last().urgency(), 1);
        QCOMPARE(daemon.calls().last().summary, QStringLiteral("md0: recovery finished"));

        // Dismissed: the next is a new one.
        daemon.close(call.id, 2);
        QTest::qWait(50);
        QTRY_VERIFY(!notifier.isWaiting());
        notifier.add({makeEvent(EventKind::MemberFailed, QStringLiteral("md0"), QStringLiteral("sdc"))}, s, s);
        QVERIFY(received.wait(3000));
        const test::NotifyCall failed = daemon.calls().last();
        QCOMPARE(failed.replacesId, 0u);

        // A click on "Replace sdc" reaches the notifier with the daemon's token,
        // and closes the bubble: the next news is a new one again.
        daemon.invokeAction(failed.id, buttonKey(failed, QStringLiteral("Replace sdc")), QStringLiteral("token-42"));
        QVERIFY(open.wait(3000));
        QCOMPARE(open.first(), (QVariantList{QStringLiteral("md0"), QStringLiteral("sdc"), QStringLiteral("token-42")}));
        QTest::qWait(100);
        QTRY_VERIFY(!notifier.isWaiting());
        notifier.add({makeEvent(EventKind::ArrayDegraded, QStringLiteral("md0"))}, s, s);
        QVERIFY(received.wait(3000));
        QCOMPARE(daemon.calls().last().replacesId, 0u);
    }

    // plexus --monitor over a fixture tree: a member fails, one critical
    // notification names it; then nothing runs while nothing happens.
    void monitorModeEndToEnd()
    {
        QTemporaryDir dir;
        MachineTree tree(dir.path());
        writeMirror(tree);
        test::FakeNotificationServer daemon(QDBusConnection::connectToBus(m_address, QStringLiteral("daemon")));
        QVERIFY(daemon.start());
        QSignalSpy received(&daemon, &test::FakeNotificationServer::notified);

        MonitorMode monitor(dir.path());
        QCOMPARE(monitor.tray()->status().toolTip, QStringLiteral("1 array healthy"));
        tree.failMember(QStringLiteral("md0"), QStringLiteral("sdb1"));
        monitor.storage()->refresh();
        QVERIFY(received.wait(3000));
        QCOMPARE(daemon.calls().size(), 1);
        QCOMPARE(daemon.calls().first().summary, QStringLiteral("sdb1 failed in md0"));
        QVERIFY(daemon.calls().first().body.contains(QStringLiteral("md0 is degraded")));
        QCOMPARE(daemon.calls().first().urgency(), 2);
        QCOMPARE(monitor.tray()->status(), (TrayStatus{Tone::Warning, QStringLiteral("md0 degraded")}));

        QTest::qWait(300);
        QCOMPARE(daemon.calls().size(), 1);                     // no second message
        QVERIFY(!monitor.notifier()->isWaiting());             // idle: no timer of ours
        QVERIFY(!monitor.storage()->watcher()->isFollowingProgress()); // nor the watcher's
    }

    // The tray item as a panel sees it over the bus: registered with the
    // panel's watcher, Passive while all is well (panels tuck it away),
    // NeedsAttention with the trouble in its tooltip, and a click opens Plexus.
    void trayTellsThePanel()
    {
        QDBusConnection panel = QDBusConnection::connectToBus(m_address, QStringLiteral("panel"));
        FakeStatusNotifierWatcher watcher;
        QVERIFY(panel.registerObject(QStringLiteral("/StatusNotifierWatcher"), &watcher, QDBusConnection::ExportAllContents));
        QVERIFY(panel.registerService(QStringLiteral("org.kde.StatusNotifierWatcher")));
        auto cleanup = qScopeGuard([&] {
            panel.unregisterService(QStringLiteral("org.kde.StatusNotifierWatcher"));
            QDBusConnection::disconnectFromBus(QStringLiteral("panel"));
        });
        QSignalSpy registered(&watcher, &FakeStatusNotifierWatcher::StatusNotifierItemRegistered);

        TrayIcon tray;
        Array md0 = raid1(QStringLiteral("md0"), {QStringLiteral("sda1"), QStringLiteral("sdb1")});
        tray.setSnapshot(machine({md0}));
        QTRY_VERIFY_WITH_TIMEOUT(!registered.isEmpty(), 5000);
        auto property = [&](const char *name) {
            QDBusMessage get = QDBusMessage::createMethodCall(watcher.itemService, QStringLiteral("/StatusNotifierItem"),
                                                              QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
            get << QStringLiteral("org.kde.StatusNotifierItem") << QLatin1String(name);
            const QDBusMessage reply = panel.call(get, QDBus::BlockWithGui); // the item answers from this thread
            if (reply.type() == QDBusMessage::ErrorMessage)
                qWarning("Get %s from %s: %s", name, qPrintable(watcher.itemService), qPrintable(reply.errorMessage()));
            return reply.arguments().value(0).value<QDBusVariant>().variant();
        };
        QCOMPARE(property("Title").toString(), QStringLiteral("Plexus"));
        QCOMPARE(property("Category").toString(), QStringLiteral("Hardware"));
        QCOMPARE(property("Status").toString(), QStringLiteral("Passive"));
        QCOMPARE(toolTipSubtitle(property("ToolTip")), QStringLiteral("1 array healthy"));
        QList<PanelView> seen;
        const auto look = [&](const char *iconProperty) {
            seen << PanelView{property("Status").toString(), panelIcon(property(iconProperty)), toolTipSubtitle(property("ToolTip"))};
            return !seen.last().icon.isNull();
        };
        QVERIFY(look("IconPixmap"));

        md0.members[1].faulty = true;
        md0.members[1].slot.reset();
        md0.degraded = true;
        md0.degradedCount = 1;
        tray.setSnapshot(machine({md0}));
        QTRY_COMPARE(property("Status").toString(), QStringLiteral("NeedsAttention"));
        QCOMPARE(toolTipSubtitle(property("ToolTip")), QStringLiteral("md0 degraded"));
        QVERIFY(look("AttentionIconPixmap"));
        // A second array fails: the dot turns red, the tooltip names both.
        Array md1 = raid1(QStringLiteral("md1"), {QStringLiteral("sdc1"), QStringLiteral("sdd1")});
        for (Member &m : md1.members) {
            m.faulty = true;
            m.slot.reset();
        }
        md1.degraded = true;
        md1.degradedCount = 2;
        tray.setSnapshot(machine({md0, md1}));
        QTRY_COMPARE(toolTipSubtitle(property("ToolTip")), QStringLiteral("md0 degraded\nmd1 failed"));
        QVERIFY(look("AttentionIconPixmap"));
        // The three dots differ: green, amber, red (the centre pixel of each).
        const auto centre = [](const QImage &i) { return i.pixelColor(i.width() / 2, i.height() / 2); };
        QVERIFY(centre(seen[0].icon) != centre(seen[1].icon) && centre(seen[1].icon) != centre(seen[2].icon));
        QMenu *menu = nullptr;
        for (QWidget *w : QApplication::topLevelWidgets())
            if (auto *m = qobject_cast<QMenu *>(w))
                for (QAction *a : m->actions())
                    if (a->text() == QLatin1String("Open Plexus"))
                        menu = m;
        QVERIFY2(menu, "the item's menu, with Open Plexus");
        QDir().mkpath(QStringLiteral(PLEXUS_SCREENSHOT_DIR));
        QVERIFY(drawPanelViews(seen, menu).save(QStringLiteral(PLEXUS_SCREENSHOT_DIR "/tray.png")));

        // A panel hands its activation token over just before the click; the
        // window Plexus opens gets it.
        QSignalSpy open(&tray, &TrayIcon::openRequested);
        QDBusMessage token = QDBusMessage::createMethodCall(watcher.itemService, QStringLiteral("/StatusNotifierItem"),
                                                            QStringLiteral("org.kde.StatusNotifierItem"), QStringLiteral("ProvideXdgActivationToken"));
        token << QStringLiteral("panel-token");
        panel.call(token, QDBus::NoBlock);
        QDBusMessage click = QDBusMessage::createMethodCall(watcher.itemService, QStringLiteral("/StatusNotifierItem"),
                                                            QStringLiteral("org.kde.StatusNotifierItem"), QStringLiteral("Activate"));
        click << 0 << 0;
        panel.call(click, QDBus::NoBlock);
        QVERIFY(open.wait(3000));
        QCOMPARE(open.first(), QVariantList{QStringLiteral("panel-token")});
    }

    // The user switched one kind of news off (Configure Notifications writes
    // the user's plexus.notifyrc and tells KNotification to read it again):
    // that kind is no longer shown, the others still are.
    void eventSwitchedOffByTheUser()
    {
        test::FakeNotificationServer daemon(QDBusConnection::connectToBus(m_address, QStringLiteral("daemon")));
        QVERIFY(daemon.start());
        QSignalSpy received(&daemon, &test::FakeNotificationServer::notified);
        const QString userFile = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
            + QStringLiteral("/plexus.notifyrc");
        const auto reparse = [] {
            QDBusMessage changed = QDBusMessage::createSignal(QStringLiteral("/Config"), QStringLiteral("org.kde.knotification"),
                                                              QStringLiteral("reparseConfiguration"));
            changed << QStringLiteral("plexus");
            QDBusConnection::sessionBus().send(changed);
            QTest::qWait(100);
        };
        {
            QFile file(userFile);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("[Event/sync-finished]\nAction=\n");
        }
        reparse();
        auto cleanup = qScopeGuard([&] {
            QFile::remove(userFile);
            reparse();
        });

        DesktopNotifications client;
        Notifier notifier(&client);
        const Snapshot s;
        notifier.add({finished(QStringLiteral("md5"), SyncAction::Check)}, s, s);
        QVERIFY(!received.wait(600));
        notifier.add({makeEvent(EventKind::MemberFailed, QStringLiteral("md6"), QStringLiteral("sdf"))}, s, s);
        QVERIFY(received.wait(3000));
        QCOMPARE(daemon.calls().last().summary, QStringLiteral("sdf failed in md6"));
    }

private:
    test::PrivateBus m_bus;
    QString m_address;
};

int main(int argc, char **argv)
{
    // The user's settings (plexus.notifyrc under the configuration home) are the test's own.
    QTemporaryDir configHome;
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(configHome.path()));
    QApplication app(argc, argv);
    TestNotifier pure;
    TestNotifierOnDBus onBus;
    int status = QTest::qExec(&pure, argc, argv);
    status |= QTest::qExec(&onBus, argc, argv);
    return status;
}

#include "tst_notifier.moc"
