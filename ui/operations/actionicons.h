// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The icon of each action (ArrayAction::id, and "createArray"), in the toolbar
// and the context menus: a name of the freedesktop icon naming specification
// where it has one, else Breeze's. The desktop's icon theme draws it; Breeze
// stands in for names the theme lacks (and where there is no theme at all).

#include <QIcon>

namespace plexus {

// Breeze behind the desktop's theme, and in its place where there is none.
// The window calls it as it is made, before any icon is looked up.
void ensureIconTheme();
// Empty when `id` has none.
QString actionIconName(const QString &id);
QIcon actionIcon(const QString &id);

} // namespace plexus
