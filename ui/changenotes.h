#pragma once
// What changed between two snapshots, as the short lines of the change log:
// "md1: sdb1 faulty", "md1 degraded", "md1: resync finished", "disk sdd added".

#include "model/snapshot.h"
#include "tone.h"

namespace plexus {

struct ChangeNote {
    QString text;
    Tone tone = Tone::Neutral;
    bool operator==(const ChangeNote &) const = default;
};

QList<ChangeNote> describeChanges(const Snapshot &before, const Snapshot &after);

} // namespace plexus
