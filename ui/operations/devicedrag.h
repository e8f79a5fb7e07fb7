// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// Dragging a disk or partition out of the disk map: the MIME type carrying its
// kernel name, and a drag image that looks like the device (its icon, name,
// size and model on a small card), so the user sees what they hold.

#include <QPixmap>
#include <QString>

class QMimeData;
class QWidget;

namespace plexus {

struct Snapshot;

inline constexpr char deviceMimeType[] = "application/x-plexus-device";

QMimeData *deviceMimeData(const QString &device);
// The kernel name carried by `mime`, or empty.
QString draggedDevice(const QMimeData *mime);
// The drag image for `device`, drawn with `widget`'s palette and font.
QPixmap devicePixmap(const QWidget *widget, const Snapshot &snapshot, const QString &device);
// Starts the drag (Qt::CopyAction) from `source`; returns when it ends.
void dragDevice(QWidget *source, const Snapshot &snapshot, const QString &device);

} // namespace plexus
