// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// A machine built in code for the engine's unit tests (tst_engine.cpp,
// tst_validator.cpp), and a SystemView that answers from it instead of /dev.
//
//   sda  500 GiB  serial SDA-SERIAL  gpt: sda1 1 GiB ext4 on /boot, sda2 PV of vg0 (LV root = dm-0 on /)
//   sdb  1 TiB    serial SDB-SERIAL  blank
//   sdc  1 TiB    WWN 0x5000c500abcdef01 (no serial)  gpt: sdc1 100 GiB blank, sdc2 3 MiB blank,
//                 sdc3 200 GiB ext4 "data" (not mounted), sdc4 8 GiB active swap
//   sdd, sde  1 TiB  members of md0 (RAID-1, 2 slots, in sync, UUID 1111...)
//   sdf  1 TiB    serial SDF-SERIAL  member of md1 (RAID-5 of sdf, sdg, sdh; sdh faulty: degraded)
//   sdg, sdh  1 TiB  md1 members
//   sdi  1 TiB    serial SDI-SERIAL  an old md superblock (UUID 9999...), no array
//   sdj  1 TiB    read-only
//   sdk  2 TiB    gpt, no partitions (a fresh partition table)
//   sdl  1 TiB    PV of vg1 (no active LV)
//   sdm  100 GiB  held by dm-5 (an encrypted volume), not LVM

#include "engine/deviceidentity.h"
#include "engine/mountpoint.h"
#include "engine/status.h"
#include "engine/systemview.h"
#include "model/snapshot.h"

#include <QHash>

#include <unistd.h>

// A refusal of the expected kind whose words contain `words`; or success.
#define EXPECT_REFUSAL(status, errorCode, words)                                                              \
    do {                                                                                                      \
        const Status _s = (status);                                                                           \
        QVERIFY2(!_s.ok(), "expected a refusal");                                                             \
        QCOMPARE(errorShortName(_s.code()), errorShortName(errorCode));                                       \
        QVERIFY2(_s.message().contains(QStringLiteral(words)), qPrintable(QStringLiteral("message: ") + _s.message())); \
    } while (0)

#define EXPECT_OK(status)                                                          \
    do {                                                                           \
        const Status _s = (status);                                                \
        QVERIFY2(_s.ok(), qPrintable(_s.name() + QStringLiteral(": ") + _s.message())); \
    } while (0)

