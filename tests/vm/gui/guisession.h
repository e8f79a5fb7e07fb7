// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

#pragma once
// What the VM tier's window sessions share: a screenshot, and running the
// review that is open as a user would (confirm where something is erased, Run,
// wait for the helper's answer, which must be success).

#include "operations/reviewdialog.h"

#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QTest>
#include <utility>

namespace plexus::guisession {

inline void save(QWidget *w, const QString &name)
{
    QDir().mkpath(QStringLiteral(PLEXUS_SCREENSHOT_DIR));
    w->grab().save(QStringLiteral(PLEXUS_SCREENSHOT_DIR "/") + name);
}

// Call it through QVERIFY(runReview(...)) so a failure stops the test. `review`
// (the one the window opened last) is let go of: the next must be a new one.
inline bool runReview(ReviewDialog *&opened, const QString &screenshot = {})
{
    ReviewDialog *review = std::exchange(opened, nullptr);
    if (!review || !review->isVisible() || review->phaseName() != QLatin1String("review")) {
        qWarning("no review waiting to run");
        return false;
    }
    if (auto *confirm = review->findChild<QCheckBox *>(QStringLiteral("confirm")))
        QTest::mouseClick(confirm, Qt::LeftButton, {}, QPoint(5, confirm->height() / 2));
    if (!screenshot.isEmpty())
        save(review, screenshot);
    auto *runButton = review->findChild<QPushButton *>(QStringLiteral("runButton"));
    if (!runButton || !runButton->isEnabled()) {
        qWarning("the review's Run button is not there or not enabled");
        return false;
    }
    QTest::mouseClick(runButton, Qt::LeftButton);
    if (!QTest::qWaitFor([review] { return review->phaseName() != QLatin1String("running"); }, 120000)) {
        qWarning("the job did not end within 120 s");
        return false;
    }
    const auto *message = review->findChild<QLabel *>(QStringLiteral("resultMessage"));
    if (review->phaseName() != QLatin1String("done")) {
        qWarning("the job failed: %s", qPrintable(message ? message->text() : QString()));
        return false;
    }
    review->close();
    return true;
}

} // namespace plexus::guisession
