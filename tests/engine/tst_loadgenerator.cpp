// The load generator against a real Engine on loopback: exact counts and status codes, timed runs,
// a fixed rate, coordinated omission under a stalled server, histogram sanity, per-destination
// counts from Metrics and from the admin listener, stop() from another thread, refused
// connections, timeouts and servers that close every connection.

#include <QtTest/QtTest>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>

#include <atomic>
#include <mutex>
#include <thread>

#include "EngineTestSupport.h"
#include "engine/DestinationCounter.h"
#include "engine/Engine.h"
#include "engine/LoadGenerator.h"
#include "engine/LoadReport.h"

using namespace meshstudio;
using namespace meshstudio::test;
using namespace std::chrono_literals;

namespace {

/// reviews: v1 answers normally, v3 fails every request with 503 (error-rate 1), v5 takes 5 s.
/// The mesh VirtualService sends POSTs carrying `x-load: yes` to v3, /slow to v5, /split 70/30 to
/// v1/v3, everything else to v1.
const char* kProject = R"(apiVersion: v1
kind: Service
metadata: {name: reviews, namespace: default}
spec: {selector: {app: reviews}, ports: [{name: http, port: 9080}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: reviews-v1, namespace: default}
spec: {selector: {matchLabels: {app: reviews, version: v1}}, template: {metadata: {labels: {app: reviews, version: v1}}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: reviews-v3, namespace: default}
spec:
  selector: {matchLabels: {app: reviews, version: v3}}
  template:
    metadata:
      labels: {app: reviews, version: v3}
      annotations: {meshstudio.dev/error-rate: '1', meshstudio.dev/error-status: '503'}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: reviews-v5, namespace: default}
spec:
  selector: {matchLabels: {app: reviews, version: v5}}
  template:
    metadata:
      labels: {app: reviews, version: v5}
      annotations: {meshstudio.dev/latency: 5s}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews, namespace: default}
spec:
  host: reviews
  subsets:
  - {name: v1, labels: {version: v1}}
  - {name: v3, labels: {version: v3}}
  - {name: v5, labels: {version: v5}}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews, namespace: default}
spec:
  hosts: [reviews]
  http:
  - match: [{method: {exact: POST}, headers: {x-load: {exact: 'yes'}}}]
    route: [{destination: {host: reviews, subset: v3}}]
  - match: [{uri: {prefix: /slow}}]
    route: [{destination: {host: reviews, subset: v5}}]
  - match: [{uri: {prefix: /split}}]
    route:
    - {destination: {host: reviews, subset: v1}, weight: 70}
    - {destination: {host: reviews, subset: v3}, weight: 30}
  - route: [{destination: {host: reviews, subset: v1}}]
)";

const std::string kV1 = "outbound|9080|v1|reviews.default.svc.cluster.local";
const std::string kV3 = "outbound|9080|v3|reviews.default.svc.cluster.local";

std::unique_ptr<engine::Engine> startEngine(int threads = 1) {
  engine::EngineOptions options;
  options.threads = threads;
  options.meshOverride = engine::ListenAddress{"127.0.0.1", 0};
  options.adminOverride = engine::ListenAddress{"127.0.0.1", 0};
  options.accessLogBacklog = 0;
  auto running = std::make_unique<engine::Engine>(options);
  auto snapshot = compileYaml(kProject);
  if (!snapshot->problems.empty()) qFatal("%s", problemsOf(*snapshot).c_str());
  running->load(snapshot);
  std::string error;
  if (!running->start(error)) qFatal("engine did not start: %s", error.c_str());
  return running;
}

/// Options for `path` on the engine's mesh listener, as `meshstudio-cli load PROJECT http://reviews:9080<path>`.
engine::LoadOptions meshLoad(engine::Engine& running, const std::string& path) {
  engine::LoadOptions options;
  std::string error;
  if (!engine::LoadTarget::fromUrl("http://reviews:9080" + path, options.target, error)) qFatal("%s", error.c_str());
  options.target.dialHost = "127.0.0.1";
  options.target.dialPort = running.meshPort();
  options.readDestinations = engine::DestinationCounter::reader(running);
  return options;
}

