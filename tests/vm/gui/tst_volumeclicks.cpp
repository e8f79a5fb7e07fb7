// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// Volumes by clicking, in the real window against the real plexus-helper (LVM,
// mkfs, polkit) on the kernel's md driver: the mirror md0 becomes a volume
// group, gets a volume with ext4 on the size slider mounted on /srv/data (and
// in /etc/fstab), holds files, and grows into the group's free space while mounted. Built here, run only inside a VM
// by tests/vm/gui_volumes.sh (md0 a RAID-1 of vda and vdb; the helper installed).
#include "guisession.h"
#include "mainwindow.h"
#include "operations/actionlauncher.h"
#include "operations/newvolumedialog.h"
#include "operations/reviewdialog.h"
#include "operations/sizechooser.h"
#include "operations/sizedialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSlider>
#include <QTest>
#include <QTimer>
#include <sys/statvfs.h>

using namespace plexus;
using namespace plexus::guisession;

namespace {

constexpr qint64 MiB = qint64(1) << 20;
const QString group = QStringLiteral("vg_md0");
const QString mountPoint = QStringLiteral("/srv/data");

int run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedChannels);
    p.start(program, args);
    return p.waitForFinished(180000) && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

// Files of random data under `dir`, and one digest of them all, read past the page cache.
QByteArray digestOfFiles(const QString &dir)
{
    run(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("sync; echo 3 > /proc/sys/vm/drop_caches")});
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QStringList names = QDir(dir).entryList({QStringLiteral("file*")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        QFile f(dir + QLatin1Char('/') + name);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        hash.addData(f.readAll());
    }
    return names.isEmpty() ? QByteArray() : hash.result().toHex();
}

qint64 filesystemBytes(const QString &path)
{
    struct statvfs st{};
    return statvfs(QFile::encodeName(path).constData(), &st) == 0 ? qint64(st.f_blocks) * qint64(st.f_frsize) : 0;
}

// Answers the next QInputDialog (Use for volumes… asks the group's name) with
// what it suggests: a user who reads and presses Enter.
void acceptNextInputDialog()
{
    auto *poll = new QTimer;
    poll->setInterval(50);
    QObject::connect(poll, &QTimer::timeout, poll, [poll] {
        for (QWidget *top : QApplication::topLevelWidgets())
            if (auto *input = qobject_cast<QInputDialog *>(top); input && input->isVisible()) {
                poll->deleteLater();
                input->accept();
                return;
            }
    });
    poll->start();
}

} // namespace

class TestVolumeClicks : public QObject
{
    Q_OBJECT

    MainWindow *w = nullptr;
    ReviewDialog *lastReview = nullptr;
    QByteArray written;

    const VolumeGroup *shownGroup() const { return w->planningContext().snapshot->volumeGroup(group); }
    const LogicalVolume *shownVolume(const QString &name) const
    {
        const VolumeGroup *vg = shownGroup();
        if (!vg)
            return nullptr;
        for (const LogicalVolume &lv : vg->logicalVolumes)
            if (lv.name == name)
                return &lv;
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        w = new MainWindow(QStringLiteral("/"));
        w->resize(1280, 900);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        connect(w, &MainWindow::reviewOpened, this, [this](ReviewDialog *d) { lastReview = d; });
        QVERIFY(w->planningContext().snapshot->array(QStringLiteral("md0")));
        QVERIFY(w->planningContext().snapshot->volumeGroups.isEmpty());
    }

    void mirrorBecomesAVolumeGroup()
    {
        acceptNextInputDialog();
        QVERIFY(w->actions()->trigger(Selectable::array(QStringLiteral("md0")), QStringLiteral("useForVolumes")));
        QVERIFY(lastReview);
        QVERIFY2(lastReview->commandsText().contains(QStringLiteral("vgcreate %1 /dev/md0").arg(group)), qPrintable(lastReview->commandsText()));
        QVERIFY(runReview(lastReview, QStringLiteral("vm-review-use-for-volumes.png")));
        // The group shows with its free space (LVM's figure) by itself.
        QTRY_VERIFY_WITH_TIMEOUT(shownGroup() && shownGroup()->freeBytes.value_or(0) > 200 * MiB, 20000);
    }

