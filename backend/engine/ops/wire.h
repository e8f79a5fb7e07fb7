// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// A request on the wire, read from and written to its one field list (field.h):
// the D-Bus in-arguments (the method's arguments, then the a{sv} options), and a
// JSON record for the journal. The reader is strict: an unknown option, or one of
// the wrong type (a variant nested in the variant included), is refused with
// Invalid, never coerced.

#include "engine/devicespec.h"
#include "engine/status.h"
#include "field.h"

#include <QJsonObject>
#include <QVariantList>
#include <QVariantMap>

namespace plexus {

class WireReader
{
public:
    // `arguments`: the method's in-arguments as D-Bus delivers them; the last is the a{sv}.
    explicit WireReader(const QVariantList &arguments);

    void operator()(QString &value, const FieldSpec &f);
    void operator()(bool &value, const FieldSpec &f);
    void operator()(int &value, const FieldSpec &f);
    void operator()(quint64 &value, const FieldSpec &f); // sizes in bytes
    void operator()(DeviceSpec &value, const FieldSpec &f);
    void operator()(DeviceSpecList &value, const FieldSpec &f);

    // After the visit: what is left over, or any field that did not read.
    Status finish(const CommonOptions &common);

private:
    QVariant next(const FieldSpec &f);   // the next argument, or the option
    template<class T> void read(T &value, const FieldSpec &f, const char *what); // exactly a T, or refused
    // Any D-Bus integer type ('i', 'u', 'x', 't', ...) whose value fits a T; else refused.
    template<class T> void readInteger(T &value, const FieldSpec &f);
    void wrongType(const FieldSpec &f, const char *what);
    void fail(const QString &message);

    QVariantList m_arguments;
    int m_next = 0;
    QVariantMap m_options;
    bool m_hasOptions = false;
    Status m_status;
};

class WireWriter
{
public:
    void operator()(const QString &value, const FieldSpec &f) { put(f, value); }
    void operator()(bool value, const FieldSpec &f) { put(f, value); }
    void operator()(int value, const FieldSpec &f) { put(f, value); }
    void operator()(quint64 value, const FieldSpec &f) { put(f, value); }
    void operator()(const DeviceSpec &value, const FieldSpec &f) { put(f, QVariant::fromValue(value)); }
    void operator()(const DeviceSpecList &value, const FieldSpec &f) { put(f, QVariant::fromValue(value)); }

    QVariantList arguments() const { return m_arguments + QVariantList{m_options}; }

private:
    void put(const FieldSpec &f, const QVariant &v);
    QVariantList m_arguments;
    QVariantMap m_options;
};

// The request as the journal records it: {"array": "/dev/md0", "members": [{path, identity, size}], ...}.
class JsonWriter
{
public:
    void operator()(const QString &value, const FieldSpec &f) { m_json.insert(QLatin1String(f.name), value); }
    void operator()(bool value, const FieldSpec &f) { m_json.insert(QLatin1String(f.name), value); }
    void operator()(int value, const FieldSpec &f) { m_json.insert(QLatin1String(f.name), value); }
    void operator()(quint64 value, const FieldSpec &f) { m_json.insert(QLatin1String(f.name), qint64(value)); }
    void operator()(const DeviceSpec &value, const FieldSpec &f);
    void operator()(const DeviceSpecList &value, const FieldSpec &f);

    QJsonObject json() const { return m_json; }

private:
    QJsonObject m_json;
};

// The journal's record read back (to rebuild an unfinished plan). The journal is
// root's own: a field it lacks keeps its default.
class JsonReader
{
public:
    explicit JsonReader(QJsonObject json) : m_json(std::move(json)) {}
    void operator()(QString &value, const FieldSpec &f);
    void operator()(bool &value, const FieldSpec &f);
    void operator()(int &value, const FieldSpec &f);
    void operator()(quint64 &value, const FieldSpec &f);
    void operator()(DeviceSpec &value, const FieldSpec &f);
    void operator()(DeviceSpecList &value, const FieldSpec &f);

private:
    QJsonObject m_json;
};

// The polkit actions a parsed request needs: the operation's own, and erase
// when a field that destroys data is set.
class ActionCollector
{
public:
    explicit ActionCollector(const OperationInfo &info) : m_actions{QLatin1String(info.action)}
    {
        if (info.alsoAction)
            m_actions << QLatin1String(info.alsoAction);
    }
    template<class T> void operator()(const T &, const FieldSpec &) {}
    void operator()(bool value, const FieldSpec &f);
    void operator()(const QString &value, const FieldSpec &f); // set (not empty): as a bool that is true

    QStringList actions() const { return m_actions; }

private:
    QStringList m_actions;
};

// The devices named by fields that the request writes over (for the GUI's review).
class WrittenCollector
{
public:
    template<class T> void operator()(const T &, const FieldSpec &) {}
    void operator()(const DeviceSpec &value, const FieldSpec &f);
    void operator()(const DeviceSpecList &value, const FieldSpec &f);

    DeviceSpecList devices;
};

} // namespace plexus
