// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "textedits.h"

#include <QMap>
#include <QList>
#include <QRegularExpression>

#include <optional>

namespace plexus {

QByteArray mergeMdadmConf(const QByteArray &conf, const QByteArray &scan, const QString &stamp)
{
    // Only ARRAY lines (and their indented continuations) are taken from the
    // scan: whatever else it might print never lands in the configuration.
    QList<QByteArray> newArrays;
    bool inScanArray = false;
    for (const QByteArray &line : scan.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const bool continuation = line[0] == ' ' || line[0] == '\t';
        if (line.startsWith("ARRAY ") || (continuation && inScanArray)) {
            newArrays << line;
            inScanArray = true;
        } else {
            inScanArray = false;
        }
    }
    const QByteArray header = "# ARRAY lines written by Plexus (mdadm --detail --scan) on " + stamp.toUtf8();

    QList<QByteArray> out;
    bool inserted = false;
    bool inArray = false;
    QList<QByteArray> lines = conf.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    for (const QByteArray &line : lines) {
        const bool continuation = !line.isEmpty() && (line[0] == ' ' || line[0] == '\t');
        if (inArray && continuation)
            continue;
        inArray = false;
        if (line.startsWith("ARRAY") && (line.size() == 5 || line[5] == ' ' || line[5] == '\t')) {
            inArray = true;
            if (!inserted) {
                out << header;
                out << newArrays;
                inserted = true;
            }
            continue;
        }
        if (line.startsWith("# ARRAY lines written by Plexus"))
            continue;
        out << line;
    }
    if (!inserted) {
        if (!out.isEmpty() && !out.last().trimmed().isEmpty())
            out << QByteArray();
        out << header;
        out << newArrays;
    }
    QByteArray result;
    for (const QByteArray &l : out)
        result += l + '\n';
    return result;
}

QByteArray sanitizeSfdiskDump(const QByteArray &dump)
{
    static const QRegularExpression uuidField(QStringLiteral(",\\s*uuid=[0-9A-Fa-f-]+"));
    QByteArray out;
    for (const QByteArray &line : dump.split('\n')) {
        if (line.startsWith("label-id:") || line.startsWith("device:") || line.startsWith("last-lba:"))
            continue;
        QString text = QString::fromUtf8(line);
        if (text.contains(QLatin1String(" : ")))
            text.remove(uuidField);
        out += text.toUtf8() + '\n';
    }
    while (out.endsWith("\n\n"))
        out.chop(1);
    return out;
}

namespace {

// fstab's escapes: \040 for a space, \011 a tab, \134 a backslash, ...
QString unescapeFstabField(const QByteArray &field)
{
    QByteArray out;
    for (int i = 0; i < field.size(); ++i) {
        if (field[i] == '\\' && i + 3 < field.size()) {
            const QByteArray digits = field.mid(i + 1, 3);
            bool ok = false;
            const int c = digits.toInt(&ok, 8);
            if (ok && digits.size() == 3 && c < 256) {
                out += char(c);
                i += 3;
                continue;
            }
        }
        out += field[i];
    }
    return QString::fromUtf8(out);
}

// The entry on `line`, or none (a comment, a blank line, fewer than two fields).
std::optional<FstabEntry> parseFstabLine(const QByteArray &line)
{
    const QByteArray text = line.trimmed();
    if (text.isEmpty() || text.startsWith('#'))
        return std::nullopt;
    const QList<QByteArray> fields = text.simplified().split(' ');
    if (fields.size() < 2)
        return std::nullopt;
    FstabEntry e;
    e.source = unescapeFstabField(fields[0]);
    e.mountPoint = unescapeFstabField(fields[1]);
    if (fields.size() > 2)
        e.type = unescapeFstabField(fields[2]);
    e.line = QString::fromUtf8(line);
    return e;
}

} // namespace

QList<FstabEntry> fstabEntries(const QByteArray &fstab)
{
    QList<FstabEntry> entries;
    for (const QByteArray &line : fstab.split('\n'))
        if (const std::optional<FstabEntry> e = parseFstabLine(line))
            entries << *e;
    return entries;
}

bool fstabSourceIsOneOf(const QString &source, const QStringList &names)
{
    for (const QString &n : names) {
        if (n.isEmpty())
            continue;
        const bool byUuid = n.startsWith(QLatin1String("UUID="));
        if (source.compare(n, byUuid ? Qt::CaseInsensitive : Qt::CaseSensitive) == 0)
            return true;
    }
    return false;
}

QByteArray appendFstabLine(const QByteArray &fstab, const QByteArray &line)
{
    QByteArray out = fstab;
    if (!out.isEmpty() && !out.endsWith('\n'))
        out += '\n';
    return out + line + '\n';
}

namespace {

// Each line of `fstab` (with its own end, so the last line keeps or lacks its
// newline) replaced by what `edit` makes of it and its entry (none for comments).
QByteArray editFstabLines(const QByteArray &fstab, const std::function<QByteArray(const QByteArray &, const std::optional<FstabEntry> &)> &edit)
{
    QByteArray out;
    qsizetype start = 0;
    while (start < fstab.size()) {
        qsizetype end = fstab.indexOf('\n', start);
        end = end < 0 ? fstab.size() : end + 1;
        const QByteArray line = fstab.mid(start, end - start);
        out += edit(line, parseFstabLine(line.endsWith('\n') ? line.chopped(1) : line));
        start = end;
    }
    return out;
}

} // namespace

QByteArray removeFstabEntries(const QByteArray &fstab, const std::function<bool(const FstabEntry &)> &matches)
{
    return editFstabLines(fstab, [&](const QByteArray &line, const std::optional<FstabEntry> &e) { return e && matches(*e) ? QByteArray() : line; });
}

QByteArray rewriteFstabSources(const QByteArray &fstab, const std::function<QString(const FstabEntry &)> &newSource)
{
    return editFstabLines(fstab, [&](const QByteArray &line, const std::optional<FstabEntry> &e) {
        const QString source = e ? newSource(*e) : QString();
        if (source.isEmpty())
            return line;
        // The first field, after any indentation, gives way; the rest of the line stays as written.
        qsizetype begin = 0;
        while (begin < line.size() && (line[begin] == ' ' || line[begin] == '\t'))
            ++begin;
        qsizetype end = begin;
        while (end < line.size() && line[end] != ' ' && line[end] != '\t')
            ++end;
        return line.left(begin) + source.toUtf8() + line.mid(end);
    });
}

QByteArray replaceUuids(const QByteArray &text, const QMap<QString, QString> &uuids)
{
    QString out = QString::fromUtf8(text);
    for (auto it = uuids.begin(); it != uuids.end(); ++it)
        out.replace(QStringLiteral("UUID=") + it.key(), QStringLiteral("UUID=") + it.value(), Qt::CaseInsensitive);
    return out.toUtf8();
}

QByteArray raidTypedDump(const QByteArray &dump, const QList<int> &numbers)
{
    static const QRegularExpression typeField(QStringLiteral("type=[0-9A-Za-z-]+"));
    static const QRegularExpression number(QStringLiteral("(\\d+)\\s*:"));
    const bool gpt = dump.contains("label: gpt");
    const QString raid = gpt ? QStringLiteral("type=A19D880F-05FC-4D3B-A006-743F0F84911E") : QStringLiteral("type=fd");
    QByteArray out;
    for (const QByteArray &line : dump.split('\n')) {
        QString text = QString::fromUtf8(line);
        const QRegularExpressionMatch m = number.match(text);
        if (text.contains(QLatin1String(" : ")) && m.hasMatch() && numbers.contains(m.captured(1).toInt()))
            text.replace(typeField, raid);
        out += text.toUtf8() + '\n';
    }
    out.chop(1);
    return out;
}

} // namespace plexus
