// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// The Volumes section's pictures over a snapshot built by hand: rootvg on
// md0 and md1, each a RAID-1 of two disks; root spans both (its segments
// known), swap lies on md0, old is inactive; root is mounted with its usage.
// What a user checks: a part per volume and the free space, to scale; root's
// plex shows its two subdisks with md0 and md1 beneath, each two mirrored
// copies; a click on a subdisk selects root; the tooltips and the accessible
// text name md0, md1 and the sizes; without segments or free space the
// picture says so instead of guessing. Screenshots: <build>/screenshots/volumes-*.png.
#include "selectionmodel.h"
#include "volumelayout.h"
#include "volumesview.h"

#include <QApplication>
#include <QDir>
#include <QHelpEvent>
#include <QTest>
#include <QToolTip>

using namespace plexus;

namespace {

using Kind = VolumePart::Kind;

const QString screenshots = QStringLiteral(PLEXUS_SCREENSHOT_DIR);
constexpr qint64 GiB = Q_INT64_C(1) << 30;

Member inSync(const QString &device, int slot)
{
    Member m;
    m.device = device;
    m.slot = slot;
    m.inSync = true;
    m.rawState = {QStringLiteral("in_sync")};
    return m;
}

Array mirror(const QString &name, const QString &first, const QString &second)
{
    Array a;
    a.name = name;
    a.level = QStringLiteral("raid1");
    a.raidDisks = 2;
    a.degradedCount = 0;
    a.sizeKib = 6 * GiB / 1024;
    a.members << inSync(first, 0) << inSync(second, 1);
    return a;
}

LogicalVolume volume(const QString &name, qint64 size, const QString &device, QList<VolumeSegment> segments)
{
    LogicalVolume lv;
    lv.name = name;
    lv.vgName = QStringLiteral("rootvg");
    lv.device = device;
    lv.active = !device.isEmpty();
    lv.sizeBytes = size;
    lv.segmentType = QStringLiteral("linear");
    lv.segments = segments;
    return lv;
}

Snapshot machine()
{
    Snapshot s;
    s.arrays << mirror(QStringLiteral("md0"), QStringLiteral("sda1"), QStringLiteral("sdb1"))
             << mirror(QStringLiteral("md1"), QStringLiteral("sdc1"), QStringLiteral("sdd1"));
    VolumeGroup vg;
    vg.name = QStringLiteral("rootvg");
    vg.sizeBytes = 12 * GiB;
    vg.freeBytes = 2 * GiB;
    for (const QString &pv : {QStringLiteral("md0"), QStringLiteral("md1")})
        vg.physicalVolumes << PhysicalVolume{pv, vg.name, 6 * GiB, {}};
    LogicalVolume root = volume(QStringLiteral("root"), 6 * GiB, QStringLiteral("dm-0"),
                                {{QStringLiteral("md0"), 4 * GiB}, {QStringLiteral("md1"), 2 * GiB}});
    root.fsType = QStringLiteral("ext4");
    LogicalVolume swap = volume(QStringLiteral("swap"), 2 * GiB, QStringLiteral("dm-1"), {{QStringLiteral("md0"), 2 * GiB}});
    swap.fsType = QStringLiteral("swap");
    const LogicalVolume old = volume(QStringLiteral("old"), 2 * GiB, QString(), {{QStringLiteral("md1"), 2 * GiB}});
    vg.logicalVolumes << root << swap << old;
    s.volumeGroups << vg;
    Mount m;
    m.device = QStringLiteral("dm-0");
    m.source = QStringLiteral("/dev/mapper/rootvg-root");
    m.mountPoint = QStringLiteral("/");
    m.fsType = QStringLiteral("ext4");
    m.sizeBytes = 5 * GiB;
    m.usedBytes = GiB + GiB / 4;
    m.availableBytes = 3 * GiB;
    s.mounts << m;
    s.swaps << QStringLiteral("dm-1");
    return s;
}

// The view over `s`, shown at `width`, with its selection.
struct Shown {
    explicit Shown(const Snapshot &s, int width = 0)
    {
        selection.setSnapshot(std::make_shared<Snapshot>(s));
        view.setSnapshot(s);
        const int unit = view.fontMetrics().height();
        view.resize(width > 0 ? width : unit * 50, view.sizeHint().height());
        view.show();
        view.resize(view.width(), view.sizeHint().height());
    }
    VolumeLayout *group() const { return view.groups().value(0); }
    const VolumePart &part(Kind kind, const QString &label = QString(), const QString &volume = QString()) const
    {
        const int index = group()->find(kind, label, volume);
        static const VolumePart none;
        return index >= 0 ? group()->parts()[index] : none;
    }
    QList<VolumePart> partsOf(Kind kind, const QString &volume = QString()) const
    {
        QList<VolumePart> found;
        for (const VolumePart &p : group()->parts())
            if (p.kind == kind && (volume.isEmpty() || (p.item.kind == Selectable::Kind::LogicalVolume && p.item.name == volume)))
                found << p;
        return found;
    }

