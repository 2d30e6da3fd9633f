// Admission analyzers on DestinationRules (AdmissionDestinationRule.cpp).

#include "AnalyzerTestSupport.h"

using namespace meshstudio::test;

namespace {

// Lines 1-7 are the header below; the rest of the spec starts on line 8.
std::string dr(const std::string& rest, const std::string& host = "reviews") {
  return "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews\n  namespace: shop\n"
         "spec:\n  host: " +
         host + "\n" + rest;
}

// A policy at spec.trafficPolicy: its fields start on line 9.
std::string policy(const std::string& fields) { return dr("  trafficPolicy:\n" + fields); }

}  // namespace

class TestAdmissionDestinationRule : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void subsets() {
    auto duplicate =
        analyse(dr("  subsets:\n  - name: v1\n    labels: {version: v1}\n  - name: v1\n    labels: {version: v2}\n"));
    EXPECT_FINDING(duplicate, "MS1200", "DestinationRule shop/reviews", "spec.subsets[1].name", 11);

    auto empty = analyse(dr("  subsets:\n  - name: \"\"\n    labels: {version: v1}\n"));
    EXPECT_FINDING(empty, "MS1201", "DestinationRule shop/reviews", "spec.subsets[0].name", 9);

    auto invalid = analyse(dr("  subsets:\n  - name: v1.0\n"));
    EXPECT_FINDING(invalid, "MS1201", "DestinationRule shop/reviews", "spec.subsets[0].name", 9);

    auto label = analyse(dr("  subsets:\n  - name: v1\n    labels:\n      \"bad key!\": v1\n"));
    EXPECT_FINDING(label, "MS1202", "DestinationRule shop/reviews", "spec.subsets[0].labels.bad key!", 11);

    auto host = analyse(dr("", "bad_host.example.com"));
    EXPECT_FINDING(host, "MS1205", "DestinationRule shop/reviews", "spec.host", 7);

