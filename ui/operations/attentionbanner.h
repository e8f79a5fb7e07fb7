// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// The line across the top of the window when an array is degraded or has
// failed: what is wrong in words, what to do, and a button that starts doing
// it (Replace… on the failed member, Add… on an empty slot). It stays above
// everything else, so a broken array is never something to scroll to.

#include "model/snapshot.h"
#include "selectionmodel.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace plexus {

// What needs attention in `a` and the member (or empty slot) to act on;
// empty text when nothing does (healthy, or already rebuilding).
struct Attention {
    QString text;               // "md0 is degraded: sdb1 failed. Drag a healthy disk onto the failed member, or Replace…"
    Selectable target;          // the faulty member or missing slot; none when nothing can be done here
    QString actionId;           // "replace" or "addMember"
    QString button;             // "Replace sdb1…", "Add a disk…"
};
Attention attentionFor(const Array &a);

class AttentionBanner : public QFrame
{
    Q_OBJECT
public:
    explicit AttentionBanner(QWidget *parent = nullptr);

    void setSnapshot(const Snapshot &snapshot);
    QString text() const;
    QPushButton *button() const { return m_button; }

Q_SIGNALS:
    // The button: act on `target` with the action `actionId` (memberactions.h).
    void actionRequested(const plexus::Selectable &target, const QString &actionId);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QLabel *m_text;
    QPushButton *m_button;
    Attention m_attention;
    bool m_failed = false;
};

} // namespace plexus
