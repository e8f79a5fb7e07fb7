// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "trayicon.h"
#include "words.h"

#include <KLocalizedString>
#include <KStatusNotifierItem>
#include <QGuiApplication>
#include <QMenu>
#include <QPainter>

namespace plexus {

namespace {

// The word for an array that needs a look, short enough for a tooltip line.
QString trouble(const Array &a)
{
    if (arrayFailed(a))
        return i18nc("@info:tooltip an array", "%1 failed", a.name);
    if (a.degraded && a.sync && a.sync->action == SyncAction::Recovery)
        return i18nc("@info:tooltip an array", "%1 rebuilding", a.name);
    return i18nc("@info:tooltip an array", "%1 degraded", a.name);
}

QIcon dotIcon(Tone tone)
{
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        const QColor colour = toneColor(tone, QGuiApplication::palette());
        p.setPen(QPen(colour.darker(140), size / 16.0));
        p.setBrush(colour);
        const qreal margin = size / 8.0;
        p.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin));
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace

TrayStatus trayStatus(const Snapshot &snapshot)
{
    TrayStatus status;
    QStringList troubles;
    int running = 0;
    for (const Array &a : snapshot.arrays) {
        if (a.state == ArrayState::Inactive)
            continue;
        ++running;
        const Tone tone = arrayTone(a);
        if (tone == Tone::Bad) {
            status.tone = Tone::Bad;
            troubles << trouble(a);
        } else if (tone == Tone::Warning) {
            if (status.tone != Tone::Bad)
                status.tone = Tone::Warning;
            troubles << trouble(a);
        } else if (const QStringList atRisk = snapshot.disksAtRisk(a); !atRisk.isEmpty()) {
            if (status.tone != Tone::Bad)
                status.tone = Tone::Warning;
            troubles << i18ncp("@info:tooltip %2 an array, %3 the drives that warn of their health (sdb, sdc)", "%2 at risk: %3 may fail soon",
                               "%2 at risk: %3 may fail soon", atRisk.size(), a.name,
                               atRisk.join(i18nc("@info:tooltip between the names of drives in a list", ", ")));
        }
    }
    if (!troubles.isEmpty())
        status.toolTip = troubles.join(QLatin1Char('\n'));
    else if (running == 0)
        status.toolTip = i18nc("@info:tooltip", "No arrays running");
    else
        status.toolTip = i18ncp("@info:tooltip", "%1 array healthy", "%1 arrays healthy", running);
    return status;
}

TrayIcon::TrayIcon(QObject *parent) : QObject(parent), m_item(new KStatusNotifierItem(QStringLiteral("plexus-monitor"), this))
{
    m_item->setCategory(KStatusNotifierItem::Hardware);
    m_item->setTitle(QStringLiteral("Plexus"));
    m_item->setStatus(KStatusNotifierItem::Passive);
    // Our "Open Plexus" first; the item adds its own Quit below it.
    m_item->contextMenu()->addAction(i18nc("@action:inmenu", "Open Plexus"), this, [this] { Q_EMIT openRequested({}); });
    // The panel hands a token over (ProvideXdgActivationToken) just before a click.
    connect(m_item, &KStatusNotifierItem::activateRequested, this, [this] { Q_EMIT openRequested(m_item->providedToken()); });
    connect(m_item, &KStatusNotifierItem::quitRequested, this, [this] {
        m_item->abortQuit(); // the application decides how it quits
        Q_EMIT quitRequested();
    });
}

void TrayIcon::setSnapshot(const Snapshot &snapshot)
{
    const TrayStatus next = trayStatus(snapshot);
    const bool changed = next != m_status || !m_shownOnce;
    m_status = next;
    m_shownOnce = true;
    if (changed)
        show();
}

void TrayIcon::show()
{
    const bool healthy = m_status.tone == Tone::Good;
    const QIcon dot = dotIcon(m_status.tone);
    m_item->setIconByPixmap(dot);
    m_item->setAttentionIconByPixmap(dot);
    m_item->setToolTip(dot, QStringLiteral("Plexus"), m_status.toolTip);
    m_item->setStatus(healthy ? KStatusNotifierItem::Passive : KStatusNotifierItem::NeedsAttention);
}

} // namespace plexus
