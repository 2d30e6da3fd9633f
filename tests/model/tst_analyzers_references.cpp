// Reference analyzers (ReferenceAnalyzers.cpp, ReferenceDestinationRules.cpp, ReferenceGateways.cpp):
// one test per analyzer, then one per quick fix, then the Istio samples. Each YAML starts at
// line 1; the expected line is commented next to the offending field (`#N`).

#include <QtTest/QtTest>

#include <map>
#include <set>

#include "AnalyzerTestSupport.h"

using namespace meshstudio;
using test::analyse;
using test::applyFirstFixAndRevalidate;
using test::q;
using test::withCode;

namespace {

/// The codes this group reports.
bool ours(const std::string& code) {
  static const std::set<std::string> codes{"IST0101", "IST0109", "IST0112", "IST0128", "IST0129",
                                           "IST0132", "IST0138", "IST0145", "IST0162", "IST0173",
                                           "IST0174", "MS3001",  "MS3002",  "MS3003",  "MS3004"};
  return codes.count(code) > 0;
}

/// The findings on one resource (`Kind ns/name`).
model::Diagnostics on(const model::Diagnostics& diagnostics, const std::string& resource) {
  model::Diagnostics out;
  for (const model::Diagnostic& d : diagnostics)
    if (d.resource == resource) out.push_back(d);
  return out;
}

/// The one finding with `code` (the test fails through QVERIFY when there is not exactly one).
const model::Diagnostic* only(const model::Diagnostics& diagnostics, const std::string& code) {
  static model::Diagnostic kept;
  auto found = withCode(diagnostics, code);
  if (found.size() != 1) return nullptr;
  kept = found.front();
  return &kept;
}

/// True when `text` holds `parts` one after the other, each on the line after the previous one.
bool inOrder(const std::string& text, const std::vector<std::string>& parts) {
  std::size_t at = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::size_t found = text.find(parts[i], at);
    if (found == std::string::npos) return false;
    if (i > 0 && text.find('\n', at) < found && text.find('\n', text.find('\n', at) + 1) < found) return false;
    at = found + parts[i].size();
  }
  return true;
}

/// Applies the first fix of `finding`; true when no finding with its code remains at its path
/// on its resource and the fixed project has no schema errors.
bool fixClears(const std::string& yaml, const model::Diagnostic& finding, std::string* fixedYaml = nullptr) {
  std::string fixed;
  model::Diagnostics after = applyFirstFixAndRevalidate(yaml, finding, &fixed);
  if (fixedYaml) *fixedYaml = fixed;
  bool remains = false;
  for (const model::Diagnostic& d : after)
    remains = remains || (d.code == finding.code && d.resource == finding.resource && d.path == finding.path);
  if (finding.fixes.empty() || remains || !withCode(after, "IST0106").empty()) {
    qWarning("%s\n%s", fixed.c_str(), test::describe(after).c_str());
    return false;
  }
  return true;
}

// Bookinfo's reviews Service with v1 and v2 Deployments, lines 1-30; append documents after it.
const std::string kReviews = R"(apiVersion: v1
kind: Service
metadata:
  name: reviews
spec:
  selector: {app: reviews}
  ports: [{name: http, port: 9080}]
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: reviews-v1
spec:
  selector: {matchLabels: {app: reviews, version: v1}}
  template:
    metadata:
      labels: {app: reviews, version: v1}
    spec: {containers: [{name: reviews, image: reviews:v1}]}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: reviews-v2
spec:
  selector: {matchLabels: {app: reviews, version: v2, track: canary}}
  template:
    metadata:
      labels: {app: reviews, version: v2, track: canary}
    spec: {containers: [{name: reviews, image: reviews:v2}]}
---
)";

// The ingress gateway workload and its Service in istio-system, lines 1-21.
const std::string kIngress = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: istio-ingressgateway
  namespace: istio-system
spec:
  selector: {matchLabels: {istio: ingressgateway}}
  template:
    metadata:
      labels: {istio: ingressgateway}
    spec: {containers: [{name: istio-proxy, image: proxyv2, ports: [{name: https, containerPort: 8443}]}]}
---
apiVersion: v1
kind: Service
metadata:
  name: istio-ingressgateway
  namespace: istio-system
