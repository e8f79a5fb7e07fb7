// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Why something did not happen, in words a person understands: one lead
// sentence per cause (the typed ErrorCode, or the D-Bus error when the helper
// could not be reached at all), followed by the engine's or helper's own
// message. Decided by error names, never by comparing English text.

#include "engine/status.h"

#include <QString>
#include <optional>

namespace plexus {

struct HelperResult;

// "That device is in use." ...
QString leadSentence(ErrorCode code);
// Two or three words for where there is no room for more (a slot tile): "in use", "too small".
QString shortCause(ErrorCode code);
// The lead sentence for a helper call's failure: a typed plexus error, or
// what a D-Bus error name means (the service is missing, it stopped answering).
QString leadSentence(const HelperResult &result);

} // namespace plexus
