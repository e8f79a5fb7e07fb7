// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "message.h"

#include <KLocalizedString>
#include <QJsonArray>
#include <QJsonObject>

namespace plexus {

namespace {
// Deep enough for a sentence in a sentence in a list; a reply nested deeper is not ours.
constexpr int maxDepth = 8;
constexpr int maxArgs = 16;
} // namespace

Message Message::plain(const QString &text)
{
    Message m;
    m.m_plain = text;
    return m;
}

Message Message::entry(const char *context, const char *text, const char *plural, QList<Arg> args)
{
    Message m;
    m.m_context = context;
    m.m_text = text;
    m.m_plural = plural;
    m.m_args = std::move(args);
    return m;
}

KLocalizedString Message::localized() const
{
    const char *context = m_context.isEmpty() ? nullptr : m_context.constData();
    KLocalizedString s;
    if (m_plural.isEmpty())
        s = context ? ki18ndc(TRANSLATION_DOMAIN, context, m_text.constData()) : ki18nd(TRANSLATION_DOMAIN, m_text.constData());
    else
        s = context ? ki18ndcp(TRANSLATION_DOMAIN, context, m_text.constData(), m_plural.constData())
                    : ki18ndp(TRANSLATION_DOMAIN, m_text.constData(), m_plural.constData());
    for (const Arg &a : m_args) {
        if (const auto *words = std::get_if<QString>(&a))
            s = s.subs(*words);
        else if (const auto *n = std::get_if<qlonglong>(&a))
            s = s.subs(*n);
        else if (const auto *x = std::get_if<double>(&a))
            s = s.subs(*x);
        else if (const auto &nested = std::get<std::shared_ptr<const Message>>(a); nested->isCatalogued())
            s = s.subs(nested->localized());
        else
            s = s.subs(nested->m_plain);
    }
    return s;
}

QString Message::toString() const
{
    return isCatalogued() ? localized().toString() : m_plain;
}

QJsonValue Message::toJson() const
{
    if (!isCatalogued())
        return QJsonObject{{QStringLiteral("t"), m_plain}};
    QJsonArray args;
    for (const Arg &a : m_args) {
        if (const auto *words = std::get_if<QString>(&a))
            args.append(*words);
        else if (const auto *n = std::get_if<qlonglong>(&a))
            args.append(QJsonObject{{QStringLiteral("n"), QString::number(*n)}});
        else if (const auto *x = std::get_if<double>(&a))
            args.append(*x);
        else
            args.append(std::get<std::shared_ptr<const Message>>(a)->toJson());
    }
    QJsonObject o{{QStringLiteral("s"), QString::fromUtf8(m_text)}, {QStringLiteral("a"), args}};
    if (!m_context.isEmpty())
        o.insert(QStringLiteral("c"), QString::fromUtf8(m_context));
    if (!m_plural.isEmpty())
        o.insert(QStringLiteral("p"), QString::fromUtf8(m_plural));
    return o;
}

std::optional<Message> Message::fromJson(const QJsonValue &json)
{
    return fromJson(json, 0);
}

std::optional<Message> Message::fromJson(const QJsonValue &json, int depth)
{
    if (!json.isObject() || depth > maxDepth)
        return std::nullopt;
    const QJsonObject o = json.toObject();
    if (o.contains(QStringLiteral("t")))
        return o.value(QStringLiteral("t")).isString() ? std::optional(plain(o.value(QStringLiteral("t")).toString())) : std::nullopt;
    const QJsonValue text = o.value(QStringLiteral("s")), args = o.value(QStringLiteral("a"));
    if (!text.isString() || text.toString().isEmpty() || !args.isArray() || args.toArray().size() > maxArgs)
        return std::nullopt;
    Message m;
    m.m_text = text.toString().toUtf8();
    m.m_context = o.value(QStringLiteral("c")).toString().toUtf8();
    m.m_plural = o.value(QStringLiteral("p")).toString().toUtf8();
    for (const QJsonValue &a : args.toArray()) {
        if (a.isString()) {
            m.m_args.append(a.toString());
        } else if (a.isDouble()) {
            m.m_args.append(a.toDouble());
        } else if (const QJsonValue n = a.toObject().value(QStringLiteral("n")); n.isString()) {
            // Numbers travel as decimal text: a JSON number would round above 2^53 bytes.
            bool ok = false;
            const qlonglong v = n.toString().toLongLong(&ok);
            if (!ok)
                return std::nullopt;
            m.m_args.append(v);
        } else if (std::optional<Message> nested = fromJson(a, depth + 1)) {
            m.m_args.append(std::make_shared<const Message>(std::move(*nested)));
        } else {
            return std::nullopt;
        }
    }
    return m;
}

} // namespace plexus
