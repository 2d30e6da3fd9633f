// The rollout state machine with a hand-driven clock, a recording weight target and scripted
// metrics: every decision of issue 9's rollout, without a minute of waiting.

#include <QTest>
#include <deque>

#include "app/rollout/CanaryRollout.h"
#include "app/rollout/CanaryWeights.h"
#include "model/YamlReader.h"

using namespace meshstudio;
using namespace std::chrono_literals;
using rollout::CanarySample;
using rollout::RolloutState;

namespace {

struct RecordingWeights : rollout::WeightTarget {
  std::vector<int> history;
  std::string failWith;
  std::string setCanaryWeight(int percent) override {
    if (!failWith.empty()) return failWith;
    history.push_back(percent);
    return {};
  }
};

/// Answers with the next scripted sample, or the default one; remembers the windows asked for.
struct ScriptedMetrics : rollout::MetricsSource {
  std::deque<CanarySample> script;
  CanarySample otherwise;
  std::vector<std::chrono::milliseconds> windows;
  int stepsStarted = 0;
  void stepStarted() override { ++stepsStarted; }
  CanarySample sample(std::chrono::milliseconds window) override {
    windows.push_back(window);
    if (script.empty()) return otherwise;
    CanarySample next = script.front();
    script.pop_front();
    return next;
  }
};

CanarySample healthy() {
  CanarySample sample;
  sample.requests = 100;
  sample.errorRate = 0.0;
  sample.p99Ms = 40;
  return sample;
}

struct Fixture {
  std::chrono::steady_clock::time_point now{};
  RecordingWeights weights;
  ScriptedMetrics metrics;
  rollout::RolloutPlan plan;
  Fixture() {
    plan.virtualService = "shop/reviews";
    plan.stableSubset = "v1";
    plan.canarySubset = "v2";
    plan.interval = 10s;
    metrics.otherwise = healthy();
  }
  rollout::CanaryRollout make() {
    return rollout::CanaryRollout(plan, weights, metrics, [this] { return now; });
  }
  void run(rollout::CanaryRollout& rollout, std::chrono::seconds total) {
    for (auto end = now + total; now < end && !rollout.finished(); now += 1s) rollout.poll();
  }
};

}  // namespace

class CanaryRolloutTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void issue9_healthyCanaryIsPromotedStepByStep() {
    Fixture f;
    auto rollout = f.make();
    rollout.start();
    QCOMPARE(rollout.canaryWeight(), 5);
    f.now += 9s;
    rollout.poll();
    QCOMPARE(rollout.canaryWeight(), 5);  // the period is not over
    f.run(rollout, 120s);
    QCOMPARE(rollout.state(), RolloutState::Promoted);
    QCOMPARE(f.weights.history, (std::vector<int>{5, 10, 25, 50, 75, 100}));
    QCOMPARE(f.metrics.stepsStarted, 6);
    QCOMPARE(f.metrics.windows.front(), std::chrono::milliseconds(10s));
    QVERIFY(rollout.verdict().empty());
  }

  void issue9_errorRateGateRollsBackAtTheFirstStep() {
    Fixture f;
    CanarySample bad = healthy();
    bad.errorRate = 0.2;
    f.metrics.otherwise = bad;
    auto rollout = f.make();
    rollout.start();
    f.run(rollout, 60s);
    QCOMPARE(rollout.state(), RolloutState::RolledBack);
    QCOMPARE(f.weights.history, (std::vector<int>{5, 0}));
    QVERIFY2(rollout.verdict().find("error-rate gate failed at 5 %: error rate 20.00 % > 1.00 %") != std::string::npos,
             rollout.verdict().c_str());
  }

  void issue9_p99GateFailsWhileTheErrorRatePasses() {
    Fixture f;
    CanarySample slow = healthy();
    slow.p99Ms = 900;
    f.metrics.script = {healthy(), slow};  // step 5 fine, step 10 slow
    auto rollout = f.make();
    rollout.start();
    f.run(rollout, 60s);
    QCOMPARE(rollout.state(), RolloutState::RolledBack);
    QCOMPARE(f.weights.history, (std::vector<int>{5, 10, 0}));
    QVERIFY2(rollout.verdict().find("p99 gate failed at 10 %: p99 900.0 ms > 500.0 ms") != std::string::npos,
             rollout.verdict().c_str());
  }

  void issue9_tooLittleTrafficMakesTheStepWait() {
    Fixture f;
    CanarySample thin = healthy();
    thin.requests = 3;
    f.metrics.script = {thin, thin};
    auto rollout = f.make();
    rollout.start();
    f.now += 10s;
    rollout.poll();
    QCOMPARE(rollout.state(), RolloutState::Observing);
    QCOMPARE(rollout.canaryWeight(), 5);  // waited, did not pass
    QCOMPARE(rollout.events().back().kind, rollout::RolloutEvent::Kind::Waiting);
    f.now += 10s;
    rollout.poll();
    QCOMPARE(rollout.canaryWeight(), 5);
    f.now += 10s;
    rollout.poll();  // enough traffic now: passes to the next step
    QCOMPARE(rollout.canaryWeight(), 10);
    // The window grows with the wait: it covers the whole step so far.
    QCOMPARE(f.metrics.windows.at(2), std::chrono::milliseconds(30s));
  }

  void noDataIsNotAPass() {
    Fixture f;
    f.plan.maxWaitIntervals = 2;
    CanarySample empty;
    empty.requests = 50;  // requests, but no error-rate series (e.g. an empty Prometheus result)
    f.metrics.otherwise = empty;
    auto rollout = f.make();
    rollout.start();
    f.run(rollout, 60s);
    QCOMPARE(rollout.state(), RolloutState::RolledBack);
    QVERIFY2(rollout.verdict().find("no error-rate data") != std::string::npos, rollout.verdict().c_str());
  }

  void approvalPauseResumeAndManualActions() {
    Fixture f;
    f.plan.approvalBefore = {50};
    auto rollout = f.make();
    rollout.start();
    f.run(rollout, 35s);
    QCOMPARE(rollout.state(), RolloutState::AwaitingApproval);
    QCOMPARE(rollout.canaryWeight(), 25);
    f.now += 100s;
    rollout.poll();
    QCOMPARE(rollout.canaryWeight(), 25);  // nothing moves without the approval
    rollout.approve();
    QCOMPARE(rollout.canaryWeight(), 50);
    rollout.pause();
    f.now += 100s;
    rollout.poll();
    QCOMPARE(rollout.state(), RolloutState::Paused);
    rollout.resume();
    rollout.promoteNow();
    QCOMPARE(rollout.state(), RolloutState::Promoted);
    QCOMPARE(f.weights.history.back(), 100);
  }

  void aFailedWeightChangeStopsWithAClearVerdict() {
    Fixture f;
    auto rollout = f.make();
    rollout.start();
    f.weights.failWith = "connection refused";
    rollout.rollbackNow();
    QCOMPARE(rollout.state(), RolloutState::Failed);
    QVERIFY2(rollout.verdict().find("the rollback failed") != std::string::npos, rollout.verdict().c_str());
  }

  void badPlansAreRefused() {
    rollout::RolloutPlan plan;
    plan.virtualService = "shop/reviews";
    plan.stableSubset = "v1";
    plan.canarySubset = "v2";
    QCOMPARE(plan.validate(), std::string());
    plan.steps = {10, 5, 100};
    QVERIFY(plan.validate().find("rise") != std::string::npos);
    plan.steps = {10, 50};
    QVERIFY(plan.validate().find("100") != std::string::npos);
  }

  void canaryWeightsEditOnlyTheSplit() {
    model::ParseResult parsed = model::YamlReader::parse(R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews, namespace: shop}
spec:
  hosts: [reviews]
  http:
  - match: [{headers: {end-user: {exact: jason}}}]
    route: [{destination: {host: reviews, subset: v2}}]
  - route:
    - destination: {host: reviews, subset: v1, port: {number: 9080}}
)",
                                                         "vs.yaml");
    const model::Value& vs = *parsed.documents.front().value;
    std::string error;
    auto edited = rollout::CanaryWeights::withCanaryWeight(vs, 1, "v1", "v3", 25, error);
    QVERIFY2(edited, error.c_str());
    QCOMPARE(rollout::CanaryWeights::canaryWeight(*edited, 1, "v3"), std::optional<int>(25));
    QCOMPARE(edited->at("spec.http[1].route[0].weight")->text(), std::string("75"));
    QCOMPARE(edited->at("spec.http[1].route[1].destination.port.number")->text(), std::string("9080"));
    QCOMPARE(*edited->at("spec.http[0]"), *vs.at("spec.http[0]"));  // the other route untouched
    QVERIFY(!rollout::CanaryWeights::withCanaryWeight(vs, 1, "v9", "v3", 25, error));
    QVERIFY(error.find("no destination with subset v9") != std::string::npos);
    QCOMPARE(rollout::CanaryWeights::canaryWeight(vs, 0, "v2"), std::optional<int>(100));
  }

  void routeSelectors() {
    auto selector = rollout::RouteSelector::parse("shop/reviews/2", "default");
    QVERIFY(selector);
    QCOMPARE(selector->virtualService, std::string("shop/reviews"));
    QCOMPARE(selector->routeIndex, std::optional<int>(2));
    selector = rollout::RouteSelector::parse("reviews", "shop");
    QCOMPARE(selector->virtualService, std::string("shop/reviews"));
    selector = rollout::RouteSelector::parse("shop/reviews/canary", "x");
    QCOMPARE(selector->routeName, std::string("canary"));
    QVERIFY(!rollout::RouteSelector::parse("shop//x", "x"));
  }
};

QTEST_GUILESS_MAIN(CanaryRolloutTest)
#include "tst_canaryrollout.moc"