spec:
  selector: {istio: ingressgateway}
  ports: [{name: http2, port: 80, targetPort: 8080}, {name: https, port: 443, targetPort: https}]
---
)";

}  // namespace

class ReferenceAnalyzersTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  // --- one test per analyzer ----------------------------------------------------------------

  void gatewayExists() {
    const std::string gateway = R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: public
  namespace: edge
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["*/shop.example.com"]
---
)";
    auto vs = [&](const std::string& gateways, const std::string& match) {
      return gateway + R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: shop
spec:
  hosts: [shop.example.com]
  gateways: )" +
             gateways +  // 18
             R"(
  http:
  - match: [{gateways: )" +
             match +  // 20
             R"(}]
    route:
    - destination: {host: web}
)";
    };
    // Bare `public` means default/public, which does not exist; the namespace is the VS's own: an error.
    auto missing = analyse(vs("[mesh, public]", "[edge/public]"));
    EXPECT_FINDING(missing, "IST0101", "VirtualService default/shop", "spec.gateways[1]", 18);
    QCOMPARE(withCode(missing, "IST0101")[0].severity, model::Severity::Error);
    QVERIFY(withCode(missing, "IST0101")[0].message.find("\"public\"") != std::string::npos);

    auto inMatch = analyse(vs("[edge/public]", "[edge/pubilc]"));
    EXPECT_FINDING(inMatch, "IST0101", "VirtualService default/shop", "spec.http[0].match[0].gateways[0]", 20);

    // A namespace the project holds no Gateway in: probably managed elsewhere, so only a warning.
    auto shared = analyse(vs("[istio-system/shared]", "[edge/public]"));
    EXPECT_FINDING(shared, "IST0101", "VirtualService default/shop", "spec.gateways[0]", 18);
    QCOMPARE(withCode(shared, "IST0101")[0].severity, model::Severity::Warning);

    EXPECT_NO_FINDING(analyse(vs("[edge/public, mesh]", "[edge/public, mesh]")), "IST0101");
    // The legacy `name.namespace.svc.cluster.local` form still names edge/public.
    EXPECT_NO_FINDING(analyse(vs("[public.edge.svc.cluster.local]", "[edge/public]")), "IST0101");
  }

  void destinationHostExists() {
    const std::string yaml = R"(apiVersion: v1
kind: Service
metadata:
  name: ratings
  namespace: prod
spec:
  selector: {app: ratings}
  ports: [{name: http, port: 9080}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ratings
  namespace: shop
spec:
  hosts: [ratings.prod.svc.cluster.local]
  http:
  - route:
    - destination:
        host: HOST
    mirror: {host: MIRROR}
)";
    auto with = [&](const std::string& host, const std::string& mirror) {
      std::string text = yaml;
      text.replace(text.find("HOST"), 4, host);
      text.replace(text.find("MIRROR"), 6, mirror);
      return text;
    };
    // `ratings` resolves against the VirtualService's namespace: ratings.shop.svc.cluster.local.
    auto shortName = analyse(with("ratings", "ratings.prod.svc.cluster.local"));
    EXPECT_FINDING(shortName, "IST0101", "VirtualService shop/ratings", "spec.http[0].route[0].destination.host", 20);
    QVERIFY(withCode(shortName, "IST0101")[0].message.find("ratings.shop.svc.cluster.local") != std::string::npos);

    auto mirror = analyse(with("ratings.prod.svc.cluster.local", "ratingz.prod.svc.cluster.local"));
    EXPECT_FINDING(mirror, "IST0101", "VirtualService shop/ratings", "spec.http[0].mirror.host", 21);
    QVERIFY(withCode(mirror, "IST0101")[0].message.find("mirror host") != std::string::npos);

    EXPECT_NO_FINDING(analyse(with("ratings.prod.svc.cluster.local", "ratings.prod.svc.cluster.local")), "IST0101");

    // Without any Service the project's Services live elsewhere: cluster hosts are not checked,
    // external ones still need a ServiceEntry.
    std::string pure = with("ratings", "api.example.com");
    pure = pure.substr(pure.find("---\n") + 4);  // the VirtualService alone, now lines 1-12
    EXPECT_FINDING(analyse(pure), "IST0101", "VirtualService shop/ratings", "spec.http[0].mirror.host", 12);
  }

  void destinationPort() {
    const std::string yaml = R"(apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports: [{name: http, port: 8080}, {name: grpc, port: 9090}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: web
spec:
  hosts: [web]
  http:
  - route:
    - destination:
        host: web
        PORT
)";
    auto with = [&](const std::string& port) {
      std::string text = yaml;
      text.replace(text.find("PORT"), 4, port);
      return text;
    };
    auto noPort = analyse(with(""));
    EXPECT_FINDING(noPort, "IST0112", "VirtualService default/web", "spec.http[0].route[0].destination", 17);
    QVERIFY(withCode(noPort, "IST0112")[0].message.find("[8080 9090]") != std::string::npos);

    auto wrongPort = analyse(with("port: {number: 9000}"));
    EXPECT_FINDING(wrongPort, "IST0101", "VirtualService default/web", "spec.http[0].route[0].destination.port.number",
                   19);
    EXPECT_NO_FINDING(wrongPort, "IST0112");

    auto clean = analyse(with("port: {number: 9090}"));
    EXPECT_NO_FINDING(clean, "IST0112");
    EXPECT_NO_FINDING(clean, "IST0101");
  }

  void destinationSubsetExists() {
    const std::string yaml = kReviews + R"(apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
spec:
  host: reviews
  subsets:
  - name: v1
    labels: {version: v1}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts: [reviews]
  http:
  - route:
    - destination: {host: reviews, subset: v1}
      weight: 90
    - destination:
        host: reviews
        subset: SUBSET
      weight: 10
)";
    auto with = [&](const std::string& subset) {
      std::string text = yaml;
      text.replace(text.find("SUBSET"), 6, subset);
      return text;
    };
    auto missing = analyse(with("v3"));
    EXPECT_FINDING(missing, "IST0101", "VirtualService default/reviews", "spec.http[0].route[1].destination.subset",
                   53);
    QVERIFY(withCode(missing, "IST0101")[0].message.find("default/reviews") != std::string::npos);
    EXPECT_NO_FINDING(analyse(with("v1")), "IST0101");

    // A wildcard DestinationRule supplies subsets to the hosts it covers.
    std::string wildcard = with("v3");
    wildcard.replace(wildcard.find("host: reviews\n  subsets"), 13, "host: \"*.default.svc.cluster.local\"");
    wildcard.replace(wildcard.find("name: v1\n    labels: {version: v1}"), 8, "name: v3");
    auto viaWildcard = analyse(wildcard);
    QCOMPARE(withCode(viaWildcard, "IST0101").size(), std::size_t(1));  // v1 now lacks, v3 is found
    QCOMPARE(q(withCode(viaWildcard, "IST0101")[0].path), QStringLiteral("spec.http[0].route[0].destination.subset"));
  }

  void destinationRuleHostExists() {
    const std::string yaml = kReviews + R"(apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
spec:
  host: HOST
)";
    auto with = [&](const std::string& host) {
      std::string text = yaml;
      text.replace(text.find("HOST"), 4, host);
      return text;
    };
    auto typo = analyse(with("reveiws"));
    EXPECT_FINDING(typo, "IST0174", "DestinationRule default/reviews", "spec.host", 36);
    QCOMPARE(withCode(typo, "IST0174")[0].severity, model::Severity::Warning);
    EXPECT_NO_FINDING(analyse(with("reviews")), "IST0174");
    EXPECT_NO_FINDING(analyse(with("reviews.default.svc.cluster.local")), "IST0174");
    EXPECT_NO_FINDING(analyse(with("\"*.default.svc.cluster.local\"")), "IST0174");
    // Pure config (no Service in the project): nothing to compare with.
    EXPECT_NO_FINDING(analyse(with("reveiws").substr(kReviews.size())), "IST0174");
  }

  void subsetSelectsPods() {
    const std::string yaml = kReviews + R"(apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
spec:
  host: reviews
  subsets:
  - name: v1
    labels: {version: v1}
  - name: SUBSET
    labels: {version: LABEL}
)";
    auto with = [&](const std::string& subset, const std::string& label) {
      std::string text = yaml;
      text.replace(text.find("SUBSET"), 6, subset);
      text.replace(text.find("LABEL"), 5, label);
      return text;
    };
    auto none = analyse(with("v4", "v4"));
    EXPECT_FINDING(none, "IST0173", "DestinationRule default/reviews", "spec.subsets[1].labels", 41);
    QCOMPARE(withCode(none, "IST0173")[0].severity, model::Severity::Error);
    EXPECT_NO_FINDING(analyse(with("v2", "v2")), "IST0173");

    // Scaled to zero: the Deployment exists but runs no pod.
    std::string idle = with("v2", "v2");
    idle.replace(idle.find("  selector: {matchLabels: {app: reviews, version: v2"), 0, "  replicas: 0\n");
    auto scaled = analyse(idle);
    EXPECT_FINDING(scaled, "IST0173", "DestinationRule default/reviews", "spec.subsets[1].labels", 42);
    QVERIFY(withCode(scaled, "IST0173")[0].message.find("Deployment default/reviews-v2") != std::string::npos);

    // The Service's Deployments are not in the project: nothing to compare with.
    std::string noWorkloads = with("v4", "v4");
    std::size_t from = noWorkloads.find("apiVersion: apps/v1");
    noWorkloads.erase(from, noWorkloads.find("apiVersion: networking") - from);
    EXPECT_NO_FINDING(analyse(noWorkloads), "IST0173");
  }

  void serverCertificateVerification() {
    const std::string yaml = R"(apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: payments
spec:
  host: payments.example.com
  trafficPolicy:
    tls:
      mode: TOP
    portLevelSettings:
    - port: {number: 8443}
      tls:
        mode: PORT
)";
    auto with = [&](const std::string& top, const std::string& port) {
      std::string text = yaml;
      text.replace(text.find("TOP"), 3, top);
      text.replace(text.find("PORT"), 4, port);
      return text;
    };
    auto top = analyse(with("SIMPLE", "ISTIO_MUTUAL"));
    EXPECT_FINDING(top, "IST0128", "DestinationRule default/payments", "spec.trafficPolicy.tls.mode", 9);
    EXPECT_NO_FINDING(top, "IST0129");

    auto port = analyse(with("ISTIO_MUTUAL", "MUTUAL"));
    EXPECT_FINDING(port, "IST0129", "DestinationRule default/payments",
                   "spec.trafficPolicy.portLevelSettings[0].tls.mode", 13);
    QVERIFY(withCode(port, "IST0129")[0].message.find("at port 8443") != std::string::npos);
    EXPECT_NO_FINDING(port, "IST0128");

    EXPECT_NO_FINDING(analyse(with("SIMPLE\n      caCertificates: /etc/ca.pem", "DISABLE")), "IST0128");
    EXPECT_NO_FINDING(analyse(with("SIMPLE\n      credentialName: payments-ca", "DISABLE")), "IST0128");
    EXPECT_NO_FINDING(analyse(with("SIMPLE\n      insecureSkipVerify: true", "DISABLE")), "IST0128");
  }

  void gatewaySelectorMatchesWorkload() {
    const std::string yaml = kIngress + R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: public
spec:
  selector:
    istio: SELECTOR
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["*"]
)";
    auto with = [&](const std::string& selector) {
      std::string text = yaml;
      text.replace(text.find("SELECTOR"), 8, selector);
      return text;
    };
    auto typo = analyse(with("ingresgateway"));
    EXPECT_FINDING(typo, "IST0101", "Gateway default/public", "spec.selector.istio", 28);
    QCOMPARE(withCode(typo, "IST0101")[0].severity, model::Severity::Warning);
    EXPECT_NO_FINDING(analyse(with("ingressgateway")), "IST0101");
    // No workload with an `istio` label at all: the gateway is installed elsewhere.
    EXPECT_NO_FINDING(analyse(with("ingresgateway").substr(kIngress.size())), "IST0101");
  }

  void gatewayPortOnService() {
    const std::string yaml = kIngress + R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: public
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["*"]
  - port: {number: 8443, name: https, protocol: HTTPS}
    hosts: ["*"]
    tls: {mode: SIMPLE, credentialName: shop-cert}
  - port:
      number: PORT
      name: tcp
      protocol: TCP
    hosts: ["*"]
)";
    auto with = [&](const std::string& port) {
      std::string text = yaml;
      text.replace(text.find("PORT"), 4, port);
      return text;
    };
    // 80 is a Service port, 8443 the target of the named `https` port; 9000 is on neither.
    auto missing = analyse(with("9000"));
    EXPECT_FINDING(missing, "IST0162", "Gateway default/public", "spec.servers[2].port.number", 35);
    QVERIFY(withCode(missing, "IST0162")[0].message.find("istio-system/istio-ingressgateway") != std::string::npos);
    EXPECT_NO_FINDING(analyse(with("8080")), "IST0162");
    EXPECT_NO_FINDING(analyse(with("443")), "IST0162");
  }

  void gatewayCredentialExists() {
    const std::string secret = R"(apiVersion: v1
kind: Secret
metadata:
  name: NAME
  namespace: istio-system
type: kubernetes.io/tls
data: {tls.crt: Y2VydA==, tls.key: a2V5}
---
)";
    const std::string gateway = R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: public
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 443, name: https, protocol: HTTPS}
    hosts: ["*"]
    tls:
      mode: SIMPLE
      credentialName: shop-cert
)";
    auto with = [&](const std::string& secretName) {
      std::string text = secret;
      text.replace(text.find("NAME"), 4, secretName);
      return kIngress + text + gateway;
    };
    // The secret is read where the gateway pods run (istio-system), not in the Gateway's namespace.
    auto missing = analyse(with("other-cert"));
    EXPECT_FINDING(missing, "IST0101", "Gateway default/public", "spec.servers[0].tls.credentialName", 41);
    QVERIFY(withCode(missing, "IST0101")[0].message.find("istio-system") != std::string::npos);
    EXPECT_NO_FINDING(analyse(with("shop-cert")), "IST0101");
    // A project without TLS secrets keeps them elsewhere.
    EXPECT_NO_FINDING(analyse(kIngress + gateway), "IST0101");
  }

  void gatewayDuplicateCertificate() {
    const std::string yaml = R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: shop
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 443, name: https, protocol: HTTPS}
    hosts: [shop.example.com]
    tls: {mode: SIMPLE, credentialName: wildcard-cert}
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: blog
spec:
  selector: SELECTOR
  servers:
  - port: {number: 443, name: https, protocol: HTTPS}
    hosts: [blog.example.com]
    tls:
      mode: SIMPLE
      credentialName: CERT
)";
    auto with = [&](const std::string& selector, const std::string& cert) {
      std::string text = yaml;
      text.replace(text.find("SELECTOR"), 8, selector);
      text.replace(text.find("CERT"), 4, cert);
      return text;
    };
    auto shared = analyse(with("{istio: ingressgateway, app: edge}", "wildcard-cert"));
    EXPECT_FINDING(on(shared, "Gateway default/shop"), "IST0138", "Gateway default/shop",
                   "spec.servers[0].tls.credentialName", 10);
    EXPECT_FINDING(on(shared, "Gateway default/blog"), "IST0138", "Gateway default/blog",
                   "spec.servers[0].tls.credentialName", 23);
    EXPECT_NO_FINDING(analyse(with("{istio: ingressgateway}", "blog-cert")), "IST0138");
    EXPECT_NO_FINDING(analyse(with("{istio: egressgateway}", "wildcard-cert")), "IST0138");
  }

  // --- quick fixes --------------------------------------------------------------------------

  void fixGatewayReference() {
    const std::string yaml = R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: public
  namespace: edge
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["*/shop.example.com"]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: shop
spec:
  hosts: [shop.example.com]
  gateways: [public]
  http:
  - route:
    - destination: {host: web}
)";
    const model::Diagnostic* finding = only(analyse(yaml), "IST0101");
    QVERIFY(finding);
    QCOMPARE(q(finding->fixes.front().title), QStringLiteral("Use gateway edge/public"));
    std::string fixed;
    QVERIFY(fixClears(yaml, *finding, &fixed));
    QVERIFY(fixed.find("edge/public") != std::string::npos);
  }

  void fixHostToOtherNamespace() {
    const std::string yaml = R"(apiVersion: v1
kind: Service
metadata:
  name: ratings
  namespace: prod
spec:
  selector: {app: ratings}
  ports: [{name: http, port: 9080}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ratings
  namespace: shop
spec:
  hosts: [ratings.prod.svc.cluster.local]
  http:
  - route:
    - destination: {host: ratings}
)";
    const model::Diagnostic* finding = only(analyse(yaml), "IST0101");
    QVERIFY(finding);
    QCOMPARE(q(finding->fixes.front().title), QStringLiteral("Use ratings.prod.svc.cluster.local"));
    QVERIFY(fixClears(yaml, *finding));

    // The DestinationRule counterpart.
    const std::string rule = yaml.substr(0, yaml.find("apiVersion: networking")) + R"(apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: ratings
  namespace: shop
spec:
  host: ratings.prod
)";
    const model::Diagnostic* ruleFinding = only(analyse(rule), "IST0174");
    QVERIFY(ruleFinding);
    QCOMPARE(q(ruleFinding->fixes.front().title), QStringLiteral("Use ratings.prod.svc.cluster.local"));
    QVERIFY(fixClears(rule, *ruleFinding));
  }

  void fixDestinationPort() {
    const std::string yaml = R"(apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports: [{name: http, port: 8080}, {name: grpc, port: 9090}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: web
spec:
  hosts: [web]
  http:
  - route:
    - destination: {host: web}
)";
    const model::Diagnostic* finding = only(analyse(yaml), "IST0112");
    QVERIFY(finding);
    QCOMPARE(finding->fixes.size(), std::size_t(2));
    QCOMPARE(q(finding->fixes.front().title), QStringLiteral("Route to port 8080"));
    std::string fixed;
    QVERIFY(fixClears(yaml, *finding, &fixed));
    QVERIFY(fixed.find("number: 8080") != std::string::npos);
  }

  void fixAddMissingSubset() {
    const std::string yaml = kReviews + R"(apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
spec:
  host: reviews
  subsets:
  - name: v1
    labels: {version: v1}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts: [reviews]
  http:
  - route:
    - destination: {host: reviews, subset: SUBSET}
)";
    auto with = [&](const std::string& subset) {
      std::string text = yaml;
      text.replace(text.find("SUBSET"), 6, subset);
      return text;
    };
    // No workload has `v3` as a label value: Istio's convention, `version: v3`.
    std::string missing = with("v3");
    const model::Diagnostic* finding = only(analyse(missing), "IST0101");
    QVERIFY(finding);
    QCOMPARE(q(finding->fixes.front().title), QStringLiteral("Add missing subset v3 to DestinationRule reviews"));
    std::string fixed;
    QVERIFY(fixClears(missing, *finding, &fixed));
    QVERIFY2(inOrder(fixed, {"- name: v3", "labels:", "version: v3"}), fixed.c_str());

    // `canary` is the value of reviews-v2's `track` label: the subset infers that key.
    std::string canary = with("canary");
    finding = only(analyse(canary), "IST0101");
    QVERIFY(finding);
    QVERIFY(fixClears(canary, *finding, &fixed));
    QVERIFY2(inOrder(fixed, {"- name: canary", "labels:", "track: canary"}), fixed.c_str());
    EXPECT_NO_FINDING(on(test::applyFirstFixAndRevalidate(canary, *finding), "DestinationRule default/reviews"),
                      "IST0173");
  }

  void fixCreateDestinationRule() {
    const std::string yaml = kReviews + R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts: [reviews]
  http:
  - route:
    - destination: {host: reviews, subset: v2}
)";
    const model::Diagnostic* finding = only(analyse(yaml), "IST0101");
    QVERIFY(finding);
    QCOMPARE(q(finding->fixes.front().title), QStringLiteral("Create DestinationRule reviews with subset v2"));
    std::string fixed;
    QVERIFY(fixClears(yaml, *finding, &fixed));
    QVERIFY(fixed.find("kind: DestinationRule") != std::string::npos);
  }

  void fixServerCertificateVerification() {
    const std::string yaml = R"(apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: payments
spec:
  host: payments.example.com
  subsets:
  - name: v1
    labels: {version: v1}
    trafficPolicy:
      portLevelSettings:
      - port: {number: 8443}
        tls: {mode: SIMPLE}
)";
    const model::Diagnostic* finding = only(analyse(yaml), "IST0129");
    QVERIFY(finding);
    QCOMPARE(q(finding->path), QStringLiteral("spec.subsets[0].trafficPolicy.portLevelSettings[0].tls.mode"));
    std::string fixed;
    QVERIFY(fixClears(yaml, *finding, &fixed));
    QVERIFY(fixed.find("caCertificates: system") != std::string::npos);
  }

  // --- the Istio samples --------------------------------------------------------------------

  /// Bookinfo, httpbin and the other samples loaded as one project: only the findings that are
  /// real. Alternative versions of one resource (same kind, namespace and name) are not conflicts.
  void istioSamplesTogether() {
    MESHSTUDIO_REQUIRE_SHARED();
    model::ImportResult imported = model::Importer::importPaths({test::samplesDir()});
    model::analysis::ValidatorSettings settings;
    settings.runSchemaChecks = false;
    model::Diagnostics all = model::analysis::ProjectValidator::validate(imported.resources, settings);
    std::multiset<std::string> found;
    for (const model::Diagnostic& d : all)
      if (ours(d.code)) found.insert(d.code + " " + d.resource + " " + d.path);
    const std::multiset<std::string> expected{
        // Both bind port 80 with hosts "*" on the same ingress pods.
        "IST0145 Gateway istio-system/cert-manager-gateway spec.servers[0].hosts",
        "IST0145 Gateway default/httpbin-gateway spec.servers[0].hosts",
        // cert-manager creates this Service only while an ACME challenge runs.
        "IST0101 VirtualService istio-system/cert-manager spec.http[0].route[0].destination.host",
        // bookinfo.yaml deploys ratings-v1 and details-v1 only (destination-rule-all and -all-mtls).
        "IST0173 DestinationRule default/ratings spec.subsets[1].labels",
        "IST0173 DestinationRule default/ratings spec.subsets[2].labels",
        "IST0173 DestinationRule default/ratings spec.subsets[3].labels",
        "IST0173 DestinationRule default/details spec.subsets[1].labels",
        "IST0173 DestinationRule default/ratings spec.subsets[1].labels",
        "IST0173 DestinationRule default/ratings spec.subsets[2].labels",
        "IST0173 DestinationRule default/ratings spec.subsets[3].labels",
        "IST0173 DestinationRule default/details spec.subsets[1].labels",
        // TLS origination to www.googleapis.com without a CA to verify the server.
        "IST0129 DestinationRule default/originate-tls-for-googleapis spec.trafficPolicy.portLevelSettings[0].tls.mode",
    };
    if (found != expected) {
      for (const std::string& f : found) qWarning("found: %s", f.c_str());
      QFAIL("unexpected reference/conflict findings on the Istio samples");
    }
  }

  /// Each sample file alone: the VirtualService-only Bookinfo files route to subsets no
  /// DestinationRule defines (they expect destination-rule-all.yaml), nothing else fires.
  void istioSamplesAlone() {
    MESHSTUDIO_REQUIRE_SHARED();
    std::map<std::string, std::multiset<std::string>> perFile;
    for (const auto& file : model::Importer::manifestFilesUnder(test::samplesDir())) {
      model::ImportResult imported = model::Importer::importPaths({file});
      model::analysis::ValidatorSettings settings;
      settings.runSchemaChecks = false;
      for (const model::Diagnostic& d : model::analysis::ProjectValidator::validate(imported.resources, settings)) {
        if (ours(d.code)) perFile[file.filename().string()].insert(d.code);
      }
    }
    for (const auto& [file, codes] : perFile) {
      if (file == "egress-rule-google-apis.yaml") {
        QCOMPARE(codes, (std::multiset<std::string>{"IST0129"}));
        continue;
      }
      QVERIFY2(file.starts_with("virtual-service-"), file.c_str());
      QCOMPARE(codes.count("IST0101"), codes.size());  // subsets without a DestinationRule
    }
    QVERIFY(perFile.count("virtual-service-all-v1.yaml"));
    QCOMPARE(perFile["virtual-service-all-v1.yaml"].size(), std::size_t(4));
  }
};

QTEST_APPLESS_MAIN(ReferenceAnalyzersTest)
#include "tst_analyzers_references.moc"
