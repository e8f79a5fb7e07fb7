// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// plexus-bench-scale DISKS ARRAYS [EVENTS]: the real window on a generated
// machine (MachineTree::describeLargeMachine), offscreen, for tools/bench/scale.
// Prints one line:
//   scale: D disks, A arrays: populated in X ms; a failure shown in median Y ms,
//   worst Z ms over N; a progress tick in median T ms, worst U ms over M; a disk
//   arriving in ...; painting the whole window P ms; window R MiB
// A failure is one change in the tree followed by what md's notifications of
// it make the watcher do (MdWatcher::notified(): a fixture's regular files
// never signal), a tick one step of a rebuild and the watcher's progress timer
// (progressTick()), a disk arriving a new disk in the tree and udev's word of
// it (deviceCameOrWent()), each until the window's snapshot has it and the
// window has painted what changed. Each figure is the main thread's CPU time
// (the work done, not the wait for the next frame's paint).
#include "machinetree.h"
#include "mainwindow.h"
#include "monitor/mdwatcher.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QWindow>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>

using namespace plexus;

namespace {

// Turns the event loop until `done`, for at most 20 s; false when it never was.
bool until(const std::function<bool()> &done)
{
    const QDeadlineTimer deadline(20000);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

// Lets the watcher's coalescing window (30 ms after a report) pass, as it
// has between a machine's events: a change inside it waits for its end.
void quiet()
{
    QDeadlineTimer settle(100);
    while (!settle.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return 0;
}

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// The main thread's CPU time, in ms.
double cpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// Counts the window's paints: the repaint manager paints and flushes what is
// dirty when the top-level widget gets an UpdateRequest.
class PaintCounter : public QObject
{
public:
    explicit PaintCounter(QWidget *window) : m_window(window) { window->installEventFilter(this); }
    int paints = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_window && event->type() == QEvent::UpdateRequest)
            ++paints;
        return false;
    }

private:
    QWidget *m_window;
};

// Turns the loop until the window has painted since `before` (the UpdateRequest
// filtered above is handled within the same processEvents()).
bool paintedSince(const PaintCounter &counter, int before)
{
    return until([&] { return counter.paints > before; });
}

QString figures(QList<double> xs)
{
    if (xs.isEmpty())
        return QStringLiteral("no samples");
    std::sort(xs.begin(), xs.end());
    return QStringLiteral("median %1 ms, worst %2 ms over %3").arg(xs.at(xs.size() / 2), 0, 'f', 1).arg(xs.last(), 0, 'f', 1).arg(xs.size());
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: plexus-bench-scale DISKS ARRAYS [EVENTS]\n");
        return 2;
    }
    const int diskCount = args[1].toInt(), arrayCount = args[2].toInt();
    const int events = args.size() > 3 ? args[3].toInt() : 20;
    if (diskCount < 2 || arrayCount < 1 || arrayCount > diskCount / 2 || events < 1) {
        std::fprintf(stderr, "plexus-bench-scale: need at least two disks per array and one event\n");
        return 2;
    }
    QTemporaryDir dir;
    MachineTree tree(dir.path());
    QList<MachineTree::Disk> disks;
    QList<MachineTree::Array> arrays;
    MachineTree::describeLargeMachine(diskCount, arrayCount, &disks, &arrays);
    tree.build(disks, arrays);

    QElapsedTimer clock;
    clock.start();
    MainWindow w(dir.path());
    w.resize(1280, 900);
    w.show();
    if (!until([&] { return w.windowHandle() && w.windowHandle()->isExposed(); }))
        return 1;
    for (int turn = 0; turn < 6; ++turn) // the layouts settle, a turn per level
        QCoreApplication::processEvents();
    w.repaint();
    const double populated = ms(clock);
    if (w.snapshot()->arrays.size() != arrayCount) {
        std::fprintf(stderr, "plexus-bench-scale: the window shows %lld arrays, not %d\n", static_cast<long long>(w.snapshot()->arrays.size()), arrayCount);
        return 1;
    }

    // Painting the whole window once, what every figure below includes: the
    // floor under them, whatever the change.
    QList<double> repaints;
    for (int i = 0; i < 5; ++i) {
        clock.restart();
        w.repaint();
        repaints << ms(clock);
    }

