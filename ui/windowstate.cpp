// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "windowstate.h"

#include <KWindowConfig>
#include <KWindowStateSaver>
#include <QEvent>
#include <QMainWindow>
#include <QSplitter>
#include <QWindow>

namespace plexus {

namespace {

QString splitterKey(const QSplitter *splitter)
{
    return QStringLiteral("Splitter %1").arg(splitter->objectName());
}

QList<QSplitter *> namedSplitters(QMainWindow *window)
{
    QList<QSplitter *> named;
    for (QSplitter *splitter : window->findChildren<QSplitter *>())
        if (!splitter->objectName().isEmpty())
            named << splitter;
    return named;
}

// Writes the splitters' positions as the window closes (a drag moves them
// many times a second: once is enough), and the whole group to disk (its
// saver would wait up to 30 s).
class SplitterSaver : public QObject
{
public:
    SplitterSaver(QMainWindow *window, const KConfigGroup &group) : QObject(window), m_window(window), m_group(group)
    {
        window->installEventFilter(this);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_window && event->type() == QEvent::Close) {
            // KWindowStateSaver writes the size as QWindow signals it changed;
            // the offscreen platform's windows did not (tst_mainwindow): once more here.
            if (m_window->windowHandle())
                KWindowConfig::saveWindowSize(m_window->windowHandle(), m_group);
            for (const QSplitter *splitter : namedSplitters(m_window))
                m_group.writeEntry(splitterKey(splitter), splitter->saveState());
            m_group.sync();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QMainWindow *m_window;
    KConfigGroup m_group;
};

} // namespace

void rememberWindowState(QMainWindow *window, const KConfigGroup &group)
{
    new KWindowStateSaver(window, group);
    for (QSplitter *splitter : namedSplitters(window)) {
        const QByteArray saved = group.readEntry(splitterKey(splitter), QByteArray());
        if (!saved.isEmpty())
            splitter->restoreState(saved);
    }
    new SplitterSaver(window, group);
}

} // namespace plexus