namespace plexus::fixture {

constexpr qint64 GiB = 1024LL * 1024 * 1024;
constexpr qint64 TiB = 1024 * GiB;
constexpr qint64 MiB = 1024LL * 1024;

inline Disk disk(const QString &name, qint64 size, const QString &serial = QString())
{
    Disk d;
    d.name = name;
    d.sizeBytes = size;
    d.serial = serial.isEmpty() ? name.toUpper() + QStringLiteral("-SERIAL") : serial;
    d.model = QStringLiteral("Test Disk");
    d.bus = QStringLiteral("ata");
    return d;
}

inline Partition part(const QString &name, int number, qint64 start, qint64 size, const QString &fsType = QString())
{
    Partition p;
    p.name = name;
    p.number = number;
    p.startBytes = start;
    p.sizeBytes = size;
    p.fsType = fsType;
    return p;
}

inline Member member(const QString &device, int slot, bool inSync = true)
{
    Member m;
    m.device = device;
    m.index = slot;
    m.slot = slot;
    m.inSync = inSync;
    m.rawState = {inSync ? QStringLiteral("in_sync") : QStringLiteral("")};
    return m;
}

inline Snapshot machine()
{
    Snapshot s;
    Disk sda = disk(QStringLiteral("sda"), 500 * GiB);
    sda.partitionTable = QStringLiteral("gpt");
    sda.partitions = {part(QStringLiteral("sda1"), 1, MiB, GiB, QStringLiteral("ext4")),
                      part(QStringLiteral("sda2"), 2, GiB + MiB, 400 * GiB, QStringLiteral("LVM2_member"))};
    sda.partitions[1].holders = {QStringLiteral("dm-0")};
    Disk sdb = disk(QStringLiteral("sdb"), TiB);
    Disk sdc = disk(QStringLiteral("sdc"), TiB, QStringLiteral("-"));
    sdc.serial.clear();
    sdc.wwn = QStringLiteral("0x5000c500abcdef01");
    sdc.partitionTable = QStringLiteral("gpt");
    sdc.partitions = {part(QStringLiteral("sdc1"), 1, MiB, 100 * GiB), part(QStringLiteral("sdc2"), 2, 101 * GiB, 3 * MiB),
                      part(QStringLiteral("sdc3"), 3, 102 * GiB, 200 * GiB, QStringLiteral("ext4")),
                      part(QStringLiteral("sdc4"), 4, 303 * GiB, 8 * GiB, QStringLiteral("swap"))};
    sdc.partitions[2].label = QStringLiteral("data");
    Disk sdd = disk(QStringLiteral("sdd"), TiB);
    sdd.fsType = QStringLiteral("linux_raid_member");
    sdd.uuid = QStringLiteral("11111111-2222-3333-4444-555555555555");
    sdd.holders = {QStringLiteral("md0")};
    Disk sde = sdd;
    sde.name = QStringLiteral("sde");
    sde.serial = QStringLiteral("SDE-SERIAL");
    Disk sdf = disk(QStringLiteral("sdf"), TiB);
    sdf.fsType = QStringLiteral("linux_raid_member");
    sdf.uuid = QStringLiteral("77777777-2222-3333-4444-555555555555");
    sdf.holders = {QStringLiteral("md1")};
    Disk sdg = sdf;
    sdg.name = QStringLiteral("sdg");
    sdg.serial = QStringLiteral("SDG-SERIAL");
    Disk sdh = sdf;
    sdh.name = QStringLiteral("sdh");
    sdh.serial = QStringLiteral("SDH-SERIAL");
    Disk sdi = disk(QStringLiteral("sdi"), TiB);
    sdi.fsType = QStringLiteral("linux_raid_member");
    sdi.uuid = QStringLiteral("99999999-2222-3333-4444-555555555555");
    Disk sdj = disk(QStringLiteral("sdj"), TiB);
    sdj.readOnly = true;
    Disk sdk = disk(QStringLiteral("sdk"), 2 * TiB);
    sdk.partitionTable = QStringLiteral("gpt");
    Disk sdl = disk(QStringLiteral("sdl"), TiB);
    sdl.fsType = QStringLiteral("LVM2_member");
    Disk sdm = disk(QStringLiteral("sdm"), 100 * GiB);
    sdm.fsType = QStringLiteral("crypto_LUKS");
    sdm.holders = {QStringLiteral("dm-5")};
    s.disks = {sda, sdb, sdc, sdd, sde, sdf, sdg, sdh, sdi, sdj, sdk, sdl, sdm};

    Array md0;
    md0.name = QStringLiteral("md0");
    md0.level = QStringLiteral("raid1");
    md0.raidDisks = 2;
    md0.activeDisks = 2;
    md0.degradedCount = 0;
    md0.sizeKib = (TiB - 128 * MiB) / 1024;
    md0.metadata = QStringLiteral("1.2");
    md0.uuid = QStringLiteral("11111111-2222-3333-4444-555555555555");
    md0.arrayStateWord = QStringLiteral("clean");
    md0.members = {member(QStringLiteral("sdd"), 0), member(QStringLiteral("sde"), 1)};
    md0.syncSpeedMin = 1000;
    md0.syncSpeedMax = 200000;
    Array md1;
    md1.name = QStringLiteral("md1");
    md1.level = QStringLiteral("raid5");
    md1.raidDisks = 3;
    md1.activeDisks = 2;
    md1.degradedCount = 1;
    md1.degraded = true;
    md1.chunkKib = 512;
    md1.sizeKib = 2 * (TiB - 128 * MiB) / 1024;
    md1.uuid = QStringLiteral("77777777-2222-3333-4444-555555555555");
    md1.arrayStateWord = QStringLiteral("clean");
    Member sdhMember = member(QStringLiteral("sdh"), 2, false);
    sdhMember.faulty = true;
    sdhMember.slot.reset();
    sdhMember.rawState = {QStringLiteral("faulty")};
    md1.members = {member(QStringLiteral("sdf"), 0), member(QStringLiteral("sdg"), 1), sdhMember};
    s.arrays = {md0, md1};

    s.mounts = {Mount{QStringLiteral("dm-0"), QStringLiteral("/dev/mapper/vg0-root"), QStringLiteral("/"), QStringLiteral("ext4")},
                Mount{QStringLiteral("sda1"), QStringLiteral("/dev/sda1"), QStringLiteral("/boot"), QStringLiteral("ext4")},
                Mount{QString(), QStringLiteral("proc"), QStringLiteral("/proc"), QStringLiteral("proc")}};
    s.swaps = {QStringLiteral("sdc4")};
    VolumeGroup vg0;
    vg0.name = QStringLiteral("vg0");
    vg0.physicalVolumes = {PhysicalVolume{QStringLiteral("sda2"), QStringLiteral("vg0"), 400 * GiB, 0}};
    vg0.logicalVolumes = {LogicalVolume{QStringLiteral("root"), QStringLiteral("vg0"), QStringLiteral("dm-0"), 400 * GiB, QStringLiteral("linear"), true}};
    VolumeGroup vg1;
    vg1.name = QStringLiteral("vg1");
    vg1.physicalVolumes = {PhysicalVolume{QStringLiteral("sdl"), QStringLiteral("vg1"), TiB, TiB}};
    s.volumeGroups = {vg0, vg1};
    return s;
}

// Answers like /dev and /sys would on that machine: /dev/NAME is the block
// device NAME; extra nodes (symlinks, files) can be added.
class FakeSystem : public SystemView
{
public:
    explicit FakeSystem(const Snapshot &s) : m_snap(s) {}

