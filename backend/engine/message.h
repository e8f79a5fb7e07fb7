// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// A sentence for people kept as its catalogue entry (context, text, plural) and
// its arguments, not as words. The helper speaks English to its journal and to
// scripts, but sends its refusals this way too, so that each client says them
// in its own user's language. Made like i18nc: mi18nc("context",
// "%1 is mounted.", path); the catalogue extraction knows the mi18n* keywords.

#include <QJsonValue>
#include <QString>
#include <memory>
#include <optional>
#include <type_traits>
#include <variant>

class KLocalizedString;

namespace plexus {

class Message
{
public:
    // A number (plurals are chosen by the first one), words, or a nested sentence.
    using Arg = std::variant<QString, qlonglong, double, std::shared_ptr<const Message>>;

    Message() = default;
    // Words that are not in the catalogue (a tool's output, a name): shown as they are.
    static Message plain(const QString &text);
    static Message entry(const char *context, const char *text, const char *plural, QList<Arg> args);

    bool isEmpty() const { return m_text.isEmpty() && m_plain.isEmpty(); }
    bool isCatalogued() const { return !m_text.isEmpty(); }
    // In the process's language.
    QString toString() const;

    // {"c": context, "s": text, "p": plural, "a": [arguments]} or {"t": plain words}.
    QJsonValue toJson() const;
    // nullopt for anything that is not such an object (the caller keeps its English).
    static std::optional<Message> fromJson(const QJsonValue &json);

    template<typename T>
    static Arg arg(const T &value)
    {
        if constexpr (std::is_same_v<T, Message>)
            return std::make_shared<const Message>(value);
        else if constexpr (std::is_same_v<T, bool>)
            static_assert(!std::is_same_v<T, bool>, "say it in words");
        else if constexpr (std::is_integral_v<T> || std::is_enum_v<T>)
            return qlonglong(value);
        else if constexpr (std::is_floating_point_v<T>)
            return double(value);
        else
            return QString(value);
    }

private:
    static std::optional<Message> fromJson(const QJsonValue &json, int depth);
    KLocalizedString localized() const;

    QByteArray m_context, m_text, m_plural;
    QList<Arg> m_args;
    QString m_plain;
};

template<typename... A>
Message mi18n(const char *text, const A &...a)
{
    return Message::entry(nullptr, text, nullptr, {Message::arg(a)...});
}
template<typename... A>
Message mi18nc(const char *context, const char *text, const A &...a)
{
    return Message::entry(context, text, nullptr, {Message::arg(a)...});
}
template<typename... A>
Message mi18np(const char *singular, const char *plural, const A &...a)
{
    return Message::entry(nullptr, singular, plural, {Message::arg(a)...});
}
template<typename... A>
Message mi18ncp(const char *context, const char *singular, const char *plural, const A &...a)
{
    return Message::entry(context, singular, plural, {Message::arg(a)...});
}

} // namespace plexus