    void newVolumeOnTheSlider()
    {
        QVERIFY(w->actions()->trigger(Selectable::volumeGroup(group), QStringLiteral("createVolume")));
        auto *dialog = w->findChild<NewVolumeDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        dialog->nameEdit()->setText(QStringLiteral("data"));
        dialog->sizeChooser()->slider()->setValue(96);
        dialog->filesystemBox()->setCurrentText(QStringLiteral("ext4"));
        dialog->mountPointEdit()->setText(mountPoint);
        save(dialog, QStringLiteral("vm-new-volume.png"));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("reviewButton")), Qt::LeftButton);
        QVERIFY(lastReview);
        QVERIFY2(lastReview->commandsText().contains(QStringLiteral("lvcreate -y -n data -L %1b %2").arg(96 * MiB).arg(group)),
                 qPrintable(lastReview->commandsText()));
        QVERIFY2(lastReview->commandsText().contains(QStringLiteral(" %1 ext4 defaults 0 2").arg(mountPoint)), qPrintable(lastReview->commandsText()));
        QVERIFY(runReview(lastReview, QStringLiteral("vm-review-new-volume.png")));
        QTRY_VERIFY_WITH_TIMEOUT(shownVolume(QStringLiteral("data")) && shownVolume(QStringLiteral("data"))->fsType == QLatin1String("ext4"), 20000);
        QCOMPARE(shownVolume(QStringLiteral("data"))->sizeBytes, 96 * MiB);
    }

    // Mounted where the dialog said, and in /etc/fstab for the next start.
    void filesOnIt()
    {
        QCOMPARE(run(QStringLiteral("findmnt"), {mountPoint}), 0);
        QFile fstab(QStringLiteral("/etc/fstab"));
        QVERIFY(fstab.open(QIODevice::ReadOnly));
        QVERIFY(fstab.readAll().contains(QStringLiteral("/dev/mapper/%1-data %2 ext4").arg(QString(group).replace(QLatin1Char('-'), QStringLiteral("--")), mountPoint).toUtf8()));
        QRandomGenerator rng(20261204);
        for (int i = 0; i < 8; ++i) {
            QByteArray data(1024 * 1024, Qt::Uninitialized);
            rng.fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
            QFile f(QStringLiteral("%1/file%2").arg(mountPoint).arg(i));
            QVERIFY(f.open(QIODevice::WriteOnly));
            QCOMPARE(f.write(data), qint64(data.size()));
        }
        written = digestOfFiles(mountPoint);
        QVERIFY(!written.isEmpty());
    }

    void growWhileMounted()
    {
        const qint64 before = filesystemBytes(mountPoint);
        QVERIFY(w->actions()->trigger(Selectable::logicalVolume(group, QStringLiteral("data")), QStringLiteral("growVolume")));
        auto *dialog = w->findChild<SizeDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY(dialog->sizeChooser()->atMaximum()); // all the free space, unless moved
        save(dialog, QStringLiteral("vm-grow-volume.png"));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("reviewButton")), Qt::LeftButton);
        QVERIFY(lastReview);
        QVERIFY2(lastReview->commandsText().contains(QStringLiteral("lvextend --resizefs -l +100%FREE %1/data").arg(group)),
                 qPrintable(lastReview->commandsText()));
        QVERIFY(runReview(lastReview, QStringLiteral("vm-review-grow-volume.png")));
        QTRY_VERIFY_WITH_TIMEOUT(shownVolume(QStringLiteral("data"))->sizeBytes > 200 * MiB, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(shownGroup()->freeBytes.value_or(-1), qint64(0), 20000);
        const qint64 after = filesystemBytes(mountPoint);
        QVERIFY2(after > before + 100 * MiB, qPrintable(QStringLiteral("df: %1 bytes before, %2 after").arg(before).arg(after)));
        QCOMPARE(digestOfFiles(mountPoint), written);
        w->selection()->setCurrent(Selectable::logicalVolume(group, QStringLiteral("data")));
        save(w, QStringLiteral("vm-volumes.png"));
    }

    void cleanAfterwards()
    {
        QCOMPARE(run(QStringLiteral("umount"), {mountPoint}), 0);
        QCOMPARE(run(QStringLiteral("e2fsck"), {QStringLiteral("-fn"), QStringLiteral("/dev/%1/data").arg(group)}), 0);
        QCOMPARE(run(QStringLiteral("mount"), {QStringLiteral("/dev/%1/data").arg(group), mountPoint}), 0);
        QCOMPARE(digestOfFiles(mountPoint), written);
        QCOMPARE(run(QStringLiteral("umount"), {mountPoint}), 0);
    }

    void cleanupTestCase()
    {
        delete w;
    }
};

QTEST_MAIN(TestVolumeClicks)
#include "tst_volumeclicks.moc"
