// Issue 9 on a cluster: every step of a rollout is a server-side apply of the route's weights
// with the studio's field manager, and a failed gate leaves stable at 100 in the cluster. The
// numbers are scripted here (the Prometheus path is tested in tests/rollout).

#include <QTest>
#include <deque>

#include "ClusterTestSupport.h"
#include "app/cluster/ClusterSync.h"
#include "app/rollout/CanaryRollout.h"
#include "app/rollout/ClusterWeightTarget.h"
#include "model/Importer.h"

using namespace meshstudio;
using json = nlohmann::json;

namespace {

struct Scripted : rollout::MetricsSource {
  std::deque<rollout::CanarySample> script;
  rollout::CanarySample sample(std::chrono::milliseconds) override {
    rollout::CanarySample next = script.front();
    if (script.size() > 1) script.pop_front();
    return next;
  }
};

rollout::CanarySample sample(double errorRate) {
  rollout::CanarySample s;
  s.requests = 500;
  s.errorRate = errorRate;
  s.p99Ms = 20;
  return s;
}

}  // namespace

class ClusterCanaryTest : public QObject {
  Q_OBJECT

  test::KubeTestServer server;
  QTemporaryDir dir;

  json weightsOfReviews() {
    json live = server.object("networking.istio.io", "v1", "shop", "virtualservices", "reviews");
    return {live["spec"]["http"][1]["route"][0]["weight"], live["spec"]["http"][1]["route"][1]["weight"]};
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(server.start());
    server.addToken("t", "ci");
    server.addNamespace("shop");
  }

  void issue9_eachStepIsAServerSideApplyAndAFailedGateRollsBackInTheCluster() {
    auto connection =
        test::connectionFrom(test::writeFile(dir, "kubeconfig", test::kubeconfigFor(server, "    token: t\n")));
    cluster::KubeTransport transport(connection);
    cluster::KubeApi api(transport);
    auto resources = model::Importer::importPaths({MESHSTUDIO_SOURCE_DIR "/resources/samples/shop"}).resources;
    auto targets = cluster::ClusterSync::targetsOf(resources, "shop");
    cluster::ClusterSync sync(api, "shop");
    QVERIFY(sync.apply(targets, {}, nullptr).succeeded());  // the project is live, as applied by the studio
    QVERIFY(weightsOfReviews() == json({90, 10}));

    model::Value reviews;
    for (const auto& target : targets)
      if (target.ref.displayName() == "VirtualService shop/reviews") reviews = target.document;
    rollout::ClusterWeightTarget weights(api, reviews, 1, "v1", "v3");
    Scripted metrics;
    metrics.script = {sample(0.0), sample(0.0), sample(0.3)};  // 5 and 25 pass, 50 fails
    rollout::RolloutPlan plan;
    plan.virtualService = "shop/reviews";
    plan.routeIndex = 1;
    plan.stableSubset = "v1";
    plan.canarySubset = "v3";
    plan.steps = {5, 25, 50, 100};
    plan.interval = std::chrono::seconds(10);
    std::chrono::steady_clock::time_point now{};
    rollout::CanaryRollout rollout(plan, weights, metrics, [&] { return now; });

    std::vector<json> seen;
    rollout.start();
    seen.push_back(weightsOfReviews());
    for (int i = 0; i < 10 && !rollout.finished(); ++i) {
      now += std::chrono::seconds(10);
      rollout.poll();
      seen.push_back(weightsOfReviews());
    }
    QCOMPARE(rollout.state(), rollout::RolloutState::RolledBack);
    QVERIFY(seen[0] == json({95, 5}));
    QVERIFY(seen[1] == json({75, 25}));
    QVERIFY(seen[2] == json({50, 50}));
    QVERIFY(weightsOfReviews() == json({100, 0}));  // stable has 100 in the cluster
    json live = server.object("networking.istio.io", "v1", "shop", "virtualservices", "reviews");
    QCOMPARE(live["metadata"]["managedFields"].size(), std::size_t(1));  // one manager: meshstudio, no conflict
    QVERIFY(live["metadata"]["managedFields"][0]["manager"] == json("meshstudio"));
    int patches = 0;
    for (const test::RequestRecord& request : server.requestLog())
      if (request.method == "PATCH" && request.path.ends_with("/virtualservices/reviews") &&
          request.query.find("dryRun") == std::string::npos)
        ++patches;
    QCOMPARE(patches, 1 + 4);  // the apply, then 5, 25, 50 and the rollback
  }
};

QTEST_GUILESS_MAIN(ClusterCanaryTest)
#include "tst_clustercanary.moc"