    NodeInfo node(const QString &path) const override
    {
        if (m_extra.contains(path))
            return m_extra.value(path);
        NodeInfo n;
        if (!path.startsWith(QLatin1String("/dev/")))
            return n;
        const QString name = path.mid(5);
        if (m_snap.diskOf(name) || m_snap.array(name) || name.startsWith(QLatin1String("dm-"))) {
            n.exists = true;
            n.isBlock = true;
            n.canonicalPath = path;
            n.kernelName = name;
            n.kind = QStringLiteral("block device");
        }
        return n;
    }
    std::optional<qint64> componentSizeBytes(const QString &md) const override
    {
        if (const Array *a = m_snap.array(md); a && a->name == QLatin1String("md0"))
            return TiB - 128 * MiB;
        if (md == QLatin1String("md1"))
            return TiB - 128 * MiB;
        return std::nullopt;
    }
    std::optional<qint64> dataOffsetBytes(const QString &, const QString &) const override { return 128 * MiB; }
    QString syncAction(const QString &md) const override { return m_sync.value(md, QStringLiteral("idle")); }
    // From the snapshot (numbered by the disk's place, as sd* are), unless setIdentity says otherwise.
    DeviceIdentity identity(const QString &name) const override
    {
        if (m_identity.contains(name))
            return m_identity.value(name);
        DeviceIdentity id;
        const Disk *d = m_snap.diskOf(name);
        if (!d)
            return id;
        const Partition *p = d->partition(name);
        id.number = QStringLiteral("8:%1").arg(int(d - m_snap.disks.constData()) * 16 + (p ? p->number : 0));
        id.who = identityOf(m_snap, name);
        id.sizeBytes = p ? p->sizeBytes : d->sizeBytes;
        return id;
    }
    bool exists(const QString &path) const override { return m_paths.contains(path) || node(path).exists; }
    QStringList slaves(const QString &name) const override { return m_slaves.value(name); }
    bool mdPersonalityAvailable(const QString &level) const override { return !m_noPersonality.contains(level); }
    std::optional<qint64> ext4MinimumBytes(const QString &name) const override
    {
        return m_ext4Minimum.contains(name) ? std::optional<qint64>(m_ext4Minimum.value(name)) : std::nullopt;
    }
    QString mdExamine(const QString &name) const override { return m_examine.value(name); }
    QString contentStamp(const QString &name, qint64) const override { return m_stamps.value(name); }
    QString backupRecord(const QString &deviceUuid) const override { return m_backups.value(deviceUuid); }
    QStringList loopsOver(const QString &name) const override { return m_loops.value(name); }
    QString fstab() const override { return m_fstab; }
    QString filesystemUuid(const QString &name) const override { return m_fsUuids.value(name); }
    // The real checks (engine/mountpoint.h) in a directory tree of the test's
    // own (setMountRoot), whose directories belong to the user running the tests.
    Status mountPointUsable(const QString &path) const override
    {
        return m_mountRoot.isEmpty() ? SystemView::mountPointUsable(path) : checkMountPointDirectories(m_mountRoot, path, ::getuid());
    }

