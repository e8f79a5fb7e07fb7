// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// A time limit for the tools a thread runs where we cannot hold the process
// (libblockdev spawns and waits itself): when the limit passes, every child
// process this thread started is killed, so the call returns and the job ends
// instead of holding the one job slot forever.

#include <condition_variable>
#include <mutex>
#include <thread>
#include <sys/types.h>

namespace plexus {

class ToolWatchdog
{
public:
    explicit ToolWatchdog(int seconds);
    ~ToolWatchdog(); // stops watching
    ToolWatchdog(const ToolWatchdog &) = delete;
    ToolWatchdog &operator=(const ToolWatchdog &) = delete;
    bool fired() const; // the limit passed and the children were killed

private:
    const pid_t m_tid;     // the watched thread (the tools' parent)
    mutable std::mutex m_mutex;
    std::condition_variable m_stop;
    bool m_done = false;
    bool m_fired = false;
    std::thread m_timer;
};

} // namespace plexus
