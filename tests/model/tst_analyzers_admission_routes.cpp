// Admission analyzers inside VirtualService HTTP rules (AdmissionHttpRoutes.cpp): retries, regexes, match
// values, fault injection, mirroring, destinations, header operations, CORS.

#include "AnalyzerTestSupport.h"

using namespace meshstudio::test;

namespace {

// Lines 1-8 are the header below; the first rule starts on line 9 (`  - ...`).
std::string rules(const std::string& http) {
  return "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\n  namespace: shop\n"
         "spec:\n  hosts: [reviews]\n  http:\n" +
         http;
}

const std::string kRoute = "    route:\n    - destination: {host: reviews}\n";

}  // namespace

class TestAdmissionHttpRoutes : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void retries() {
    auto zero =
        analyse(rules("  - route:\n    - destination: {host: reviews}\n    retries:\n      attempts: 0\n"
                      "      perTryTimeout: 2s\n"));
    EXPECT_FINDING(zero, "MS1040", "VirtualService shop/reviews", "spec.http[0].retries.attempts", 12);
    QCOMPARE(QString::fromStdString(withCode(zero, "MS1040")[0].fixes[0].title),
             QStringLiteral("Remove perTryTimeout (keep retries disabled)"));

    auto unset = analyse(rules("  - route:\n    - destination: {host: reviews}\n    retries:\n      retryOn: 5xx\n"));
    EXPECT_FINDING(unset, "MS1040", "VirtualService shop/reviews", "spec.http[0].retries", 11);
    QCOMPARE(QString::fromStdString(withCode(unset, "MS1040")[0].fixes[0].title), QStringLiteral("Set attempts to 2"));

    auto negative =
        analyse(rules("  - route:\n    - destination: {host: reviews}\n    retries:\n      attempts: -1\n"));
    EXPECT_FINDING(negative, "MS1041", "VirtualService shop/reviews", "spec.http[0].retries.attempts", 12);

    auto tokens =
        analyse(rules("  - route:\n    - destination: {host: reviews}\n    retries:\n      attempts: 2\n"
                      "      retryOn: 5xx, reset,bogus\n"));
    EXPECT_FINDING(tokens, "MS1042", "VirtualService shop/reviews", "spec.http[0].retries.retryOn", 13);
    QVERIFY(withCode(tokens, "MS1042")[0].message.find("\" reset\"") != std::string::npos);

