// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Everything a person may need to know about one selected thing, in words
// and as the kernel wrote it: an array's md attributes, a member's state and
// errors, a disk's identity, a partition's contents, a volume's size and use.

#include "model/snapshot.h"
#include "monitor/events.h"
#include "probe/scrubschedule.h"
#include "selectionmodel.h"

namespace plexus {

struct DetailRow {
    QString label;
    QString value;                  // in words
    QString raw;                    // the kernel's (or tool's) own value, when there is one
};

struct DetailSection {
    QString title;
    QList<DetailRow> rows;
};

struct Details {
    QString title;                  // "md1", "sdb", "sdb1 in md1"
    QString subtitle;               // "RAID-5 array · Degraded: 1 of 4 members missing"
    QString icon;                   // themed icon name
    QList<DetailSection> sections;

    // The first row labelled `label` in any section; nullptr when absent.
    const DetailRow *row(const QString &label) const;
};

// What the details know besides the snapshot, for what md does not keep.
struct DetailsContext {
    QList<Event> history;   // the journal's events and the live ones, oldest first: the last check
    ScrubSchedule schedule; // when the machine checks its arrays
};

Details detailsFor(const Selectable &item, const Snapshot &snapshot, const DetailsContext &context = {});

} // namespace plexus
