// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// "New volume…" and "Grow…"/"Shrink…" in the window, over the lvm-on-raid1
// fixture planned with the real engine (TreeSystem), the group's free space as
// plexus-helper's VolumeGroups() tells a window that is not root. What a user
// checks: without those figures the actions say why they cannot be offered;
// with them the size sits on a slider bounded by the free space, and what the
// dialog asks becomes the helper's request (lvcreate, mkfs, lvextend --resizefs),
// shown for review. Screenshots: new-volume.png, grow-volume.png.
#include "engine/treesystem.h"
#include "model/volumedetails.h"
#include "operations/actionlauncher.h"
#include "operations/newvolumedialog.h"
#include "operations/sizechooser.h"
#include "operations/sizedialog.h"
#include "probe/snapshotprobe.h"

#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QTest>

using namespace plexus;

namespace {

const QString screenshots = QStringLiteral(PLEXUS_SCREENSHOT_DIR);
constexpr qint64 MiB = qint64(1) << 20;

void saveShot(QWidget *w, const QString &name)
{
    w->show();
    QVERIFY(QTest::qWaitForWindowExposed(w));
    QDir().mkpath(screenshots);
    QVERIFY2(w->grab().save(screenshots + QLatin1Char('/') + name), qPrintable(name));
}

ArrayAction actionOf(const PlanningContext &ctx, const Selectable &item, const QString &id)
{
    for (const ArrayAction &a : actionsFor(ctx, item))
        if (a.id == id)
            return a;
    return {};
}

} // namespace

class TestVolumeDialogs : public QObject
{
    Q_OBJECT
    const QString fixture = QStringLiteral(PLEXUS_FIXTURES "/machine/lvm-on-raid1");
    const TreeSystem system{fixture};
    const SnapshotPtr seen = SnapshotProbe(fixture).take();

    // vg0 as the helper's figures make it: 1 GiB free on md1; root holds ext4.
    SnapshotPtr withFreeSpace() const
    {
        VolumeGroup tools;
        tools.name = QStringLiteral("vg0");
        tools.freeBytes = 1024 * MiB;
        tools.sizeBytes = seen->volumeGroups[0].sizeBytes;
        tools.physicalVolumes = {PhysicalVolume{QStringLiteral("md1"), QStringLiteral("vg0"), seen->volumeGroups[0].physicalVolumes[0].sizeBytes, 1024 * MiB}};
        auto s = std::const_pointer_cast<Snapshot>(withVolumeDetails(seen, {tools}));
        for (LogicalVolume &lv : s->volumeGroups[0].logicalVolumes)
            if (lv.name == QLatin1String("root"))
                lv.fsType = QStringLiteral("ext4");
        return s;
    }

private Q_SLOTS:
    void withoutTheHelpersFiguresTheActionsSayWhy()
    {
        const PlanningContext ctx{seen, &system};
        const ArrayAction create = actionOf(ctx, Selectable::volumeGroup(QStringLiteral("vg0")), QStringLiteral("createVolume"));
        QCOMPARE(create.input, ArrayAction::Input::NewVolume);
        QVERIFY(!create.enabled);
        QVERIFY2(create.reason.contains(QStringLiteral("free is unknown")), qPrintable(create.reason));
        const ArrayAction grow = actionOf(ctx, Selectable::logicalVolume(QStringLiteral("vg0"), QStringLiteral("root")), QStringLiteral("growVolume"));
        QVERIFY(!grow.enabled);
        QVERIFY2(grow.reason.contains(QStringLiteral("unknown")), qPrintable(grow.reason));
    }

