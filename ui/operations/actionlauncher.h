// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The array and member actions as QActions, for the toolbar and context
// menus: disabled ones carry their reason as tooltip and status tip. Triggering
// one asks for what it needs (a device, a member, speed limits), plans the
// Operation and hands it on for review.

#include "memberactions.h"

#include <QObject>

class QAction;
class QMenu;
class QWidget;

namespace plexus {

class ActionLauncher : public QObject
{
    Q_OBJECT
public:
    // `window` parents the pickers.
    explicit ActionLauncher(QWidget *window);

    void setContext(const PlanningContext &ctx) { m_ctx = ctx; }
    const PlanningContext &context() const { return m_ctx; }

    // QActions (objectName "action-<id>") for `item`, owned by `parent`.
    QList<QAction *> createActions(const Selectable &item, QObject *parent);
    // A menu of them (member actions, a separator, array actions); empty when none apply.
    void fillMenu(QMenu *menu, const Selectable &item);
    // Runs the action `id` for `item` as if triggered; false when it is not there or disabled.
    bool trigger(const Selectable &item, const QString &id);

Q_SIGNALS:
    void reviewRequested(const plexus::Operation &op);

private:
    void launch(const ArrayAction &action, const QString &array);

    QWidget *m_window;
    PlanningContext m_ctx;
};

// The array an item belongs to: an array itself, or a member's array.
QString arrayOf(const Selectable &item);

} // namespace plexus
