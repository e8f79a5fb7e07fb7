// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "wire.h"

#include <limits>

#include <QDBusArgument>
#include <QDBusMetaType>
#include <QDBusVariant>
#include <QJsonArray>
#include <QRegularExpression>

namespace plexus {

QString FieldSpec::cliName() const
{
    return cli && *cli ? QLatin1String(cli) : QString(QLatin1String(name)).replace(QLatin1Char('_'), QLatin1Char('-'));
}

namespace {

// Qt delivers a struct or array of structs read from a message as a QDBusArgument.
template<class T> bool castTo(const QVariant &v, T *out)
{
    if (v.metaType() == QMetaType::fromType<T>()) {
        *out = v.value<T>();
        return true;
    }
    if (v.metaType() != QMetaType::fromType<QDBusArgument>())
        return false;
    const QDBusArgument arg = v.value<QDBusArgument>();
    if (arg.currentSignature() != QDBusMetaType::typeToSignature(QMetaType::fromType<T>()))
        return false;
    *out = qdbus_cast<T>(arg);
    return true;
}

QString fieldWord(const FieldSpec &f)
{
    return QStringLiteral("%1 '%2'").arg(f.place == FieldSpec::Argument ? QStringLiteral("Argument") : QStringLiteral("Option"),
                                         QLatin1String(f.name));
}

} // namespace

WireReader::WireReader(const QVariantList &arguments) : m_arguments(arguments)
{
    if (!m_arguments.isEmpty() && m_arguments.last().metaType() == QMetaType::fromType<QVariantMap>()) {
        m_options = m_arguments.takeLast().toMap();
        m_hasOptions = true;
    } else if (!m_arguments.isEmpty() && m_arguments.last().metaType() == QMetaType::fromType<QDBusArgument>()) {
        const QDBusArgument arg = m_arguments.last().value<QDBusArgument>();
        if (arg.currentSignature() == QLatin1String("a{sv}")) {
            m_arguments.removeLast();
            arg >> m_options;
            m_hasOptions = true;
        }
    }
    if (!m_hasOptions)
        fail(QStringLiteral("The request has no options map (a{sv}) as its last argument."));
}

QVariant WireReader::next(const FieldSpec &f)
{
    if (f.place == FieldSpec::Argument) {
        if (m_next >= m_arguments.size()) {
            fail(QStringLiteral("%1 is missing.").arg(fieldWord(f)));
            return {};
        }
        return m_arguments.at(m_next++);
    }
    QVariant v = m_options.take(QLatin1String(f.name));
    if (!v.isValid() && f.oldName)
        v = m_options.take(QLatin1String(f.oldName));
    return v; // a variant nested in the variant stays a QDBusVariant: the wrong type
}

template<class T> void WireReader::read(T &value, const FieldSpec &f, const char *what)
{
    const QVariant v = next(f);
    if (v.isValid() && !castTo(v, &value))
        wrongType(f, what);
}

void WireReader::operator()(QString &value, const FieldSpec &f) { read(value, f, "a string"); }
void WireReader::operator()(bool &value, const FieldSpec &f) { read(value, f, "a boolean"); }
void WireReader::operator()(DeviceSpec &value, const FieldSpec &f) { read(value, f, "a device (sst)"); }
void WireReader::operator()(DeviceSpecList &value, const FieldSpec &f) { read(value, f, "a list of devices a(sst)"); }

template<class T> void WireReader::readInteger(T &value, const FieldSpec &f)
{
    const QVariant v = next(f);
    if (!v.isValid())
        return;
    switch (v.metaType().id()) {
    case QMetaType::Int: case QMetaType::UInt: case QMetaType::LongLong: case QMetaType::ULongLong:
    case QMetaType::Short: case QMetaType::UShort: case QMetaType::UChar: {
        using Limits = std::numeric_limits<T>;
        const bool unsigned64 = v.metaType().id() == QMetaType::ULongLong;
        const quint64 u = v.toULongLong();
        const qlonglong n = v.toLongLong();
        const bool fits = unsigned64 ? u <= quint64(Limits::max()) : (n >= qlonglong(Limits::min()) && (n < 0 || quint64(n) <= quint64(Limits::max())));
        if (!fits)
            return fail(QStringLiteral("%1 is out of range.").arg(fieldWord(f)));
        value = unsigned64 ? T(u) : T(n);
        return;
    }
    default:
        return wrongType(f, "an integer");
    }
}

void WireReader::operator()(int &value, const FieldSpec &f) { readInteger(value, f); }
void WireReader::operator()(quint64 &value, const FieldSpec &f) { readInteger(value, f); }

Status WireReader::finish(const CommonOptions &common)
{
    if (m_status.ok() && m_next < m_arguments.size())
        fail(QStringLiteral("The request has %1 argument(s) too many.").arg(m_arguments.size() - m_next));
    if (m_status.ok() && !m_options.isEmpty())
        fail(QStringLiteral("Unknown option '%1'. Leave it out, or check its spelling.").arg(m_options.firstKey()));
    // The tag is echoed in a signal: keep it an identifier.
    static const QRegularExpression tagRe(QStringLiteral("^[A-Za-z0-9_.:-]{0,64}$"));
    if (!tagRe.match(common.tag).hasMatch())
        fail(QStringLiteral("Option 'tag' must be up to 64 letters, digits, '_', '.', ':' or '-'."));
    static const QRegularExpression uuidRe(QStringLiteral("^[0-9A-Fa-f:-]{0,64}$"));
    if (!uuidRe.match(common.arrayUuid).hasMatch())
        fail(QStringLiteral("Option 'array_uuid' must be a UUID, not '%1'.").arg(common.arrayUuid.left(64)));
    return m_status;
}

void WireReader::wrongType(const FieldSpec &f, const char *what)
{
    fail(QStringLiteral("%1 must be %2.").arg(fieldWord(f), QLatin1String(what)));
}

void WireReader::fail(const QString &message)
{
    if (m_status.ok())
        m_status = Status::failure(ErrorCode::Invalid, message);
}

void WireWriter::put(const FieldSpec &f, const QVariant &v)
{
    if (f.place == FieldSpec::Argument)
        m_arguments << v;
    else
        m_options.insert(QLatin1String(f.name), v);
}

namespace {
QJsonObject specJson(const DeviceSpec &d)
{
    return {{QStringLiteral("path"), d.path}, {QStringLiteral("identity"), d.identity}, {QStringLiteral("size"), qint64(d.sizeBytes)}};
}
DeviceSpec specFromJson(const QJsonObject &o)
{
    return {o.value(QStringLiteral("path")).toString(), o.value(QStringLiteral("identity")).toString(),
            quint64(o.value(QStringLiteral("size")).toInteger())};
}
} // namespace

void JsonWriter::operator()(const DeviceSpec &value, const FieldSpec &f)
{
    m_json.insert(QLatin1String(f.name), specJson(value));
}

void JsonWriter::operator()(const DeviceSpecList &value, const FieldSpec &f)
{
    QJsonArray a;
    for (const DeviceSpec &d : value)
        a.append(specJson(d));
    m_json.insert(QLatin1String(f.name), a);
}

void JsonReader::operator()(QString &value, const FieldSpec &f)
{
    value = m_json.value(QLatin1String(f.name)).toString(value);
}

void JsonReader::operator()(bool &value, const FieldSpec &f)
{
    value = m_json.value(QLatin1String(f.name)).toBool(value);
}

void JsonReader::operator()(int &value, const FieldSpec &f)
{
    value = m_json.value(QLatin1String(f.name)).toInt(value);
}

void JsonReader::operator()(quint64 &value, const FieldSpec &f)
{
    value = quint64(m_json.value(QLatin1String(f.name)).toInteger(qint64(value)));
}

void JsonReader::operator()(DeviceSpec &value, const FieldSpec &f)
{
    if (m_json.contains(QLatin1String(f.name)))
        value = specFromJson(m_json.value(QLatin1String(f.name)).toObject());
}

void JsonReader::operator()(DeviceSpecList &value, const FieldSpec &f)
{
    if (!m_json.contains(QLatin1String(f.name)))
        return;
    value.clear();
    for (const QJsonValue &d : m_json.value(QLatin1String(f.name)).toArray())
        value << specFromJson(d.toObject());
}

void ActionCollector::operator()(bool value, const FieldSpec &f)
{
    const QString erase = QLatin1String(polkitActions::erase);
    if (value && f.erases && !m_actions.contains(erase))
        m_actions << erase;
}

void ActionCollector::operator()(const QString &value, const FieldSpec &f)
{
    (*this)(!value.isEmpty(), f);
}

void WrittenCollector::operator()(const DeviceSpec &value, const FieldSpec &f)
{
    if (f.written && !value.isMissing())
        devices << value;
}

void WrittenCollector::operator()(const DeviceSpecList &value, const FieldSpec &f)
{
    for (const DeviceSpec &d : value)
        (*this)(d, f);
}

} // namespace plexus
