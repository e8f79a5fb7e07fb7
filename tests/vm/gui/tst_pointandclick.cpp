// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// What a user who has never typed mdadm does, in the real window, against the
// real plexus-helper (polkit, libblockdev, mdadm) and the kernel's md driver:
// choose three blank disks in the disk map, create a RAID-5 on one partition
// per disk by clicking, put data on it, mark a member failed from its menu,
// plug in a new disk, drag it onto the failed member (Plexus partitions it
// like the old disk), and watch the recovery finish with the data intact.
// Built here, run only inside a VM by tests/vm/gui_point_and_click.sh (three
// blank disks vda, vdb, vdc; the helper installed): elsewhere it fails.
#include "arraycard.h"
#include "arraysview.h"
#include "create/createarraydialog.h"
#include "create/devicelist.h"
#include "diskmapview.h"
#include "diskrow.h"
#include "guisession.h"
#include "mainwindow.h"
#include "operations/actionlauncher.h"
#include "operations/attentionbanner.h"
#include "operations/devicedrag.h"
#include "operations/reviewdialog.h"
#include "partitionbar.h"
#include "slotstrip.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QRandomGenerator>
#include <QTest>
#include <QToolButton>

using namespace plexus;
using namespace plexus::guisession;

namespace {

constexpr int dataBytes = 8 * 1024 * 1024;

QString health(const ArrayCard *card)
{
    const auto *label = card->findChild<QLabel *>(QStringLiteral("health"));
    return label ? label->text() : QString();
}

// Runs a program in the VM (mdadm, plexus-vm-disk) and returns its stdout;
// `exitCode`, when given, gets its exit status instead of a warning on failure.
QString run(const QString &program, const QStringList &args, int *exitCode = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(program, args);
    const bool finished = p.waitForFinished(180000) && p.exitStatus() == QProcess::NormalExit;
    if (exitCode)
        *exitCode = finished ? p.exitCode() : -1;
    else if (!finished || p.exitCode() != 0)
        qWarning("%s %s failed", qPrintable(program), qPrintable(args.join(QLatin1Char(' '))));
    return QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed();
}

// The first `bytes` of a block device, read past the page cache.
QByteArray digestOf(const QString &device, int bytes)
{
    run(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("sync; echo 3 > /proc/sys/vm/drop_caches")});
    QFile f(device);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.read(bytes), QCryptographicHash::Sha256).toHex();
}

void setSyncSpeed(const QByteArray &kibPerSec)
{
    for (const char *file : {"/proc/sys/dev/raid/speed_limit_max", "/proc/sys/dev/raid/speed_limit_min"}) {
        QFile f(QString::fromLatin1(file));
        if (f.open(QIODevice::WriteOnly))
            f.write(kibPerSec + '\n');
    }
}

int tileIndex(const SlotStrip *strip, const QString &device)
{
    for (int i = 0; i < strip->slots().size(); ++i)
        if (strip->slots()[i].device == device)
            return i;
    return -1;
}

} // namespace

class TestPointAndClick : public QObject
{
    Q_OBJECT

    MainWindow *w = nullptr;
    ReviewDialog *lastReview = nullptr;
    QString array;      // "md0", as the dialog proposed it
    QByteArray written; // digest of the data put on the array
    QString newDisk;    // the hot-plugged disk

private Q_SLOTS:
    void initTestCase()
    {
        w = new MainWindow(QStringLiteral("/"));
        w->resize(1280, 860);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        connect(w, &MainWindow::reviewOpened, this, [this](ReviewDialog *d) { lastReview = d; });
        for (const char *disk : {"vda", "vdb", "vdc"})
            QVERIFY2(w->diskMap()->row(QString::fromLatin1(disk)), disk);
        QVERIFY(w->arraysView()->cards().isEmpty());
    }

