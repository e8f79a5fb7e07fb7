// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// A request's fields on plexusctl's command line, read from the request's own
// field list (engine/ops/field.h): method arguments are positional words or
// --NAME options as the field says, options are --NAME flags or --NAME VALUE
// (--no-NAME for a flag that is on by default). Devices are named by path and
// sent with the identity and size plexusctl sees now; arrays may be given as
// "md0" and are pinned to the UUID they have now.

#include "engine/devicespec.h"
#include "engine/ops/field.h"
#include "model/snapshot.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QStringList>

namespace plexus {

// Collects the options and the synopsis ("ARRAY OLD NEW") of a request type.
class CommandLineSyntax
{
public:
    void operator()(const bool &value, const FieldSpec &f);
    template<class T> void operator()(const T &value, const FieldSpec &f)
    {
        Q_UNUSED(value);
        add(f, std::is_same_v<T, DeviceSpecList>);
    }

    QList<QCommandLineOption> options;
    QStringList synopsis;

private:
    void add(const FieldSpec &f, bool list);
};

// Fills a request from a parsed command line; usage() says what was wrong.
class CommandLineReader
{
public:
    CommandLineReader(const QCommandLineParser &parser, const QStringList &positional, const Snapshot &snapshot);

    void operator()(QString &value, const FieldSpec &f);
    void operator()(bool &value, const FieldSpec &f);
    void operator()(int &value, const FieldSpec &f);
    void operator()(quint64 &value, const FieldSpec &f); // a size: 4096, 512K, 100M, 1.5G, 2T
    void operator()(DeviceSpec &value, const FieldSpec &f);
    void operator()(DeviceSpecList &value, const FieldSpec &f);

    // After the visit: the UUID of the array named, to pin the request to.
    QString arrayUuid() const { return m_arrayUuid; }
    // Empty when the command line was right; else what to tell the user.
    QString usage() const;

private:
    QStringList words(const FieldSpec &f, bool list); // the field's words from the command line
    DeviceSpec spec(const QString &path) const { return deviceSpecFor(m_snapshot, path); }

    const QCommandLineParser &m_parser;
    QStringList m_positional;
    const Snapshot &m_snapshot;
    QString m_arrayUuid;
    QString m_usage;
};

} // namespace plexus
