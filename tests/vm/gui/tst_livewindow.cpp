// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// The real window on a live machine with a real md array resyncing. Built here,
// run only inside a VM by tests/vm/gui_live_resync.sh (which made the array):
// outside such a VM it fails, since there is no md0 to show.
#include "arraycard.h"
#include "arraysview.h"
#include "mainwindow.h"
#include "monitor/mdwatcher.h"

#include <QFile>
#include <QLabel>
#include <QProgressBar>
#include <QTest>

using namespace plexus;

class TestLiveWindow : public QObject
{
    Q_OBJECT

    static QString health(const ArrayCard *card)
    {
        const auto *label = card->findChild<QLabel *>(QStringLiteral("health"));
        return label ? label->text() : QString();
    }

    static void setSyncSpeed(const QByteArray &kibPerSec)
    {
        for (const char *file : {"/proc/sys/dev/raid/speed_limit_max", "/proc/sys/dev/raid/speed_limit_min"}) {
            QFile f(QString::fromLatin1(file));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(kibPerSec + '\n');
        }
    }

private Q_SLOTS:
    void realResyncIsShownLive()
    {
        MainWindow w(QStringLiteral("/"));
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        QTRY_VERIFY_WITH_TIMEOUT(w.arraysView()->card(QStringLiteral("md0")), 10000);
        const ArrayCard *md0 = w.arraysView()->card(QStringLiteral("md0"));
        auto *bar = md0->findChild<QProgressBar *>(QStringLiteral("progress"));
        QVERIFY(bar);
        QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible() && bar->value() > 0, 10000);
        QVERIFY2(health(md0).startsWith(QStringLiteral("Synchronizing, ")), qPrintable(health(md0)));
        QVERIFY(w.watcher()->isFollowingProgress());

        // Nobody touches the window: the kernel's progress alone moves the bar.
        const int first = bar->value();
        QTRY_VERIFY_WITH_TIMEOUT(bar->value() > first, 20000);
        qInfo("progress bar moved on its own: %d -> %d per mille (%s)", first, bar->value(), qPrintable(health(md0)));
        w.grab().save(QStringLiteral(PLEXUS_SCREENSHOT_DIR "/live-resync.png"));

        setSyncSpeed("2000000");
        QTRY_COMPARE_WITH_TIMEOUT(health(md0), QStringLiteral("Healthy"), 120000);
        QVERIFY(bar->isHidden());
        QTRY_VERIFY_WITH_TIMEOUT(!w.watcher()->isFollowingProgress(), 5000); // idle: no timer
    }
};

QTEST_MAIN(TestLiveWindow)
#include "tst_livewindow.moc"
