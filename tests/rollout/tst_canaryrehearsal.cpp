// Issue 9's rehearsals for real: the shop sample's reviews route run on the embedded engine with
// generated traffic, the rollout driven by the wall clock, the numbers taken from the engine's
// own counters and from a real Prometheus (Debian's `prometheus`, started here on loopback,
// scraping the engine's /stats/prometheus every second).

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <thread>

#include "app/rollout/CanaryRollout.h"
#include "app/rollout/CanaryWeights.h"
#include "app/rollout/RolloutRehearsal.h"
#include "engine/HttpGet.h"
#include "model/Importer.h"
#include "model/Project.h"

using namespace meshstudio;
using namespace std::chrono_literals;

namespace {

struct ShopProject {
  std::vector<model::Resource> resources;
  model::Value settings;
  std::size_t reviews = 0;
};

/// The shop sample with reviews-v3's simulated error rate set to `errorRate`, and without the
/// reviews DestinationRule's outlier detection: five 5xx in a row eject v3's only pod for 30 s
/// (Istio's panic threshold is 0 %, so its requests become 503 UH, counted for no version), and
/// a canary ejected before the gate has seen its errors rolls back for "too little data"
/// instead, which is what tst_canaryrehearsal once saw (2,131 UH against 228 v3 requests).
ShopProject shopWithCanaryErrorRate(const char* errorRate) {
  const std::string folder = MESHSTUDIO_SOURCE_DIR "/resources/samples/shop";
  ShopProject shop;
  shop.resources = model::Importer::importPaths({folder}).resources;
  model::Diagnostics problems;
  shop.settings = model::Project::loadSettings(folder, problems);
  for (std::size_t i = 0; i < shop.resources.size(); ++i) {
    model::Resource& resource = shop.resources[i];
    if (resource.kind() == model::ResourceKind::VirtualService && resource.name() == "reviews") shop.reviews = i;
    if (resource.kind() == model::ResourceKind::Deployment && resource.name() == "reviews-v3") {
      model::Value document = resource.document();
      document.find("spec")
          ->find("template")
          ->find("metadata")
          ->find("annotations")
          ->set("meshstudio.dev/error-rate", model::Value::string(errorRate));
      resource.setDocument(std::move(document));
    }
    if (resource.kind() == model::ResourceKind::DestinationRule && resource.name() == "reviews") {
      model::Value document = resource.document();
      if (!document.find("spec")->find("trafficPolicy")->erase("outlierDetection"))
        qFatal("the shop's reviews DestinationRule has no outlierDetection to take out");
      resource.setDocument(std::move(document));
    }
  }
  return shop;
}

rollout::RolloutPlan plan(std::vector<int> steps, std::chrono::milliseconds interval) {
  rollout::RolloutPlan plan;
  plan.virtualService = "shop/reviews";
  plan.routeIndex = 1;  // "canary": v1 90 %, v3 10 %
  plan.stableSubset = "v1";
  plan.canarySubset = "v3";
  plan.steps = std::move(steps);
  plan.interval = interval;
  plan.gates.minRequests = 10;
  plan.maxWaitIntervals = 5;
  return plan;
}

/// Runs the rollout on the wall clock until it ends (or `limit` passes).
void drive(rollout::CanaryRollout& rollout, std::chrono::seconds limit) {
  rollout.start();
  for (auto end = std::chrono::steady_clock::now() + limit;
       !rollout.finished() && std::chrono::steady_clock::now() < end;) {
    std::this_thread::sleep_for(50ms);
    rollout.poll();
  }
}

std::string trace(const rollout::CanaryRollout& rollout) {
  std::string text = std::string(rollout::stateName(rollout.state())) + ": " + rollout.verdict() + "\n";
  for (const auto& event : rollout.events()) text += "  " + event.message + "\n";
  return text;
}

std::uint16_t freePort() {
  QTcpServer probe;
  probe.listen(QHostAddress::LocalHost, 0);
  return probe.serverPort();
}

int weightInEngine(rollout::RolloutRehearsal& rehearsal) {
  auto& target = static_cast<rollout::EngineWeightTarget&>(rehearsal.weights());
  return rollout::CanaryWeights::canaryWeight(target.virtualService().document(), 1, "v3").value_or(-1);
}

/// A real Prometheus on loopback scraping `adminPort` every second; stopped (by PID) when destroyed.
class LocalPrometheus {
 public:
  bool start(std::uint16_t adminPort, QString& why) {
    const QString binary = QStandardPaths::findExecutable(QStringLiteral("prometheus"));
    if (binary.isEmpty()) {
      why = QStringLiteral("Debian's prometheus package is not installed (.ci/install-deps installs it)");
      return false;
    }
    port_ = freePort();
    QFile config(dir_.filePath(QStringLiteral("prometheus.yml")));
    config.open(QIODevice::WriteOnly);
    config.write(QStringLiteral("global: {scrape_interval: 1s, evaluation_interval: 1s}\n"
                                "scrape_configs:\n"
                                "- job_name: meshstudio-engine\n"
                                "  metrics_path: /stats/prometheus\n"
                                "  static_configs: [{targets: ['127.0.0.1:%1']}]\n")
                     .arg(adminPort)
                     .toUtf8());
    config.close();
    process_.setProgram(binary);
    process_.setArguments({QStringLiteral("--config.file=") + config.fileName(),
                           QStringLiteral("--storage.tsdb.path=") + dir_.filePath(QStringLiteral("data")),
                           QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port_)});
    process_.setProcessChannelMode(QProcess::MergedChannels);
    process_.start();
    if (!process_.waitForStarted(5000)) {
      why = QStringLiteral("prometheus did not start");
      return false;
    }
    for (int i = 0; i < 100; ++i) {
      if (engine::httpGet("127.0.0.1", port_, "/-/ready", 500ms).ok()) return true;
      std::this_thread::sleep_for(100ms);
    }
    why = QStringLiteral("prometheus did not become ready: ") + QString::fromUtf8(process_.readAll().right(500));
    return false;
  }
  ~LocalPrometheus() {
    if (process_.state() == QProcess::NotRunning) return;
    process_.terminate();  // SIGTERM to its PID
    if (!process_.waitForFinished(5000)) process_.kill();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  /// Its scrape targets with their health and last error, for a failure's message.
  std::string targets() const { return engine::httpGet("127.0.0.1", port_, "/api/v1/targets", 2s).body; }
  /// Every istio_requests_total series it holds now, with its labels, for a failure's message.
  std::string requestSeries() const {
    return engine::httpGet("127.0.0.1", port_, "/api/v1/query?query=istio_requests_total", 2s).body;
  }

 private:
  QTemporaryDir dir_;
  QProcess process_;
  std::uint16_t port_ = 0;
};

}  // namespace