    auto clean =
        analyse(rules("  - route:\n    - destination: {host: reviews}\n    retries:\n      attempts: 3\n"
                      "      perTryTimeout: 2s\n      retryOn: gateway-error,connect-failure,503,retriable-4xx\n"
                      "  - route:\n    - destination: {host: ratings}\n    retries: {attempts: 0}\n"));
    for (const char* c : {"MS1040", "MS1041", "MS1042"}) EXPECT_NO_FINDING(clean, c);
  }

  void retriesDisabledFix() {
    EXPECT_FIX_CLEARS(
        rules("  - route:\n    - destination: {host: reviews}\n    retries: {attempts: 0, retryOn: 5xx}\n"), "MS1040");
  }

  void retriesMissingAttemptsFix() {
    EXPECT_FIX_CLEARS(rules("  - route:\n    - destination: {host: reviews}\n    retries: {perTryTimeout: 2s}\n"),
                      "MS1040");
  }

  void retryOnFix() {
    EXPECT_FIX_CLEARS(
        rules("  - route:\n    - destination: {host: reviews}\n    retries: {attempts: 2, retryOn: \"5XX, reset\"}\n"),
        "MS1042");
  }

  void regex() {
    auto uri = analyse(rules(
        "  - match:\n    - uri: {regex: \"[a-\"}\n      withoutHeaders:\n        x-b: {regex: \"*\"}\n" + kRoute));
    EXPECT_FINDING(uri, "IST0122", "VirtualService shop/reviews", "spec.http[0].match[0].uri.regex", 10);
    QVERIFY(withCode(uri, "IST0122")[0].message.find("missing ]") != std::string::npos);  // RE2's own reason

    auto star = analyse(rules("  - match:\n    - headers:\n        x-a: {regex: \"*\"}\n" + kRoute));
    EXPECT_FINDING(star, "IST0122", "VirtualService shop/reviews", "spec.http[0].match[0].headers.x-a.regex", 11);

    auto empty = analyse(rules("  - match:\n    - queryParams:\n        q: {regex: \"\"}\n" + kRoute));
    EXPECT_FINDING(empty, "MS1050", "VirtualService shop/reviews", "spec.http[0].match[0].queryParams.q.regex", 11);

    auto longRegex = analyse(rules("  - match:\n    - uri: {regex: \"" + std::string(1100, 'a') + "\"}\n" + kRoute));
    EXPECT_FINDING(longRegex, "MS1051", "VirtualService shop/reviews", "spec.http[0].match[0].uri.regex", 10);

    auto cors = analyse(rules("  - corsPolicy:\n      allowOrigins:\n      - regex: \"(\"\n" + kRoute));
    EXPECT_FINDING(cors, "IST0122", "VirtualService shop/reviews", "spec.http[0].corsPolicy.allowOrigins[0].regex", 11);

    auto clean =
        analyse(rules("  - match:\n    - uri: {regex: \"/api/v[0-9]+/.*\"}\n      headers:\n"
                      "        x-a: {regex: \"(?i)yes|no\"}\n      withoutHeaders:\n        x-b: {regex: \"*\"}\n"
                      "    rewrite: {uriRegexRewrite: {match: ^/api(/.*), rewrite: \"\\\\1\"}}\n" +
                      kRoute));
    for (const char* c : {"IST0122", "MS1050", "MS1051"}) EXPECT_NO_FINDING(clean, c);
  }

  void regexStarFix() {
    EXPECT_FIX_CLEARS(rules("  - match:\n    - headers:\n        x-a: {regex: \"*\"}\n" + kRoute), "IST0122");
  }

  void matchValues() {
    auto authority = analyse(rules("  - match:\n    - authority: {prefix: \"\"}\n" + kRoute));
    EXPECT_FINDING(authority, "MS1055", "VirtualService shop/reviews", "spec.http[0].match[0].authority.prefix", 10);

    auto header = analyse(rules("  - match:\n    - headers:\n        x-a: {prefix: \"\"}\n" + kRoute));
    EXPECT_FINDING(header, "MS1055", "VirtualService shop/reviews", "spec.http[0].match[0].headers.x-a.prefix", 11);

    auto name = analyse(rules("  - match:\n    - headers:\n        \"bad header\": {exact: a}\n" + kRoute));
    EXPECT_FINDING(name, "MS1056", "VirtualService shop/reviews", "spec.http[0].match[0].headers.bad header", 11);

    auto claim =
        analyse(rules("  - match:\n    - headers:\n        \"@request.auth.claims.group\": {exact: admin}\n" + kRoute));
    EXPECT_FINDING(claim, "MS1057", "VirtualService shop/reviews",
                   "spec.http[0].match[0].headers[@request.auth.claims.group]", 11);

    auto port = analyse(rules("  - match:\n    - port: 70000\n" + kRoute));
    EXPECT_FINDING(port, "MS1058", "VirtualService shop/reviews", "spec.http[0].match[0].port", 10);

    auto labels = analyse(rules("  - match:\n    - sourceLabels:\n        app: -reviews\n" + kRoute));
    EXPECT_FINDING(labels, "MS1058", "VirtualService shop/reviews", "spec.http[0].match[0].sourceLabels.app", 11);

    std::string gatewayClaim =
        "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: reviews, namespace: shop}\n"
        "spec:\n  hosts: [reviews.example.com]\n  gateways: [istio-system/ingress]\n  http:\n  - match:\n"
        "    - headers:\n        \"@request.auth.claims.group\": {exact: admin}\n        \":authority\": {exact: a}\n"
        "      uri: {prefix: \"\"}\n      sourceNamespace: shop\n      sourceLabels: {app.kubernetes.io/name: a}\n" +
        kRoute;
    auto clean = analyse(gatewayClaim);
    for (const char* c : {"MS1055", "MS1056", "MS1057", "MS1058"}) EXPECT_NO_FINDING(clean, c);
  }

  void emptyPrefixRemoveFix() {
    EXPECT_FIX_CLEARS(rules("  - match:\n    - scheme: {prefix: \"\"}\n" + kRoute), "MS1055");
  }

  void emptyPrefixPresenceFix() {
    EXPECT_FIX_CLEARS(rules("  - match:\n    - queryParams:\n        q: {prefix: \"\"}\n" + kRoute), "MS1055");
  }

  void fault() {
    auto empty = analyse(rules("  - fault: {}\n" + kRoute));
    EXPECT_FINDING(empty, "MS1060", "VirtualService shop/reviews", "spec.http[0].fault", 9);

    auto percentage = analyse(
        rules("  - fault:\n      abort:\n        httpStatus: 503\n        percentage: {value: 150}\n" + kRoute));
    EXPECT_FINDING(percentage, "MS1061", "VirtualService shop/reviews", "spec.http[0].fault.abort.percentage.value",
                   12);

    auto tiny = analyse(
        rules("  - fault:\n      delay:\n        fixedDelay: 1s\n        percentage: {value: 0.00001}\n" + kRoute));
    EXPECT_FINDING(tiny, "MS1061", "VirtualService shop/reviews", "spec.http[0].fault.delay.percentage.value", 12);

    auto http2 = analyse(rules("  - fault:\n      abort:\n        http2Error: REFUSED_STREAM\n" + kRoute));
    EXPECT_FINDING(http2, "MS1062", "VirtualService shop/reviews", "spec.http[0].fault.abort.http2Error", 11);

    auto status = analyse(rules("  - fault:\n      abort:\n        httpStatus: 700\n" + kRoute));
    EXPECT_FINDING(status, "MS1063", "VirtualService shop/reviews", "spec.http[0].fault.abort.httpStatus", 11);

    auto grpc = analyse(rules("  - fault:\n      abort:\n        grpcStatus: unavailable\n" + kRoute));
    EXPECT_FINDING(grpc, "MS1064", "VirtualService shop/reviews", "spec.http[0].fault.abort.grpcStatus", 11);

    auto untyped = analyse(rules("  - fault:\n      abort:\n        percentage: {value: 10}\n" + kRoute));
    EXPECT_FINDING(untyped, "MS1065", "VirtualService shop/reviews", "spec.http[0].fault.abort", 10);
    QCOMPARE(withCode(untyped, "MS1065")[0].severity, meshstudio::model::Severity::Warning);

    auto clean =
        analyse(rules("  - fault:\n      delay: {fixedDelay: 5s, percentage: {value: 0.5}}\n"
                      "      abort: {grpcStatus: UNAVAILABLE, percentage: {value: 100}}\n" +
                      kRoute));
    for (const char* c : {"MS1060", "MS1061", "MS1062", "MS1063", "MS1064", "MS1065"}) EXPECT_NO_FINDING(clean, c);
  }

  void emptyFaultFix() { EXPECT_FIX_CLEARS(rules("  - fault: {}\n" + kRoute), "MS1060"); }

  void grpcStatusFix() {
    EXPECT_FIX_CLEARS(rules("  - fault:\n      abort: {grpcStatus: unavailable, percentage: {value: 1}}\n" + kRoute),
                      "MS1064");
  }

  void mirror() {
    auto both = analyse(rules("  - mirror: {host: shadow}\n    mirrors:\n    - destination: {host: other}\n" + kRoute));
    EXPECT_FINDING(both, "MS1070", "VirtualService shop/reviews", "spec.http[0].mirror", 9);

    auto percent = analyse(rules("  - mirror: {host: shadow}\n    mirrorPercentage:\n      value: 120\n" + kRoute));
    EXPECT_FINDING(percent, "MS1071", "VirtualService shop/reviews", "spec.http[0].mirrorPercentage.value", 11);

    auto deprecated = analyse(rules("  - mirror: {host: shadow}\n    mirrorPercent: 50\n" + kRoute));
    EXPECT_FINDING(deprecated, "MS1072", "VirtualService shop/reviews", "spec.http[0].mirrorPercent", 10);
    QCOMPARE(withCode(deprecated, "MS1072")[0].severity, meshstudio::model::Severity::Warning);

    auto clean = analyse(rules("  - mirrors:\n    - destination: {host: shadow}\n      percentage: {value: 5}\n" +
                               kRoute + "  - mirror: {host: shadow}\n    mirrorPercentage: {value: 100}\n" + kRoute));
    for (const char* c : {"MS1070", "MS1071", "MS1072"}) EXPECT_NO_FINDING(clean, c);
  }

  void mirrorIntoMirrorsFix() {
    EXPECT_FIX_CLEARS(rules("  - mirror: {host: shadow}\n    mirrorPercentage: {value: 10}\n    mirrors:\n"
                            "    - destination: {host: other}\n" +
                            kRoute),
                      "MS1070");
  }

  void duplicateMirrorFix() {
    auto found = withCode(
        analyse(rules("  - mirror: {host: shadow}\n    mirrors:\n    - destination: {host: shadow}\n" + kRoute)),
        "MS1070");
    QCOMPARE(found.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(found[0].fixes[0].title), QStringLiteral("Remove the duplicate mirror"));
    EXPECT_FIX_CLEARS(rules("  - mirror: {host: shadow}\n    mirrors:\n    - destination: {host: shadow}\n" + kRoute),
                      "MS1070");
  }

  void mirrorPercentFix() {
    EXPECT_FIX_CLEARS(rules("  - mirror: {host: shadow}\n    mirrorPercent: 50\n" + kRoute), "MS1072");
  }

  void destinations() {
    auto negative =
        analyse(rules("  - route:\n    - destination: {host: reviews}\n      weight: -5\n"
                      "    - destination: {host: ratings}\n      weight: 10\n"));
    EXPECT_FINDING(negative, "MS1080", "VirtualService shop/reviews", "spec.http[0].route[0].weight", 11);

    auto zero =
        analyse(rules("  - route:\n    - destination: {host: reviews}\n      weight: 0\n"
                      "    - destination: {host: ratings}\n      weight: 0\n"));
    EXPECT_FINDING(zero, "MS1081", "VirtualService shop/reviews", "spec.http[0].route", 9);

    auto star = analyse(rules("  - route:\n    - destination:\n        host: \"*\"\n"));
    EXPECT_FINDING(star, "MS1082", "VirtualService shop/reviews", "spec.http[0].route[0].destination.host", 11);

    auto subset = analyse(rules("  - route:\n    - destination: {host: reviews, subset: v_1}\n"));
    EXPECT_FINDING(subset, "MS1083", "VirtualService shop/reviews", "spec.http[0].route[0].destination.subset", 10);

    auto port = analyse(rules("  - mirror:\n      host: shadow\n      port: {number: 0}\n" + kRoute));
    EXPECT_FINDING(port, "MS1084", "VirtualService shop/reviews", "spec.http[0].mirror.port.number", 11);

    auto tcp = analyse(
        "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: reviews, namespace: shop}\n"
        "spec:\n  hosts: [reviews]\n  tcp:\n  - match:\n    - port: 3306\n");
    EXPECT_FINDING(tcp, "MS1085", "VirtualService shop/reviews", "spec.tcp[0]", 7);

    auto clean =
        analyse(rules("  - route:\n    - destination: {host: reviews, subset: v1, port: {number: 9080}}\n"
                      "      weight: 0\n    - destination: {host: reviews.shop.svc.cluster.local}\n"
                      "      weight: 100\n"));
    for (const char* c : {"MS1080", "MS1081", "MS1082", "MS1083", "MS1084", "MS1085"}) EXPECT_NO_FINDING(clean, c);
  }

  void zeroWeightsFix() {
    EXPECT_FIX_CLEARS(rules("  - route:\n    - destination: {host: reviews}\n      weight: 0\n"
                            "    - destination: {host: ratings}\n      weight: 0\n"),
                      "MS1081");
  }

  void headerOperations() {
    auto pseudo = analyse(rules("  - headers:\n      request:\n        set:\n          \":path\": /x\n" + kRoute));
    EXPECT_FINDING(pseudo, "MS1090", "VirtualService shop/reviews", "spec.http[0].headers.request.set.:path", 12);

    auto host = analyse(rules("  - headers:\n      response:\n        remove: [Host]\n" + kRoute));
    EXPECT_FINDING(host, "MS1090", "VirtualService shop/reviews", "spec.http[0].headers.response.remove[0]", 11);

    auto value =
        analyse(rules("  - route:\n    - destination: {host: reviews}\n      headers:\n        response:\n"
                      "          add: {x-load: 100%}\n"));
    EXPECT_FINDING(value, "MS1091", "VirtualService shop/reviews", "spec.http[0].route[0].headers.response.add.x-load",
                   13);

    auto clean =
        analyse(rules("  - headers:\n      request:\n        set: {host: a.example.com, x-id: \"%REQ(x-id)%\"}\n"
                      "        remove: [x-debug]\n      response:\n        add: {x-load: \"100%%\"}\n" +
                      kRoute));
    for (const char* c : {"MS1090", "MS1091"}) EXPECT_NO_FINDING(clean, c);
  }

  void headerOperationFix() {
    EXPECT_FIX_CLEARS(rules("  - headers:\n      request:\n        set: {\":path\": /x, x-a: b}\n" + kRoute), "MS1090");
  }

  void cors() {
    auto origin = analyse(rules("  - corsPolicy:\n      allowOrigins:\n      - exact: \"\"\n" + kRoute));
    EXPECT_FINDING(origin, "MS1096", "VirtualService shop/reviews", "spec.http[0].corsPolicy.allowOrigins[0]", 11);

    auto method = analyse(rules("  - corsPolicy:\n      allowMethods: [GET, get]\n" + kRoute));
    EXPECT_FINDING(method, "MS1095", "VirtualService shop/reviews", "spec.http[0].corsPolicy.allowMethods[1]", 10);

    auto header = analyse(rules("  - corsPolicy:\n      allowHeaders:\n      - \"x-a, x-b\"\n" + kRoute));
    EXPECT_FINDING(header, "MS1097", "VirtualService shop/reviews", "spec.http[0].corsPolicy.allowHeaders[0]", 11);

    auto maxAge = analyse(rules("  - corsPolicy:\n      maxAge: 1.5s\n" + kRoute));
    EXPECT_FINDING(maxAge, "MS1098", "VirtualService shop/reviews", "spec.http[0].corsPolicy.maxAge", 10);

    auto clean =
        analyse(rules("  - corsPolicy:\n      allowOrigins: [{exact: \"https://a.example.com\"}, {regex: "
                      "\"https://.*\\\\.example\\\\.com\"}]\n      allowMethods: [GET, POST, \"*\"]\n"
                      "      allowHeaders: [x-a, \"*\"]\n      exposeHeaders: [x-b]\n      maxAge: 24h\n" +
                      kRoute));
    for (const char* c : {"MS1095", "MS1096", "MS1097", "MS1098"}) EXPECT_NO_FINDING(clean, c);
  }

  void corsMethodFix() { EXPECT_FIX_CLEARS(rules("  - corsPolicy:\n      allowMethods: [post]\n" + kRoute), "MS1095"); }
};

QTEST_APPLESS_MAIN(TestAdmissionHttpRoutes)
#include "tst_analyzers_admission_routes.moc"
