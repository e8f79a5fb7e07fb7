// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The window's Changes begin with the past: the events the system journal kept
// (monitor/journalhistory.h), read once as the window opens, in the background.

#include "monitor/journalhistory.h"

#include <QObject>

namespace plexus {

class PastChanges : public QObject
{
    Q_OBJECT
public:
    explicit PastChanges(const QString &journalctl = QStringLiteral("journalctl"), QObject *parent = nullptr);

    void load(const HistoryQuery &query);

Q_SIGNALS:
    // The events, oldest first; `note` says in words why there are none or only
    // some (journalctl missing, failing, or reading only part of the journal).
    void loaded(const QList<plexus::Event> &events, const QString &note);

private:
    QString m_journalctl;
};

} // namespace plexus
