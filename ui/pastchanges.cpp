// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "pastchanges.h"

#include <KLocalizedString>

#include <QProcess>

namespace plexus {

PastChanges::PastChanges(const QString &journalctl, QObject *parent) : QObject(parent), m_journalctl(journalctl) {}

void PastChanges::load(const HistoryQuery &query)
{
    auto *process = new QProcess(this);
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        Q_EMIT loaded({}, i18nc("%1 is the error", "Earlier changes: journalctl could not run (%1)", process->errorString()));
        process->deleteLater();
    });
    connect(process, &QProcess::finished, this, [this, process](int code, QProcess::ExitStatus status) {
        process->deleteLater();
        const QString complaint = QString::fromLocal8Bit(process->readAllStandardError()).trimmed().section(QLatin1Char('\n'), 0, 0);
        if (status != QProcess::NormalExit || code != 0) {
            Q_EMIT loaded({}, i18nc("%1 is what journalctl said", "Earlier changes: journalctl failed: %1", complaint));
            return;
        }
        QString error;
        const QList<Event> events = parseJournalHistory(process->readAllStandardOutput(), &error);
        if (!error.isEmpty()) {
            Q_EMIT loaded({}, i18nc("%1 is the error", "Earlier changes: %1", error));
            return;
        }
        // journalctl's hint when this account reads only its own journal.
        Q_EMIT loaded(events, complaint.isEmpty() ? QString() : i18nc("%1 is what journalctl said", "Earlier changes: journalctl says: %1", complaint));
    });
    process->start(m_journalctl, journalctlArguments(query));
}

} // namespace plexus
