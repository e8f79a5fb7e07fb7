// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "textedits.h"

#include <QList>
#include <QRegularExpression>

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

} // namespace plexus
