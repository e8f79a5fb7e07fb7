// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// LiveSystem::node, the helper's only look at a path a caller names: it follows
// links itself and never looks into a directory users other than root can write
// (/dev/shm, /tmp), where a FUSE mount could hang it or links could be swapped.
#include "engine/systemview.h"

#include <QFile>
#include <QTest>

#include <unistd.h>

using namespace plexus;

class TestSystemView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (geteuid() != 0)
            QSKIP("the walk trusts root-owned directories only: run as root (the build root's tests do)");
    }

    // Calendars are judged by systemd's own parser, its reason quoted.
    void calendarsAsSystemdReadsThem()
    {
        const LiveSystem live;
        QVERIFY(live.calendarValid(QStringLiteral("Sun *-*-1..7 01:00")).ok());
        QVERIFY(live.calendarValid(QStringLiteral("weekly")).ok());
        const Status bad = live.calendarValid(QStringLiteral("Funday 25:00"));
        QVERIFY(!bad.ok());
        QVERIFY2(bad.message().contains(QStringLiteral("(Failed to parse calendar specification 'Funday 25:00': Invalid argument)")), qPrintable(bad.message()));
    }

    void followsLinksInRootsDirectories()
    {
        const NodeInfo null = LiveSystem().node(QStringLiteral("/dev/./null"));
        QVERIFY(null.exists);
        QCOMPARE(null.canonicalPath, QStringLiteral("/dev/null"));
        QCOMPARE(null.kind, QStringLiteral("character device"));
        QVERIFY(null.unsafeAt.isEmpty());
        // /dev/stdin -> /proc/self/fd/0: followed, relative parts included.
        const NodeInfo proc = LiveSystem().node(QStringLiteral("/dev/../proc/self/../self/fd"));
        QVERIFY(proc.exists);
        QVERIFY(proc.canonicalPath.startsWith(QLatin1String("/proc/")));
    }

    void refusesWorldWritableDirectories()
    {
        const QString link = QStringLiteral("/dev/shm/plexus-tst-systemview");
        QFile::remove(link);
        QVERIFY(QFile::link(QStringLiteral("/dev/null"), link));
        const NodeInfo viaShm = LiveSystem().node(link);
        QFile::remove(link);
        QCOMPARE(viaShm.unsafeAt, QStringLiteral("/dev/shm"));
        QVERIFY(!viaShm.exists);
        QVERIFY(viaShm.canonicalPath.isEmpty());
        const NodeInfo inTmp = LiveSystem().node(QStringLiteral("/tmp/anything/at/all"));
        QCOMPARE(inTmp.unsafeAt, QStringLiteral("/tmp"));
    }
};

QTEST_GUILESS_MAIN(TestSystemView)
#include "tst_systemview.moc"
