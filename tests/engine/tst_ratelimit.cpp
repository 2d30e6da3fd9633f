// Issue 5: local rate limits from EnvoyFilters (envoy.filters.http.local_ratelimit) through real
// sockets: Istio's rate-limit task on a pod's inbound side, the mesh listener, the filter's
// enabled/enforced fractions (0% unless set), and one bucket shared by every engine thread.

#include <QtTest/QtTest>

#include <thread>

#include "LoopbackClient.h"
#include "ResilienceTestSupport.h"

using namespace meshstudio;
using namespace meshstudio::test;

namespace {

/// Istio's task (https://istio.io/latest/docs/tasks/policy-enforcement/rate-limit/), with the
/// bucket and fractions given.
std::string rateLimitFilter(const std::string& context, const std::string& selector, int maxTokens,
                            const std::string& fillInterval, const std::string& fractions) {
  return R"(apiVersion: networking.istio.io/v1alpha3
kind: EnvoyFilter
metadata: {name: filter-local-ratelimit-svc, namespace: default}
spec:
)" + (selector.empty() ? std::string() : "  workloadSelector: {labels: {" + selector + "}}\n") +
         R"(  configPatches:
  - applyTo: HTTP_FILTER
    match:
      context: )" +
         context + R"(
      listener: {filterChain: {filter: {name: envoy.filters.network.http_connection_manager}}}
    patch:
      operation: INSERT_BEFORE
      value:
        name: envoy.filters.http.local_ratelimit
        typed_config:
          "@type": type.googleapis.com/udpa.type.v1.TypedStruct
          type_url: type.googleapis.com/envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit
          value:
            stat_prefix: http_local_rate_limiter
            token_bucket: {max_tokens: )" +
         std::to_string(maxTokens) + ", tokens_per_fill: " + std::to_string(maxTokens) +
         ", fill_interval: " + fillInterval + R"(}
)" + fractions +
         R"(            response_headers_to_add:
            - append_action: APPEND_IF_EXISTS_OR_ADD
              header: {key: x-local-rate-limit, value: 'true'}
)";
}

const std::string kEnforced =
    R"(            filter_enabled: {runtime_key: local_rate_limit_enabled, default_value: {numerator: 100, denominator: HUNDRED}}
            filter_enforced: {runtime_key: local_rate_limit_enforced, default_value: {numerator: 100, denominator: HUNDRED}}
)";

}  // namespace

class RateLimitTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void issue5_inboundLimitAnswers429WithIstiosHeaders() {
    auto snapshot = compileYaml(
        httpbinYaml({{"httpbin", 1, ""}}, rateLimitFilter("SIDECAR_INBOUND", "app: httpbin", 4, "60s", kEnforced)));
    QVERIFY2(snapshot->problems.empty(), problemsOf(*snapshot).c_str());
    auto running = startEngine(snapshot);
    LoopbackClient client(running->meshPort());
    for (int i = 0; i < 4; ++i) QCOMPARE(client.get("httpbin:8000", "/get")->result_int(), 200u);
    auto limited = client.get("httpbin:8000", "/get");
    QCOMPARE(limited->result_int(), 429u);
    QCOMPARE(limited->body(), std::string("local_rate_limited"));
    QCOMPARE(std::string(limited->at("x-envoy-ratelimited")), std::string("true"));
    QCOMPARE(std::string(limited->at("x-local-rate-limit")), std::string("true"));
    QCOMPARE(running->metrics().counter("http_local_rate_limiter.http_local_rate_limit.rate_limited"),
             std::uint64_t(1));
    QCOMPARE(running->metrics().counter("http_local_rate_limiter.http_local_rate_limit.ok"), std::uint64_t(4));
    QTRY_COMPARE(running->metrics().requestCount({.responseFlags = std::string("RL")}), std::uint64_t(1));
  }

  void issue5_bucketRefillsAndIsSharedByEveryThread() {
    auto running = startEngine(
        compileYaml(httpbinYaml({{"httpbin", 1, ""}}, rateLimitFilter("SIDECAR_OUTBOUND", "", 10, "1s", kEnforced))),
        2);
    // Four clients on two engine threads draw from one bucket of 10 tokens.
    std::atomic<int> ok{0}, limited{0};
    std::vector<std::thread> clients;
    for (int c = 0; c < 4; ++c)
      clients.emplace_back([&] {
        LoopbackClient client(running->meshPort());
        for (int i = 0; i < 10; ++i) (client.get("httpbin:8000", "/get")->result_int() == 200 ? ok : limited)++;
      });
    for (auto& thread : clients) thread.join();
    QVERIFY2(ok >= 10 && ok <= 12, std::to_string(ok).c_str());  // a refill may land during the burst
    QCOMPARE(ok + limited, 40);
    QTest::qWait(1100);  // one fill interval later the bucket is full again
    LoopbackClient client(running->meshPort());
    QCOMPARE(client.get("httpbin:8000", "/get")->result_int(), 200u);
  }

  void issue5_fractionsDefaultToZero() {
    // Without filter_enabled/filter_enforced the filter does nothing.
    auto running = startEngine(
        compileYaml(httpbinYaml({{"httpbin", 1, ""}}, rateLimitFilter("SIDECAR_INBOUND", "", 1, "60s", ""))));
    LoopbackClient client(running->meshPort());
    for (int i = 0; i < 5; ++i) QCOMPARE(client.get("httpbin:8000", "/get")->result_int(), 200u);
    QCOMPARE(running->metrics().counter("http_local_rate_limiter.http_local_rate_limit.enabled"), std::uint64_t(0));
    // Enabled but not enforced: counted, never refused.
    const std::string countOnly =
        "            filter_enabled: {runtime_key: e, default_value: {numerator: 100, denominator: HUNDRED}}\n";
    running->load(
        compileYaml(httpbinYaml({{"httpbin", 1, ""}}, rateLimitFilter("SIDECAR_INBOUND", "", 1, "60s", countOnly))));
    for (int i = 0; i < 5; ++i) QCOMPARE(client.get("httpbin:8000", "/get")->result_int(), 200u);
    QCOMPARE(running->metrics().counter("http_local_rate_limiter.http_local_rate_limit.rate_limited"),
             std::uint64_t(4));
  }
};

QTEST_GUILESS_MAIN(RateLimitTest)
#include "tst_ratelimit.moc"
