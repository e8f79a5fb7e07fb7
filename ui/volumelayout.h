// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// One volume group drawn as pictures (see volumeparts.h): its capacity bar,
// then each logical volume's plex and subdisks with the md arrays beneath.
// One Tab stop: the arrow keys walk its parts, each selecting what it stands
// for; a click or hover does the same through the shared SelectionModel.

#include "volumeparts.h"

#include <QWidget>

namespace plexus {

class VolumeLayout : public QWidget
{
    Q_OBJECT
public:
    VolumeLayout(const QString &group, SelectionModel *selection, QWidget *parent = nullptr);

    void setGroup(const VolumeGroup &vg, const Snapshot &snapshot);
    QString groupName() const { return m_group; }
    const QList<VolumePart> &parts() const { return m_picture.parts; }
    // The first part of `kind` labelled `label` (a volume, device or array
    // name; any when empty) and, when given, standing for volume `volume`; -1 if none.
    int find(VolumePart::Kind kind, const QString &label = QString(), const QString &volume = QString()) const;
    int partAt(const QPoint &pos) const;
    int focusedPart() const { return m_focus; }
    void setFocusedPart(int index);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    bool event(QEvent *event) override;

private:
    void relayout();
    void paintPart(QPainter &p, const VolumePart &part, bool current, bool hovered);
    void paintCapacityBar(QPainter &p);
    void paintText(QPainter &p, const QRect &r, const QString &label, const QString &detail, const QColor &ink, bool bold,
                   const QFont &font);

    QString m_group;
    SelectionModel *m_selection;
    VolumeGroup m_vg;
    Snapshot m_snapshot;
    VolumePicture m_picture;
    int m_focus = 0;
    int m_hovered = -1;
};

} // namespace plexus
