// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "mailalert.h"

namespace plexus {

bool isAlert(const Event &e)
{
    return e.planned.isEmpty() && (e.urgency() == Urgency::Critical || e.kind == EventKind::MismatchFound);
}

QByteArray alertMessage(const QList<Event> &alerts, const AlertMail &mail)
{
    QString subject = QStringLiteral("Plexus on %1: %2").arg(mail.host, alerts.value(0).englishSummary());
    if (alerts.size() > 1)
        subject += QStringLiteral(" (and %1 more)").arg(alerts.size() - 1);
    QString text;
    text += QStringLiteral("To: %1\n").arg(mail.to.join(QStringLiteral(", ")));
    if (!mail.from.isEmpty())
        text += QStringLiteral("From: %1\n").arg(mail.from);
    text += QStringLiteral("Subject: %1\n").arg(subject);
    // RFC 3834: replies and out-of-office answers should not come back.
    text += QStringLiteral("Auto-Submitted: auto-generated\n");
    text += QStringLiteral("MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n");
    text += QStringLiteral("Plexus, watching the storage of %1, saw:\n\n").arg(mail.host);
    for (const Event &e : alerts) {
        text += e.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral("  ") + e.englishSummary() + QLatin1Char('\n');
        text += QStringLiteral("    ") + e.englishBody() + QStringLiteral("\n\n");
    }
    if (!mail.mdstat.isEmpty())
        text += QStringLiteral("/proc/mdstat now:\n") + QString::fromUtf8(mail.mdstat);
    return text.toUtf8();
}

} // namespace plexus