class CanaryRehearsalTest : public QObject {
  Q_OBJECT

  void runRehearsal(const char* errorRate, bool throughPrometheus, rollout::RolloutState expected) {
    ShopProject shop = shopWithCanaryErrorRate(errorRate);
    rollout::RehearsalOptions options;
    options.qps = 200;
    std::unique_ptr<LocalPrometheus> prometheus;
    auto steps = throughPrometheus ? std::vector<int>{50, 100} : std::vector<int>{10, 50, 100};
    auto interval = throughPrometheus ? std::chrono::milliseconds(4s) : std::chrono::milliseconds(1500ms);
    if (throughPrometheus) {
      options.admin = engine::ListenAddress{"127.0.0.1", freePort()};
      prometheus = std::make_unique<LocalPrometheus>();
      QString why;
      if (!prometheus->start(options.admin->port, why)) QSKIP(qPrintable(why));
      options.prometheusUrl = prometheus->url();
    }
    std::string error;
    auto rehearsal = rollout::RolloutRehearsal::start(shop.resources, shop.settings, shop.reviews,
                                                      plan(steps, interval), options, error);
    QVERIFY2(rehearsal, error.c_str());
    rollout::CanaryRollout rollout(plan(steps, interval), rehearsal->weights(), rehearsal->metrics(),
                                   [] { return std::chrono::steady_clock::now(); });
    drive(rollout, 60s);
    const std::string expectedVerdict = "error-rate gate failed at " + std::to_string(steps.front()) + " %";
    const bool asExpected =
        rollout.state() == expected &&
        (expected != rollout::RolloutState::RolledBack || rollout.verdict().find(expectedVerdict) != std::string::npos);
    if (prometheus && !asExpected)
      qWarning("engine admin port %u; Prometheus' targets: %s\nits istio_requests_total series: %s",
               unsigned(options.admin->port), prometheus->targets().c_str(), prometheus->requestSeries().c_str());
    QVERIFY2(rollout.state() == expected, trace(rollout).c_str());
    if (expected == rollout::RolloutState::RolledBack) {
      QCOMPARE(weightInEngine(*rehearsal), 0);  // stable has 100 afterwards
      QVERIFY2(rollout.verdict().find(expectedVerdict) != std::string::npos, trace(rollout).c_str());
    } else {
      QCOMPARE(weightInEngine(*rehearsal), 100);
    }
    // The engine really served the canary: requests to v3 were counted.
    engine::RequestFilter canary;
    canary.destinationVersion = "v3";
    QVERIFY(rehearsal->engine().metrics().requestCount(canary) > 0);
  }

 private Q_SLOTS:
  void issue9_healthyCanaryIsPromoted_engineCounters() { runRehearsal("0", false, rollout::RolloutState::Promoted); }
  void issue9_failingCanaryIsRolledBackAtTheFirstStep_engineCounters() {
    runRehearsal("0.2", false, rollout::RolloutState::RolledBack);
  }
  void issue9_healthyCanaryIsPromoted_prometheus() { runRehearsal("0", true, rollout::RolloutState::Promoted); }
  void issue9_failingCanaryIsRolledBackAtTheFirstStep_prometheus() {
    runRehearsal("0.2", true, rollout::RolloutState::RolledBack);
  }
};

QTEST_GUILESS_MAIN(CanaryRehearsalTest)
#include "tst_canaryrehearsal.moc"