    void createRaid5ByClicking()
    {
        CreateArrayDialog *create = nullptr;
        connect(w, &MainWindow::createDialogOpened, this, [&create](CreateArrayDialog *d) { create = d; });
        // Click the first disk, ctrl-click the other two.
        Qt::KeyboardModifiers mods;
        for (const char *disk : {"vda", "vdb", "vdc"}) {
            PartitionBar *bar = w->diskMap()->row(QString::fromLatin1(disk))->bar();
            QTest::mouseClick(bar, Qt::LeftButton, mods, bar->segmentRect(0).center());
            mods = Qt::ControlModifier;
        }
        auto *createAction = w->findChild<QAction *>(QStringLiteral("createArrayAction"));
        createAction->trigger();
        QVERIFY(create && create->isVisible());
        QCOMPARE(create->deviceList()->chosen(), (QStringList{QStringLiteral("vda"), QStringLiteral("vdb"), QStringLiteral("vdc")}));

        auto *raid5 = create->findChild<QRadioButton *>(QStringLiteral("level-raid5"));
        QVERIFY(raid5 && raid5->isEnabled());
        QTest::mouseClick(raid5, Qt::LeftButton, {}, QPoint(5, raid5->height() / 2));
        QVERIFY(raid5->isChecked());
        // Advanced: one RAID partition per disk, as installers do it.
        QTest::mouseClick(create->findChild<QToolButton *>(QStringLiteral("advancedToggle")), Qt::LeftButton);
        auto *partition = create->findChild<QCheckBox *>(QStringLiteral("partitionDisks"));
        QVERIFY(partition && partition->isVisible());
        QTest::mouseClick(partition, Qt::LeftButton, {}, QPoint(5, partition->height() / 2));
        QVERIFY(partition->isChecked());
        array = create->request().array.section(QLatin1Char('/'), -1);
        QVERIFY(!array.isEmpty());
        save(create, QStringLiteral("vm-create-raid5.png"));

        QTest::mouseClick(create->findChild<QPushButton *>(QStringLiteral("review")), Qt::LeftButton);
        QVERIFY(lastReview);
        QVERIFY2(lastReview->commandsText().contains(QStringLiteral("mdadm --create /dev/%1").arg(array)), qPrintable(lastReview->commandsText()));
        QVERIFY(lastReview->commandsText().contains(QStringLiteral("--level=5")));
        QVERIFY(lastReview->commandsText().contains(QStringLiteral("sfdisk --wipe=always --wipe-partitions=always /dev/vda")));
        QVERIFY(lastReview->commandsText().endsWith(QStringLiteral("/dev/vda1 /dev/vdb1 /dev/vdc1")));
        setSyncSpeed("2000000"); // the initial resync at full speed: this test is about what follows
        QVERIFY(runReview(lastReview, QStringLiteral("vm-review-create.png")));

        // The result appears live in the window, and the create dialog is gone.
        QTRY_VERIFY_WITH_TIMEOUT(w->arraysView()->card(array), 10000);
        QVERIFY(!w->findChild<CreateArrayDialog *>());
        const ArrayCard *card = w->arraysView()->card(array);
        QTRY_COMPARE_WITH_TIMEOUT(health(card), QStringLiteral("Healthy"), 120000);
        QCOMPARE(card->slotStrip()->slots().size(), 3);
        for (const char *member : {"vda1", "vdb1", "vdc1"})
            QVERIFY2(tileIndex(card->slotStrip(), QString::fromLatin1(member)) >= 0, member);
    }

    void putDataOnIt()
    {
        QByteArray data(dataBytes, Qt::Uninitialized);
        QRandomGenerator rng(20261203);
        rng.fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
        QFile md(QStringLiteral("/dev/") + array);
        QVERIFY(md.open(QIODevice::WriteOnly));
        QCOMPARE(md.write(data), qint64(data.size()));
        md.close();
        written = QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
        QCOMPARE(digestOf(QStringLiteral("/dev/") + array, dataBytes), written);
    }

