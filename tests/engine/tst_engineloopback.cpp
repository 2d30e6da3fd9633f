// The engine through real sockets on loopback: the shop sample's routing, a 90/10 split over
// 10,000 requests, a rewrite as the pod's echo shows it, hot reload under load, the admin
// pages, and a real local upstream process (meshstudio.dev/upstream) reached over keep-alive.

#include <QtTest/QtTest>

#include <nlohmann/json.hpp>

#include <atomic>
#include <thread>

#include "../model/TestSupport.h"
#include "EngineTestSupport.h"
#include "LoopbackClient.h"
#include "engine/ConfigSource.h"
#include "engine/Engine.h"

using namespace meshstudio;
using namespace meshstudio::test;

namespace {

/// Every listener on a free loopback port, so suites can run in parallel.
const char* kEphemeralSettings = R"(apiVersion: meshstudio.dev/v1alpha1
kind: Project
defaultNamespace: default
engine: {listen: '127.0.0.1:0', admin: '127.0.0.1:0', gatewayPorts: {80: 0}}
)";

nlohmann::json echoOf(const engine::Response& response) { return nlohmann::json::parse(response.body()); }

std::string splitRules(int first, int second) {
  return "  - route:\n    - {destination: {host: reviews, subset: v1}, weight: " + std::to_string(first) +
         "}\n    - {destination: {host: reviews, subset: v3}, weight: " + std::to_string(second) + "}\n";
}

}  // namespace

class EngineLoopbackTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void shopSampleRoutesJasonToV2() {
    auto loaded = engine::ConfigSource({sourceDir() / "resources" / "samples" / "shop"}).load();
    QVERIFY2(loaded.snapshot->problems.empty(), problemsOf(*loaded.snapshot).c_str());
    auto running = startEngine(loaded.snapshot);
    LoopbackClient client(running->meshPort());
    for (int i = 0; i < 50; ++i) {
      auto jason = client.get("reviews:9080", "/reviews/1", {{"end-user", "jason"}});
      QVERIFY(jason);
      QCOMPARE(jason->result_int(), 200u);
      QCOMPARE(echoOf(*jason)["labels"]["version"].get<std::string>(), std::string("v2"));
      // Everyone else is in the v1/v3 canary; v3 is annotated to fail 2% of requests, so read the
      // answering pod from the header every answer carries rather than from the JSON echo.
      auto other = client.get("reviews:9080", "/reviews/1", {{"end-user", "ann"}});
      QVERIFY(other);
      QVERIFY(!std::string(other->at("x-meshstudio-pod")).starts_with("reviews-v2"));
    }
    // The same request in proxy form (curl -x).
    engine::Request proxied{http::verb::get, "http://reviews:9080/reviews/2", 11};
    proxied.set("end-user", "jason");
    auto viaProxy = client.send(proxied);
    QVERIFY(viaProxy);
    QCOMPARE(echoOf(*viaProxy)["path"].get<std::string>(), std::string("/reviews/2"));
    QCOMPARE(echoOf(*viaProxy)["labels"]["version"].get<std::string>(), std::string("v2"));
    // The shop's Gateway port answers the storefront; anything else there is 404 NR.
    LoopbackClient gateway(running->gatewayPort(80));
    auto page = gateway.get("shop.example.com", "/products/7");
    QVERIFY(page);
    QCOMPARE(echoOf(*page)["deployment"].get<std::string>(), std::string("productpage-v1"));
    auto missing = gateway.get("shop.example.com", "/admin");
    QCOMPARE(missing->result_int(), 404u);
  }

  void weightedSplitHoldsOver10000Requests() {
    auto running = startEngine(reviewsWith(splitRules(90, 10)));
    LoopbackClient client(running->meshPort());
    int v1 = 0, v3 = 0;
    for (int i = 0; i < 10000; ++i) {
      auto response = client.get("reviews", "/");
      QVERIFY(response);
      const std::string pod(response->at("x-meshstudio-pod"));
      (pod.starts_with("reviews-v1") ? v1 : v3)++;
    }
    QCOMPARE(v1 + v3, 10000);
    const double share = 100.0 * v1 / 10000;
    QVERIFY2(share >= 89.0 && share <= 91.0, qPrintable(QStringLiteral("v1 got %1%").arg(share)));
    // The destination sidecar's view agrees: istio_requests_total by destination_version.
    engine::RequestFilter toV1;
    toV1.destinationVersion = "v1";
    QTRY_COMPARE(running->metrics().requestCount(toV1), std::uint64_t(v1));
  }

  void rewriteReachesThePod() {
    auto running = startEngine(reviewsWith(
        "  - match: [{uri: {prefix: /old}}]\n    rewrite: {uri: /new, authority: reviews.internal}\n"
        "    headers: {request: {set: {x-added: yes}}}\n    route: [{destination: {host: reviews, subset: v1}}]\n"));
    LoopbackClient client(running->meshPort());
    auto response = client.get("reviews", "/old/item?id=3");
    QVERIFY(response);
    const nlohmann::json echo = echoOf(*response);
    QCOMPARE(echo["path"].get<std::string>(), std::string("/new/item"));
    QCOMPARE(echo["query"]["id"].get<std::string>(), std::string("3"));
    QCOMPARE(echo["headers"]["Host"].get<std::string>(), std::string("reviews.internal"));
    QCOMPARE(echo["headers"]["x-envoy-original-path"].get<std::string>(), std::string("/old/item?id=3"));
    QCOMPARE(echo["headers"]["x-added"].get<std::string>(), std::string("yes"));
  }

  void failureAnswersOnTheWire() {
    auto running = startEngine(
        reviewsWith("  - match: [{uri: {prefix: /nc}}]\n    route: [{destination: {host: reviews, subset: v9}}]\n"
                    "  - match: [{uri: {prefix: /uh}}]\n    route: [{destination: {host: reviews, subset: v4}}]\n"
                    "  - match: [{uri: {prefix: /status}}]\n    route: [{destination: {host: reviews}}]\n"));
    LoopbackClient client(running->meshPort());
    QCOMPARE(client.get("reviews", "/nothing")->result_int(), 404u);
    QCOMPARE(client.get("reviews", "/nc")->result_int(), 503u);
    auto uh = client.get("reviews", "/uh");
    QCOMPARE(uh->result_int(), 503u);
    QCOMPARE(uh->body(), std::string("no healthy upstream"));
    QCOMPARE(client.get("reviews", "/status/418")->result_int(), 418u);
    engine::RequestFilter flagged;
    flagged.responseFlags = "NR";
    QTRY_COMPARE(running->metrics().requestCount(flagged), std::uint64_t(1));
    flagged.responseFlags = "UH";
    QTRY_COMPARE(running->metrics().requestCount(flagged), std::uint64_t(1));
  }

  void accessLogStreamsOneLinePerRequest() {
    auto running = startEngine(reviewsWith("  - route: [{destination: {host: reviews, subset: v1}}]\n"));
    std::mutex mutex;
    std::vector<std::string> lines;
    running->accessLog().subscribe([&](const engine::AccessLogEntry&, const std::string& line) {
      std::lock_guard lock(mutex);
      lines.push_back(line);
    });
    LoopbackClient client(running->meshPort());
    client.get("reviews", "/a");
    client.get("nowhere", "/b");
    QTRY_COMPARE_WITH_TIMEOUT(
        [&] {
          std::lock_guard lock(mutex);
          return lines.size();
        }(),
        std::size_t(2), 5000);
    std::lock_guard lock(mutex);
    QVERIFY2(lines[0].find("\"GET /a HTTP/1.1\" 200 - via_upstream") != std::string::npos, lines[0].c_str());
    QVERIFY2(lines[0].find("outbound|9080|v1|reviews.default.svc.cluster.local") != std::string::npos,
             lines[0].c_str());
    QVERIFY2(lines[1].find("\"GET /b HTTP/1.1\" 404 NR route_not_found") != std::string::npos, lines[1].c_str());
  }

  void hotReloadUnderLoadLosesNoRequest() {
    auto running = startEngine(reviewsWith(splitRules(100, 0)), 2);
    std::atomic<bool> stop{false};
    std::atomic<int> ok{0}, failed{0};
    std::vector<std::thread> clients;
    for (int c = 0; c < 4; ++c)
      clients.emplace_back([&, port = running->meshPort()] {
        LoopbackClient client(port);
        while (!stop) {
          auto response = client.get("reviews", "/delay/0");
          (response && response->result_int() == 200 ? ok : failed)++;
        }
      });
    // Alternate two configurations while the clients run; every reload compiles off the I/O threads.
    std::uint64_t lastVersion = 0;
    for (int i = 0; i < 40; ++i) {
      auto next = reviewsWith(i % 2 ? splitRules(100, 0) : splitRules(0, 100));
      lastVersion = next->version;
      running->load(next);
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    stop = true;
    for (std::thread& thread : clients) thread.join();
    QCOMPARE(failed.load(), 0);
    QVERIFY(ok.load() > 100);
    QCOMPARE(running->snapshot()->version, lastVersion);
    // Every request was answered and counted (a request is counted once its answer is written).
    QTRY_COMPARE(running->metrics().requestCount(), std::uint64_t(ok.load()));
  }

  void issue4_headAndBodilessStatusesKeepTheConnectionUsable() {
    auto running =
        startEngine(reviewsWith("  - match: [{uri: {prefix: /nocontent}}]\n"
                                "    fault: {abort: {httpStatus: 204, percentage: {value: 100}}}\n"
                                "    route: [{destination: {host: reviews, subset: v1}}]\n"
                                "  - route: [{destination: {host: reviews, subset: v1}}]\n"));
    LoopbackClient client(running->meshPort());
    // A 204 with a body would make Beast throw; it must go out bodiless and the engine live on.
    auto noContent = client.get("reviews", "/nocontent");
    QVERIFY(noContent);
    QCOMPARE(noContent->result_int(), 204u);
    engine::Request head{http::verb::head, "/anything", 11};
    head.set(http::field::host, "reviews");
    auto headAnswer = client.send(head);
    QVERIFY(headAnswer);
    QCOMPARE(headAnswer->result_int(), 200u);
    // The same kept-alive connection still frames the next answer correctly.
    auto next = client.get("reviews", "/after-head");
    QVERIFY(next);
    QCOMPARE(echoOf(*next)["path"].get<std::string>(), std::string("/after-head"));
  }

  void gatewayListenersFollowReloads() {
    auto running = startEngine(compileYaml(kReviewsWorkloads, kEphemeralSettings));
    QCOMPARE(running->gatewayPort(80), std::uint16_t(0));
    running->load(compileYaml(std::string(kReviewsWorkloads) + R"(---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: public, namespace: default}
spec: {servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ['*.example.com']}]}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: public, namespace: default}
spec:
  hosts: [books.example.com]
  gateways: [public]
  http: [{route: [{destination: {host: reviews, subset: v3}}]}]
)",
                              kEphemeralSettings));
    QVERIFY(running->gatewayPort(80) != 0);
    LoopbackClient client(running->gatewayPort(80));
    auto response = client.get("books.example.com", "/");
    QVERIFY(response);
    QCOMPARE(echoOf(*response)["deployment"].get<std::string>(), std::string("reviews-v3"));
    QCOMPARE(std::string(response->at(http::field::server)), std::string("istio-envoy"));
  }

  void adminPages() {
    auto running = startEngine(reviewsWith("  - route: [{destination: {host: reviews, subset: v2}}]\n"));
    LoopbackClient mesh(running->meshPort());
    mesh.get("reviews", "/");
    LoopbackClient admin(running->adminPort());
    QCOMPARE(admin.get("admin", "/ready")->body(), std::string("LIVE\n"));
    const std::string stats = admin.get("admin", "/stats")->body();
    QVERIFY2(stats.find("cluster.outbound|9080|v2|reviews.default.svc.cluster.local.upstream_rq_200: 1") !=
                 std::string::npos,
             stats.c_str());
    const std::string prometheus = admin.get("admin", "/stats/prometheus")->body();
    QVERIFY(prometheus.find("istio_requests_total{reporter=\"destination\"") != std::string::npos);
    QVERIFY(prometheus.find("destination_version=\"v2\"") != std::string::npos);
    QVERIFY(prometheus.find("istio_request_duration_milliseconds_bucket{") != std::string::npos);
    auto dump = nlohmann::json::parse(admin.get("admin", "/config_dump")->body());
    QCOMPARE(dump["listeners"][0]["name"].get<std::string>(), std::string("mesh"));
    const std::string clusters = admin.get("admin", "/clusters")->body();
    QVERIFY2(
        clusters.find("outbound|9080|v2|reviews.default.svc.cluster.local::10.1.0.2:9080::hostname::reviews-v2-0") !=
            std::string::npos,
        clusters.c_str());
    QCOMPARE(admin.get("admin", "/nope")->result_int(), 404u);
  }

  void realUpstreamOverKeepAlive() {
    // A second engine stands in for a real local process: its mesh listener answers as reviews.
    auto backend = startEngine(reviewsWith("  - route: [{destination: {host: reviews, subset: v2}}]\n"));
    auto front = startEngine(compileYaml(realUpstreamService("reviews", 9080, backend->meshPort())));
    LoopbackClient client(front->meshPort());
    for (int i = 0; i < 20; ++i) {
      auto response = client.get("reviews", "/hello");
      QVERIFY(response);
      QCOMPARE(response->result_int(), 200u);
      QCOMPARE(echoOf(*response)["deployment"].get<std::string>(), std::string("reviews-v2"));
    }
    QTRY_COMPARE(backend->metrics().requestCount(), std::uint64_t(20));
    // Keep-alive: twenty requests, one pooled connection.
    QCOMPARE(front->idleUpstreamConnections(), std::size_t(1));
    // The upstream goes away: 503 UF.
    backend->stop();
    LoopbackClient again(front->meshPort());
    auto refused = again.get("reviews", "/hello");
    QVERIFY(refused);
    QCOMPARE(refused->result_int(), 503u);
  }
};

QTEST_GUILESS_MAIN(EngineLoopbackTest)
#include "tst_engineloopback.moc"
