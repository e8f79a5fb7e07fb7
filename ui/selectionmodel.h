// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// What the user points at (hover) and has chosen (current), shared by every
// view so that a member slot lights up its partition in the disk map and the
// other way round. Disks and partitions can also be chosen several at a
// time (ctrl/shift-click in the disk map), for creating an array from them.

#include "model/snapshot.h"

#include <QObject>
#include <QSet>

namespace plexus {

struct Selectable {
    enum class Kind { None, Disk, Partition, Array, Member, VolumeGroup, LogicalVolume };
    Kind kind = Kind::None;
    QString name;                   // disk, partition, array, member device, VG or LV name
    QString owner;                  // Member: its array; LogicalVolume: its VG
    std::optional<int> slot;        // Member: a missing slot has a slot and no name

    static Selectable disk(const QString &name) { return {Kind::Disk, name, {}, {}}; }
    static Selectable partition(const QString &name) { return {Kind::Partition, name, {}, {}}; }
    static Selectable array(const QString &name) { return {Kind::Array, name, {}, {}}; }
    static Selectable member(const QString &array, const QString &device, std::optional<int> slot = {})
    {
        return {Kind::Member, device, array, slot};
    }
    static Selectable volumeGroup(const QString &name) { return {Kind::VolumeGroup, name, {}, {}}; }
    static Selectable logicalVolume(const QString &vg, const QString &lv) { return {Kind::LogicalVolume, lv, vg, {}}; }

    bool isNone() const { return kind == Kind::None; }
    bool operator==(const Selectable &) const = default;
};

class SelectionModel : public QObject
{
    Q_OBJECT
public:
    explicit SelectionModel(QObject *parent = nullptr);

    void setSnapshot(SnapshotPtr snapshot);
    const SnapshotPtr &snapshot() const { return m_snapshot; }

    Selectable current() const { return m_current; }
    Selectable hovered() const { return m_hovered; }
    void setCurrent(const Selectable &item);
    void setHovered(const Selectable &item);
    // Clears the hover only if it is still `item` (leave events arrive late).
    void unhover(const Selectable &item);

    // The disks and partitions chosen together, in the order chosen. setCurrent()
    // on a disk or partition chooses just it; on anything else, none.
    QStringList chosenDevices() const { return m_chosen; }
    bool isChosen(const QString &device) const { return !device.isEmpty() && m_chosen.contains(device); }
    // Ctrl/shift-click: adds a disk or partition to the choice, or takes it out; it becomes current.
    void toggleChosen(const Selectable &item);

    // True when `name` (a block device, array or VG) belongs to what is pointed
    // at, or to the current item when nothing is pointed at.
    bool isLit(const QString &name) const;

Q_SIGNALS:
    void currentChanged(const plexus::Selectable &item);
    // Hover or current changed: views repaint their highlights.
    void highlightChanged();
    void chosenChanged(const QStringList &devices);

private:
    QSet<QString> related(const Selectable &item) const;
    enum class Told { Always, WhenLitChanged };
    void updateLit(Told told = Told::Always);

    SnapshotPtr m_snapshot;
    Selectable m_current;
    Selectable m_hovered;
    QSet<QString> m_lit;
    QStringList m_chosen;
};

} // namespace plexus

Q_DECLARE_METATYPE(plexus::Selectable)
