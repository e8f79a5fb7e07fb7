// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// What validation asks the machine beyond the snapshot: where a path really
// leads, and a few md numbers the model does not carry. LiveSystem answers from
// the real /dev and /sys; unit tests answer from a fake.

#include "deviceidentity.h"
#include "probe/scrubschedule.h"
#include "status.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace plexus {

struct NodeInfo {
    bool exists = false;
    bool isBlock = false;       // S_ISBLK after following symlinks
    QString canonicalPath;      // every symlink resolved: "/dev/sdb1"
    QString kernelName;         // from the node's device number (/sys/dev/block/M:m): "sdb1"
    QString kind;               // for messages: "regular file", "directory", "character device", ...
    QString unsafeAt;           // the path leads through this directory, which users other than root can write: not looked into
};

// Every question here is also recorded and replayed (recordedsystem.h): a new
// one must be added there too, or plans made from it cannot be made again.
class SystemView
{
public:
    virtual ~SystemView() = default;
    virtual NodeInfo node(const QString &path) const = 0;
    // md/component_size: how much of each member the array uses.
    virtual std::optional<qint64> componentSizeBytes(const QString &md) const = 0;
    // md/dev-MEMBER/offset: where the data starts on that member (after the metadata).
    virtual std::optional<qint64> dataOffsetBytes(const QString &md, const QString &member) const = 0;
    // md/sync_action as the kernel says it now ("idle", "resync", ...).
    virtual QString syncAction(const QString &md) const = 0;
    // The block device with kernel name `name` as the kernel shows it now: its
    // number, size, and the serial or WWN of its disk (sysfs and the udev
    // database). Absent when there is no such device.
    virtual DeviceIdentity identity(const QString &name) const = 0;
    // Whether a path exists at all (symlinks such as /dev/md/NAME included).
    virtual bool exists(const QString &path) const = 0;
    // Kernel names below a stacked device (/sys/block/NAME/slaves): "dm-0" -> {"sda2"}.
    virtual QStringList slaves(const QString &name) const = 0;
    // Whether the kernel can run md `level` ("raid1", "linear"): loaded, built in,
    // or a module it can load. True when it cannot tell (mdadm then decides).
    virtual bool mdPersonalityAvailable(const QString &level) const
    {
        Q_UNUSED(level);
        return true;
    }
    // The smallest size the ext2/3/4 filesystem on the block device `name` (a
    // kernel name the snapshot gave: "dm-3") can be shrunk to, as resize2fs
    // computes it (resize2fs -P): what its files and metadata use. Empty when it
    // cannot tell (not ext*, unreadable, not root).
    virtual std::optional<qint64> ext4MinimumBytes(const QString &name) const
    {
        Q_UNUSED(name);
        return std::nullopt;
    }
    // What `mdadm --examine /dev/NAME` prints about the md superblock on the
    // block device `name` (a kernel name the snapshot gave): its history, for
    // split brain (model/mdsuperblock.h). Empty when it cannot tell (not root).
    virtual QString mdExamine(const QString &name) const
    {
        Q_UNUSED(name);
        return {};
    }
    // What the ext2/3/4 filesystem starting `offsetBytes` into the block device
    // `name` says of its writes (mount count, last write, lifetime writes): the
    // same words as long as nobody wrote it. Empty when it holds no ext
    // filesystem or cannot tell (not root).
    virtual QString contentStamp(const QString &name, qint64 offsetBytes) const
    {
        Q_UNUSED(name);
        Q_UNUSED(offsetBytes);
        return {};
    }
    // The helper's record of the backup copy whose md Device UUID is
    // `deviceUuid` (engine/backuprecord.h), as JSON; empty when there is none.
    virtual QString backupRecord(const QString &deviceUuid) const
    {
        Q_UNUSED(deviceUuid);
        return {};
    }
    // Loop devices over the block device `name`, as open-backup sets them up
    // (their backing file reads "/dev/NAME"): {"loop0"}.
    virtual QStringList loopsOver(const QString &name) const
    {
        Q_UNUSED(name);
        return {};
    }
    // /etc/fstab as it reads now; empty when there is none.
    virtual QString fstab() const { return {}; }
    // The UUID of the filesystem on the block device `name` (a kernel name the
    // snapshot gave), as blkid reads it from the device; empty when none.
    virtual QString filesystemUuid(const QString &name) const
    {
        Q_UNUSED(name);
        return {};
    }
    // Whether a new filesystem may be mounted on the absolute, clean `path`
    // (engine/mountpoint.h): every directory on the way a real one that only
    // root can change, and the path absent or an empty directory. The refusal
    // says why; a system that cannot tell refuses.
    virtual Status mountPointUsable(const QString &path) const;
    // When the machine checks its arrays (probe/scrubschedule.h): the timer's
    // files as systemd would combine them.
    virtual ScrubSchedule scrubSchedule() const { return {}; }
    // Whether systemd runs this machine (/run/systemd/system): without it,
    // units are changed on disk only and nothing is started or reloaded.
    virtual bool serviceManagerRunning() const { return false; }
    // Whether systemd accepts `expression` as an OnCalendar= value; the refusal
    // quotes systemd-analyze. Only called with text made of calendar characters.
    virtual Status calendarValid(const QString &expression) const;
    // md/sync_speed_min or _max ("min", "max") as the kernel writes it:
    // "1000 (system)" or "50000 (local)"; empty when unreadable.
    virtual QString syncSpeedLimit(const QString &md, const QString &which) const
    {
        Q_UNUSED(md);
        Q_UNUSED(which);
        return {};
    }
    // How the firmware started this machine: "uefi" (/sys/firmware/efi) or "bios".
    virtual QString firmware() const { return QStringLiteral("bios"); }
    // Whether the running system has the program `name` (a name Plexus chose,
    // never a path) in /usr/sbin, /usr/bin, /sbin or /bin.
    virtual bool hasProgram(const QString &name) const
    {
        Q_UNUSED(name);
        return false;
    }
    // /etc/crypttab as it reads now; empty when there is none.
    virtual QString crypttab() const { return {}; }
    // The distribution's ID in /etc/os-release ("debian", "fedora"): where
    // its boot loader lives in the EFI system partition. Empty when unknown.
    virtual QString osReleaseId() const { return {}; }
};

