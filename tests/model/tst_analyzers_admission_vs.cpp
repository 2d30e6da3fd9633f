// Admission analyzers on VirtualServices as a whole and on each rule's action (AdmissionVirtualService.cpp),
// plus the checks shared with DestinationRules (exportTo, duration precision; AdmissionAnalyzers.cpp).

#include "AnalyzerTestSupport.h"

using namespace meshstudio::test;

namespace {

// Every document starts with these six lines, so spec fields start on line 7.
std::string vs(const std::string& spec) {
  return "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\n  namespace: "
         "shop\nspec:\n" +
         spec;
}

const std::string kRoute = "  http:\n  - route:\n    - destination: {host: reviews}\n";

}  // namespace

class TestAdmissionVirtualService : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void hosts() {
    auto overlap =
        analyse(vs("  hosts:\n  - reviews.shop.svc.cluster.local\n  - \"*.shop.svc.cluster.local\"\n" + kRoute));
    EXPECT_FINDING(overlap, "MS1100", "VirtualService shop/reviews", "spec.hosts[1]", 9);
    QVERIFY(withCode(overlap, "MS1100")[0].fixes.empty());  // which host to keep is the author's call

    auto duplicate = analyse(vs("  hosts: [reviews, reviews]\n" + kRoute));
    EXPECT_FINDING(duplicate, "MS1100", "VirtualService shop/reviews", "spec.hosts[1]", 7);

    auto star = analyse(vs("  hosts: [\"*\"]\n" + kRoute));
    EXPECT_FINDING(star, "MS1101", "VirtualService shop/reviews", "spec.hosts[0]", 7);
    EXPECT_NO_FINDING(analyse(vs("  hosts: [\"*\"]\n  gateways: [istio-system/ingress]\n" + kRoute)), "MS1101");

    auto invalid = analyse(vs("  hosts: [bad_host.example.com]\n" + kRoute));
    EXPECT_FINDING(invalid, "MS1102", "VirtualService shop/reviews", "spec.hosts[0]", 7);

    auto empty = analyse(vs("  hosts: [reviews]\n"));
    EXPECT_FINDING(empty, "MS1103", "VirtualService shop/reviews", "spec", 6);

    auto delegate = analyse(vs("  gateways: [istio-system/ingress]\n" + kRoute));
    EXPECT_FINDING(delegate, "MS1104", "VirtualService shop/reviews", "spec.gateways", 7);

