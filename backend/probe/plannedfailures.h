// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Members Plexus fails on purpose (a backup cut off, a disk taken out, a member
// replaced): the helper notes each in ROOT/run/plexus/planned just before it
// fails it, so the monitor and the window tell "Plexus took vdb out of md0 for
// a backup" instead of sounding the alarm for a disk that died. Only root can
// write there; a note counts for ten minutes.

#include "monitor/events.h"

namespace plexus {

// Notes that `member` of `md` is about to be failed, and why in words.
void announcePlannedFailure(const QString &md, const QString &member, const QString &why, const QString &root = QStringLiteral("/"));
// Why `member` of `md` was failed on purpose, if it was, lately.
QString plannedFailure(const QString &md, const QString &member, const QString &root = QStringLiteral("/"));
// Marks the events that a planned failure explains: the member failing, and
// the array degrading when every member that failed with it was planned.
void markPlanned(QList<Event> *events, const QString &root = QStringLiteral("/"));

} // namespace plexus
