// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "wire.h"

#include <KLocalizedString>

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

// "Argument 'array'", "Option 'chunk_kib'": the start of a refusal.
QString fieldWord(const FieldSpec &f)
{
    const QString name = QLatin1String(f.name);
    return f.place == FieldSpec::Argument ? i18nc("the start of a refusal; %1 a request argument's name", "Argument '%1'", name)
                                          : i18nc("the start of a refusal; %1 a request option's name", "Option '%1'", name);
}

// The D-Bus type a field wants, in words; `what` is the fixed key its reader passes.
QString typeWords(const char *what)
{
    const QLatin1String w(what);
    if (w == QLatin1String("a string"))
        return i18nc("a request field's type", "a string");
    if (w == QLatin1String("a boolean"))
        return i18nc("a request field's type", "a boolean");
    if (w == QLatin1String("a device (sst)"))
        return i18nc("a request field's type; (sst) its D-Bus signature", "a device (sst)");
    if (w == QLatin1String("a list of devices a(sst)"))
        return i18nc("a request field's type; a(sst) its D-Bus signature", "a list of devices a(sst)");
    if (w == QLatin1String("an integer"))
        return i18nc("a request field's type", "an integer");
    return w;
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
        fail(i18n("The request has no options map (a{sv}) as its last argument."));
}

QVariant WireReader::next(const FieldSpec &f)
{
    if (f.place == FieldSpec::Argument) {
        if (m_next >= m_arguments.size()) {
            fail(i18nc("%1 'Argument 'name''", "%1 is missing.", fieldWord(f)));
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
            return fail(i18nc("%1 'Option 'name''", "%1 is out of range.", fieldWord(f)));
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
        fail(i18np("The request has %1 argument too many.", "The request has %1 arguments too many.", int(m_arguments.size() - m_next)));
    if (m_status.ok() && !m_options.isEmpty())
        fail(i18n("Unknown option '%1'. Leave it out, or check its spelling.", m_options.firstKey()));
    // The tag is echoed in a signal: keep it an identifier.
    static const QRegularExpression tagRe(QStringLiteral("^[A-Za-z0-9_.:-]{0,64}$"));
    if (!tagRe.match(common.tag).hasMatch())
        fail(i18n("Option 'tag' must be up to 64 letters, digits, '_', '.', ':' or '-'."));
    static const QRegularExpression uuidRe(QStringLiteral("^[0-9A-Fa-f:-]{0,64}$"));
    if (!uuidRe.match(common.arrayUuid).hasMatch())
        fail(i18n("Option 'array_uuid' must be a UUID, not '%1'.", common.arrayUuid.left(64)));
    return m_status;
}

void WireReader::wrongType(const FieldSpec &f, const char *what)
{
    fail(i18nc("%1 'Option 'name'', %2 a type such as 'a string'", "%1 must be %2.", fieldWord(f), typeWords(what)));
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