    auto clean =
        analyse(vs("  hosts: [reviews, ratings.shop.svc.cluster.local, 10.0.0.1, \"*.example.com\"]\n" + kRoute));
    for (const char* code : {"MS1100", "MS1101", "MS1102", "MS1103", "MS1104"}) EXPECT_NO_FINDING(clean, code);
  }

  void duplicateHostFix() { EXPECT_FIX_CLEARS(vs("  hosts: [reviews, reviews]\n" + kRoute), "MS1100"); }

  void gatewayNames() {
    auto invalid = analyse(vs("  hosts: [reviews]\n  gateways:\n  - mesh\n  - istio-system/my_gateway\n" + kRoute));
    EXPECT_FINDING(invalid, "MS1110", "VirtualService shop/reviews", "spec.gateways[1]", 10);

    auto inMatch =
        analyse(vs("  hosts: [reviews]\n  http:\n  - match:\n    - gateways: [/ingress]\n"
                   "    route:\n    - destination: {host: reviews}\n"));
    EXPECT_FINDING(inMatch, "MS1110", "VirtualService shop/reviews", "spec.http[0].match[0].gateways[0]", 10);

    auto legacy = analyse(vs("  hosts: [reviews]\n  gateways: [ingress.istio-system.svc.cluster.local]\n" + kRoute));
    EXPECT_FINDING(legacy, "MS1111", "VirtualService shop/reviews", "spec.gateways[0]", 8);
    QCOMPARE(withCode(legacy, "MS1111")[0].severity, meshstudio::model::Severity::Warning);

    auto clean = analyse(vs("  hosts: [reviews]\n  gateways: [mesh, ingress, istio-system/ingress]\n" + kRoute));
    EXPECT_NO_FINDING(clean, "MS1110");
    EXPECT_NO_FINDING(clean, "MS1111");
  }

  void legacyGatewayNameFix() {
    EXPECT_FIX_CLEARS(vs("  hosts: [reviews]\n  gateways: [ingress.istio-system.svc.cluster.local]\n" + kRoute),
                      "MS1111");
  }

  void ruleAction() {
    auto none = analyse(vs("  hosts: [reviews]\n  http:\n  - match:\n    - uri: {prefix: /a}\n"));
    EXPECT_FINDING(none, "MS1001", "VirtualService shop/reviews", "spec.http[0]", 9);

    auto both =
        analyse(vs("  hosts: [reviews]\n  http:\n  - route:\n    - destination: {host: reviews}\n"
                   "    redirect: {uri: /b}\n"));
    EXPECT_FINDING(both, "MS1002", "VirtualService shop/reviews", "spec.http[0].redirect", 11);

    auto rootDelegate =
        analyse(vs("  hosts: [reviews]\n  http:\n  - delegate: {name: leaf}\n"
                   "    route:\n    - destination: {host: reviews}\n"));
    EXPECT_FINDING(rootDelegate, "MS1002", "VirtualService shop/reviews", "spec.http[0].route", 10);
    EXPECT_NO_FINDING(rootDelegate, "MS1001");

    auto withFault =
        analyse(vs("  hosts: [reviews]\n  http:\n  - redirect: {uri: /b}\n"
                   "    fault:\n      abort: {httpStatus: 503, percentage: {value: 10}}\n"));
    EXPECT_FINDING(withFault, "MS1003", "VirtualService shop/reviews", "spec.http[0].fault", 10);

    auto nested = analyse(vs("  http:\n  - delegate: {name: other}\n"));
    EXPECT_FINDING(nested, "MS1004", "VirtualService shop/reviews", "spec.http[0].delegate", 8);

    auto clean =
        analyse(vs("  hosts: [reviews]\n  http:\n  - match:\n    - uri: {prefix: /old}\n"
                   "    redirect: {uri: /new}\n  - directResponse: {status: 404}\n  - delegate: {name: leaf}\n" +
                   kRoute.substr(8)));
    for (const char* code : {"MS1001", "MS1002", "MS1003", "MS1004"}) EXPECT_NO_FINDING(clean, code);
  }

  void redirectWithRewriteFix() {
    EXPECT_FIX_CLEARS(vs("  hosts: [reviews]\n  http:\n  - directResponse: {status: 404}\n    rewrite: {uri: /x}\n"),
                      "MS1003");
  }

  void redirect() {
    auto nothing = analyse(vs("  hosts: [reviews]\n  http:\n  - redirect:\n      redirectCode: 302\n"));
    EXPECT_FINDING(nothing, "MS1010", "VirtualService shop/reviews", "spec.http[0].redirect", 9);

    auto uriAndPrefix =
        analyse(vs("  hosts: [reviews]\n  http:\n  - redirect:\n      uri: /a\n      prefixRewrite: /b\n"));
    EXPECT_FINDING(uriAndPrefix, "MS1011", "VirtualService shop/reviews", "spec.http[0].redirect.prefixRewrite", 11);

    auto exactMatch =
        analyse(vs("  hosts: [reviews]\n  http:\n  - match:\n    - uri: {exact: /a}\n"
                   "    redirect: {prefixRewrite: /b}\n"));
    EXPECT_FINDING(exactMatch, "MS1012", "VirtualService shop/reviews", "spec.http[0].match[0].uri", 10);

    auto code = analyse(vs("  hosts: [reviews]\n  http:\n  - redirect:\n      uri: /a\n      redirectCode: 200\n"));
    EXPECT_FINDING(code, "MS1013", "VirtualService shop/reviews", "spec.http[0].redirect.redirectCode", 11);

    auto scheme = analyse(vs("  hosts: [reviews]\n  http:\n  - redirect:\n      scheme: HTTPS\n"));
    EXPECT_FINDING(scheme, "MS1014", "VirtualService shop/reviews", "spec.http[0].redirect.scheme", 10);

    auto port = analyse(vs("  hosts: [reviews]\n  http:\n  - redirect:\n      port: 70000\n"));
    EXPECT_FINDING(port, "MS1015", "VirtualService shop/reviews", "spec.http[0].redirect.port", 10);

    auto clean =
        analyse(vs("  hosts: [reviews]\n  http:\n  - match:\n    - uri: {prefix: /a}\n"
                   "    redirect: {prefixRewrite: /b, scheme: https, redirectCode: 308}\n"
                   "  - redirect: {derivePort: FROM_REQUEST_PORT}\n"));
    for (const char* c : {"MS1010", "MS1011", "MS1012", "MS1013", "MS1014", "MS1015"}) EXPECT_NO_FINDING(clean, c);
  }

  void redirectCodeFix() {
    EXPECT_FIX_CLEARS(vs("  hosts: [reviews]\n  http:\n  - redirect: {uri: /a, redirectCode: 200}\n"), "MS1013");
  }

  void redirectSchemeFix() {
    EXPECT_FIX_CLEARS(vs("  hosts: [reviews]\n  http:\n  - redirect: {scheme: HTTPS}\n"), "MS1014");
  }

  void directResponse() {
    auto status = analyse(vs("  hosts: [reviews]\n  http:\n  - directResponse:\n      status: 700\n"));
    EXPECT_FINDING(status, "MS1020", "VirtualService shop/reviews", "spec.http[0].directResponse.status", 10);

    std::string huge(1024 * 1024 + 1, 'x');
    auto tooBig =
        analyse(vs("  hosts: [reviews]\n  http:\n  - directResponse:\n      status: 200\n      body:\n"
                   "        string: " +
                   huge + "\n"));
    EXPECT_FINDING(tooBig, "MS1021", "VirtualService shop/reviews", "spec.http[0].directResponse.body.string", 12);

    std::string large(200 * 1024, 'x');
    auto big =
        analyse(vs("  hosts: [reviews]\n  http:\n  - directResponse:\n      status: 200\n      body:\n"
                   "        string: " +
                   large + "\n"));
    EXPECT_FINDING(big, "MS1022", "VirtualService shop/reviews", "spec.http[0].directResponse.body.string", 12);
    EXPECT_NO_FINDING(big, "MS1021");

    auto clean =
        analyse(vs("  hosts: [reviews]\n  http:\n  - directResponse: {status: 503, body: {string: down}}\n"
                   "  - directResponse: {status: 200, body: {bytes: aGVsbG8=}}\n"));
    for (const char* c : {"MS1020", "MS1021", "MS1022"}) EXPECT_NO_FINDING(clean, c);
  }

  void rewrite() {
    const std::string route = "    route:\n    - destination: {host: reviews}\n";
    auto both =
        analyse(vs("  hosts: [reviews]\n  http:\n  - rewrite:\n      uri: /a\n"
                   "      uriRegexRewrite: {match: ^/b, rewrite: /c}\n" +
                   route));
    EXPECT_FINDING(both, "MS1030", "VirtualService shop/reviews", "spec.http[0].rewrite.uriRegexRewrite", 11);

    auto empty = analyse(vs("  hosts: [reviews]\n  http:\n  - rewrite: {}\n" + route));
    EXPECT_FINDING(empty, "MS1031", "VirtualService shop/reviews", "spec.http[0].rewrite", 9);

    auto half =
        analyse(vs("  hosts: [reviews]\n  http:\n  - rewrite:\n      uriRegexRewrite:\n        match: ^/b\n" + route));
    EXPECT_FINDING(half, "MS1032", "VirtualService shop/reviews", "spec.http[0].rewrite.uriRegexRewrite", 10);

    auto authority =
        analyse(vs("  hosts: [reviews]\n  http:\n  - rewrite: {authority: a.example.com}\n"
                   "    headers:\n      request:\n        set:\n          host: b.example.com\n" +
                   route));
    EXPECT_FINDING(authority, "MS1033", "VirtualService shop/reviews", "spec.http[0].headers.request.set.host", 13);

    auto clean =
        analyse(vs("  hosts: [reviews]\n  http:\n  - rewrite: {uri: /v2, authority: a.example.com}\n"
                   "    headers: {request: {set: {x-a: b}}}\n" +
                   route +
                   "  - rewrite: {uriRegexRewrite: {match: ^/b(.*), rewrite: /c\\\\1}}\n"
                   "    headers: {request: {add: {\":authority\": c.example.com}}}\n" +
                   route));
    for (const char* c : {"MS1030", "MS1031", "MS1032", "MS1033"}) EXPECT_NO_FINDING(clean, c);
  }

  void emptyRewriteFix() {
    EXPECT_FIX_CLEARS(
        vs("  hosts: [reviews]\n  http:\n  - rewrite: {}\n    route:\n    - destination: {host: reviews}\n"), "MS1031");
  }

  void exportTo() {
    auto duplicate = analyse(vs("  hosts: [reviews]\n  exportTo: [\".\", shop]\n" + kRoute));
    EXPECT_FINDING(duplicate, "MS1120", "VirtualService shop/reviews", "spec.exportTo[1]", 8);

    auto mixed = analyse(vs("  hosts: [reviews]\n  exportTo:\n  - other\n  - \"*\"\n" + kRoute));
    EXPECT_FINDING(mixed, "MS1121", "VirtualService shop/reviews", "spec.exportTo[1]", 10);

    auto invalid = analyse(vs("  hosts: [reviews]\n  exportTo: [\"~\"]\n" + kRoute));
    EXPECT_FINDING(invalid, "MS1122", "VirtualService shop/reviews", "spec.exportTo[0]", 8);

    auto selector = analyse(
        "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: r, namespace: shop}\n"
        "spec:\n  host: reviews\n  workloadSelector: {matchLabels: {app: ratings}}\n  exportTo: [\"*\"]\n");
    EXPECT_FINDING(selector, "MS1123", "DestinationRule shop/r", "spec.exportTo", 7);

    auto clean = analyse(vs("  hosts: [reviews]\n  exportTo: [\".\", other]\n" + kRoute));
    for (const char* c : {"MS1120", "MS1121", "MS1122", "MS1123"}) EXPECT_NO_FINDING(clean, c);
  }

  void exportToDuplicateFix() {
    EXPECT_FIX_CLEARS(vs("  hosts: [reviews]\n  exportTo: [\".\", other, shop]\n" + kRoute), "MS1120");
  }

  void exportToStarFix() {
    EXPECT_FIX_CLEARS(vs("  hosts: [reviews]\n  exportTo: [other, \"*\"]\n" + kRoute), "MS1121");
  }

  void exportToSelectorFix() {
    EXPECT_FIX_CLEARS(
        "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: r, namespace: shop}\n"
        "spec:\n  host: reviews\n  workloadSelector: {matchLabels: {app: ratings}}\n  exportTo: [other]\n",
        "MS1123");
  }

  void durationPrecision() {
    auto fine =
        analyse(vs("  hosts: [reviews]\n  http:\n  - route:\n    - destination: {host: reviews}\n"
                   "    timeout: 1.5ms\n"));
    EXPECT_FINDING(fine, "MS1130", "VirtualService shop/reviews", "spec.http[0].timeout", 11);

    auto dr = analyse(
        "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: r, namespace: shop}\n"
        "spec:\n  host: reviews\n  subsets:\n  - name: v1\n    labels: {version: v1}\n    trafficPolicy:\n"
        "      connectionPool:\n        tcp: {connectTimeout: 10.0001s}\n");
    EXPECT_FINDING(dr, "MS1130", "DestinationRule shop/r",
                   "spec.subsets[0].trafficPolicy.connectionPool.tcp.connectTimeout", 11);

    auto clean =
        analyse(vs("  hosts: [reviews]\n  http:\n  - route:\n    - destination: {host: reviews}\n"
                   "    timeout: 1.5s\n    retries: {attempts: 3, perTryTimeout: 250ms}\n"));
    EXPECT_NO_FINDING(clean, "MS1130");
  }
};

QTEST_APPLESS_MAIN(TestAdmissionVirtualService)
#include "tst_analyzers_admission_vs.moc"
