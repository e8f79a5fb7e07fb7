// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "devicedrag.h"
#include "model/describe.h"
#include "model/snapshot.h"
#include "themedicons.h"
#include "tone.h"

#include <KLocalizedString>
#include <QDrag>
#include <QMimeData>
#include <QPainter>
#include <QWidget>

namespace plexus {

QMimeData *deviceMimeData(const QString &device)
{
    auto *mime = new QMimeData;
    mime->setData(QLatin1String(deviceMimeType), device.toUtf8());
    mime->setText(QStringLiteral("/dev/") + device);
    return mime;
}

QString draggedDevice(const QMimeData *mime)
{
    if (!mime || !mime->hasFormat(QLatin1String(deviceMimeType)))
        return {};
    return QString::fromUtf8(mime->data(QLatin1String(deviceMimeType)));
}

QPixmap devicePixmap(const QWidget *widget, const Snapshot &snapshot, const QString &device)
{
    const QPalette &pal = widget->palette();
    const QFontMetrics fm = widget->fontMetrics();
    const int unit = fm.height();
    const Disk *disk = snapshot.diskOf(device);
    const bool whole = disk && disk->name == device;
    qint64 size = 0;
    if (disk)
        size = whole ? disk->sizeBytes : disk->partition(device) ? disk->partition(device)->sizeBytes : 0;
    const QString second = disk ? i18nc("a dragged device: its size \u00b7 its disk's model", "%1 \u00b7 %2", humanSize(size), disk->model) : QString();
    QFont bold = widget->font();
    bold.setBold(true);
    const int textWidth = qMax(QFontMetrics(bold).horizontalAdvance(device), fm.horizontalAdvance(second));
    const QSize size2(unit * 3 + textWidth + unit, unit * 3);
    const qreal dpr = widget->devicePixelRatioF();
    QPixmap pixmap(size2 * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(mix(pal.color(QPalette::Base), pal.color(QPalette::Highlight), 0.12));
    p.setPen(QPen(pal.color(QPalette::Highlight), 1.5));
    p.drawRoundedRect(QRectF(0.75, 0.75, size2.width() - 1.5, size2.height() - 1.5), unit * 0.4, unit * 0.4);
    const QString icon = whole ? (disk && (disk->removable || disk->hotpluggable) ? QStringLiteral("disk-removable") : QStringLiteral("disk"))
                               : QStringLiteral("partition");
    themedIcon(icon, pal).paint(&p, QRect(unit / 2, unit / 2, unit * 2, unit * 2));
    const QRect text(unit * 3, unit / 2, textWidth + unit / 2, unit * 2);
    p.setPen(pal.color(QPalette::Text));
    p.setFont(bold);
    p.drawText(text, Qt::AlignLeft | Qt::AlignTop, device);
    p.setFont(widget->font());
    p.setPen(mix(pal.color(QPalette::Text), pal.color(QPalette::Base), 0.35));
    p.drawText(text, Qt::AlignLeft | Qt::AlignBottom, second);
    return pixmap;
}

void dragDevice(QWidget *source, const Snapshot &snapshot, const QString &device)
{
    auto *drag = new QDrag(source);
    drag->setMimeData(deviceMimeData(device));
    const QPixmap pixmap = devicePixmap(source, snapshot, device);
    drag->setPixmap(pixmap);
    drag->setHotSpot(QPoint(source->fontMetrics().height(), source->fontMetrics().height()));
    drag->exec(Qt::CopyAction);
}

} // namespace plexus
