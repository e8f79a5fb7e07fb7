// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#include "toolwatchdog.h"

#include <QFile>
#include <QList>

#include <csignal>
#include <unistd.h>

namespace plexus {

namespace {

// The processes `tid` started (the kernel's list, /proc/self/task/TID/children).
void killChildrenOf(pid_t tid)
{
    QFile f(QStringLiteral("/proc/self/task/%1/children").arg(tid));
    if (!f.open(QIODevice::ReadOnly))
        return;
    for (const QByteArray &word : f.readAll().simplified().split(' ')) {
        bool ok = false;
        const pid_t pid = word.toInt(&ok);
        if (ok && pid > 0)
            ::kill(pid, SIGKILL);
    }
}

} // namespace

ToolWatchdog::ToolWatchdog(int seconds)
    : m_tid(::gettid()), m_timer([this, seconds] {
          std::unique_lock lock(m_mutex);
          if (m_stop.wait_for(lock, std::chrono::seconds(seconds), [this] { return m_done; }))
              return;
          m_fired = true;
          killChildrenOf(m_tid);
      })
{
}

ToolWatchdog::~ToolWatchdog()
{
    {
        std::lock_guard lock(m_mutex);
        m_done = true;
    }
    m_stop.notify_all();
    m_timer.join();
}

bool ToolWatchdog::fired() const
{
    std::lock_guard lock(m_mutex);
    return m_fired;
}

} // namespace plexus
