// Operational-advice analyzers (MS5001-MS5013). Each YAML starts at line 1 with `apiVersion`;
// expected lines are commented next to the offending field.

#include <QtTest/QtTest>

#include "AnalyzerTestSupport.h"

using namespace meshstudio;
using test::analyse;
using test::applyFirstFixAndRevalidate;
using test::withCode;

namespace {

/// VirtualService `default/shop`; the `http` rules start at line 8.
std::string vs(const std::string& http) {
  return "apiVersion: networking.istio.io/v1\n"  // 1
         "kind: VirtualService\n"                // 2
         "metadata:\n"                           // 3
         "  name: shop\n"                        // 4
         "spec:\n"                               // 5
         "  hosts: [web]\n"                      // 6
         "  http:\n" +                           // 7
         http;
}

/// DestinationRule `default/reviews`; `body` starts at line 7.
std::string dr(const std::string& body) {
  return "apiVersion: networking.istio.io/v1\n"  // 1
         "kind: DestinationRule\n"               // 2
         "metadata:\n"                           // 3
         "  name: reviews\n"                     // 4
         "spec:\n"                               // 5
         "  host: reviews\n" +                   // 6
         body;
}

/// Gateway `default/edge`; the first server starts at line 8.
std::string gateway(const std::string& servers) {
  return "apiVersion: networking.istio.io/v1\n"   // 1
         "kind: Gateway\n"                        // 2
         "metadata:\n"                            // 3
         "  name: edge\n"                         // 4
         "spec:\n"                                // 5
         "  selector: {istio: ingressgateway}\n"  // 6
         "  servers:\n" +                         // 7
         servers;
}

/// Applies the finding's first fix; true when `code` and schema errors are gone afterwards.
bool fixClears(const std::string& yaml, const model::Diagnostic& finding, const std::string& code,
               std::string* fixedYaml = nullptr) {
  std::string fixed;
  model::Diagnostics after = applyFirstFixAndRevalidate(yaml, finding, &fixed);
  if (fixedYaml) *fixedYaml = fixed;
  if (finding.fixes.empty() || !withCode(after, code).empty() || !withCode(after, "IST0106").empty()) {
    qWarning("%s\n%s", fixed.c_str(), test::describe(after).c_str());
    return false;
  }
  return true;
}

model::Diagnostic only(const model::Diagnostics& diagnostics, const std::string& code) {
  auto found = withCode(diagnostics, code);
  return found.size() == 1 ? found[0] : model::Diagnostic{};
}

bool says(const model::Diagnostic& d, const std::string& text) { return d.message.find(text) != std::string::npos; }

}  // namespace

class AnalyzersAdviceTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void retriesExceedTimeout();
  void retriesNonIdempotent();
  void retryOn409();
  void retryOn409Fix();
  void faultWithoutPercentage();
  void faultWithoutPercentageFix();
  void mirrorWithoutPercentage();
  void mirrorWithoutPercentageFix();
  void weightsNot100();
  void weightsNot100Fix();
  void singleDestinationWeight();
  void singleDestinationWeightFix();
  void connectionPoolZero();
  void consecutiveErrors();
  void consecutiveErrorsFix();
  void maxEjectionPercent();
  void minHealthPercent();
  void subsetWithoutLabels();
  void gatewayTlsModeUnset();
  void gatewayTlsModeUnsetFix();
};