    auto clean =
        analyse(dr("  subsets:\n  - name: v1\n    labels: {version: v1, app.kubernetes.io/name: reviews}\n"
                   "  - name: V2\n    labels: {version: v2, empty: \"\"}\n",
                   "*.shop.svc.cluster.local"));
    for (const char* c : {"MS1200", "MS1201", "MS1202", "MS1205"}) EXPECT_NO_FINDING(clean, c);
  }

  void duplicateSubsetFix() {
    EXPECT_FIX_CLEARS(
        dr("  subsets:\n  - name: v1\n    labels: {version: v1}\n  - name: v1\n    labels: {version: v2}\n"), "MS1200");
  }

  void trafficPolicy() {
    auto empty = analyse(dr("  trafficPolicy: {}\n"));
    EXPECT_FINDING(empty, "MS1210", "DestinationRule shop/reviews", "spec.trafficPolicy", 8);

    auto subset = analyse(dr("  subsets:\n  - name: v1\n    trafficPolicy: {}\n"));
    EXPECT_FINDING(subset, "MS1210", "DestinationRule shop/reviews", "spec.subsets[0].trafficPolicy", 10);

    auto tunnel =
        analyse(policy("    tunnel: {targetHost: a.example.com, targetPort: 443}\n    proxyProtocol: {version: V2}\n"));
    EXPECT_FINDING(tunnel, "MS1211", "DestinationRule shop/reviews", "spec.trafficPolicy.proxyProtocol", 10);

    auto noPort = analyse(policy("    portLevelSettings:\n    - loadBalancer: {simple: RANDOM}\n"));
    EXPECT_FINDING(noPort, "MS1212", "DestinationRule shop/reviews", "spec.trafficPolicy.portLevelSettings[0]", 10);

    auto noSetting =
        analyse(policy("    loadBalancer: {simple: RANDOM}\n    portLevelSettings:\n    - port: {number: 80}\n"));
    EXPECT_FINDING(noSetting, "MS1213", "DestinationRule shop/reviews", "spec.trafficPolicy.portLevelSettings[0]", 11);

    auto pool = analyse(policy("    connectionPool: {}\n"));
    EXPECT_FINDING(pool, "MS1214", "DestinationRule shop/reviews", "spec.trafficPolicy.connectionPool", 9);

    auto clean =
        analyse(policy("    loadBalancer: {simple: ROUND_ROBIN}\n    retryBudget: {percent: 20}\n"
                       "    portLevelSettings:\n    - port: {number: 80}\n"
                       "      connectionPool: {tcp: {maxConnections: 10}}\n"));
    for (const char* c : {"MS1210", "MS1211", "MS1212", "MS1213", "MS1214"}) EXPECT_NO_FINDING(clean, c);
  }

  void emptyTrafficPolicyFix() { EXPECT_FIX_CLEARS(dr("  subsets:\n  - name: v1\n    trafficPolicy: {}\n"), "MS1210"); }

  void emptyPortLevelEntryFix() {
    EXPECT_FIX_CLEARS(policy("    loadBalancer: {simple: RANDOM}\n    portLevelSettings:\n    - port: {number: 80}\n"
                             "    - port: {number: 81}\n      loadBalancer: {simple: RANDOM}\n"),
                      "MS1213");
  }

  void emptyConnectionPoolFix() {
    EXPECT_FIX_CLEARS(policy("    loadBalancer: {simple: RANDOM}\n    connectionPool: {}\n"), "MS1214");
  }

  void outlierDetection() {
    auto percent = analyse(policy("    outlierDetection:\n      maxEjectionPercent: 150\n"));
    EXPECT_FINDING(percent, "MS1220", "DestinationRule shop/reviews",
                   "spec.trafficPolicy.outlierDetection.maxEjectionPercent", 10);

    auto local = analyse(policy("    outlierDetection:\n      consecutiveLocalOriginFailures: 3\n"));
    EXPECT_FINDING(local, "MS1221", "DestinationRule shop/reviews",
                   "spec.trafficPolicy.outlierDetection.consecutiveLocalOriginFailures", 10);

    auto clean =
        analyse(policy("    outlierDetection:\n      splitExternalLocalOriginErrors: true\n"
                       "      consecutiveLocalOriginFailures: 3\n      maxEjectionPercent: 100\n"
                       "      minHealthPercent: 0\n"));
    for (const char* c : {"MS1220", "MS1221"}) EXPECT_NO_FINDING(clean, c);
  }

  void localOriginFix() {
    EXPECT_FIX_CLEARS(policy("    outlierDetection:\n      consecutiveLocalOriginFailures: 3\n"), "MS1221");
  }

  void connectionPool() {
    auto upgrade =
        analyse(policy("    connectionPool:\n      http:\n        h2UpgradePolicy: UPGRADE\n"
                       "        useClientProtocol: true\n"));
    EXPECT_FINDING(upgrade, "MS1230", "DestinationRule shop/reviews",
                   "spec.trafficPolicy.connectionPool.http.useClientProtocol", 12);

    auto negative = analyse(policy("    connectionPool:\n      http:\n        http1MaxPendingRequests: -1\n"));
    EXPECT_FINDING(negative, "MS1231", "DestinationRule shop/reviews",
                   "spec.trafficPolicy.connectionPool.http.http1MaxPendingRequests", 11);

    auto keepAlive = analyse(policy("    connectionPool:\n      http:\n        http2KeepAlive: {interval: 10s}\n"));
    EXPECT_FINDING(keepAlive, "MS1232", "DestinationRule shop/reviews",
                   "spec.trafficPolicy.connectionPool.http.http2KeepAlive", 11);

    auto clean =
        analyse(policy("    connectionPool:\n      http: {h2UpgradePolicy: DO_NOT_UPGRADE, useClientProtocol: true,"
                       " http2KeepAlive: {interval: 10s, timeout: 2s}}\n      tcp: {maxConnections: 0}\n"));
    for (const char* c : {"MS1230", "MS1231", "MS1232"}) EXPECT_NO_FINDING(clean, c);
  }

  void useClientProtocolFix() {
    EXPECT_FIX_CLEARS(policy("    connectionPool:\n      http: {h2UpgradePolicy: UPGRADE, useClientProtocol: true}\n"),
                      "MS1230");
  }

  void loadBalancer() {
    auto cookie =
        analyse(policy("    loadBalancer:\n      consistentHash:\n        httpCookie: {name: \"\", ttl: 0s}\n"));
    EXPECT_FINDING(cookie, "MS1240", "DestinationRule shop/reviews",
                   "spec.trafficPolicy.loadBalancer.consistentHash.httpCookie.name", 11);

    auto maglev =
        analyse(policy("    loadBalancer:\n      consistentHash:\n        useSourceIp: true\n"
                       "        maglev: {tableSize: 1000}\n"));
    EXPECT_FINDING(maglev, "MS1241", "DestinationRule shop/reviews",
                   "spec.trafficPolicy.loadBalancer.consistentHash.maglev.tableSize", 12);
    QVERIFY(withCode(maglev, "MS1241")[0].message.find("1009") != std::string::npos);

    auto both =
        analyse(policy("    loadBalancer:\n      consistentHash:\n        useSourceIp: true\n"
                       "        minimumRingSize: 1024\n        maglev: {tableSize: 65537}\n"));
    EXPECT_FINDING(both, "MS1242", "DestinationRule shop/reviews",
                   "spec.trafficPolicy.loadBalancer.consistentHash.minimumRingSize", 12);

    auto deprecated =
        analyse(policy("    loadBalancer:\n      consistentHash:\n        useSourceIp: true\n"
                       "        minimumRingSize: 1024\n"));
    EXPECT_FINDING(deprecated, "MS1243", "DestinationRule shop/reviews",
                   "spec.trafficPolicy.loadBalancer.consistentHash.minimumRingSize", 12);

    auto warmup =
        analyse(policy("    loadBalancer:\n      simple: ROUND_ROBIN\n      warmup:\n        duration: 60s\n"
                       "        aggression: 0.5\n"));
    EXPECT_FINDING(warmup, "MS1244", "DestinationRule shop/reviews",
                   "spec.trafficPolicy.loadBalancer.warmup.aggression", 13);

    auto attributes =
        analyse(policy("    loadBalancer:\n      consistentHash:\n        httpCookie:\n          name: user\n"
                       "          attributes:\n          - {name: SameSite, value: Strict}\n"
                       "          - {name: SameSite, value: Lax}\n"));
    EXPECT_FINDING(attributes, "MS1245", "DestinationRule shop/reviews",
                   "spec.trafficPolicy.loadBalancer.consistentHash.httpCookie.attributes[1].name", 15);

    auto zones =
        analyse(policy("    loadBalancer:\n      localityLbSetting: {enabled: true}\n"
                       "      zoneAwareLbSetting: {minClusterSize: 3}\n"));
    EXPECT_FINDING(zones, "MS1246", "DestinationRule shop/reviews",
                   "spec.trafficPolicy.loadBalancer.zoneAwareLbSetting", 11);

    auto clean =
        analyse(policy("    loadBalancer:\n      consistentHash:\n        httpCookie: {name: user, ttl: 0s}\n"
                       "        maglev: {tableSize: 65537}\n      warmup: {duration: 60s, aggression: 1.5}\n"));
    for (const char* c : {"MS1240", "MS1241", "MS1242", "MS1243", "MS1244", "MS1245", "MS1246"})
      EXPECT_NO_FINDING(clean, c);
  }

  void maglevTableSizeFix() {
    EXPECT_FIX_CLEARS(
        policy("    loadBalancer:\n      consistentHash: {useSourceIp: true, maglev: {tableSize: 6000000}}\n"),
        "MS1241");
  }

  void minimumRingSizeConflictFix() {
    EXPECT_FIX_CLEARS(policy("    loadBalancer:\n      consistentHash: {useSourceIp: true, minimumRingSize: 1024, "
                             "ringHash: {}}\n"),
                      "MS1242");
  }

  void minimumRingSizeDeprecatedFix() {
    EXPECT_FIX_CLEARS(policy("    loadBalancer:\n      consistentHash: {useSourceIp: true, minimumRingSize: 1024}\n"),
                      "MS1243");
  }

  void aggressionFix() {
    EXPECT_FIX_CLEARS(
        policy("    loadBalancer:\n      simple: ROUND_ROBIN\n      warmup: {duration: 60s, aggression: 0}\n"),
        "MS1244");
  }

  void clientTls() {
    auto files =
        analyse(policy("    tls:\n      mode: SIMPLE\n      credentialName: reviews-ca\n"
                       "      caCertificates: /etc/ca.pem\n"));
    EXPECT_FINDING(files, "MS1250", "DestinationRule shop/reviews", "spec.trafficPolicy.tls.credentialName", 11);

    auto mutual = analyse(policy("    portLevelSettings:\n    - port: {number: 443}\n      tls: {mode: MUTUAL}\n"));
    EXPECT_FINDING(mutual, "MS1251", "DestinationRule shop/reviews", "spec.trafficPolicy.portLevelSettings[0].tls", 11);

    auto skip =
        analyse(policy("    tls:\n      mode: SIMPLE\n      insecureSkipVerify: true\n      caCertificates: /x\n"));
    EXPECT_FINDING(skip, "MS1252", "DestinationRule shop/reviews", "spec.trafficPolicy.tls.insecureSkipVerify", 11);

    auto clean =
        analyse(policy("    tls: {mode: MUTUAL, clientCertificate: /c, privateKey: /k, caCertificates: /ca}\n"
                       "    portLevelSettings:\n    - port: {number: 443}\n"
                       "      tls: {mode: SIMPLE, insecureSkipVerify: true, sni: a.example.com}\n"));
    for (const char* c : {"MS1250", "MS1251", "MS1252"}) EXPECT_NO_FINDING(clean, c);
  }

  void credentialFilesFix() {
    EXPECT_FIX_CLEARS(
        policy("    tls: {mode: MUTUAL, credentialName: client, clientCertificate: /c, privateKey: /k}\n"), "MS1250");
  }
};

QTEST_APPLESS_MAIN(TestAdmissionDestinationRule)
#include "tst_analyzers_admission_dr.moc"
