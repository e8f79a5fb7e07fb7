// SPDX-FileCopyrightText: 2026 The Plexus developers
// SPDX-License-Identifier: GPL-2.0-or-later

// The helper's polkit checks (engine/authorization.h) against a fake polkit that
// answers later, or never: a check left open holds up no other caller; it is
// cancelled when its caller leaves the bus or its time limit passes; each action
// is asked in turn and a refusal names the one missing.

#include "engine/authorization.h"
#include "engine/ops/field.h"

#include <QTest>
#include <QTimer>

using namespace plexus;
using namespace std::chrono_literals;

namespace {

// Answers on the event loop, as polkit over D-Bus does; "hold" never answers
// (an authentication prompt nobody types into) until released.
class FakePolkit : public PolicyAuthority
{
public:
    // action@busName -> yes, no, challenge (authentication offered), error, hold
    QMap<QString, QString> policy;
    QStringList asked;     // action@busName, plus " quiet" when not interactive
    QStringList cancelled; // cancel ids
    QMap<QString, std::function<void(const Answer &)>> held; // by cancel id

    void ask(const QString &action, const QString &busName, bool interactive, const QString &cancelId,
             std::function<void(const Answer &)> answered) override
    {
        const QString key = action + QLatin1Char('@') + busName;
        asked << key + (interactive ? QString() : QStringLiteral(" quiet"));
        const QString what = policy.value(key, QStringLiteral("no"));
        if (what == QLatin1String("hold")) {
            held[cancelId] = std::move(answered);
            return;
        }
        Answer a;
        a.authorized = what == QLatin1String("yes");
        a.challenge = what == QLatin1String("challenge");
        if (what == QLatin1String("error"))
            a.error = QStringLiteral("org.freedesktop.DBus.Error.ServiceUnknown");
        QTimer::singleShot(0, [answered = std::move(answered), a] { answered(a); });
    }
    void cancel(const QString &cancelId) override { cancelled << cancelId; }
};

struct Outcome {
    int calls = 0;
    Status status;
    std::function<void(const Status &)> done()
    {
        return [this](const Status &s) {
            ++calls;
            status = s;
        };
    }
};

const QString modifyAction = QLatin1String(polkitActions::modify);
const QString eraseAction = QLatin1String(polkitActions::erase);
PolicyAuthority::Answer yes()
{
    PolicyAuthority::Answer answer;
    answer.authorized = true;
    return answer;
}

const QString a = QStringLiteral(":1.10"), b = QStringLiteral(":1.20");

} // namespace

class TestAuthorization : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void anOpenPromptHoldsUpNobodyElse()
    {
        FakePolkit polkit;
        polkit.policy = {{modifyAction + QLatin1Char('@') + a, QStringLiteral("hold")}, {modifyAction + QLatin1Char('@') + b, QStringLiteral("yes")}};
        Authorization auth(polkit, 60s);
        Outcome first, second;
        auth.authorize({modifyAction}, a, first.done());
        auth.authorize({modifyAction}, b, second.done());
        QTRY_COMPARE(second.calls, 1);
        QVERIFY(second.status.ok());
        QCOMPARE(first.calls, 0); // still waiting for its prompt
        // Its answer comes: allowed.
        polkit.held.first()(yes());
        QCOMPARE(first.calls, 1);
        QVERIFY(first.status.ok());
        QVERIFY(polkit.cancelled.isEmpty());
    }

    void eachActionInTurnAndTheRefusalNamesTheMissingOne()
    {
        FakePolkit polkit;
        polkit.policy = {{modifyAction + QLatin1Char('@') + a, QStringLiteral("yes")}};
        Authorization auth(polkit, 60s);
        Outcome o;
        auth.authorize({modifyAction, eraseAction}, a, o.done());
        QTRY_COMPARE(o.calls, 1);
        QCOMPARE(o.status.code(), ErrorCode::NotAuthorized);
        QVERIFY2(o.status.message().contains(eraseAction), qPrintable(o.status.message()));
        QVERIFY(!o.status.message().contains(modifyAction));
        // Refused interactively, then asked quietly to tell "no" from "dismissed".
        QCOMPARE(polkit.asked, (QStringList{modifyAction + QLatin1Char('@') + a, eraseAction + QLatin1Char('@') + a, eraseAction + QLatin1Char('@') + a + QStringLiteral(" quiet")}));
    }

    void noAgentDismissedAndPolkitErrors()
    {
        FakePolkit polkit;
        polkit.policy = {{modifyAction + QLatin1Char('@') + a, QStringLiteral("challenge")}, {modifyAction + QLatin1Char('@') + b, QStringLiteral("error")}};
        Authorization auth(polkit, 60s);
        Outcome noAgent, error;
        auth.authorize({modifyAction}, a, noAgent.done());
        auth.authorize({modifyAction}, b, error.done());
        QTRY_VERIFY(noAgent.calls == 1 && error.calls == 1);
        QCOMPARE(noAgent.status.code(), ErrorCode::Dismissed);
        QVERIFY(noAgent.status.message().contains(QLatin1String("no authentication agent")));
        QCOMPARE(error.status.code(), ErrorCode::NotAuthorized);
        QVERIFY(error.status.message().contains(QLatin1String("Could not ask polkit")));
    }

    void aCallerLeavingCancelsItsCheckOnly()
    {
        FakePolkit polkit;
        polkit.policy = {{modifyAction + QLatin1Char('@') + a, QStringLiteral("hold")}, {modifyAction + QLatin1Char('@') + b, QStringLiteral("hold")}};
        Authorization auth(polkit, 60s);
        Outcome left, stays;
        auth.authorize({modifyAction}, a, left.done());
        auth.authorize({modifyAction}, b, stays.done());
        const QString aId = polkit.held.keys().at(0), bId = polkit.held.keys().at(1);
        auth.callerLeft(a);
        QCOMPARE(left.calls, 1);
        QCOMPARE(left.status.code(), ErrorCode::Dismissed);
        QCOMPARE(polkit.cancelled, QStringList{aId});
        QCOMPARE(auth.pendingFor(a), 0);
        QCOMPARE(auth.pendingFor(b), 1);
        // polkit's answer to the cancelled question, arriving late, changes nothing.
        polkit.held[aId](yes());
        QCOMPARE(left.calls, 1);
        QCOMPARE(left.status.code(), ErrorCode::Dismissed);
        QCOMPARE(stays.calls, 0);
        polkit.held[bId](yes());
        QCOMPARE(stays.calls, 1);
        QVERIFY(stays.status.ok());
    }

    void theTimeLimitCancels()
    {
        FakePolkit polkit;
        polkit.policy = {{eraseAction + QLatin1Char('@') + a, QStringLiteral("hold")}};
        Authorization auth(polkit, 100ms);
        Outcome o;
        auth.authorize({eraseAction}, a, o.done());
        QTRY_COMPARE(o.calls, 1);
        QCOMPARE(o.status.code(), ErrorCode::Dismissed);
        QVERIFY2(o.status.message().contains(QLatin1String("Nobody answered")) && o.status.message().contains(eraseAction), qPrintable(o.status.message()));
        QCOMPARE(polkit.cancelled, polkit.held.keys());
        QTest::qWait(200);
        QCOMPARE(o.calls, 1);
    }
};

QTEST_GUILESS_MAIN(TestAuthorization)
#include "tst_authorization.moc"