    SelectionModel selection;
    VolumesView view{&selection};
};

void save(QWidget *w, const QString &name)
{
    QDir().mkpath(screenshots);
    QVERIFY2(w->grab().save(screenshots + QLatin1Char('/') + name), qPrintable(name));
}

} // namespace

class TestVolumeLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QApplication::setStyle(QStringLiteral("Fusion")); }

    // The capacity bar: a part per volume and the free space, to scale.
    void capacityBarToScale()
    {
        Shown shown(machine());
        VolumeLayout *g = shown.group();
        QVERIFY(g);
        QCOMPARE(g->objectName(), QStringLiteral("volumeGroup-rootvg"));
        const QList<VolumePart> bar = shown.partsOf(Kind::Capacity) << shown.partsOf(Kind::Free);
        QCOMPARE(bar.size(), 4);
        int total = 0;
        for (const VolumePart &p : bar)
            total += p.rect.width();
        QVERIFY(total > g->width() * 9 / 10);
        const QList<QPair<QString, qint64>> expected{{QStringLiteral("root"), 6}, {QStringLiteral("swap"), 2},
                                                     {QStringLiteral("old"), 2}, {QStringLiteral("free"), 2}};
        for (int i = 0; i < bar.size(); ++i) {
            QCOMPARE(bar[i].label, expected[i].first);
            QVERIFY2(qAbs(bar[i].rect.width() - total * expected[i].second / 12) <= 3, qPrintable(bar[i].label));
        }
        QCOMPARE(shown.part(Kind::Free).detail, QStringLiteral("2.00 GiB"));
        QCOMPARE(shown.part(Kind::Capacity, QStringLiteral("root")).detail, QStringLiteral("6.00 GiB"));
        QVERIFY(shown.part(Kind::Title).detail.contains(QStringLiteral("12.0 GiB on md0 and md1")));
        QVERIFY(shown.part(Kind::Title).detail.contains(QStringLiteral("2.00 GiB free")));
        // Each volume its own colour.
        QVERIFY(volumeColor(0, g->palette()) != volumeColor(1, g->palette()));
        QVERIFY(volumeColor(1, g->palette()) != volumeColor(2, g->palette()));
    }

    // root's layout: one plex, subdisks on md0 (4 GiB) and md1 (2 GiB) to scale,
    // and beneath each a RAID-1 drawn as two copies one above the other.
    void volumeDrawnAsPlexAndSubdisks()
    {
        Shown shown(machine());
        const VolumePart &plex = shown.part(Kind::Plex, QString(), QStringLiteral("root"));
        QCOMPARE(plex.detail, QStringLiteral("linear, 2 subdisks"));
        QVERIFY(plex.description.contains(QStringLiteral("on md0 and md1")));
        const VolumePart &onMd0 = shown.part(Kind::Subdisk, QStringLiteral("md0"), QStringLiteral("root"));
        const VolumePart &onMd1 = shown.part(Kind::Subdisk, QStringLiteral("md1"), QStringLiteral("root"));
        QCOMPARE(onMd0.detail, QStringLiteral("4.00 GiB"));
        QCOMPARE(onMd1.detail, QStringLiteral("2.00 GiB"));
        QVERIFY(plex.rect.contains(onMd0.rect) && plex.rect.contains(onMd1.rect));
        QVERIFY(onMd0.rect.right() < onMd1.rect.left() + 1);
        QVERIFY2(qAbs(onMd0.rect.width() - 2 * onMd1.rect.width()) <= 3, "4 GiB is twice 2 GiB");

        const VolumePart &md0 = shown.part(Kind::Array, QStringLiteral("md0"), QStringLiteral("root"));
        const VolumePart &md1 = shown.part(Kind::Array, QStringLiteral("md1"), QStringLiteral("root"));
        QCOMPARE(md0.detail, QStringLiteral("RAID-1 mirror, 2 copies"));
        QVERIFY(md0.rect.top() > onMd0.rect.bottom());
        QVERIFY(md0.rect.left() >= onMd0.rect.left() && md0.rect.right() <= onMd0.rect.right());
        QVERIFY(md1.rect.left() >= onMd1.rect.left() && md1.rect.right() <= onMd1.rect.right());
        QVERIFY(md1.description.contains(QStringLiteral("2 copies (plexes), sdc1 and sdd1")));
        const VolumePart &sda1 = shown.part(Kind::Copy, QStringLiteral("sda1"), QStringLiteral("root"));
        const VolumePart &sdb1 = shown.part(Kind::Copy, QStringLiteral("sdb1"), QStringLiteral("root"));
        QVERIFY(md0.rect.contains(sda1.rect) && md0.rect.contains(sdb1.rect));
        QCOMPARE(sda1.rect.left(), sdb1.rect.left()); // mirrored copies: one above the other
        QVERIFY(sdb1.rect.top() > sda1.rect.bottom());
        QCOMPARE(sda1.tone, std::optional<Tone>(Tone::Good));
        QCOMPARE(sda1.item, Selectable::member(QStringLiteral("md0"), QStringLiteral("sda1"), 0));

        // swap on md0 alone; old inactive and faded.
        QCOMPARE(shown.partsOf(Kind::Subdisk, QStringLiteral("swap")).size(), 1);
        QCOMPARE(shown.part(Kind::Use, QString(), QStringLiteral("swap")).label, QStringLiteral("swap"));
        QCOMPARE(shown.part(Kind::Use, QString(), QStringLiteral("old")).label, QStringLiteral("inactive"));
        QVERIFY(shown.part(Kind::Subdisk, QStringLiteral("md1"), QStringLiteral("old")).faded);
        QVERIFY(!onMd0.faded);
    }

    void mountedVolumeShowsUsage()
    {
        Shown shown(machine());
        const VolumePart &use = shown.part(Kind::Use, QString(), QStringLiteral("root"));
        QCOMPARE(use.label, QStringLiteral("ext4 \u00b7 / \u00b7 1.25 GiB of 5.00 GiB used"));
        QVERIFY(use.fraction);
        QVERIFY(qAbs(*use.fraction - 0.25) < 0.001);
    }

    // Clicking a subdisk selects its volume, the title its group, a copy its member; hovering sets hovered.
    void clicksAndHoverSelect()
    {
        Shown shown(machine());
        VolumeLayout *g = shown.group();
        QTest::mouseClick(g, Qt::LeftButton, {}, shown.part(Kind::Subdisk, QStringLiteral("md1"), QStringLiteral("root")).rect.center());
        QCOMPARE(shown.selection.current(), Selectable::logicalVolume(QStringLiteral("rootvg"), QStringLiteral("root")));
        QTest::mouseClick(g, Qt::LeftButton, {}, shown.part(Kind::Title).rect.center());
        QCOMPARE(shown.selection.current(), Selectable::volumeGroup(QStringLiteral("rootvg")));
        QTest::mouseClick(g, Qt::LeftButton, {}, shown.part(Kind::Capacity, QStringLiteral("swap")).rect.center());
        QCOMPARE(shown.selection.current(), Selectable::logicalVolume(QStringLiteral("rootvg"), QStringLiteral("swap")));
        QTest::mouseClick(g, Qt::LeftButton, {}, shown.part(Kind::Array, QStringLiteral("md1"), QStringLiteral("root")).rect.topLeft() + QPoint(2, 2));
        QCOMPARE(shown.selection.current(), Selectable::array(QStringLiteral("md1")));
        QTest::mouseMove(g, shown.part(Kind::Free).rect.center());
        QCOMPARE(shown.selection.hovered(), Selectable::volumeGroup(QStringLiteral("rootvg")));
        QTest::mouseMove(g, shown.part(Kind::Plex, QString(), QStringLiteral("old")).rect.topLeft() + QPoint(2, 2));
        QCOMPARE(shown.selection.hovered(), Selectable::logicalVolume(QStringLiteral("rootvg"), QStringLiteral("old")));

        // The keyboard walks the parts, each selecting what it stands for.
        g->setFocus(Qt::TabFocusReason);
        QCOMPARE(shown.selection.current(), g->parts()[g->focusedPart()].item);
        g->setFocusedPart(0);
        QCOMPARE(shown.selection.current(), Selectable::volumeGroup(QStringLiteral("rootvg")));
        QTest::keyClick(g, Qt::Key_Right);
        QCOMPARE(shown.selection.current(), Selectable::logicalVolume(QStringLiteral("rootvg"), QStringLiteral("root")));
        QTest::keyClick(g, Qt::Key_End);
        QCOMPARE(g->focusedPart(), int(g->parts().size()) - 1);
    }

    void tooltipsAndAccessibleText()
    {
        Shown shown(machine());
        VolumeLayout *g = shown.group();
        const QString text = g->accessibleDescription();
        QCOMPARE(g->accessibleName(), QStringLiteral("Volume group rootvg"));
        for (const QString &words : {QStringLiteral("Subdisk 1 of root on md0: 4.00 GiB"), QStringLiteral("Subdisk 2 of root on md1: 2.00 GiB"),
                                     QStringLiteral("Free space in rootvg: 2.00 GiB"), QStringLiteral("root: 6.00 GiB, 50% of rootvg"),
                                     QStringLiteral("md0 under root: RAID-1 mirror: 2 copies (plexes), sda1 and sdb1"),
                                     QStringLiteral("root: ext4 \u00b7 / \u00b7 1.25 GiB of 5.00 GiB used")})
            QVERIFY2(text.contains(words), qPrintable(words));
        // Every painted part is in it.
        for (const VolumePart &p : g->parts())
            QVERIFY2(!p.description.isEmpty() && text.contains(p.description), qPrintable(p.label));

        const QPoint at = shown.part(Kind::Subdisk, QStringLiteral("md1"), QStringLiteral("root")).rect.center();
        QHelpEvent help(QEvent::ToolTip, at, g->mapToGlobal(at));
        QApplication::sendEvent(g, &help);
        QTRY_COMPARE(QToolTip::text(), QStringLiteral("Subdisk 2 of root on md1: 2.00 GiB"));
        QToolTip::hideText();
    }

    // A striped volume: one plex, its stripes on md0 and md1, drawn as chunks taking turns.
    void stripedShowsItsStripes()
    {
        Snapshot s = machine();
        LogicalVolume &root = s.volumeGroups[0].logicalVolumes[0];
        root.segmentType = QStringLiteral("striped");
        root.segments = {{QStringLiteral("md0"), 3 * GiB}, {QStringLiteral("md1"), 3 * GiB}};
        Shown shown(s);
        const VolumePart &plex = shown.part(Kind::Plex, QString(), QStringLiteral("root"));
        QCOMPARE(plex.detail, QStringLiteral("striped across 2 subdisks"));
        QVERIFY(plex.striped);
        const QList<VolumePart> stripes = shown.partsOf(Kind::Subdisk, QStringLiteral("root"));
        QCOMPARE(stripes.size(), 2);
        QVERIFY(stripes[0].striped && stripes[1].striped);
        QVERIFY(qAbs(stripes[0].rect.width() - stripes[1].rect.width()) <= 1);
        QVERIFY(!shown.part(Kind::Subdisk, QStringLiteral("md0"), QStringLiteral("swap")).striped);
        save(&shown.view, QStringLiteral("volumes-striped.png"));
    }

    // Segments unknown: drawn across the group's devices, saying so, with no proportions.
    void unknownSegmentsSaySo()
    {
        Snapshot s = machine();
        for (LogicalVolume &lv : s.volumeGroups[0].logicalVolumes)
            lv.segments.clear();
        Shown shown(s);
        QVERIFY(shown.partsOf(Kind::Subdisk).isEmpty());
        const VolumePart &unplaced = shown.part(Kind::Unplaced, QString(), QStringLiteral("root"));
        QCOMPARE(unplaced.label, QStringLiteral("where it lies is unknown"));
        QCOMPARE(unplaced.detail, QStringLiteral("on md0 or md1"));
        QCOMPARE(shown.part(Kind::Plex, QString(), QStringLiteral("root")).detail, QStringLiteral("linear"));
        QVERIFY(shown.part(Kind::Plex, QString(), QStringLiteral("root")).description.contains(QStringLiteral("where it lies is unknown, on md0 or md1")));
        // Both devices beneath, side by side, equally wide: no made-up proportions.
        const VolumePart &md0 = shown.part(Kind::Array, QStringLiteral("md0"), QStringLiteral("root"));
        const VolumePart &md1 = shown.part(Kind::Array, QStringLiteral("md1"), QStringLiteral("root"));
        QVERIFY(!md0.rect.isEmpty() && !md1.rect.isEmpty());
        QVERIFY(qAbs(md0.rect.width() - md1.rect.width()) <= 1);
        QVERIFY(md0.rect.right() < md1.rect.left());
        save(&shown.view, QStringLiteral("volumes-unknown-segments.png"));

        // A group on one device: every volume lies wholly on it, known without the segments.
        s.volumeGroups[0].physicalVolumes.removeLast();
        Shown single(s);
        QVERIFY(single.partsOf(Kind::Unplaced).isEmpty());
        const VolumePart &whole = single.part(Kind::Subdisk, QStringLiteral("md0"), QStringLiteral("root"));
        QCOMPARE(whole.detail, QStringLiteral("6.00 GiB"));
        QVERIFY(single.part(Kind::Plex, QString(), QStringLiteral("root")).rect.contains(whole.rect));
    }

    // Free space unknown: the bar leaves the rest of the group undrawn to no figure, and says so.
    void unknownFreeSaysSo()
    {
        Snapshot s = machine();
        s.volumeGroups[0].freeBytes.reset();
        Shown shown(s);
        QVERIFY(shown.part(Kind::Title).detail.contains(QStringLiteral("free space unknown")));
        const VolumePart &free = shown.part(Kind::Free);
        QCOMPARE(free.label, QStringLiteral("free space unknown"));
        QVERIFY(!free.fraction);
        QVERIFY(!free.description.contains(QStringLiteral("GiB")));
        QVERIFY(shown.group()->accessibleDescription().contains(QStringLiteral("Free space in rootvg unknown")));
        // Without the group's size either, only the volumes are drawn.
        s.volumeGroups[0].sizeBytes.reset();
        Shown bare(s);
        QVERIFY(bare.partsOf(Kind::Free).isEmpty());
        QVERIFY(bare.part(Kind::Title).detail.contains(QStringLiteral("free space unknown")));
    }

    // Looks: a normal width and a narrow one, light and dark.
    void screenshots()
    {
        {
            Shown shown(machine());
            save(&shown.view, QStringLiteral("volumes-layout.png"));
        }
        {
            Shown narrow(machine(), QFontMetrics(QApplication::font()).height() * 22);
            // Nothing spills past the edge; the texts elide.
            for (const VolumePart &p : narrow.group()->parts())
                QVERIFY2(p.rect.right() < narrow.group()->width(), qPrintable(p.label));
            save(&narrow.view, QStringLiteral("volumes-layout-narrow.png"));
        }
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe6));
        dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9c, 0xa0));
        const QPalette light = QApplication::palette();
        QApplication::setPalette(dark);
        {
            Shown shown(machine());
            save(&shown.view, QStringLiteral("volumes-layout-dark.png"));
        }
        QApplication::setPalette(light);
    }
};

QTEST_MAIN(TestVolumeLayout)
#include "tst_volumelayout.moc"