    void newVolumeOnASlider()
    {
        const PlanningContext ctx{withFreeSpace(), &system};
        QWidget window;
        ActionLauncher launcher(&window);
        launcher.setContext(ctx);
        QList<Operation> asked;
        connect(&launcher, &ActionLauncher::reviewRequested, this, [&asked](const Operation &op) { asked << op; });
        QVERIFY(launcher.trigger(Selectable::volumeGroup(QStringLiteral("vg0")), QStringLiteral("createVolume")));
        auto *dialog = window.findChild<NewVolumeDialog *>();
        QVERIFY(dialog);
        // The slider ends at the free space, and starts there: all of it unless moved.
        QCOMPARE(dialog->sizeChooser()->slider()->maximum(), 1024);
        QVERIFY(dialog->sizeChooser()->atMaximum());
        QCOMPARE(dialog->choice().size, quint64(0));
        QVERIFY(!dialog->nameEdit()->text().isEmpty());
        dialog->nameEdit()->setText(QStringLiteral("data"));
        dialog->sizeChooser()->slider()->setValue(256);
        QCOMPARE(dialog->sizeChooser()->spinBox()->value(), 256);
        dialog->filesystemBox()->setCurrentText(QStringLiteral("swap"));
        QVERIFY(!dialog->mountPointEdit()->isEnabled()); // swap is not mounted
        dialog->filesystemBox()->setCurrentText(QStringLiteral("ext4"));
        QVERIFY(dialog->mountPointEdit()->isEnabled());
        saveShot(dialog, QStringLiteral("new-volume.png"));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("reviewButton")), Qt::LeftButton);
        QCOMPARE(asked.size(), 1);
        QVERIFY2(!asked[0].isRefused(), qPrintable(asked[0].refusal.message()));
        QCOMPARE(asked[0].plan.previews(), (QStringList{QStringLiteral("lvcreate -y -n data -L 268435456b vg0"),
                                                        QStringLiteral("mkfs.ext4 -F -q /dev/vg0/data")}));

        // A name the group already has: the engine's refusal, for the review to show.
        QVERIFY(launcher.trigger(Selectable::volumeGroup(QStringLiteral("vg0")), QStringLiteral("createVolume")));
        dialog = window.findChild<NewVolumeDialog *>();
        QVERIFY(dialog);
        dialog->nameEdit()->setText(QStringLiteral("root"));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("reviewButton")), Qt::LeftButton);
        QCOMPARE(asked.size(), 2);
        QVERIFY(asked[1].isRefused());
        QVERIFY2(asked[1].refusal.message().contains(QStringLiteral("already has a volume root")), qPrintable(asked[1].refusal.message()));
        // No name, no review.
        QVERIFY(launcher.trigger(Selectable::volumeGroup(QStringLiteral("vg0")), QStringLiteral("createVolume")));
        delete dialog;
        dialog = window.findChild<NewVolumeDialog *>();
        dialog->nameEdit()->clear();
        QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("reviewButton"))->isEnabled());
    }

    void growOnASlider()
    {
        const SnapshotPtr s = withFreeSpace();
        const PlanningContext ctx{s, &system};
        QWidget window;
        ActionLauncher launcher(&window);
        launcher.setContext(ctx);
        QList<Operation> asked;
        connect(&launcher, &ActionLauncher::reviewRequested, this, [&asked](const Operation &op) { asked << op; });
        const Selectable root = Selectable::logicalVolume(QStringLiteral("vg0"), QStringLiteral("root"));
        const ArrayAction grow = actionOf(ctx, root, QStringLiteral("growVolume"));
        QVERIFY2(grow.enabled, qPrintable(grow.reason));
        QVERIFY(launcher.trigger(root, QStringLiteral("growVolume")));
        auto *dialog = window.findChild<SizeDialog *>();
        QVERIFY(dialog);
        qint64 rootBytes = 0;
        for (const LogicalVolume &lv : s->volumeGroups[0].logicalVolumes)
            if (lv.name == QLatin1String("root"))
                rootBytes = lv.sizeBytes;
        // From a little more than now up to now plus all the free space; all of it first.
        QCOMPARE(qint64(dialog->sizeChooser()->slider()->maximum()) * MiB, rootBytes + 1024 * MiB);
        QVERIFY(dialog->sizeChooser()->atMaximum());
        saveShot(dialog, QStringLiteral("grow-volume.png"));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("reviewButton")), Qt::LeftButton);
        QCOMPARE(asked.size(), 1);
        QVERIFY2(!asked[0].isRefused(), qPrintable(asked[0].refusal.message()));
        QCOMPARE(asked[0].plan.previews(), QStringList{QStringLiteral("lvextend --resizefs -l +100%FREE vg0/root")});

        // Half the free space: an exact size.
        QVERIFY(launcher.trigger(root, QStringLiteral("growVolume")));
        dialog = window.findChildren<SizeDialog *>().last();
        dialog->sizeChooser()->spinBox()->setValue(int(rootBytes / MiB) + 512);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("reviewButton")), Qt::LeftButton);
        QCOMPARE(asked.size(), 2);
        QCOMPARE(asked[1].plan.previews(),
                 QStringList{QStringLiteral("lvextend --resizefs -L %1b vg0/root").arg((rootBytes / MiB + 512) * MiB)});
    }
};

QTEST_MAIN(TestVolumeDialogs)
#include "tst_volumedialogs.moc"
