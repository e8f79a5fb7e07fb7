// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// One md array as a card: name, level with a picture of its organisation,
// size, health in words, progress of kernel work, one tile per member slot,
// the backup copies cut off it, and what uses the array. One Tab stop: Left/Right walk its slots.

#include "backuplist.h"
#include "model/snapshot.h"
#include "selectionmodel.h"
#include "tone.h"

#include <QFrame>

#include <optional>

class QLabel;
class QProgressBar;

namespace plexus {

class BackupChips;
class LevelPicture;
class SlotStrip;

class ArrayCard : public QFrame
{
    Q_OBJECT
public:
    ArrayCard(const QString &array, SelectionModel *selection, QWidget *parent = nullptr);

    void setArray(const Array &array, const Snapshot &snapshot);
    // md's progress tick: only the numbers of its work on the array moved.
    void setProgress(const Array &array);
    QString arrayName() const { return m_array; }
    Tone tone() const { return m_tone; }
    SlotStrip *slotStrip() const { return m_slots; }
    BackupChips *backups() const { return m_backups; }
    // The backup copies cut off this array (drawn under its slots).
    void setBackups(const QList<DetachedCopy> &copies, const Snapshot &snapshot);
    int currentSlot() const { return m_currentSlot; }   // -1: the card itself
    void setCurrentSlot(int index);

Q_SIGNALS:
    // Right click or the menu key on the card or one of its slots (now the current item).
    void contextMenuRequested(const plexus::Selectable &item, const QPoint &globalPos);

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void enterEvent(QEnterEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void showHealth(const Array &a, const QStringList &atRisk);
    void showProgress(const Array &a);
    void showDropHint(const QString &text, bool accepted);
    Selectable currentSelectable() const;

    QString m_array;
    SelectionModel *m_selection;
    Tone m_tone = Tone::Neutral;
    int m_currentSlot = -1;
    LevelPicture *m_picture;
    QLabel *m_title;
    QLabel *m_size;
    QLabel *m_level;
    QLabel *m_health;
    QProgressBar *m_progress;
    QLabel *m_progressText;
    SlotStrip *m_slots;
    BackupChips *m_backups;
    QLabel *m_dropHint;
    QLabel *m_use;
    // What the card was last drawn from: the same again draws nothing.
    struct Shown {
        Array array;
        QStringList atRisk;
        QString use;
        qint64 palette = 0;
        QString font;
        bool operator==(const Shown &) const = default;
    };
    std::optional<Shown> m_shown;
};

} // namespace plexus
