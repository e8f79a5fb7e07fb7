// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "shutdownholdnotice.h"

#include "monitor/shutdownhold.h"
#include "probe/logindinhibitors.h"

#include <KLocalizedString>

#include <QDBusConnection>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>

namespace plexus {

ShutdownHoldNotice::ShutdownHoldNotice(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("shutdownHold"));
    setTextFormat(Qt::PlainText);
    setToolTip(i18n("Plexus asks the system not to shut down or restart until this is done. "
                    "Restarting anyway (systemctl reboot --check-inhibitors=no) loses no data, "
                    "but md starts the work over and the array has one copy less meanwhile."));
    hide();
}

void ShutdownHoldNotice::refresh()
{
    if (m_asking)
        return;
    QDBusConnection bus = QDBusConnection::systemBus();
    if (!bus.isConnected())
        return;
    m_asking = true;
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(listInhibitorsCall(), 5000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        m_asking = false;
        setReason(plexusShutdownHold(QDBusPendingReply<>(*w).reply()));
    });
}

void ShutdownHoldNotice::setReason(const QString &reason)
{
    m_reason = reason;
    setText(reason.isEmpty() ? QString() : shutdownHoldText(reason));
    setVisible(!reason.isEmpty());
}

} // namespace plexus