    // Failures: one member of one array after another (each array's first member).
    PaintCounter paints(&w);
    QList<double> failures;
    for (int i = 0; i < events; ++i) {
        const MachineTree::Array &a = arrays.at(i % arrayCount);
        const QString member = a.members.at((i / arrayCount) % a.members.size()).device;
        quiet();
        tree.failMember(a.name, member);
        const double start = cpuMs();
        const int paintsBefore = paints.paints;
        // What md notifies when a member fails: its state, the array's degraded, mdstat.
        const QString md = dir.path() + QStringLiteral("/sys/block/") + a.name + QStringLiteral("/md/");
        w.watcher()->notified(md + QStringLiteral("dev-") + member + QStringLiteral("/state"));
        w.watcher()->notified(md + QStringLiteral("degraded"));
        w.watcher()->notified(dir.path() + QStringLiteral("/proc/mdstat"));
        const bool shown = until([&] {
            const Array *seen = w.snapshot()->array(a.name);
            const Member *m = seen ? seen->member(member) : nullptr;
            return m && m->faulty;
        });
        if (!shown || !paintedSince(paints, paintsBefore)) {
            std::fprintf(stderr, "plexus-bench-scale: %s of %s never showed as failed\n", qPrintable(member), qPrintable(a.name));
            return 1;
        }
        failures << cpuMs() - start;
    }

    // Progress: a rebuild of the last array moving on, tick by tick.
    const QString syncing = arrays.last().name;
    const qint64 total = Q_INT64_C(3900000000);
    tree.startSync(syncing, QStringLiteral("recover"), 0, total, 190000);
    w.watcher()->refresh();
    if (!until([&] { return w.snapshot()->array(syncing) && w.snapshot()->array(syncing)->sync; }))
        return 1;
    QList<double> ticks;
    for (int i = 1; i <= events; ++i) {
        const qint64 done = total / (events + 1) * i;
        quiet();
        tree.advanceSync(syncing, done);
        const double start = cpuMs();
        const int paintsBefore = paints.paints;
        w.watcher()->progressTick();
        const bool shown = until([&] {
            const Array *seen = w.snapshot()->array(syncing);
            return seen && seen->sync && seen->sync->doneKib.value_or(-1) == done;
        });
        if (!shown || !paintedSince(paints, paintsBefore)) {
            std::fprintf(stderr, "plexus-bench-scale: a tick never showed\n");
            return 1;
        }
        ticks << cpuMs() - start;
    }

    // Disks arriving, one after another (a new disk with a partition each time).
    QList<double> arrivals;
    for (int i = 0; i < events; ++i) {
        const QString name = QStringLiteral("sdzz%1").arg(QChar(u'a' + i % 26)) + QString(QChar(u'a' + i / 26));
        quiet();
        tree.addDisk(MachineTree::disk(name, 4000, {MachineTree::Partition{name + QLatin1Char('1'), 1, 4096, QStringLiteral("ext4"), {}}}));
        const double start = cpuMs();
        const int paintsBefore = paints.paints;
        w.watcher()->deviceCameOrWent(name);
        w.watcher()->deviceCameOrWent(name + QLatin1Char('1'));
        const bool shown = until([&] { return w.snapshot()->disk(name) != nullptr; });
        if (!shown || !paintedSince(paints, paintsBefore)) {
            std::fprintf(stderr, "plexus-bench-scale: disk %s never showed\n", qPrintable(name));
            return 1;
        }
        arrivals << cpuMs() - start;
    }

    std::sort(repaints.begin(), repaints.end());
    std::printf("scale: %d disks, %d arrays: populated in %.0f ms; a failure shown in %s; a progress tick in %s; "
                "a disk arriving in %s; painting the whole window %.0f ms; window %lld MiB\n",
                diskCount, arrayCount, populated, qPrintable(figures(failures)), qPrintable(figures(ticks)), qPrintable(figures(arrivals)),
                repaints.at(repaints.size() / 2),
                static_cast<long long>(residentKiB() / 1024));
    return 0;
}
