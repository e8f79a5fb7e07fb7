// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// A refusal on D-Bus: the error's name is its ErrorCode and its message the
// English sentence, for scripts and logs. When the sentence is in the catalogue,
// the signal Refusal(message, entry) goes to the caller just before the error:
// the same English and the sentence's entry and arguments as JSON, from which
// each client says it in its own user's language. Not a second argument of the
// error: GLib's clients (gdbus, Gio) then show no message at all.

#include "engine/status.h"

#include <QDBusConnection>
#include <QDBusMessage>

namespace plexus {

// The sentence's catalogue entry and arguments as JSON; empty for words in no catalogue.
QString catalogueEntry(const Status &status);
// Answers `call` on `bus` with `status`'s error, after its Refusal signal.
void sendRefusal(const QDBusConnection &bus, const QDBusMessage &call, const Status &status);
// What a refusal says in this process's language: `entry` (the signal's JSON)
// composed when it reads and is of the same English sentence, else `english`.
QString sayRefusal(const QString &english, const QString &signalledEnglish, const QString &entry);

} // namespace plexus