class LiveSystem : public SystemView
{
public:
    // `sysRoot` prefixes /sys (a fixture tree's root, for TreeSystem).
    explicit LiveSystem(const QString &sysRoot = QString()) : m_sysRoot(sysRoot) {}

    NodeInfo node(const QString &path) const override;
    std::optional<qint64> componentSizeBytes(const QString &md) const override;
    std::optional<qint64> dataOffsetBytes(const QString &md, const QString &member) const override;
    QString syncAction(const QString &md) const override;
    DeviceIdentity identity(const QString &name) const override;
    bool exists(const QString &path) const override;
    QStringList slaves(const QString &name) const override;
    bool mdPersonalityAvailable(const QString &level) const override;
    std::optional<qint64> ext4MinimumBytes(const QString &name) const override;
    QString mdExamine(const QString &name) const override;
    QString contentStamp(const QString &name, qint64 offsetBytes) const override;
    QString backupRecord(const QString &deviceUuid) const override;
    QStringList loopsOver(const QString &name) const override;
    QString fstab() const override;
    QString filesystemUuid(const QString &name) const override;
    Status mountPointUsable(const QString &path) const override;
    ScrubSchedule scrubSchedule() const override;
    bool serviceManagerRunning() const override;
    Status calendarValid(const QString &expression) const override;
    QString syncSpeedLimit(const QString &md, const QString &which) const override;
    QString firmware() const override;
    bool hasProgram(const QString &name) const override;
    QString crypttab() const override;
    QString osReleaseId() const override;

    // What plexus-helper's MdSuperblocks() read for a window that is not root
    // (kernel name -> mdadm --examine), answered by mdExamine when this process
    // cannot read the device itself.
    void setHelperSuperblocks(const QHash<QString, QString> &examined) { m_helperSuperblocks = examined; }

private:
    QString mdFile(const QString &md, const QString &rel) const;
    static QString resolveSafely(const QString &path, NodeInfo *info);
    QString m_sysRoot;
    QHash<QString, QString> m_helperSuperblocks;
};

} // namespace plexus
