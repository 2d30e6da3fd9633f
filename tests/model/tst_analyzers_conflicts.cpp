// Conflict analyzers (ConflictAnalyzers.cpp, ConflictGateways.cpp): one test per analyzer, then
// the quick fix. Each YAML starts at line 1; expected lines are counted from there.

#include <QtTest/QtTest>

#include "AnalyzerTestSupport.h"

using namespace meshstudio;
using test::analyse;
using test::applyFirstFixAndRevalidate;
using test::q;
using test::withCode;

namespace {

/// The findings on one resource (`Kind ns/name`).
model::Diagnostics on(const model::Diagnostics& diagnostics, const std::string& resource) {
  model::Diagnostics out;
  for (const model::Diagnostic& d : diagnostics)
    if (d.resource == resource) out.push_back(d);
  return out;
}

std::string replaced(std::string text, const std::string& placeholder, const std::string& value) {
  std::size_t at = text.find(placeholder);
  if (at != std::string::npos) text.replace(at, placeholder.size(), value);
  return text;
}

}  // namespace

class ConflictAnalyzersTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void meshHostConflict() {
    const std::string yaml = R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
  namespace: shop
spec:
  hosts: [reviews.shop.svc.cluster.local]
  http:
  - route:
    - destination: {host: reviews}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews-canary
  namespace: NAMESPACE
spec:
  hosts:
  - HOST
  GATEWAYS
  EXPORT
  http:
  - route:
    - destination: {host: reviews.shop.svc.cluster.local, subset: v2}
)";
    auto with = [&](const std::string& ns, const std::string& host, const std::string& gateways,
                    const std::string& exportTo) {
      return replaced(replaced(replaced(replaced(yaml, "NAMESPACE", ns), "HOST", host), "GATEWAYS", gateways), "EXPORT",
                      exportTo);
    };
    // The short name in shop and the FQDN from another namespace name the same host.
    auto both = analyse(with("canary", "reviews.shop.svc.cluster.local", "", ""));
    EXPECT_FINDING(on(both, "VirtualService shop/reviews"), "IST0109", "VirtualService shop/reviews", "spec.hosts[0]",
                   7);
    EXPECT_FINDING(on(both, "VirtualService canary/reviews-canary"), "IST0109", "VirtualService canary/reviews-canary",
                   "spec.hosts[0]", 19);
    QVERIFY(withCode(both, "IST0109")[0].message.find("shop/reviews,canary/reviews-canary") != std::string::npos);

    auto withMesh = analyse(with("shop", "reviews", "gateways: [edge, mesh]", ""));
    QCOMPARE(withCode(withMesh, "IST0109").size(), std::size_t(2));

    // Bound to a gateway only: gateways merge VirtualServices, sidecars never see this one.
    EXPECT_NO_FINDING(analyse(with("shop", "reviews", "gateways: [edge]", "")), "IST0109");
    // Exported to its own namespace only: sidecars in canary still see both...
    QCOMPARE(withCode(analyse(with("canary", "reviews.shop.svc.cluster.local", "", "exportTo: [.]")), "IST0109").size(),
             std::size_t(2));
    // ...unless the other one is not exported there: then no sidecar sees both.
    std::string apart = with("canary", "reviews.shop.svc.cluster.local", "", "exportTo: [.]");
    apart.replace(apart.find("  http:"), 0, "  exportTo: [shop, other]\n");
    EXPECT_NO_FINDING(analyse(apart), "IST0109");
    // Another host.
    EXPECT_NO_FINDING(analyse(with("shop", "ratings", "", "")), "IST0109");
  }

  void duplicateDestinationRuleHost() {
    const std::string yaml = R"(apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews-a
spec:
  host: reviews
  trafficPolicy:
    loadBalancer: {simple: ROUND_ROBIN}
  subsets:
  - name: v1
    labels: {version: v1}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews-b
  namespace: NAMESPACE
spec:
  host: reviews.default.svc.cluster.local
  trafficPolicy:
    loadBalancer: {simple: RANDOM}
  subsets:
  - name: v2
    labels: {version: v2}
  - name: v1
    labels: {version: v1, track: stable}
)";
    // reviews-a sorts first: its trafficPolicy and its v1 win.
    auto merged = analyse(replaced(yaml, "NAMESPACE", "default"));
    EXPECT_FINDING(on(merged, "DestinationRule default/reviews-a"), "MS3001", "DestinationRule default/reviews-a",
                   "spec.host", 6);
    EXPECT_FINDING(on(merged, "DestinationRule default/reviews-b"), "MS3001", "DestinationRule default/reviews-b",
                   "spec.host", 19);
    QVERIFY(withCode(merged, "MS3001")[0].message.find("the trafficPolicy of default/reviews-a applies") !=
            std::string::npos);
    EXPECT_FINDING(merged, "MS3002", "DestinationRule default/reviews-b", "spec.subsets[1].name", 25);
    EXPECT_FINDING(merged, "MS3003", "DestinationRule default/reviews-b", "spec.trafficPolicy", 20);

    // Different namespaces are not merged: each applies to its own clients.
    auto apart = analyse(replaced(yaml, "NAMESPACE", "canary"));
    EXPECT_NO_FINDING(apart, "MS3001");
    EXPECT_NO_FINDING(apart, "MS3002");
    EXPECT_NO_FINDING(apart, "MS3003");

    // creationTimestamp decides before the name: reviews-b was there first.
    std::string older = replaced(yaml, "NAMESPACE", "default");
    older = replaced(older, "  namespace: default\n",
                     "  namespace: default\n  creationTimestamp: \"2024-01-01T00:00:00Z\"\n");
    older =
        replaced(older, "  name: reviews-a\n", "  name: reviews-a\n  creationTimestamp: \"2024-06-01T00:00:00Z\"\n");
    auto byTime = analyse(older);
    EXPECT_FINDING(byTime, "MS3003", "DestinationRule default/reviews-a", "spec.trafficPolicy", 8);
    EXPECT_FINDING(byTime, "MS3002", "DestinationRule default/reviews-a", "spec.subsets[0].name", 11);
  }

  void duplicateRouteDestination() {
    const std::string yaml = R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts: [reviews]
  http:
  - route:
    - destination: {host: reviews, subset: v1}
      weight: 30
    - destination: {host: reviews, subset: v2}
      weight: 50
    - destination: {host: THIRD, subset: SUBSET}
      weight: 20
)";
    auto with = [&](const std::string& host, const std::string& subset) {
      return replaced(replaced(yaml, "THIRD", host), "SUBSET", subset);
    };
    // `reviews` and its FQDN are one cluster.
    auto repeated = analyse(with("reviews.default.svc.cluster.local", "v1"));
    EXPECT_FINDING(repeated, "MS3004", "VirtualService default/reviews", "spec.http[0].route[2].destination", 13);
    QVERIFY(withCode(repeated, "MS3004")[0].message.find("(50)") != std::string::npos);
    EXPECT_NO_FINDING(analyse(with("reviews", "v3")), "MS3004");
    EXPECT_NO_FINDING(analyse(with("ratings", "v1")), "MS3004");
  }

  void conflictingGatewayServers() {
    const std::string yaml = R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: shop
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: [shop.example.com]
  - port: {number: 443, name: https, protocol: HTTPS}
    hosts: ["*/shop.example.com"]
    tls: {mode: SIMPLE, credentialName: shop-cert}
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: wildcard
  namespace: edge
spec:
  selector: SELECTOR
  servers:
  - port: {number: PORT, name: https, protocol: HTTPS}
    hosts:
    - HOST
    tls: {mode: SIMPLE, credentialName: wildcard-cert}
)";
    auto with = [&](const std::string& selector, const std::string& port, const std::string& host) {
      return replaced(replaced(replaced(yaml, "SELECTOR", selector), "PORT", port), "HOST", host);
    };
    auto clash = analyse(with("{istio: ingressgateway}", "443", "\"*.example.com\""));
    EXPECT_FINDING(on(clash, "Gateway default/shop"), "IST0145", "Gateway default/shop", "spec.servers[1].hosts", 11);
    EXPECT_FINDING(on(clash, "Gateway edge/wildcard"), "IST0145", "Gateway edge/wildcard", "spec.servers[0].hosts", 23);
    QVERIFY(withCode(on(clash, "Gateway default/shop"), "IST0145")[0].message.find("edge/wildcard") !=
            std::string::npos);

    EXPECT_NO_FINDING(analyse(with("{istio: ingressgateway}", "8443", "\"*.example.com\"")), "IST0145");
    EXPECT_NO_FINDING(analyse(with("{istio: ingressgateway}", "443", "blog.example.com")), "IST0145");
    EXPECT_NO_FINDING(analyse(with("{istio: internal-gateway}", "443", "\"*.example.com\"")), "IST0145");
    // `./` admits only the Gateway's own namespace; shop's `*/` admits every namespace.
    EXPECT_FINDING(on(analyse(with("{istio: ingressgateway}", "443", "./shop.example.com")), "Gateway edge/wildcard"),
                   "IST0145", "Gateway edge/wildcard", "spec.servers[0].hosts", 23);
  }

  void hostInGateway() {
    const std::string yaml = R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: public
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: [SERVERHOST, "other/admin.example.com"]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: shop
spec:
  hosts:
  - shop.example.com
  - VSHOST
  gateways: [GATEWAYS]
  http:
  - route:
    - destination: {host: web}
)";
    auto with = [&](const std::string& serverHost, const std::string& vsHost, const std::string& gateways) {
      return replaced(replaced(replaced(yaml, "SERVERHOST", serverHost), "VSHOST", vsHost), "GATEWAYS", gateways);
    };
    // None of the hosts is served: the gateway ignores the VirtualService.
    auto none = analyse(with("blog.example.com", "api.example.com", "public"));
    EXPECT_FINDING(none, "IST0132", "VirtualService default/shop", "spec.gateways[0]", 19);

    // One host served, one not: that one is dead on a gateway-only VirtualService.
    auto one = analyse(with("\"*.example.com\"", "admin.internal", "public"));
    EXPECT_FINDING(one, "IST0132", "VirtualService default/shop", "spec.hosts[1]", 18);
    // admin.example.com is only for VirtualServices in namespace `other`.
    EXPECT_FINDING(analyse(with("shop.example.com", "admin.example.com", "public")), "IST0132",
                   "VirtualService default/shop", "spec.hosts[1]", 18);

    EXPECT_NO_FINDING(analyse(with("\"*.example.com\"", "api.example.com", "public")), "IST0132");
    // Bound to sidecars too: internal names next to public ones are intended.
    EXPECT_NO_FINDING(analyse(with("shop.example.com", "web.default.svc.cluster.local", "public, mesh")), "IST0132");
    EXPECT_NO_FINDING(analyse(with("\"*\"", "api.example.com", "public")), "IST0132");
  }

  // --- quick fix ----------------------------------------------------------------------------

  void fixMergeRepeatedDestinations() {
    const std::string yaml = R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts: [reviews]
  http:
  - route:
    - destination: {host: reviews, subset: v1}
      weight: 30
    - destination: {host: reviews, subset: v2}
      weight: 50
    - destination: {host: reviews, subset: v1}
      weight: 20
  - route:
    - destination: {host: reviews, subset: v1}
    - destination: {host: reviews, subset: v1}
)";
    auto found = withCode(analyse(yaml), "MS3004");
    QCOMPARE(found.size(), std::size_t(2));
    QCOMPARE(q(found[0].fixes.front().title), QStringLiteral("Merge the repeated destinations, summing their weights"));
    for (const model::Diagnostic& finding : found) {
      std::string fixed;
      model::Diagnostics after = applyFirstFixAndRevalidate(yaml, finding, &fixed);
      QVERIFY2(withCode(after, "IST0106").empty(), test::describe(after).c_str());
      bool remains = false;
      for (const model::Diagnostic& d : withCode(after, "MS3004")) remains = remains || d.path == finding.path;
      QVERIFY2(!remains, fixed.c_str());
      if (finding.path == "spec.http[0].route[2].destination") {
        // v1 keeps its place with 30 + 20; v2 is untouched.
        std::size_t v1 = fixed.find("subset: v1");
        QVERIFY2(v1 != std::string::npos && fixed.find("weight: 50", v1) < fixed.find("subset: v2"), fixed.c_str());
        QVERIFY2(fixed.find("weight: 20") == std::string::npos, fixed.c_str());
      } else {
        // A single destination left: its weight would be ignored, so there is none.
        QCOMPARE(withCode(after, "MS3004").size(), std::size_t(1));
      }
    }

    // Different header operations would be lost by a merge: no fix offered.
    std::string headers = yaml;
    headers.replace(headers.find("      weight: 20"), 16,
                    "      weight: 20\n      headers: {request: {set: {x-canary: \"1\"}}}");
    auto withHeaders = withCode(analyse(headers), "MS3004");
    QCOMPARE(withHeaders.size(), std::size_t(2));
    QVERIFY(withHeaders[0].fixes.empty());
  }
};

QTEST_APPLESS_MAIN(ConflictAnalyzersTest)
#include "tst_analyzers_conflicts.moc"