double seconds(std::chrono::nanoseconds d) { return std::chrono::duration<double>(d).count(); }
double ms(std::chrono::nanoseconds d) { return std::chrono::duration<double, std::milli>(d).count(); }

std::uint64_t errorCount(const engine::LoadResult& result) {
  std::uint64_t sum = 0;
  for (const auto& [kind, count] : result.errors) sum += count;
  return sum;
}

std::string describe(const engine::LoadResult& result) { return engine::LoadReport::text(result); }

}  // namespace

class LoadGeneratorTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void histogramPercentilesAndBuckets() {
    engine::LatencyHistogram histogram;  // 1 ms display buckets, fortio's default
    for (int i = 1; i <= 1000; ++i) histogram.record(std::chrono::milliseconds(i));
    QCOMPARE(histogram.count(), std::uint64_t(1000));
    QCOMPARE(histogram.min(), std::chrono::nanoseconds(1ms));
    QCOMPARE(histogram.max(), std::chrono::nanoseconds(1000ms));
    QVERIFY(std::abs(histogram.meanNs() / 1e6 - 500.5) < 1e-6);
    // Within the fine buckets' 0.8 % of the exact order statistics.
    for (auto [percent, expected] : {std::pair{50.0, 500.0}, {75.0, 750.0}, {90.0, 900.0}, {99.0, 990.0}}) {
      const double got = ms(histogram.percentile(percent));
      QVERIFY2(std::abs(got - expected) <= expected * 0.008,
               qPrintable(QStringLiteral("p%1 = %2").arg(percent).arg(got)));
    }
    QCOMPARE(histogram.percentile(100), std::chrono::nanoseconds(1000ms));
    // fortio's table: rows in order, counts adding up, cumulative ending at 100 %.
    auto rows = histogram.displayBuckets();
    QVERIFY(!rows.empty());
    std::uint64_t sum = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      sum += rows[i].count;
      if (i > 0)
        QVERIFY(rows[i].lower >= rows[i - 1].upper && rows[i].cumulativePercent > rows[i - 1].cumulativePercent);
    }
    QCOMPARE(sum, std::uint64_t(1000));
    QCOMPARE(rows.back().cumulativePercent, 100.0);
    QCOMPARE(rows.front().lower, std::chrono::nanoseconds(1ms));    // ">= min"
    QCOMPARE(rows.back().upper, std::chrono::nanoseconds(1000ms));  // "<= max" (the 900..1000 bucket)
    QCOMPARE(rows[1].count, std::uint64_t(1));                      // (1, 2] ms
    QCOMPARE(rows[1].upper, std::chrono::nanoseconds(2ms));
    // Sub-millisecond latencies keep their precision in the percentiles (not in the 1 ms table).
    engine::LatencyHistogram fast, slowHalf;
    for (int i = 0; i < 100; ++i) (i < 50 ? fast : slowHalf).record(std::chrono::microseconds(100 + i));
    fast.merge(slowHalf);
    QCOMPARE(fast.count(), std::uint64_t(100));
    QVERIFY(std::abs(ms(fast.percentile(50)) - 0.150) < 0.002);
    QCOMPARE(fast.displayBuckets().size(), std::size_t(1));
  }

  void durationsAndUrls() {
    QCOMPARE(*engine::parseLoadDuration("5s"), std::chrono::nanoseconds(5s));
    QCOMPARE(*engine::parseLoadDuration("500ms"), std::chrono::nanoseconds(500ms));
    QCOMPARE(*engine::parseLoadDuration("1m"), std::chrono::nanoseconds(60s));
    QCOMPARE(*engine::parseLoadDuration("1.5s"), std::chrono::nanoseconds(1500ms));
    QCOMPARE(*engine::parseLoadDuration("2"), std::chrono::nanoseconds(2s));
    QVERIFY(!engine::parseLoadDuration("fast"));
    QVERIFY(!engine::parseLoadDuration("5 parsecs"));
    engine::LoadTarget target;
    std::string error;
    QVERIFY(engine::LoadTarget::fromUrl("http://httpbin.shop:8000/get?x=1", target, error));
    QCOMPARE(target.dialHost, std::string("httpbin.shop"));
    QCOMPARE(target.dialPort, std::uint16_t(8000));
    QCOMPARE(target.authority, std::string("httpbin.shop:8000"));
    QCOMPARE(target.path, std::string("/get?x=1"));
    QVERIFY(engine::LoadTarget::fromUrl("reviews", target, error));
    QCOMPARE(target.dialPort, std::uint16_t(80));
    QCOMPARE(target.path, std::string("/"));
    QVERIFY(!engine::LoadTarget::fromUrl("https://reviews/", target, error));
    QVERIFY(!engine::LoadTarget::fromUrl("http://reviews:99999/", target, error));
  }

  void exactCountWithStatusCodesAndDestinations() {
    auto running = startEngine(2);
    // Every request the same status: /status/418 is answered by the pod itself.
    auto teapot = meshLoad(*running, "/status/418");
    teapot.qps = 0;
    teapot.requests = 77;
    teapot.connections = 3;
    engine::LoadResult all418 = engine::LoadGenerator(teapot).run();
    QCOMPARE(all418.requests, std::uint64_t(77));
    QCOMPARE(all418.codes, (std::map<int, std::uint64_t>{{418, 77}}));
    QCOMPARE(all418.latency.count(), std::uint64_t(77));
    QCOMPARE(all418.socketsUsed, std::uint64_t(3));  // kept alive: one socket per connection
    // A 70/30 split where v3 answers 503: the status counts must be exactly the engine's
    // per-destination counts, which come from Metrics as a difference over the run.
    auto split = meshLoad(*running, "/split");
    split.qps = 0;
    split.requests = 400;
    engine::LoadResult result = engine::LoadGenerator(split).run();
    QVERIFY2(result.error.empty() && errorCount(result) == 0, describe(result).c_str());
    QCOMPARE(result.requests, std::uint64_t(400));
    QCOMPARE(result.codes[200] + result.codes[503], std::uint64_t(400));
    QVERIFY2(result.codes[200] > 200 && result.codes[503] > 60, describe(result).c_str());
    QVERIFY(result.destinations.has_value());
    const engine::DestinationCounts& destinations = *result.destinations;
    QCOMPARE(destinations.clusters.at(kV1), result.codes[200]);
    QCOMPARE(destinations.clusters.at(kV3), result.codes[503]);
    QCOMPARE(destinations.workloads.at("reviews-v1"), result.codes[200]);
    QCOMPARE(destinations.workloads.at("reviews-v3"), result.codes[503]);
    QCOMPARE(destinations.total, std::uint64_t(400));  // the 77 teapots before are not in the difference
    QCOMPARE(running->metrics().requestCount(engine::RequestFilter{.responseCode = 503}), result.codes[503]);
    // A fixed rate gives exact counts too.
    split.qps = 400;
    split.requests = 50;
    QCOMPARE(engine::LoadGenerator(split).run().requests, std::uint64_t(50));
  }

  void timedRunStopsNearItsDuration() {
    auto running = startEngine();
    auto options = meshLoad(*running, "/");
    options.qps = 0;
    options.connections = 2;
    options.duration = 1s;
    const auto before = std::chrono::steady_clock::now();
    engine::LoadResult result = engine::LoadGenerator(options).run();
    const double wall = seconds(std::chrono::steady_clock::now() - before);
    QVERIFY2(seconds(result.duration) >= 0.99 && seconds(result.duration) < 1.5, describe(result).c_str());
    QVERIFY2(wall < 2.5, qPrintable(QString::number(wall)));
    QVERIFY2(result.requests > 50 && result.codes[200] == result.requests, describe(result).c_str());
  }

  void fixedRateIsAchieved() {
    auto running = startEngine();
    auto options = meshLoad(*running, "/");
    options.qps = 200;
    options.duration = 2s;
    engine::LoadResult result = engine::LoadGenerator(options).run();
    // 400 slots in 2 s; generous bounds for a loaded 2-core machine.
    QVERIFY2(result.requests >= 396 && result.requests <= 401, describe(result).c_str());
    QVERIFY2(result.actualQps >= 190 && result.actualQps <= 210, describe(result).c_str());
    QVERIFY2(seconds(result.duration) >= 1.98 && seconds(result.duration) < 2.2, describe(result).c_str());
  }

  void coordinatedOmissionCountsTheStall() {
    // One engine thread, stalled for 500 ms in the middle of a 100 qps run (as a GC pause or a
    // blocked event loop would): the ~50 requests whose slots fell in the stall must show it.
    auto running = startEngine(1);
    auto options = meshLoad(*running, "/");
    options.qps = 100;
    options.connections = 1;
    options.duration = 2s;
    constexpr auto kStall = 500ms;
    std::thread staller([&] {
      std::this_thread::sleep_for(600ms);
      boost::asio::post(running->nextWorker().io, [kStall] { std::this_thread::sleep_for(kStall); });
    });
    engine::LoadResult result = engine::LoadGenerator(options).run();
    staller.join();
    QVERIFY2(errorCount(result) == 0 && result.requests >= 195, describe(result).c_str());
    // From the intended send time: the stall, then a backlog draining (500, 490, ... ms).
    QVERIFY2(ms(result.latency.percentile(99)) >= 0.9 * ms(kStall), describe(result).c_str());
    QVERIFY2(ms(result.latency.percentile(90)) >= 150, describe(result).c_str());
    std::uint64_t over100ms = 0;
    for (const auto& row : result.latency.displayBuckets())
      if (row.lower >= 100ms) over100ms += row.count;
    QVERIFY2(over100ms >= 25, describe(result).c_str());
    // From the actual send, only the request caught in the stall is slow: p90 never sees it.
    QVERIFY2(ms(result.serviceTime.max()) >= 0.8 * ms(kStall), describe(result).c_str());
    QVERIFY2(ms(result.serviceTime.percentile(90)) < 50, describe(result).c_str());
    // Percentiles are ordered and within [min, max].
    double previous = ms(result.latency.min());
    for (double p : engine::LoadReport::kPercentiles) {
      const double value = ms(result.latency.percentile(p));
      QVERIFY(value >= previous && value <= ms(result.latency.max()));
      previous = value;
    }
  }

  void destinationsFromTheAdminListenerMatchMetrics() {
    auto running = startEngine(2);
    auto options = meshLoad(*running, "/split");
    options.qps = 0;
    options.requests = 200;
    // As `meshstudio-cli load --admin 127.0.0.1:PORT http://...` against a serving engine.
    options.readDestinations = engine::DestinationCounter::reader("127.0.0.1", running->adminPort());
    engine::LoadResult result = engine::LoadGenerator(options).run();
    QVERIFY(result.destinations && result.destinations->error.empty());
    QCOMPARE(result.destinations->clusters.at(kV1), result.codes[200]);
    QCOMPARE(result.destinations->clusters.at(kV3), result.codes[503]);
    QCOMPARE(result.destinations->workloads.at("reviews-v1"), result.codes[200]);
    QCOMPARE(result.destinations->total, std::uint64_t(200));
    // The same numbers straight from Metrics (nothing else ran on this engine).
    engine::DestinationCounts direct = engine::DestinationCounter::fromEngine(*running);
    QCOMPARE(direct.clusters, result.destinations->clusters);
    QCOMPARE(direct.workloads, result.destinations->workloads);
    // An admin address nobody listens on: an error, not a hang.
    auto unreachable = engine::DestinationCounter::fromAdmin("127.0.0.1", closedPort(), 1000ms);
    QVERIFY(!unreachable.error.empty());
  }

  void stopFromAnotherThreadEndsTheRun() {
    auto running = startEngine();
    auto options = meshLoad(*running, "/");
    options.qps = 0;
    options.duration = 30s;
    engine::LoadGenerator generator(options);
    std::string error;
    QVERIFY(generator.start(error));
    std::thread stopper([&] {
      std::this_thread::sleep_for(300ms);
      generator.stop();
    });
    const auto before = std::chrono::steady_clock::now();
    engine::LoadResult result = generator.wait();
    stopper.join();
    QVERIFY(seconds(std::chrono::steady_clock::now() - before) < 3);
    QVERIFY(result.stopped);
    QVERIFY2(result.requests > 0 && errorCount(result) == 0, describe(result).c_str());
    // Requests stuck on a 5 s pod are abandoned at once, counted as cancelled rather than failed.
    auto slow = meshLoad(*running, "/slow");
    slow.qps = 0;
    slow.connections = 2;
    slow.requests = 10;
    engine::LoadGenerator stalled(slow);
    QVERIFY(stalled.start(error));
    std::this_thread::sleep_for(200ms);
    const auto stopAt = std::chrono::steady_clock::now();
    stalled.stop();
    engine::LoadResult abandoned = stalled.wait();
    QVERIFY(seconds(std::chrono::steady_clock::now() - stopAt) < 1);
    QCOMPARE(abandoned.cancelled, std::uint64_t(2));
    QCOMPARE(abandoned.requests, std::uint64_t(0));
  }

  void refusedConnectionsAreErrorsNotHangs() {
    engine::LoadOptions options;
    std::string error;
    QVERIFY(
        engine::LoadTarget::fromUrl("http://127.0.0.1:" + std::to_string(closedPort()) + "/", options.target, error));
    options.qps = 0;
    options.connections = 2;
    options.requests = 5;
    const auto before = std::chrono::steady_clock::now();
    engine::LoadResult result = engine::LoadGenerator(options).run();
    QVERIFY(seconds(std::chrono::steady_clock::now() - before) < 5);
    QCOMPARE(result.requests, std::uint64_t(5));
    QCOMPARE(result.errors, (std::map<std::string, std::uint64_t>{{"connect", 5}}));
    QVERIFY(result.codes.empty());
    QVERIFY(result.couldNotConnect());
    // A timed run against nothing ends on time too, and reports what it tried.
    options.requests = 0;
    options.duration = 500ms;
    result = engine::LoadGenerator(options).run();
    QVERIFY2(seconds(result.duration) < 1.5 && result.errors["connect"] > 0, describe(result).c_str());
  }

  void silentServerTimesOut() {
    // Accepted by the kernel (listen backlog), never answered.
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor silent(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
    engine::LoadOptions options;
    std::string error;
    QVERIFY(engine::LoadTarget::fromUrl("http://127.0.0.1:" + std::to_string(silent.local_endpoint().port()) + "/",
                                        options.target, error));
    options.qps = 0;
    options.connections = 1;
    options.requests = 2;
    options.timeout = 200ms;
    const auto before = std::chrono::steady_clock::now();
    engine::LoadResult result = engine::LoadGenerator(options).run();
    const double wall = seconds(std::chrono::steady_clock::now() - before);
    QCOMPARE(result.errors, (std::map<std::string, std::uint64_t>{{"timeout", 2}}));
    QVERIFY2(wall >= 0.39 && wall < 2, qPrintable(QString::number(wall)));
  }

  void reconnectsWhenTheServerCloses() {
    auto running = startEngine();
    auto options = meshLoad(*running, "/");
    options.qps = 0;
    options.connections = 2;
    options.requests = 20;
    options.headers = {{"Connection", "close"}};  // the engine closes after every answer
    engine::LoadResult result = engine::LoadGenerator(options).run();
    QCOMPARE(result.codes, (std::map<int, std::uint64_t>{{200, 20}}));
    QCOMPARE(result.socketsUsed, std::uint64_t(20));
  }

  void methodHeadersAndBodyReachTheEngine() {
    auto running = startEngine();
    std::mutex mutex;
    std::vector<engine::AccessLogEntry> entries;
    running->accessLog().subscribe([&](const engine::AccessLogEntry& entry, const std::string&) {
      std::lock_guard lock(mutex);
      entries.push_back(entry);
    });
    auto options = meshLoad(*running, "/orders");
    options.qps = 0;
    options.requests = 10;
    options.method = "POST";
    options.headers = {{"x-load", "yes"}};
    options.body = "hello";
    engine::LoadResult result = engine::LoadGenerator(options).run();
    // The POST-with-header rule routes to v3 (which answers 503): every request matched it.
    QCOMPARE(result.codes, (std::map<int, std::uint64_t>{{503, 10}}));
    QCOMPARE(result.destinations->workloads, (std::map<std::string, std::uint64_t>{{"reviews-v3", 10}}));
    QTRY_COMPARE(
        [&] {
          std::lock_guard lock(mutex);
          return entries.size();
        }(),
        std::size_t(10));
    std::lock_guard lock(mutex);
    for (const auto& entry : entries) {
      QCOMPARE(entry.method, std::string("POST"));
      QCOMPARE(entry.bytesReceived, std::uint64_t(5));
      QCOMPARE(entry.authority, std::string("reviews:9080"));
    }
  }

  void progressIsReportedWhileRunning() {
    auto running = startEngine();
    auto options = meshLoad(*running, "/");
    options.qps = 100;
    options.duration = 1s;
    options.progressInterval = 100ms;
    std::mutex mutex;
    std::vector<engine::LoadProgress> reports;
    options.onProgress = [&](const engine::LoadProgress& progress) {
      std::lock_guard lock(mutex);
      reports.push_back(progress);
    };
    std::atomic<bool> finishedCalled{false};
    options.onFinished = [&] { finishedCalled = true; };
    engine::LoadResult result = engine::LoadGenerator(options).run();
    QVERIFY(finishedCalled);
    std::lock_guard lock(mutex);
    QVERIFY2(reports.size() >= 6, qPrintable(QString::number(reports.size())));
    for (std::size_t i = 1; i < reports.size(); ++i) {
      QVERIFY(reports[i].done >= reports[i - 1].done);
      QVERIFY(reports[i].elapsed >= reports[i - 1].elapsed);
    }
    QVERIFY(!reports[reports.size() / 2].finished && reports[reports.size() / 2].done > 0);
    QCOMPARE(reports[reports.size() / 2].duration, std::chrono::nanoseconds(1s));
    QVERIFY(reports.back().finished);
    QCOMPARE(reports.back().done, result.requests);
  }

  void reportRendersFortioStyle() {
    engine::LoadResult result;
    result.connections = 2;
    result.requests = 20;
    result.codes = {{200, 17}, {503, 3}};
    for (int i = 1; i <= 20; ++i) result.latency.record(std::chrono::milliseconds(i));
    result.duration = 1s;
    result.actualQps = 20;
    const std::string text = engine::LoadReport::text(result);
    QVERIFY2(text.find("Code 200 : 17 (85.0 %)\n") != std::string::npos, text.c_str());
    QVERIFY2(text.find("Code 503 : 3 (15.0 %)\n") != std::string::npos, text.c_str());
    // Interpolated inside the 10 ms sample's fine bucket (under 1 % wide), like fortio does in its buckets.
    QVERIFY2(text.find("# target 50% 10.0") != std::string::npos, text.c_str());
    QVERIFY2(text.find("# target 99.9% 20\n") != std::string::npos, text.c_str());  // clamped to the max
    QVERIFY2(text.find(">= 1 <= 1 , 1 , 5.00, 1\n") != std::string::npos, text.c_str());
    QVERIFY2(text.find("> 18 <= 20 , 19 , 100.00, 2\n") != std::string::npos, text.c_str());
    QVERIFY2(text.find("All done 20 calls") != std::string::npos, text.c_str());
  }
};

QTEST_GUILESS_MAIN(LoadGeneratorTest)
#include "tst_loadgenerator.moc"
