// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "plan.h"

#include <QRegularExpression>

namespace plexus {

QString shellQuote(const QString &arg)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_./:=,+@%-]+$"));
    if (!arg.isEmpty() && safe.match(arg).hasMatch())
        return arg;
    QString quoted = arg;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString shellJoin(const QStringList &args)
{
    QStringList out;
    for (const QString &a : args)
        out << shellQuote(a);
    return out.join(QLatin1Char(' '));
}

QString Step::preview() const
{
    QString p = shellJoin(command);
    if (!commandNote.isEmpty())
        p += QLatin1Char(' ') + commandNote;
    return p;
}

Step &Step::changesNothing()
{
    undo = [] { return QList<Step>(); };
    return *this;
}

QString Step::undoWords() const
{
    if (!undo)
        return QStringLiteral("cannot be undone: %1").arg(cannotUndo.isEmpty() ? QStringLiteral("Plexus does not know how to undo it") : cannotUndo);
    const QList<Step> steps = undo();
    if (steps.isEmpty())
        return QStringLiteral("nothing to undo");
    QStringList words;
    for (const Step &s : steps)
        words << s.description;
    return QStringLiteral("undo: ") + words.join(QStringLiteral("; "));
}

QStringList Plan::descriptions() const
{
    QStringList out;
    for (const Step &s : steps)
        out << s.description;
    return out;
}

QStringList Plan::previews() const
{
    QStringList out;
    for (const Step &s : steps)
        out << s.preview();
    return out;
}

QString Plan::toText() const
{
    QString text = summary + QLatin1Char('\n');
    for (const QString &n : notes)
        text += QStringLiteral("  note: %1\n").arg(n);
    for (int i = 0; i < steps.size(); ++i)
        text += QStringLiteral("  %1. %2\n       $ %3\n").arg(i + 1).arg(steps[i].description, steps[i].preview());
    return text;
}

} // namespace plexus
