// Issue 5: the router's resilience policies through real sockets against simulated pods —
// route and per-try timeouts, retries (by retryOn token, Istio's default policy, the binomial
// gain of retrying a flaky pod), fault injection (Istio's fault task, two hops through the
// engine), and mirroring. Times are asserted as bounds, never exactly.

#include <QtTest/QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <thread>

#include "LoopbackClient.h"
#include "ResilienceTestSupport.h"
#include "engine/RetryRules.h"

using namespace meshstudio;
using namespace meshstudio::test;
using Clock = std::chrono::steady_clock;

namespace {

std::uint64_t counter(engine::Engine& running, const std::string& name) {
  return running.metrics().clusterCounter("outbound|8000||httpbin.default.svc.cluster.local", name);
}

}  // namespace

class ResilienceTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void issue5_retryOnTokensFollowTheReferenceTable() {
    using Kind = engine::AttemptOutcome::Kind;
    auto response = [](unsigned status) {
      engine::Response r{static_cast<engine::http::status>(status), 11};
      return r;
    };
    const engine::Response r503 = response(503), r409 = response(409), r500 = response(500), r200 = response(200);
    auto retries = [](std::string_view on, engine::AttemptOutcome outcome) {
      return engine::wouldRetry(engine::parseRetryOn(on), outcome);
    };
    QVERIFY(retries("5xx", {Kind::Response, &r500}));
    QVERIFY(retries("5xx", {Kind::Reset}));
    QVERIFY(retries("5xx", {Kind::PerTryTimeout}));
    QVERIFY(retries("5xx", {Kind::ConnectFailure}));
    QVERIFY(!retries("5xx", {Kind::Response, &r200}));
    QVERIFY(retries("gateway-error", {Kind::Response, &r503}));
    QVERIFY(!retries("gateway-error", {Kind::Response, &r500}));
    QVERIFY(retries("reset", {Kind::Reset}));
    QVERIFY(!retries("reset", {Kind::Response, &r503}));
    QVERIFY(retries("reset-before-request", {Kind::Reset, nullptr, false}));
    QVERIFY(!retries("reset-before-request", {Kind::Reset, nullptr, true}));
    QVERIFY(retries("connect-failure", {Kind::ConnectFailure}));
    QVERIFY(!retries("connect-failure", {Kind::PerTryTimeout}));
    QVERIFY(retries("retriable-4xx", {Kind::Response, &r409}));
    QVERIFY(retries("503", {Kind::Response, &r503}));
    // A status code counts only when the upstream sent it: a connect failure is not a 503.
    QVERIFY(!retries("503", {Kind::ConnectFailure}));
    QVERIFY(!retries("5xx", {Kind::Overflow}));  // circuit-breaker overflow is never retried
    engine::Response limited = response(503);
    limited.set("x-envoy-ratelimited", "true");
    QVERIFY(!retries("5xx", {Kind::Response, &limited}));
    QVERIFY(retries("envoy-ratelimited", {Kind::Response, &limited}));
    engine::Response grpc = response(200);
    grpc.set("grpc-status", "14");
    QVERIFY(retries("unavailable", {Kind::Response, &grpc}));
    QVERIFY(!retries("cancelled", {Kind::Response, &grpc}));
    QVERIFY(retries(engine::kIstioDefaultRetryOn, {Kind::ConnectFailure}));
    QVERIFY(!retries(engine::kIstioDefaultRetryOn, {Kind::Response, &r503}));  // 503 left the default in 1.24

