// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "requestcommandline.h"

#include "model/describe.h"

#include "engine/systemview.h"
#include "probe/blockprobe.h"

#include <QRegularExpression>

#include <KLocalizedString>

namespace plexus {

namespace {
bool isHidden(const FieldSpec &f) { return f.cli && QLatin1String(f.cli) == QLatin1String("-"); }
bool isPositional(const FieldSpec &f) { return f.cli && !*f.cli; }
QString placeholder(const FieldSpec &f) { return f.valueName ? QLatin1String(f.valueName) : QStringLiteral("VALUE"); }
// The help in the user's language (KLazyLocalizedString: looked up only now, when shown).
QString helpText(const FieldSpec &f) { return f.help.isEmpty() ? QString() : f.help.toString(); }
// The option's names: its own, then the one it had before (still accepted).
QStringList names(const FieldSpec &f, const QString &prefix = {})
{
    QStringList list{prefix + f.cliName()};
    if (f.oldName)
        list << prefix + QString(QLatin1String(f.oldName)).replace(QLatin1Char('_'), QLatin1Char('-'));
    return list;
}
} // namespace

void CommandLineSyntax::operator()(const bool &value, const FieldSpec &f)
{
    if (isHidden(f) || isPositional(f))
        return;
    // A flag that is on unless said otherwise: --no-wait.
    options << QCommandLineOption(names(f, value ? QStringLiteral("no-") : QString()), helpText(f));
}

void CommandLineSyntax::add(const FieldSpec &f, bool list)
{
    if (isHidden(f))
        return;
    if (isPositional(f)) {
        synopsis << placeholder(f);
        return;
    }
    options << QCommandLineOption(names(f), helpText(f), placeholder(f));
    const QString word = QStringLiteral("--%1 %2").arg(f.cliName(), placeholder(f));
    if (f.place == FieldSpec::Argument)
        synopsis << (list ? QStringLiteral("[%1]...").arg(word) : word);
}

CommandLineReader::CommandLineReader(const QCommandLineParser &parser, const QStringList &positional, const Snapshot &snapshot)
    : m_parser(parser), m_positional(positional), m_snapshot(snapshot)
{
}

QStringList CommandLineReader::words(const FieldSpec &f, bool list)
{
    if (isHidden(f))
        return {};
    if (isPositional(f)) {
        if (m_positional.isEmpty()) {
            if (m_usage.isEmpty())
                m_usage = i18nc("%1 is a command's argument (ARRAY, DEVICE, ...)", "%1 is missing", placeholder(f));
            return {};
        }
        if (list) {
            const QStringList rest = m_positional;
            m_positional.clear();
            return rest;
        }
        return {m_positional.takeFirst()};
    }
    return m_parser.values(f.cliName());
}

void CommandLineReader::operator()(QString &value, const FieldSpec &f)
{
    const QStringList w = words(f, false);
    if (w.isEmpty())
        return;
    value = w.last();
    if (!f.array)
        return;
    // "md0" -> "/dev/md0"; anything else as given (the helper checks it).
    static const QRegularExpression bare(QStringLiteral("^md[0-9]+$"));
    if (bare.match(value).hasMatch())
        value.prepend(QStringLiteral("/dev/"));
    // Ties the request to the array as we see it, so a renumbered mdN is refused.
    const QString name = kernelNameForDevicePath(QStringLiteral("/"), value);
    if (const Array *a = m_snapshot.array(name); a && !a->uuid.isEmpty())
        m_arrayUuid = a->uuid;
}

void CommandLineReader::operator()(bool &value, const FieldSpec &f)
{
    if (isHidden(f))
        return;
    if (value && m_parser.isSet(QStringLiteral("no-") + f.cliName()))
        value = false;
    else if (!value && m_parser.isSet(f.cliName()))
        value = true;
}

void CommandLineReader::operator()(int &value, const FieldSpec &f)
{
    const QStringList w = words(f, false);
    if (w.isEmpty())
        return;
    bool ok = false;
    value = w.last().toInt(&ok);
    if (!ok && m_usage.isEmpty())
        m_usage = i18nc("--%1 is an option, %2 what was given", "--%1 wants a number, not '%2'", f.cliName(), w.last());
}

void CommandLineReader::operator()(quint64 &value, const FieldSpec &f)
{
    const QStringList w = words(f, false);
    if (w.isEmpty())
        return;
    const std::optional<quint64> bytes = parseSize(w.last());
    if (!bytes) {
        if (m_usage.isEmpty())
            m_usage = i18nc("--%1 is an option, %2 what was given; keep the sizes as written (512M, ...)", "--%1 wants a size such as 512M, 20G or 1.5T, not '%2'",
                            f.cliName(), w.last());
        return;
    }
    value = *bytes;
}

void CommandLineReader::operator()(DeviceSpec &value, const FieldSpec &f)
{
    const QStringList w = words(f, false);
    if (!w.isEmpty())
        value = spec(w.last());
}

void CommandLineReader::operator()(DeviceSpecList &value, const FieldSpec &f)
{
    for (const QString &path : words(f, true))
        value << spec(path);
}

QString CommandLineReader::usage() const
{
    if (!m_usage.isEmpty())
        return m_usage;
    if (!m_positional.isEmpty())
        return i18nc("%1 is the arguments left over", "too many arguments: %1", m_positional.join(QLatin1Char(' ')));
    return {};
}

} // namespace plexus