    ScrubSchedule scrubSchedule() const override { return m_schedule; }
    QString syncSpeedLimit(const QString &, const QString &which) const override
    {
        return which == QLatin1String("min") ? QStringLiteral("1000 (system)") : QStringLiteral("200000 (system)");
    }
    bool serviceManagerRunning() const override { return m_managerRunning; }
    QString firmware() const override { return m_firmware; }
    bool hasProgram(const QString &name) const override { return m_programs.contains(name); }
    QString crypttab() const override { return m_crypttab; }
    QString osReleaseId() const override { return m_osReleaseId; }
    // The real parser (systemd-analyze, in the build root) unless told otherwise.
    Status calendarValid(const QString &expression) const override { return LiveSystem().calendarValid(expression); }

    void addNode(const QString &path, const NodeInfo &info) { m_extra.insert(path, info); }
    void setScrubSchedule(const ScrubSchedule &s, bool managerRunning) { m_schedule = s; m_managerRunning = managerRunning; }
    void setSyncAction(const QString &md, const QString &action) { m_sync.insert(md, action); }
    void addPath(const QString &path) { m_paths.append(path); }
    void withoutPersonality(const QString &level) { m_noPersonality.append(level); }
    void setExt4Minimum(const QHash<QString, qint64> &minimum) { m_ext4Minimum = minimum; }
    void setExamine(const QString &name, const QString &text) { m_examine.insert(name, text); }
    void setContentStamp(const QString &name, const QString &stamp) { m_stamps.insert(name, stamp); }
    void setBackupRecord(const QString &deviceUuid, const QString &json) { m_backups.insert(deviceUuid, json); }
    void setLoopsOver(const QString &name, const QStringList &loops) { m_loops.insert(name, loops); }
    void setIdentity(const QString &name, const DeviceIdentity &id) { m_identity.insert(name, id); }
    void setFstab(const QString &text) { m_fstab = text; }
    void setFilesystemUuid(const QString &name, const QString &uuid) { m_fsUuids.insert(name, uuid); }
    void setMountRoot(const QString &root) { m_mountRoot = root; }
    void setFirmware(const QString &firmware) { m_firmware = firmware; }
    void setPrograms(const QStringList &programs) { m_programs = programs; }
    void setCrypttab(const QString &text) { m_crypttab = text; }
    void setOsReleaseId(const QString &id) { m_osReleaseId = id; }

private:
    const Snapshot &m_snap;
    QHash<QString, NodeInfo> m_extra;
    QHash<QString, QString> m_sync;
    QHash<QString, QStringList> m_slaves;
    QStringList m_paths;
    QStringList m_noPersonality;
    QHash<QString, qint64> m_ext4Minimum;
    QHash<QString, QString> m_examine;
    QHash<QString, QString> m_stamps;
    QHash<QString, QString> m_backups;
    QHash<QString, QStringList> m_loops;
    QHash<QString, DeviceIdentity> m_identity;
    QString m_fstab;
    QHash<QString, QString> m_fsUuids;
    QString m_mountRoot;
    ScrubSchedule m_schedule;
    bool m_managerRunning = false;
    QString m_firmware = QStringLiteral("bios");
    QStringList m_programs;
    QString m_crypttab;
    QString m_osReleaseId = QStringLiteral("debian");
};

} // namespace plexus::fixture