// vs.retries-exceed-timeout
void AnalyzersAdviceTest::retriesExceedTimeout() {
  auto found = analyse(vs(R"(  - route:
    - destination: {host: web}
    timeout: 5s
    retries:
      attempts: 3
      perTryTimeout: 2s
)"));
  EXPECT_FINDING(found, "MS5001", "VirtualService default/shop", "spec.http[0].retries.perTryTimeout", 13);
  QVERIFY(says(only(found, "MS5001"), "4 tries of up to 2s each (8s plus back-off)"));
  QVERIFY(says(only(found, "MS5001"), "after at most 2 full tries"));

  auto ignored = analyse(vs(R"(  - route:
    - destination: {host: web}
    timeout: 3s
    retries: {attempts: 2, perTryTimeout: 5s}
)"));
  EXPECT_FINDING(ignored, "MS5001", "VirtualService default/shop", "spec.http[0].retries.perTryTimeout", 11);
  QVERIFY(says(only(ignored, "MS5001"), "not shorter than the route timeout 3s"));
  QVERIFY(says(only(ignored, "MS5001"), "at most 1s"));

  // Clean: the tries fit; no route timeout; Istio's default retries (no per-try timeout); an
  // omitted `attempts` is 0, i.e. no retries at all.
  EXPECT_NO_FINDING(analyse(vs(R"(  - route:
    - destination: {host: web}
    timeout: 10s
    retries: {attempts: 3, perTryTimeout: 2500ms}
  - route:
    - destination: {host: web}
    retries: {attempts: 3, perTryTimeout: 2s}
  - route:
    - destination: {host: web}
    timeout: 1s
  - route:
    - destination: {host: web}
    timeout: 1s
    retries: {perTryTimeout: 2s}
)")),
                    "MS5001");
}

// vs.retries-non-idempotent
void AnalyzersAdviceTest::retriesNonIdempotent() {
  auto found = analyse(vs(R"(  - route:
    - destination: {host: web}
    retries:
      attempts: 2
      retryOn: 5xx,connect-failure
)"));
  EXPECT_FINDING(found, "MS5002", "VirtualService default/shop", "spec.http[0].retries.retryOn", 12);
  QVERIFY(says(only(found, "MS5002"), "retryOn \"5xx\""));
  QVERIFY(says(only(found, "MS5002"), "no method match"));

  auto post = analyse(vs(R"(  - match:
    - method: {exact: GET}
    - method: {regex: "POST|PUT"}
    route:
    - destination: {host: web}
    retries: {attempts: 2, retryOn: "503"}
)"));
  EXPECT_FINDING(post, "MS5002", "VirtualService default/shop", "spec.http[0].retries.retryOn", 13);
  QVERIFY(says(only(post, "MS5002"), "POST, PUT requests"));

  // Clean: read-only methods; retries only before the request reached the upstream; Istio's
  // default policy; retries disabled.
  EXPECT_NO_FINDING(analyse(vs(R"(  - match:
    - method: {exact: GET}
    - method: {regex: "GET|HEAD"}
    route:
    - destination: {host: web}
    retries: {attempts: 3, retryOn: "5xx,gateway-error"}
  - route:
    - destination: {host: web}
    retries: {attempts: 3, retryOn: "connect-failure,refused-stream,reset-before-request"}
  - route:
    - destination: {host: web}
  - route:
    - destination: {host: web}
    retries: {attempts: 0}
)")),
                    "MS5002");
}

// vs.retry-on-409
void AnalyzersAdviceTest::retryOn409() {
  auto found = analyse(vs(R"(  - match:
    - method: {exact: GET}
    route:
    - destination: {host: web}
    retries:
      attempts: 2
      retryOn: retriable-4xx,connect-failure
)"));
  EXPECT_FINDING(found, "MS5003", "VirtualService default/shop", "spec.http[0].retries.retryOn", 14);
  EXPECT_NO_FINDING(analyse(vs(R"(  - route:
    - destination: {host: web}
    retries: {attempts: 2, retryOn: "connect-failure,retriable-status-codes"}
)")),
                    "MS5003");
}

void AnalyzersAdviceTest::retryOn409Fix() {
  std::string yaml = vs(R"(  - route:
    - destination: {host: web}
    retries: {attempts: 2, retryOn: "retriable-4xx, connect-failure"}
)");
  std::string fixed;
  QVERIFY(fixClears(yaml, only(analyse(yaml), "MS5003"), "MS5003", &fixed));
  QVERIFY2(fixed.find("retryOn: connect-failure") != std::string::npos, fixed.c_str());

  // Only token: retryOn goes, and Istio's default retryOn applies.
  std::string alone = vs(R"(  - route:
    - destination: {host: web}
    retries: {attempts: 2, retryOn: retriable-4xx}
)");
  QVERIFY(fixClears(alone, only(analyse(alone), "MS5003"), "MS5003", &fixed));
  QVERIFY2(fixed.find("retryOn") == std::string::npos, fixed.c_str());
}

// vs.fault-without-percentage
void AnalyzersAdviceTest::faultWithoutPercentage() {
  auto delay = analyse(vs(R"(  - fault:
      delay:
        fixedDelay: 5s
    route:
    - destination: {host: web}
)"));
  EXPECT_FINDING(delay, "MS5004", "VirtualService default/shop", "spec.http[0].fault.delay", 9);
  QVERIFY(says(only(delay, "MS5004"), "0%"));

  auto abort = analyse(vs(R"(  - fault:
      abort:
        httpStatus: 503
        percentage: {}
    route:
    - destination: {host: web}
)"));
  EXPECT_FINDING(abort, "MS5004", "VirtualService default/shop", "spec.http[0].fault.abort", 9);
  QVERIFY(says(only(abort, "MS5004"), "percentage without a value"));

  // Clean: percentages as people write them (100.0 included), the deprecated integer percent,
  // and an explicit 0 (switched off on purpose).
  EXPECT_NO_FINDING(analyse(vs(R"(  - fault:
      delay: {fixedDelay: 5s, percentage: {value: 100.0}}
      abort: {httpStatus: 500, percentage: {value: 10}}
    route:
    - destination: {host: web}
  - fault:
      delay: {fixedDelay: 1s, percent: 20}
      abort: {httpStatus: 500, percentage: {value: 0}}
    route:
    - destination: {host: web}
)")),
                    "MS5004");
}

void AnalyzersAdviceTest::faultWithoutPercentageFix() {
  std::string yaml = vs(R"(  - fault:
      abort:
        httpStatus: 503
    route:
    - destination: {host: web}
)");
  std::string fixed;
  QVERIFY(fixClears(yaml, only(analyse(yaml), "MS5004"), "MS5004", &fixed));
  QVERIFY2(fixed.find("value: 100") != std::string::npos, fixed.c_str());
}

// vs.mirror-without-percentage
void AnalyzersAdviceTest::mirrorWithoutPercentage() {
  auto single = analyse(vs(R"(  - route:
    - destination: {host: web}
    mirror: {host: web-shadow}
)"));
  EXPECT_FINDING(single, "MS5005", "VirtualService default/shop", "spec.http[0].mirror", 10);
  QVERIFY(says(only(single, "MS5005"), "100% of this route's requests to \"web-shadow\""));

  EXPECT_FINDING(analyse(vs(R"(  - route:
    - destination: {host: web}
    mirrors:
    - destination: {host: a}
      percentage: {value: 5}
    - destination: {host: b}
)")),
                 "MS5005", "VirtualService default/shop", "spec.http[0].mirrors[1]", 13);

  // Clean: explicit percentages, including the deprecated mirrorPercent.
  EXPECT_NO_FINDING(analyse(vs(R"(  - route:
    - destination: {host: web}
    mirror: {host: web-shadow}
    mirrorPercentage: {value: 10.5}
  - route:
    - destination: {host: web}
    mirror: {host: web-shadow}
    mirrorPercent: 10
)")),
                    "MS5005");
}

void AnalyzersAdviceTest::mirrorWithoutPercentageFix() {
  std::string yaml = vs(R"(  - route:
    - destination: {host: web}
    mirror: {host: web-shadow}
)");
  QVERIFY(fixClears(yaml, only(analyse(yaml), "MS5005"), "MS5005"));
  std::string many = vs(R"(  - route:
    - destination: {host: web}
    mirrors:
    - destination: {host: b}
)");
  QVERIFY(fixClears(many, only(analyse(many), "MS5005"), "MS5005"));
}

// vs.weights-not-100
void AnalyzersAdviceTest::weightsNot100() {
  auto found = analyse(vs(R"(  - route:
    - destination: {host: web, subset: v1}
      weight: 50
    - destination: {host: web, subset: v2}
      weight: 100
    - destination: {host: web, subset: v3}
)"));
  EXPECT_FINDING(found, "MS5006", "VirtualService default/shop", "spec.http[0].route", 8);
  QVERIFY(says(only(found, "MS5006"), "weight / 150: web/v1 33.3%, web/v2 66.7%, web/v3 0% (no weight: dropped)"));

  EXPECT_NO_FINDING(analyse(vs(R"(  - route:
    - destination: {host: web, subset: v1}
      weight: 80
    - destination: {host: web, subset: v2}
      weight: 20
  - route:
    - destination: {host: web, subset: v1}
      weight: 30
)")),
                    "MS5006");
}

void AnalyzersAdviceTest::weightsNot100Fix() {
  std::string yaml = vs(R"(  - route:
    - destination: {host: web, subset: v1}
      weight: 50
    - destination: {host: web, subset: v2}
      weight: 100
)");
  std::string fixed;
  QVERIFY(fixClears(yaml, only(analyse(yaml), "MS5006"), "MS5006", &fixed));
  QVERIFY2(fixed.find("weight: 33\n") != std::string::npos && fixed.find("weight: 67\n") != std::string::npos,
           fixed.c_str());

  // A tiny weight keeps 1%; the rest is rounded by largest remainder to sum exactly 100.
  std::string tiny = vs(R"(  - route:
    - destination: {host: web, subset: v1}
      weight: 1
    - destination: {host: web, subset: v2}
      weight: 1000
    - destination: {host: web, subset: v3}
      weight: 1000
)");
  QVERIFY(fixClears(tiny, only(analyse(tiny), "MS5006"), "MS5006", &fixed));
  QVERIFY2(fixed.find("weight: 1\n") != std::string::npos && fixed.find("weight: 50\n") != std::string::npos &&
               fixed.find("weight: 49\n") != std::string::npos,
           fixed.c_str());
}

// vs.single-destination-weight
void AnalyzersAdviceTest::singleDestinationWeight() {
  auto found = analyse(vs(R"(  - route:
    - destination: {host: web}
      weight: 50
)"));
  EXPECT_FINDING(found, "MS5007", "VirtualService default/shop", "spec.http[0].route[0].weight", 10);
  EXPECT_NO_FINDING(analyse(vs(R"(  - route:
    - destination: {host: web}
      weight: 100
  - route:
    - destination: {host: web}
)")),
                    "MS5007");
}

void AnalyzersAdviceTest::singleDestinationWeightFix() {
  std::string yaml = vs(R"(  - route:
    - destination: {host: web}
      weight: 30
)");
  std::string fixed;
  QVERIFY(fixClears(yaml, only(analyse(yaml), "MS5007"), "MS5007", &fixed));
  QVERIFY2(fixed.find("weight") == std::string::npos, fixed.c_str());
}

// dr.connection-pool-zero
void AnalyzersAdviceTest::connectionPoolZero() {
  EXPECT_FINDING(analyse(dr(R"(  trafficPolicy:
    connectionPool:
      tcp:
        maxConnections: 0
)")),
                 "MS5008", "DestinationRule default/reviews", "spec.trafficPolicy.connectionPool.tcp.maxConnections",
                 10);

  auto retries = analyse(dr(R"(  subsets:
  - name: v1
    labels: {version: v1}
    trafficPolicy:
      portLevelSettings:
      - port: {number: 9080}
        connectionPool:
          http:
            maxRetries: 0
)"));
  EXPECT_FINDING(retries, "MS5008", "DestinationRule default/reviews",
                 "spec.subsets[0].trafficPolicy.portLevelSettings[0].connectionPool.http.maxRetries", 15);
  QVERIFY(says(only(retries, "MS5008"), "does not disable retries"));

  EXPECT_NO_FINDING(analyse(dr(R"(  trafficPolicy:
    connectionPool:
      tcp: {maxConnections: 100}
      http: {http1MaxPendingRequests: 1, maxRequestsPerConnection: 1, maxRetries: 3}
)")),
                    "MS5008");
}

// dr.consecutive-errors
void AnalyzersAdviceTest::consecutiveErrors() {
  auto found = analyse(dr(R"(  trafficPolicy:
    outlierDetection:
      consecutiveErrors: 7
)"));
  EXPECT_FINDING(found, "MS5009", "DestinationRule default/reviews",
                 "spec.trafficPolicy.outlierDetection.consecutiveErrors", 9);
  QVERIFY(says(only(found, "MS5009"), "not after 7"));
  EXPECT_NO_FINDING(analyse(dr(R"(  trafficPolicy:
    outlierDetection:
      consecutive5xxErrors: 7
)")),
                    "MS5009");
}

void AnalyzersAdviceTest::consecutiveErrorsFix() {
  std::string yaml = dr(R"(  trafficPolicy:
    outlierDetection:
      consecutiveErrors: 7
      interval: 10s
)");
  std::string fixed;
  model::Diagnostic finding = only(analyse(yaml), "MS5009");
  QCOMPARE(QString::fromStdString(finding.fixes.at(0).title), QStringLiteral("Rename to consecutive5xxErrors"));
  QVERIFY(fixClears(yaml, finding, "MS5009", &fixed));
  QVERIFY2(fixed.find("consecutive5xxErrors: 7") != std::string::npos, fixed.c_str());

  // Both set: consecutive5xxErrors is the one that counts; the dead field is removed.
  std::string both = dr(R"(  trafficPolicy:
    outlierDetection:
      consecutiveErrors: 7
      consecutive5xxErrors: 3
)");
  finding = only(analyse(both), "MS5009");
  QCOMPARE(QString::fromStdString(finding.fixes.at(0).title), QStringLiteral("Remove consecutiveErrors"));
  QVERIFY(fixClears(both, finding, "MS5009", &fixed));
  QVERIFY2(fixed.find("consecutive5xxErrors: 3") != std::string::npos, fixed.c_str());
}

// dr.max-ejection-percent
void AnalyzersAdviceTest::maxEjectionPercent() {
  auto found = analyse(dr(R"(  trafficPolicy:
    outlierDetection:
      consecutive5xxErrors: 3
      maxEjectionPercent: 100
)"));
  EXPECT_FINDING(found, "MS5010", "DestinationRule default/reviews",
                 "spec.trafficPolicy.outlierDetection.maxEjectionPercent", 10);
  QVERIFY(says(only(found, "MS5010"), "no healthy upstream"));
  EXPECT_NO_FINDING(analyse(dr(R"(  trafficPolicy:
    outlierDetection: {maxEjectionPercent: 50}
  subsets:
  - name: v1
    labels: {version: v1}
    trafficPolicy:
      outlierDetection: {maxEjectionPercent: 30}
)")),
                    "MS5010");
}

// dr.min-health-percent
void AnalyzersAdviceTest::minHealthPercent() {
  auto found = analyse(dr(R"(  subsets:
  - name: v1
    labels: {version: v1}
    trafficPolicy:
      outlierDetection:
        minHealthPercent: 75
)"));
  EXPECT_FINDING(found, "MS5011", "DestinationRule default/reviews",
                 "spec.subsets[0].trafficPolicy.outlierDetection.minHealthPercent", 12);
  QVERIFY(says(only(found, "MS5011"), "With 3 hosts or fewer, a single ejection is enough"));
  QVERIFY(says(only(analyse(dr(R"(  trafficPolicy:
    outlierDetection: {minHealthPercent: 100}
)")),
                    "MS5011"),
               "ejection never takes effect"));
  EXPECT_NO_FINDING(analyse(dr(R"(  trafficPolicy:
    outlierDetection: {minHealthPercent: 50}
  subsets:
  - name: v1
    labels: {version: v1}
    trafficPolicy:
      outlierDetection: {minHealthPercent: 0}
)")),
                    "MS5011");
}

// dr.subset-without-labels
void AnalyzersAdviceTest::subsetWithoutLabels() {
  auto forgotten = analyse(dr(R"(  subsets:
  - name: v1
    labels: {version: v1}
  - name: v3
)"));
  EXPECT_FINDING(forgotten, "MS5012", "DestinationRule default/reviews", "spec.subsets[1]", 10);
  QVERIFY(only(forgotten, "MS5012").severity == model::Severity::Warning);

  auto alone = analyse(dr(R"(  subsets:
  - name: all
    labels: {}
    trafficPolicy:
      loadBalancer: {simple: ROUND_ROBIN}
)"));
  EXPECT_FINDING(alone, "MS5012", "DestinationRule default/reviews", "spec.subsets[0].labels", 9);
  QVERIFY(only(alone, "MS5012").severity == model::Severity::Info);

  EXPECT_NO_FINDING(analyse(dr(R"(  subsets:
  - name: v1
    labels: {version: v1}
  - name: v2
    labels: {version: v2}
)")),
                    "MS5012");
}

// gw.tls-mode-unset
void AnalyzersAdviceTest::gatewayTlsModeUnset() {
  auto withCert = analyse(gateway(R"(  - port: {number: 443, name: https, protocol: HTTPS}
    hosts: ["*"]
    tls:
      credentialName: edge-cert
)"));
  EXPECT_FINDING(withCert, "MS5013", "Gateway default/edge", "spec.servers[0].tls", 10);
  QVERIFY(only(withCert, "MS5013").severity == model::Severity::Warning);
  QVERIFY(says(only(withCert, "MS5013"), "ignores credentialName \"edge-cert\""));

  auto bare = analyse(gateway(R"(  - port: {number: 443, name: tls, protocol: TLS}
    hosts: ["*"]
    tls: {}
)"));
  EXPECT_FINDING(bare, "MS5013", "Gateway default/edge", "spec.servers[0].tls", 10);
  QVERIFY(only(bare, "MS5013").severity == model::Severity::Info);

  // Clean: a mode is set; plain HTTP servers may carry tls for httpsRedirect only.
  EXPECT_NO_FINDING(analyse(gateway(R"(  - port: {number: 443, name: https, protocol: HTTPS}
    hosts: ["*"]
    tls: {mode: SIMPLE, credentialName: edge-cert}
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["*"]
    tls: {httpsRedirect: true}
)")),
                    "MS5013");
}

void AnalyzersAdviceTest::gatewayTlsModeUnsetFix() {
  std::string yaml = gateway(R"(  - port: {number: 443, name: https, protocol: HTTPS}
    hosts: ["*"]
    tls:
      credentialName: edge-cert
)");
  std::string fixed;
  model::Diagnostic finding = only(analyse(yaml), "MS5013");
  QCOMPARE(QString::fromStdString(finding.fixes.at(0).title), QStringLiteral("Set mode: SIMPLE"));
  QVERIFY(fixClears(yaml, finding, "MS5013", &fixed));
  QVERIFY2(fixed.find("mode: SIMPLE") != std::string::npos, fixed.c_str());

  std::string bare = gateway(R"(  - port: {number: 443, name: tls, protocol: TLS}
    hosts: ["*"]
    tls: {}
)");
  finding = only(analyse(bare), "MS5013");
  QCOMPARE(QString::fromStdString(finding.fixes.at(0).title), QStringLiteral("Set mode: PASSTHROUGH"));
  QVERIFY(fixClears(bare, finding, "MS5013"));

  // A client CA asks for MUTUAL, which is the user's call: no automatic fix.
  std::string mutual = gateway(R"(  - port: {number: 443, name: https, protocol: HTTPS}
    hosts: ["*"]
    tls: {serverCertificate: /etc/cert.pem, privateKey: /etc/key.pem, caCertificates: /etc/ca.pem}
)");
  QVERIFY(only(analyse(mutual), "MS5013").fixes.empty());
}

QTEST_APPLESS_MAIN(AnalyzersAdviceTest)
#include "tst_analyzers_advice.moc"