    // Back-off: uniform below (2^n − 1) · 25 ms, never over 250 ms.
    engine::SeededRandom random(7);
    for (unsigned retry = 1; retry <= 6; ++retry)
      for (int i = 0; i < 200; ++i) {
        const auto wait = engine::retryBackoff(retry, std::chrono::milliseconds(25), random);
        QVERIFY(wait.count() < std::min<std::int64_t>(((1 << retry) - 1) * 25, 250));
      }
  }

  void issue5_routeTimeoutCoversEveryAttempt() {
    auto running = startEngine(compileYaml(httpbinYaml({{"httpbin", 1, "meshstudio.dev/latency: 600ms"}},
                                                       httpbinRoute("    timeout: 200ms\n    retries: {attempts: 3, "
                                                                    "perTryTimeout: 150ms, retryOn: 5xx}\n"))));
    LoopbackClient client(running->meshPort());
    const auto start = Clock::now();
    auto answer = client.get("httpbin:8000", "/get");
    const double elapsed = secondsSince(start);
    QVERIFY(answer);
    QCOMPARE(answer->result_int(), 504u);
    QCOMPARE(answer->body(), std::string("upstream request timeout"));
    // The 200 ms route timeout ends everything, however many per-try attempts were left.
    QVERIFY2(elapsed >= 0.19 && elapsed < 0.6, std::to_string(elapsed).c_str());
    QCOMPARE(counter(*running, "upstream_rq_timeout"), std::uint64_t(1));
    QTRY_COMPARE(running->metrics().requestCount({.responseFlags = std::string("UT")}), std::uint64_t(1));
  }

  void issue5_perTryTimeoutRetriesThenGivesUp() {
    auto running = startEngine(compileYaml(
        httpbinYaml({{"httpbin", 2, "meshstudio.dev/latency: 400ms"}},
                    httpbinRoute("    retries: {attempts: 2, perTryTimeout: 100ms, retryOn: 'gateway-error'}\n"))));
    LoopbackClient client(running->meshPort());
    const auto start = Clock::now();
    auto answer = client.get("httpbin:8000", "/get");
    const double elapsed = secondsSince(start);
    QVERIFY(answer);
    QCOMPARE(answer->result_int(), 504u);
    // Three attempts of 100 ms and two back-offs under 25 and 75 ms.
    QVERIFY2(elapsed >= 0.29 && elapsed < 0.9, std::to_string(elapsed).c_str());
    QCOMPARE(counter(*running, "upstream_rq_per_try_timeout"), std::uint64_t(3));
    QCOMPARE(counter(*running, "upstream_rq_retry"), std::uint64_t(2));
    QTRY_COMPARE(running->metrics().requestCount({.responseFlags = std::string("URX,UT")}), std::uint64_t(1));
  }

  void issue5_retriesLiftTheSuccessRateAsTheBinomialSays() {
    const int requests = 400;
    auto successRate = [&](const std::string& retries, int* attemptHeader) {
      auto running = startEngine(
          compileYaml(httpbinYaml({{"httpbin", 1, "meshstudio.dev/error-rate: '0.5'"}}, httpbinRoute(retries))));
      LoopbackClient client(running->meshPort());
      int ok = 0;
      for (int i = 0; i < requests; ++i) {
        auto answer = client.get("httpbin:8000", "/headers");
        if (!answer) qFatal("no answer");
        if (answer->result_int() == 200) {
          ++ok;
          auto echo = nlohmann::json::parse(answer->body());
          if (attemptHeader)
            *attemptHeader =
                std::max(*attemptHeader, std::stoi(echo["headers"]["x-envoy-attempt-count"].get<std::string>()));
        }
      }
      return static_cast<double>(ok) / requests;
    };
    int highestAttempt = 0;
    const double without = successRate("    retries: {attempts: 0}\n", nullptr);
    const double with = successRate("    retries: {attempts: 3, retryOn: 5xx}\n", &highestAttempt);
    // Success needs one of 1 (or 4) independent draws to pass: p = 0.5 and 1 − 0.5⁴ = 0.9375.
    // Four standard deviations of the binomial proportion either way.
    auto within = [&](double measured, double p) {
      return std::abs(measured - p) <= 4 * std::sqrt(p * (1 - p) / requests);
    };
    QVERIFY2(within(without, 0.5), std::to_string(without).c_str());
    QVERIFY2(within(with, 0.9375), std::to_string(with).c_str());
    QVERIFY(with > without + 0.3);
    QVERIFY2(highestAttempt >= 2 && highestAttempt <= 4,
             std::to_string(highestAttempt).c_str());  // x-envoy-attempt-count
  }

  void issue5_connectFailuresFollowTheRetryPolicy() {
    const std::string dead = "meshstudio.dev/upstream: '127.0.0.1:" + std::to_string(closedPort()) + "'";
    const std::vector<HttpbinDeployment> pods{{"good", 1, ""}, {"dead", 1, dead}};
    {
      // Istio's default policy (no `retries`) retries connect failures on another host.
      auto running = startEngine(compileYaml(httpbinYaml(pods, httpbinRoute(""))));
      LoopbackClient client(running->meshPort());
      for (int i = 0; i < 20; ++i) {
        auto answer = client.get("httpbin:8000", "/get");
        QVERIFY(answer);
        QCOMPARE(answer->result_int(), 200u);
      }
      QVERIFY(counter(*running, "upstream_rq_retry") > 0);
    }
    {
      // retryOn "503" counts only a 503 the upstream sent; a refused connection answers 503 UF.
      auto running =
          startEngine(compileYaml(httpbinYaml(pods, httpbinRoute("    retries: {attempts: 3, retryOn: '503'}\n"))));
      LoopbackClient client(running->meshPort());
      int refused = 0;
      for (int i = 0; i < 20; ++i) {
        auto answer = client.get("httpbin:8000", "/get");
        QVERIFY(answer);
        if (answer->result_int() == 503) {
          ++refused;
          QVERIFY(answer->body().find("reset reason: connection failure") != std::string::npos);
        }
      }
      QVERIFY(refused > 0);
      QCOMPARE(counter(*running, "upstream_rq_retry"), std::uint64_t(0));
      QTRY_COMPARE(running->metrics().requestCount({.responseFlags = std::string("UF")}), std::uint64_t(refused));
    }
  }

  void issue5_faultTaskDelayBehindATimeoutAnswers504() {
    // Istio's fault task in two hops: a 3 s route timeout in front of a service whose requests
    // from jason are delayed 7 s. The first hop's pod forwards to the engine's own mesh listener.
    const std::string ratings = R"(apiVersion: v1
kind: Service
metadata: {name: ratings, namespace: default}
spec: {selector: {app: ratings}, ports: [{name: http, port: 9080}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ratings-v1, namespace: default}
spec: {selector: {matchLabels: {app: ratings}}, template: {metadata: {labels: {app: ratings}}}}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ratings, namespace: default}
spec:
  hosts: [ratings]
  http:
  - match: [{headers: {end-user: {exact: jason}}}]
    fault: {delay: {fixedDelay: 7s, percentage: {value: 100}}}
    route: [{destination: {host: ratings}}]
  - route: [{destination: {host: ratings}}]
)";
    auto frontFor = [&](std::uint16_t meshPort) {
      return httpbinYaml(
          {{"httpbin", 1, "meshstudio.dev/upstream: '127.0.0.1:" + std::to_string(meshPort) + "'"}},
          httpbinRoute("    timeout: 3s\n    headers: {request: {set: {':authority': 'ratings:9080'}}}\n") + "---\n" +
              ratings);
    };
    auto running = startEngine(compileYaml(frontFor(1)));
    running->load(compileYaml(frontFor(running->meshPort())));
    LoopbackClient client(running->meshPort());
    auto fast = client.get("httpbin:8000", "/ratings/0", {{"end-user", "ann"}});
    QVERIFY(fast);
    QCOMPARE(fast->result_int(), 200u);
    QCOMPARE(std::string(fast->at("x-meshstudio-pod")), std::string("ratings-v1-0"));

    const auto start = Clock::now();
    auto jason = client.get("httpbin:8000", "/ratings/0", {{"end-user", "jason"}});
    const double elapsed = secondsSince(start);
    QVERIFY(jason);
    QCOMPARE(jason->result_int(), 504u);
    QVERIFY2(elapsed >= 2.9 && elapsed < 4.5, std::to_string(elapsed).c_str());
    QCOMPARE(running->metrics().counter("http.mesh.fault.delays_injected"), std::uint64_t(1));
  }

  void issue5_faultAbortIsAnsweredByTheProxyAndNeverRetried() {
    auto running = startEngine(compileYaml(httpbinYaml(
        {{"httpbin", 1, ""}}, httpbinRoute("    fault: {abort: {httpStatus: 503, percentage: {value: 100}}}\n"
                                           "    retries: {attempts: 3, retryOn: 5xx}\n"))));
    LoopbackClient client(running->meshPort());
    for (int i = 0; i < 5; ++i) {
      auto answer = client.get("httpbin:8000", "/get");
      QVERIFY(answer);
      QCOMPARE(answer->result_int(), 503u);
      QCOMPARE(answer->body(), std::string("fault filter abort"));
      QVERIFY(answer->find("x-meshstudio-pod") == answer->end());
    }
    QCOMPARE(running->metrics().counter("http.mesh.fault.aborts_injected"), std::uint64_t(5));
    // Counted once the answer is written, which may be just after the client read it.
    QTRY_COMPARE(running->metrics().requestCount({.responseFlags = std::string("FI")}), std::uint64_t(5));
    QCOMPARE(counter(*running, "upstream_rq_retry"), std::uint64_t(0));
  }

  void issue5_mirrorIsFireAndForgetAndReportedByItsTarget() {
    const std::vector<HttpbinDeployment> pods{{"v1", 1, ""}, {"v2", 1, "meshstudio.dev/latency: 800ms"}};
    const std::string rule =
        httpbinSubsets() + "---\n" + httpbinRoute("    mirror: {host: httpbin, subset: v2}\n", "v1");
    auto running = startEngine(
        compileYaml(httpbinYaml(pods, rule),
                    "apiVersion: meshstudio.dev/v1alpha1\nkind: Project\nengine: {shadowHostSuffix: true}\n"));
    std::vector<std::string> lines;
    std::mutex linesMutex;
    running->accessLog().subscribe([&](const engine::AccessLogEntry&, const std::string& line) {
      std::lock_guard lock(linesMutex);
      lines.push_back(line);
    });
    LoopbackClient client(running->meshPort());
    const auto start = Clock::now();
    for (int i = 0; i < 5; ++i) {
      auto answer = client.get("httpbin:8000", "/get");
      QVERIFY(answer);
      QCOMPARE(answer->result_int(), 200u);
      QCOMPARE(std::string(answer->at("x-meshstudio-pod")), std::string("v1-0"));
    }
    // The caller never waits for the 800 ms shadow.
    QVERIFY2(secondsSince(start) < 0.7, std::to_string(secondsSince(start)).c_str());
    QTRY_COMPARE_WITH_TIMEOUT(running->metrics().requestCount({.destinationWorkload = std::string("v2")}),
                              std::uint64_t(5), 5000);
    QTRY_COMPARE(running->metrics().requestCount({.destinationWorkload = std::string("v1")}), std::uint64_t(5));
    std::lock_guard lock(linesMutex);
    const auto shadows = std::count_if(lines.begin(), lines.end(), [](const std::string& line) {
      return line.find("httpbin-shadow:8000") != std::string::npos &&
             line.find("outbound|8000|v2|httpbin.default.svc.cluster.local") != std::string::npos;
    });
    QCOMPARE(shadows, 5);
  }
};

QTEST_GUILESS_MAIN(ResilienceTest)
#include "tst_resilience.moc"