    void failMemberFromItsMenu()
    {
        QVERIFY(w->select(array + QStringLiteral("/vdb1")));
        const Selectable vdb = w->selection()->current();
        QCOMPARE(vdb.name, QStringLiteral("vdb1"));
        QVERIFY(w->actions()->trigger(vdb, QStringLiteral("fail")));
        QVERIFY(runReview(lastReview));
        const ArrayCard *card = w->arraysView()->card(array);
        QTRY_VERIFY_WITH_TIMEOUT(health(card).startsWith(QStringLiteral("Degraded")), 10000);
        // A degraded array is shown at the top of the window, never buried in its card.
        QTRY_VERIFY_WITH_TIMEOUT(w->banner()->isVisible(), 5000);
        const int faulty = tileIndex(card->slotStrip(), QStringLiteral("vdb1"));
        QVERIFY(faulty >= 0);
        QVERIFY(card->slotStrip()->slots()[faulty].state == SlotState::Faulty);
        save(w, QStringLiteral("vm-degraded.png"));
    }

    void dragNewDiskOntoFailedMember()
    {
        newDisk = run(QStringLiteral("plexus-vm-disk"), {QStringLiteral("plug"), QStringLiteral("256M")});
        QVERIFY(!newDisk.isEmpty());
        // The new disk appears in the disk map by itself (udev).
        QTRY_VERIFY_WITH_TIMEOUT(w->diskMap()->row(newDisk), 20000);

        setSyncSpeed("3000"); // slow enough to watch the recovery move
        ArrayCard *card = w->arraysView()->card(array);
        SlotStrip *strip = card->slotStrip();
        const QPoint at = strip->tileRect(tileIndex(strip, QStringLiteral("vdb1"))).center();
        std::unique_ptr<QMimeData> mime(deviceMimeData(newDisk));
        QDragEnterEvent enter(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(strip, &enter);
        QDragMoveEvent move(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(strip, &move);
        QVERIFY2(move.isAccepted(), qPrintable(strip->dropOperation().refusal.message()));
        QDropEvent drop(QPointF(at), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(strip, &drop);
        QVERIFY(drop.isAccepted());
        QVERIFY(lastReview);
        QCOMPARE(lastReview->operation().plan.operation, QStringLiteral("ReplaceMember"));
        // A blank disk for a partition: partitioned like vdb first, its first partition joins, vdb1 is wiped last.
        const QString newMember = newDisk + QStringLiteral("1");
        QVERIFY2(lastReview->commandsText().startsWith(QStringLiteral("sfdisk --dump /dev/vdb")), qPrintable(lastReview->commandsText()));
        QVERIFY2(lastReview->commandsText().contains(QStringLiteral("--add /dev/") + newMember), qPrintable(lastReview->commandsText()));
        QVERIFY(lastReview->commandsText().endsWith(QStringLiteral("mdadm --zero-superblock /dev/vdb1")));
        QVERIFY(runReview(lastReview, QStringLiteral("vm-review-replace.png")));

        // The recovery is shown live, then the array is whole again.
        card = w->arraysView()->card(array);
        QTRY_VERIFY_WITH_TIMEOUT(health(card).startsWith(QStringLiteral("Rebuilding ") + newMember), 20000);
        save(w, QStringLiteral("vm-recovering.png"));
        setSyncSpeed("2000000");
        QTRY_COMPARE_WITH_TIMEOUT(health(w->arraysView()->card(array)), QStringLiteral("Healthy"), 180000);
        QVERIFY(tileIndex(w->arraysView()->card(array)->slotStrip(), newMember) >= 0);
        QCOMPARE(tileIndex(w->arraysView()->card(array)->slotStrip(), QStringLiteral("vdb1")), -1);
        int examined = 0;
        run(QStringLiteral("mdadm"), {QStringLiteral("--examine"), QStringLiteral("/dev/vdb1")}, &examined);
        QVERIFY2(examined != 0, "the old member vdb1 still carries an md superblock");
    }

    void dataIntactOnTheNewDisk()
    {
        QCOMPARE(digestOf(QStringLiteral("/dev/") + array, dataBytes), written);
        // Take out another original member: what is read now is rebuilt from
        // the new disk's contents, so they must be right.
        run(QStringLiteral("mdadm"), {QStringLiteral("/dev/") + array, QStringLiteral("--fail"), QStringLiteral("/dev/vda1")});
        QCOMPARE(digestOf(QStringLiteral("/dev/") + array, dataBytes), written);
    }

    void cleanupTestCase()
    {
        delete w;
    }
};

QTEST_MAIN(TestPointAndClick)
#include "tst_pointandclick.moc"
