// Issue 5: DestinationRule policies at run time, through real sockets against simulated pods —
// Istio's circuit-breaking task reproduced with the load generator, outlier ejection and return,
// no healthy upstream, and every load-balancing policy.

#include <QtTest/QtTest>

#include <mutex>
#include <set>
#include <thread>

#include "LoopbackClient.h"
#include "ResilienceTestSupport.h"

using namespace meshstudio;
using namespace meshstudio::test;

namespace {

const std::string kCluster = "outbound|8000||httpbin.default.svc.cluster.local";

std::string rule(const std::string& trafficPolicy) {
  return "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: httpbin, namespace: default}\n"
         "spec:\n  host: httpbin\n  trafficPolicy:\n" +
         trafficPolicy;
}

std::string podOf(const engine::Response& response) { return std::string(response.at("x-meshstudio-pod")); }

}  // namespace

class CircuitBreakingTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void issue5_istioCircuitBreakingTask() {
    // https://istio.io/latest/docs/tasks/traffic-management/circuit-breaking/, word for word, on one
    // engine thread (one connection pool): with maxRequestsPerConnection 1 every request opens a
    // connection and stays pending until it is connected, and a request arriving meanwhile overflows.
    // The pod's connections take a 1 ms handshake (a sidecar's mTLS): without it the pending window
    // on loopback is so short that, on a busy machine, a 20-request run sometimes sees no overflow.
    // With it, a refused request returns in microseconds and its client retries at once, so most of
    // the first run overflows; Istio's page shows 3 of 20.
    auto running = startEngine(
        compileYaml(httpbinYaml({{"httpbin", 1, "meshstudio.dev/handshake: 1ms"}}, rule(R"(    connectionPool:
      tcp: {maxConnections: 1}
      http: {http1MaxPendingRequests: 1, maxRequestsPerConnection: 1}
    outlierDetection: {consecutive5xxErrors: 1, interval: 1s, baseEjectionTime: 3m, maxEjectionPercent: 100}
)"))),
        1);
    auto first = loadHttpbin(*running, 2, 20);
    const std::uint64_t overflowAfterFirst =
        running->metrics().clusterCounter(kCluster, "upstream_rq_pending_overflow");
    auto second = loadHttpbin(*running, 3, 30);
    const std::uint64_t overflowInSecond =
        running->metrics().clusterCounter(kCluster, "upstream_rq_pending_overflow") - overflowAfterFirst;
    const std::string summary = "first: 200×" + std::to_string(first.codes[200]) + " 503×" +
                                std::to_string(first.codes[503]) + ", second: 200×" +
                                std::to_string(second.codes[200]) + " 503×" + std::to_string(second.codes[503]);
    qInfo("%s (Istio's page: 17×200 3×503, then 11×200 19×503)", summary.c_str());
    QCOMPARE(first.requests, std::uint64_t(20));
    QCOMPARE(second.requests, std::uint64_t(30));
    QVERIFY2(first.codes[503] > 0 && second.codes[503] > 0, summary.c_str());
    QCOMPARE(first.codes[200] + first.codes[503], std::uint64_t(20));
    QVERIFY2(overflowAfterFirst > 0, summary.c_str());
    QVERIFY2(overflowInSecond > overflowAfterFirst, summary.c_str());
    // Every 503 is an overflow (UO), answered by the proxy: nothing reached the pod, so nothing was ejected.
    QTRY_COMPARE(running->metrics().requestCount({.responseFlags = std::string("UO")}),
                 first.codes[503] + second.codes[503]);
    QCOMPARE(running->metrics().clusterCounter(kCluster, "outlier_detection.ejections_enforced_total"),
             std::uint64_t(0));

    // And the overflow answer as curl sees it.
    std::atomic<bool> stop{false};
    std::thread background([&] {
      while (!stop) loadHttpbin(*running, 3, 30);
    });
    bool sawOverflow = false;
    LoopbackClient client(running->meshPort());
    for (int i = 0; i < 200 && !sawOverflow; ++i) {
      auto answer = client.get("httpbin:8000", "/get");
      QVERIFY(answer);
      if (answer->result_int() != 503) continue;
      sawOverflow = true;
      QCOMPARE(answer->body(),
               std::string("upstream connect error or disconnect/reset before headers. reset reason: overflow"));
      QCOMPARE(std::string(answer->at("x-envoy-overloaded")), std::string("true"));
    }
    stop = true;
    background.join();
    QVERIFY(sawOverflow);
  }

  void issue5_outlierDetectionEjectsABadPodAndLetsItBack() {
    auto running = startEngine(compileYaml(
        httpbinYaml({{"good", 2, ""}, {"bad", 1, "meshstudio.dev/error-rate: '1'"}},
                    rule("    loadBalancer: {simple: ROUND_ROBIN}\n"
                         "    outlierDetection: {consecutive5xxErrors: 3, interval: 100ms, baseEjectionTime: 1s, "
                         "maxEjectionPercent: 50}\n"))));
    std::mutex eventsMutex;
    std::vector<engine::EngineEvent> events;
    running->events().subscribe([&](const engine::EngineEvent& event) {
      std::lock_guard lock(eventsMutex);
      if (event.kind != engine::EngineEvent::Kind::Reloaded) events.push_back(event);
    });
    LoopbackClient client(running->meshPort());
    int failures = 0;
    for (int i = 0; i < 30; ++i) failures += client.get("httpbin:8000", "/get")->result_int() == 503 ? 1 : 0;
    QCOMPARE(failures, 3);  // round robin reaches the bad pod every third request, three times
    // Ejected: the traffic shifts to the healthy pods.
    for (int i = 0; i < 30; ++i) {
      auto answer = client.get("httpbin:8000", "/get");
      QCOMPARE(answer->result_int(), 200u);
      QVERIFY(podOf(*answer).starts_with("good-"));
    }
    QCOMPARE(running->metrics().clusterCounter(kCluster, "outlier_detection.ejections_active"), std::uint64_t(1));
    QCOMPARE(running->metrics().clusterCounter(kCluster, "outlier_detection.ejections_enforced_total"),
             std::uint64_t(1));
    LoopbackClient admin(running->adminPort());
    const std::string clusters = admin.get("admin", "/clusters")->body();
    QVERIFY(clusters.find(kCluster + "::10.1.0.3:8000::health_flags::/failed_outlier_check") != std::string::npos);
    {
      std::lock_guard lock(eventsMutex);
      QCOMPARE(events.size(), std::size_t(1));
      QCOMPARE(events[0].kind, engine::EngineEvent::Kind::Ejected);
      QCOMPARE(events[0].host, std::string("10.1.0.3:8000"));
    }
    // After the ejection time (1 s, checked on 100 ms interval ticks) it returns and fails again.
    QTRY_VERIFY_WITH_TIMEOUT(running->metrics().clusterCounter(kCluster, "outlier_detection.ejections_active") == 0,
                             3000);
    bool badAnsweredAgain = false;
    for (int i = 0; i < 6 && !badAnsweredAgain; ++i)
      badAnsweredAgain = client.get("httpbin:8000", "/get")->result_int() == 503;
    QVERIFY(badAnsweredAgain);
    std::lock_guard lock(eventsMutex);
    QVERIFY(events.size() >= 2);
    QCOMPARE(events[1].kind, engine::EngineEvent::Kind::Unejected);
  }

  void issue5_everyHostEjectedMeansNoHealthyUpstream() {
    auto running = startEngine(compileYaml(
        httpbinYaml({{"bad", 1, "meshstudio.dev/error-rate: '1'"}},
                    rule("    outlierDetection: {consecutive5xxErrors: 1, interval: 1s, baseEjectionTime: 1m, "
                         "maxEjectionPercent: 100}\n"))));
    LoopbackClient client(running->meshPort());
    QCOMPARE(client.get("httpbin:8000", "/get")->result_int(), 503u);  // the pod's own 503 ejects it
    auto answer = client.get("httpbin:8000", "/get");
    QCOMPARE(answer->result_int(), 503u);
    QCOMPARE(answer->body(), std::string("no healthy upstream"));
    QTRY_COMPARE(running->metrics().requestCount({.responseFlags = std::string("UH")}), std::uint64_t(1));
  }

  void issue5_loadBalancers() {
    auto podsSeen = [](engine::Engine& running, int requests, const engine::HeaderList& headers = {}) {
      LoopbackClient client(running.meshPort());
      std::vector<std::string> pods;
      for (int i = 0; i < requests; ++i) pods.push_back(podOf(*client.get("httpbin:8000", "/get", headers)));
      return pods;
    };
    const std::vector<HttpbinDeployment> three{{"httpbin", 3, ""}};
    {
      auto running = startEngine(compileYaml(httpbinYaml(three, rule("    loadBalancer: {simple: ROUND_ROBIN}\n"))));
      auto pods = podsSeen(*running, 30);
      for (std::size_t i = 3; i < pods.size(); ++i) QCOMPARE(pods[i], pods[i - 3]);  // a strict rotation
      QCOMPARE(std::set<std::string>(pods.begin(), pods.end()).size(), std::size_t(3));
    }
    {
      auto running = startEngine(compileYaml(httpbinYaml(three, rule("    loadBalancer: {simple: RANDOM}\n"))));
      auto pods = podsSeen(*running, 60);
      QCOMPARE(std::set<std::string>(pods.begin(), pods.end()).size(), std::size_t(3));
    }
    for (const char* algorithm : {"", ", maglev: {tableSize: 65537}"}) {
      auto running =
          startEngine(compileYaml(httpbinYaml(three, rule("    loadBalancer: {consistentHash: {httpHeaderName: x-user" +
                                                          std::string(algorithm) + "}}\n"))));
      std::set<std::string> chosen;
      for (int user = 0; user < 12; ++user) {
        auto pods = podsSeen(*running, 5, {{"x-user", "user-" + std::to_string(user)}});
        QCOMPARE(std::set<std::string>(pods.begin(), pods.end()).size(), std::size_t(1));  // sticky
        chosen.insert(pods.front());
      }
      QVERIFY2(chosen.size() >= 2, algorithm);  // and spread over users
    }
    {
      auto running = startEngine(compileYaml(
          httpbinYaml(three, rule("    loadBalancer: {consistentHash: {httpCookie: {name: user, ttl: 60s}}}\n"))));
      LoopbackClient client(running->meshPort());
      auto first = client.get("httpbin:8000", "/get");
      const std::string setCookie(first->at(engine::http::field::set_cookie));
      QVERIFY2(setCookie.starts_with("user=\"") && setCookie.find("Max-Age=60") != std::string::npos,
               setCookie.c_str());
      const std::string cookie = setCookie.substr(0, setCookie.find(';'));
      auto pods = podsSeen(*running, 10, {{"cookie", cookie}});
      QCOMPARE(std::set<std::string>(pods.begin(), pods.end()).size(), std::size_t(1));
      auto again = client.get("httpbin:8000", "/get", {{"cookie", cookie}});
      QVERIFY(again->find(engine::http::field::set_cookie) == again->end());  // only set when missing
    }
  }

  void issue5_subsetAndPortLevelPoliciesReplaceWholeBlocks() {
    auto snapshot = compileYaml(httpbinYaml({{"v1", 1, ""}}, R"(apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: httpbin, namespace: default}
spec:
  host: httpbin
  trafficPolicy:
    loadBalancer: {simple: ROUND_ROBIN}
    connectionPool: {tcp: {maxConnections: 7}, http: {http1MaxPendingRequests: 3}}
    portLevelSettings:
    - port: {number: 8000}
      connectionPool: {http: {maxRetries: 4}}
  subsets:
  - name: v1
    labels: {version: v1}
    trafficPolicy:
      outlierDetection: {consecutiveGatewayErrors: 2}
)"));
    // Port level replaces the whole policy: maxRetries 4, and no ROUND_ROBIN or maxConnections 7.
    const engine::Cluster* whole = snapshot->cluster(kCluster);
    QVERIFY(whole);
    QCOMPARE(whole->policy.limits.maxRetries, std::uint64_t(4));
    QCOMPARE(whole->policy.limits.maxConnections, engine::kUnlimited);
    QCOMPARE(whole->policy.loadBalancer.kind, engine::LoadBalancerPolicy::Kind::LeastRequest);
    QVERIFY(!whole->policy.outlier);
    // The subset adds its outlier block; Envoy's defaults fill what it leaves out.
    const engine::Cluster* v1 = snapshot->cluster("outbound|8000|v1|httpbin.default.svc.cluster.local");
    QVERIFY(v1);
    QVERIFY(v1->policy.outlier);
    QCOMPARE(v1->policy.outlier->consecutiveGatewayErrors, std::uint64_t(2));
    QCOMPARE(v1->policy.outlier->consecutive5xx, std::uint64_t(5));
    QCOMPARE(v1->policy.outlier->maxEjectionPercent, std::uint32_t(10));
    QCOMPARE(v1->policy.limits.maxRetries, std::uint64_t(4));
  }
};

QTEST_GUILESS_MAIN(CircuitBreakingTest)
#include "tst_circuitbreaking.moc"
