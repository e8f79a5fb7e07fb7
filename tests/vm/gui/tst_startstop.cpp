// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// Arrays that are not running, started and stopped in the real window against
// the real plexus-helper, by a user who is not root: the members' superblocks
// come from the helper's MdSuperblocks(). Built here, run only inside a VM by
// tests/vm/gui_start_stop.sh, one test function per window (root prepares the
// disks between them): startInactive, stopInactive, keepHalf, followJob.
#include "guisession.h"
#include "mainwindow.h"
#include "operations/actionlauncher.h"
#include "operations/memberactions.h"
#include "operations/reviewdialog.h"
#include "operations/steplist.h"
#include "operations/unfinishedbanner.h"

#include <QTest>
#include <unistd.h>

using namespace plexus;
using namespace plexus::guisession;

namespace {

std::optional<ArrayAction> actionOn(const MainWindow &w, const Selectable &item, const QString &id)
{
    for (const ArrayAction &a : actionsFor(w.planningContext(), item))
        if (a.id == id)
            return a;
    return std::nullopt;
}

} // namespace

class TestStartStop : public QObject
{
    Q_OBJECT

    MainWindow *w = nullptr;
    ReviewDialog *lastReview = nullptr;

    // The array md holds inactive (incremental assembly waiting for a member).
    QString inactiveArray() const
    {
        for (const Array &a : w->planningContext().snapshot->arrays)
            if (a.state == ArrayState::Inactive)
                return a.name;
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(geteuid() != 0, "run it as a user who is not root: the superblocks must come through the helper");
        w = new MainWindow(QStringLiteral("/"));
        w->resize(1280, 900);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        connect(w, &MainWindow::reviewOpened, this, [this](ReviewDialog *d) { lastReview = d; });
    }

    void startInactive()
    {
        const QString md = inactiveArray();
        QVERIFY(!md.isEmpty());
        QVERIFY(w->actions()->trigger(Selectable::array(md), QStringLiteral("start")));
        QVERIFY(lastReview);
        QCOMPARE(lastReview->commandsText(), QStringLiteral("mdadm --run /dev/%1").arg(md));
        QVERIFY(lastReview->operation().plan.notes.join(QLatin1Char(' ')).contains(QStringLiteral("runs degraded until they are added again")));
        QVERIFY(runReview(lastReview, QStringLiteral("vm-review-start-inactive.png")));
        QTRY_VERIFY_WITH_TIMEOUT(w->planningContext().snapshot->array(md) && w->planningContext().snapshot->array(md)->state != ArrayState::Inactive, 20000);
        QVERIFY(w->planningContext().snapshot->array(md)->degraded);
    }

    void stopInactive()
    {
        const QString md = inactiveArray();
        QVERIFY(!md.isEmpty());
        const auto stop = actionOn(*w, Selectable::array(md), QStringLiteral("stop"));
        QVERIFY(stop && stop->enabled);
        QCOMPARE(stop->text, QStringLiteral("Stop inactive array"));
        QVERIFY(w->actions()->trigger(Selectable::array(md), QStringLiteral("stop")));
        QVERIFY(runReview(lastReview));
        QTRY_VERIFY_WITH_TIMEOUT(!w->planningContext().snapshot->array(md), 20000);
    }

    // vda and vdb each ran without the other: the helper's superblocks say so.
    void keepHalf()
    {
        const Selectable vda = Selectable::disk(QStringLiteral("vda")), vdb = Selectable::disk(QStringLiteral("vdb"));
        // Refused together, with both histories, once the helper has answered.
        QTRY_VERIFY_WITH_TIMEOUT(actionOn(*w, vdb, QStringLiteral("keepHalf")).has_value(), 20000);
        const auto start = actionOn(*w, vda, QStringLiteral("startStopped"));
        QVERIFY(start && !start->enabled);
        QVERIFY2(start->reason.startsWith(QStringLiteral("Split brain: /dev/vda and /dev/vdb each ran without the other")), qPrintable(start->reason));
        QVERIFY2(start->reason.contains(QStringLiteral("/dev/vdb: last written")), qPrintable(start->reason));
        QVERIFY(actionOn(*w, vda, QStringLiteral("keepHalf")).has_value()); // either half may be kept
        QVERIFY(w->actions()->trigger(vdb, QStringLiteral("keepHalf")));
        QVERIFY(lastReview);
        QVERIFY2(lastReview->commandsText().contains(QStringLiteral("--run /dev/vdb\nmdadm --zero-superblock /dev/vda\n")), qPrintable(lastReview->commandsText()));
        QVERIFY(runReview(lastReview, QStringLiteral("vm-review-keep-half.png")));
        QTRY_VERIFY_WITH_TIMEOUT(w->planningContext().snapshot->arraysUsing(QStringLiteral("vda")).size() == 1, 20000);
        w->selection()->setCurrent(Selectable::array(w->planningContext().snapshot->arraysUsing(QStringLiteral("vda")).first()->name));
        save(w, QStringLiteral("vm-split-brain-resolved.png"));
    }

    // A job root started from plexusctl, running when the window opens: the
    // window opens on its steps by itself and follows it to the end.
    void followJob()
    {
        // It may have opened before initTestCase watched for reviews: look for it.
        ReviewDialog *progress = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((progress = w->findChild<ReviewDialog *>()), 20000);
        QCOMPARE(progress->phaseName(), QStringLiteral("running"));
        QCOMPARE(progress->findChild<QLabel *>(QStringLiteral("title"))->text(), QStringLiteral("A job under way"));
        QVERIFY(progress->stepList()->runningIndex() >= 0);
        QVERIFY2(w->unfinishedBanner()->text().contains(QStringLiteral(" is under way: step ")), qPrintable(w->unfinishedBanner()->text()));
        save(progress, QStringLiteral("vm-follow-job.png"));
        QTRY_VERIFY_WITH_TIMEOUT(progress->phaseName() != QLatin1String("running"), 120000);
        QCOMPARE(progress->phaseName(), QStringLiteral("done"));
        for (int i = 0; i < progress->stepList()->descriptions().size(); ++i)
            QCOMPARE(progress->stepList()->state(i), StepList::StepState::Done);
        QTRY_VERIFY_WITH_TIMEOUT(!w->unfinishedBanner()->isVisible(), 20000);
    }

    void cleanupTestCase() { delete w; }
};

QTEST_MAIN(TestStartStop)
#include "tst_startstop.moc"
