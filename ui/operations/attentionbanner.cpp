// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "attentionbanner.h"
#include "actionicons.h"
#include "memberslots.h"
#include "themedicons.h"
#include "words.h"

#include <KLocalizedString>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>

#include <algorithm>

namespace plexus {

Attention attentionFor(const Array &a)
{
    Attention at;
    if (a.state == ArrayState::Inactive)
        return at;
    const bool failed = arrayFailed(a);
    if (!failed && (!a.degraded || (a.sync && a.sync->action == SyncAction::Recovery)))
        return at; // healthy, or the kernel is already rebuilding: the card shows it
    if (failed) {
        at.text = i18nc("%1 an array, %2 what has failed (from its health)",
                        "%1 has failed: %2. The data on it cannot be rebuilt from what is left; restore it from a backup.", a.name,
                        failureCause(a));
        return at;
    }
    for (const MemberSlot &s : memberSlots(a)) {
        if (s.state == SlotState::Faulty) {
            at.text = i18n("%1 is degraded: %2 failed. Drag a healthy disk onto the failed member, or Replace\u2026", a.name, s.device);
            at.target = Selectable::member(a.name, s.device, s.slot);
            at.actionId = QStringLiteral("replace");
            at.button = i18nc("@action:button", "Replace %1\u2026", s.device);
            return at;
        }
    }
    for (const MemberSlot &s : memberSlots(a)) {
        if (s.state == SlotState::Missing) {
            at.text = i18n("%1 is degraded: slot %2 is empty. Drag a healthy disk onto the empty slot, or Add\u2026", a.name, s.slot.value_or(-1));
            at.target = Selectable::member(a.name, QString(), s.slot);
            at.actionId = QStringLiteral("addMember");
            at.button = i18nc("@action:button", "Add a disk\u2026");
            return at;
        }
    }
    at.text = i18n("%1 is degraded.", a.name);
    return at;
}

AttentionBanner::AttentionBanner(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("attentionBanner"));
    const int unit = fontMetrics().height();
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("bannerText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    QFont bold = m_text->font();
    bold.setBold(true);
    m_text->setFont(bold);
    m_button = new QPushButton(this);
    m_button->setObjectName(QStringLiteral("bannerButton"));
    connect(m_button, &QPushButton::clicked, this, [this] { Q_EMIT actionRequested(m_attention.target, m_attention.actionId); });
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(unit + unit / 3, unit / 2, unit, unit / 2);
    layout->setSpacing(unit);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_button, 0, Qt::AlignVCenter);
    hide();
}

void AttentionBanner::setSnapshot(const Snapshot &snapshot)
{
    QList<const Array *> arrays;
    for (const Array &a : snapshot.arrays)
        arrays << &a;
    std::stable_sort(arrays.begin(), arrays.end(), [](const Array *a, const Array *b) { return arrayUrgency(*a) < arrayUrgency(*b); });
    QList<Attention> found;
    for (const Array *a : arrays) {
        Attention at = attentionFor(*a);
        if (!at.text.isEmpty()) {
            if (found.isEmpty())
                m_failed = arrayFailed(*a);
            found << at;
        }
    }
    if (found.isEmpty()) {
        m_attention = {};
        hide();
        return;
    }
    m_attention = found.first();
    QString text = m_attention.text;
    if (found.size() > 1)
        text = i18ncp("%2 the first array's words, %1 how many other arrays need attention",
                      "%2 (%1 more array needs attention below.)", "%2 (%1 more arrays need attention below.)", int(found.size() - 1), text);
    m_text->setText(text);
    m_button->setText(m_attention.button);
    m_button->setIcon(actionIcon(m_attention.actionId)); // the same as the action's in the toolbar and menus
    m_button->setVisible(!m_attention.actionId.isEmpty());
    show();
    update();
}

QString AttentionBanner::text() const
{
    return isHidden() ? QString() : m_text->text();
}

void AttentionBanner::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    paintBanner(p, rect(), m_failed ? Tone::Bad : Tone::Warning, palette(), fontMetrics().height());
}

} // namespace plexus
