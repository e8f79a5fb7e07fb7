// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// The real window, run by a user who is not root, on a mirror of two NVMe disks
// (tests/vm/health_drives.sh): each disk shows its health as UDisks read it; when
// one drive raises a critical warning (qemu's, through QMP) the window shows it
// on the disk map, puts the mirror "at risk" and explains in the details, without
// being touched and before md knows anything. Run only inside that VM.
#include "arraycard.h"
#include "arraysview.h"
#include "detailspane.h"
#include "diskmapview.h"
#include "diskrow.h"
#include "guisession.h"
#include "mainwindow.h"
#include "selectionmodel.h"

#include <QFile>
#include <QLabel>
#include <QTest>

using namespace plexus;

class TestHealthWindow : public QObject
{
    Q_OBJECT

    static QString health(const ArrayCard *card)
    {
        const auto *label = card ? card->findChild<QLabel *>(QStringLiteral("health")) : nullptr;
        return label ? label->text() : QString();
    }

private Q_SLOTS:
    void driveWarningShownLive()
    {
        const QString disk = qEnvironmentVariable("PLEXUS_AT_RISK");
        QVERIFY2(!disk.isEmpty(), "PLEXUS_AT_RISK names the disk whose drive will warn");
        MainWindow w(QStringLiteral("/"));
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        QTRY_VERIFY_WITH_TIMEOUT(w.arraysView()->card(QStringLiteral("md0")), 10000);
        const ArrayCard *md0 = w.arraysView()->card(QStringLiteral("md0"));
        QTRY_VERIFY_WITH_TIMEOUT(w.diskMap()->row(disk), 10000);
        const DiskRow *row = w.diskMap()->row(disk);
        QVERIFY2(row->badges().contains(QStringLiteral("healthy")), qPrintable(row->badges().join(QLatin1Char(','))));
        QCOMPARE(health(md0), QStringLiteral("Healthy"));
        w.selection()->setCurrent(Selectable::disk(disk));
        const DetailRow *temperature = w.detailsPane()->details().row(QStringLiteral("Temperature"));
        QVERIFY2(temperature && temperature->value.endsWith(QStringLiteral(" \u00b0C")), "the drive's temperature in the details");
        guisession::save(&w, QStringLiteral("drive-healthy.png"));

        // The script raises the drive's warning once the window is up.
        QFile ready(QStringLiteral(PLEXUS_SCREENSHOT_DIR "/window-ready"));
        QVERIFY(ready.open(QIODevice::WriteOnly));
        ready.close();

        QTRY_VERIFY_WITH_TIMEOUT(row->badges().contains(QStringLiteral("failing")), 120000);
        // md itself knows nothing yet: the drive's warning is the news.
        QTRY_COMPARE_WITH_TIMEOUT(health(md0), QStringLiteral("At risk: %1 warns it may fail").arg(disk), 5000);
        w.selection()->setCurrent(Selectable::disk(disk));
        const DetailRow *verdict = w.detailsPane()->details().row(QStringLiteral("Verdict"));
        QVERIFY(verdict);
        QCOMPARE(verdict->value, QStringLiteral("At risk: its reliability is degraded by media or internal errors"));
        w.selection()->setCurrent(Selectable::array(QStringLiteral("md0")));
        const DetailRow *atRisk = w.detailsPane()->details().row(QStringLiteral("At risk"));
        QVERIFY2(atRisk && atRisk->value.startsWith(disk + QStringLiteral(" warns it may fail")), "the array's details say why");
        guisession::save(&w, QStringLiteral("drive-at-risk.png"));
    }
};

QTEST_MAIN(TestHealthWindow)
#include "tst_healthwindow.moc"
