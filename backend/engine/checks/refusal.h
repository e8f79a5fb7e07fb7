// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The words every check uses: one ErrorCode per kind of refusal, lists of names
// read as English, what a signature on a device means to a person.

#include "engine/status.h"

#include <QStringList>

namespace plexus {

// Each takes a catalogued Message (mi18nc), so the helper's client can say it in
// its own language, or plain words.
inline Status invalid(const Message &m) { return Status::failure(ErrorCode::Invalid, m); }
inline Status inUse(const Message &m) { return Status::failure(ErrorCode::InUse, m); }
inline Status notFound(const Message &m) { return Status::failure(ErrorCode::NotFound, m); }
inline Status tooSmall(const Message &m) { return Status::failure(ErrorCode::TooSmall, m); }
inline Status busy(const Message &m) { return Status::failure(ErrorCode::Busy, m); }
inline Status toolFailed(const Message &m) { return Status::failure(ErrorCode::ToolFailed, m); }
inline Status invalid(const QString &m) { return invalid(Message::plain(m)); }
inline Status inUse(const QString &m) { return inUse(Message::plain(m)); }
inline Status notFound(const QString &m) { return notFound(Message::plain(m)); }
inline Status tooSmall(const QString &m) { return tooSmall(Message::plain(m)); }
inline Status busy(const QString &m) { return busy(Message::plain(m)); }
inline Status toolFailed(const QString &m) { return toolFailed(Message::plain(m)); }

// "a, b and c"
QString listNames(const QStringList &names);
// "an ext4 filesystem labelled 'data'", "swap space", "a LUKS container".
QString describeContents(const QString &fsType, const QString &label);
// md UUIDs compared as hex digits only (mdadm writes them with ':', blkid with '-').
bool sameUuid(const QString &a, const QString &b);
// A UUID's hex digits, lower case: what sameUuid() compares.
QString hexOnly(const QString &uuid);

} // namespace plexus
