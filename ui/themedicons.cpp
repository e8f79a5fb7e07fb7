// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "themedicons.h"

#include <QFile>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QSvgRenderer>

#include <memory>

// The resource lives in the static plexus-ui library: register it by hand.
static void registerIconResource()
{
    static const bool once = [] {
        Q_INIT_RESOURCE(icons);
        return true;
    }();
    Q_UNUSED(once);
}

namespace plexus {

namespace {

class SvgIconEngine : public QIconEngine
{
public:
    explicit SvgIconEngine(const QByteArray &svg) : m_renderer(std::make_shared<QSvgRenderer>(svg)) {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        painter->save();
        if (mode == QIcon::Disabled)
            painter->setOpacity(0.4);
        m_renderer->render(painter, QRectF(rect));
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        paint(&painter, QRect(QPoint(), image.size()), mode, state);
        painter.end();
        QPixmap result = QPixmap::fromImage(image);
        result.setDevicePixelRatio(scale);
        return result;
    }

    QIconEngine *clone() const override { return new SvgIconEngine(*this); }
    QString key() const override { return QStringLiteral("plexus-svg"); }

private:
    std::shared_ptr<QSvgRenderer> m_renderer; // parsed once, shared by copies
};

} // namespace

QIcon themedIcon(const QString &name, const QPalette &palette)
{
    registerIconResource();
    static QHash<QString, QIcon> cache;
    const QString colour = palette.color(QPalette::WindowText).name();
    const QString key = name + QLatin1Char('|') + colour;
    if (const auto it = cache.constFind(key); it != cache.constEnd())
        return *it;
    QFile file(QStringLiteral(":/icons/%1.svg").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray svg = file.readAll();
    svg.replace("currentColor", colour.toLatin1());
    const QIcon icon(new SvgIconEngine(svg));
    cache.insert(key, icon);
    return icon;
}

QString levelIconName(const std::optional<QString> &level)
{
    static const QStringList known = {QStringLiteral("linear"), QStringLiteral("raid0"), QStringLiteral("raid1"),
                                      QStringLiteral("raid4"),  QStringLiteral("raid5"), QStringLiteral("raid6"),
                                      QStringLiteral("raid10")};
    return level && known.contains(*level) ? QStringLiteral("level-") + *level : QStringLiteral("partition");
}

QString slotIconName(const MemberSlot &slot)
{
    switch (slot.state) {
    case SlotState::InSync:
    case SlotState::Active: return slot.writeMostly ? QStringLiteral("member-write-mostly") : QStringLiteral("member-in-sync");
    case SlotState::Rebuilding: return QStringLiteral("member-rebuilding");
    case SlotState::Replacement: return QStringLiteral("member-replacement");
    case SlotState::Faulty: return QStringLiteral("member-faulty");
    case SlotState::Journal: return QStringLiteral("member-journal");
    case SlotState::Missing: return QStringLiteral("member-missing");
    case SlotState::Spare:
    case SlotState::Stopped: return QStringLiteral("member-spare");
    }
    return QStringLiteral("member-spare");
}

} // namespace plexus
