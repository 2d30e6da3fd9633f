// Reachability analyzers: rules after a catch-all (IST0130) and shadowed match blocks (IST0131).
// Each YAML starts at line 1 with `apiVersion`; the expected line is commented in the YAML.

#include <QtTest/QtTest>

#include "AnalyzerTestSupport.h"

using namespace meshstudio;
using test::analyse;
using test::applyFirstFixAndRevalidate;
using test::withCode;

namespace {

/// A VirtualService `shop` in namespace `default` for host `web`, with `http` as given.
std::string vs(const std::string& http, const std::string& extraSpec = "") {
  return "apiVersion: networking.istio.io/v1\n"  // 1
         "kind: VirtualService\n"                // 2
         "metadata:\n"                           // 3
         "  name: shop\n"                        // 4
         "spec:\n"                               // 5
         "  hosts: [web]\n" +                    // 6
         extraSpec +
         "  http:\n" + http;  // 7 (without extraSpec): http rules start at line 8
}

bool fixClears(const std::string& yaml, const model::Diagnostic& finding, const std::string& code) {
  std::string fixed;
  model::Diagnostics after = applyFirstFixAndRevalidate(yaml, finding, &fixed);
  if (!withCode(after, code).empty() || !withCode(after, "IST0106").empty()) {
    qWarning("%s\n%s", fixed.c_str(), test::describe(after).c_str());
    return false;
  }
  return true;
}

}  // namespace

class AnalyzersReachabilityTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void unreachableRules();
  void unreachableRulesFix();
  void ineffectiveMatches();
  void ineffectiveMatchesFix();
};

// vs.unreachable-rules
void AnalyzersReachabilityTest::unreachableRules() {
  // A rule without match takes everything: the rule after it is dead.
  std::string afterCatchAll = vs(R"(  - route:
    - destination: {host: web}
  - match:
    - uri: {prefix: /api}
    route:
    - destination: {host: api}
)");
  EXPECT_FINDING(analyse(afterCatchAll), "IST0130", "VirtualService default/shop", "spec.http[1]", 10);
  EXPECT_NO_FINDING(analyse(afterCatchAll), "IST0131");

  // `prefix: /` with nothing else is a catch-all block too.
  std::string afterSlash = vs(R"(  - name: everything
    match:
    - uri: {prefix: /}
    route:
    - destination: {host: web}
  - name: api
    match:
    - uri: {prefix: /api}
    route:
    - destination: {host: api}
)");
  auto slash = analyse(afterSlash);
  EXPECT_FINDING(slash, "IST0130", "VirtualService default/shop", "spec.http[1]", 13);
  QVERIFY(withCode(slash, "IST0130")[0].message.find("rule \"everything\" match #0 matches every request") !=
          std::string::npos);

  // Every block of rule 1 is already taken by earlier rules (prefix shadowing and a duplicate).
  std::string allCovered = vs(R"(  - match:
    - uri: {prefix: /api}
    route:
    - destination: {host: api}
  - match:
    - uri: {prefix: /static}
    route:
    - destination: {host: static}
  - match:
    - uri: {exact: /api/users}
    - uri: {prefix: /static}
    route:
    - destination: {host: users}
)");
  auto covered = analyse(allCovered);
  EXPECT_FINDING(covered, "IST0130", "VirtualService default/shop", "spec.http[2]", 16);
  EXPECT_NO_FINDING(covered, "IST0131");  // the whole rule is reported once, not per block

  // Clean: specific rules first, the catch-all last.
  EXPECT_NO_FINDING(analyse(vs(R"(  - match:
    - uri: {prefix: /api}
    route:
    - destination: {host: api}
  - route:
    - destination: {host: web}
)")),
                    "IST0130");

  // Clean: the earlier block carries conditions (a header, a port, a gateway, source labels,
  // a case-sensitive URI) the later one lacks, so the later rule still gets traffic.
  std::string notCovered = vs(R"(  - match:
    - uri: {prefix: /api}
      headers:
        x-canary: {exact: "true"}
    - uri: {prefix: /api}
      port: 8080
    - uri: {prefix: /api}
      sourceLabels: {app: tester}
    - uri: {exact: /API/v1}
    route:
    - destination: {host: canary}
  - match:
    - uri: {prefix: /api/v1}
    - uri: {exact: /api/v1}
      ignoreUriCase: true
    route:
    - destination: {host: api}
)");
  auto clean = analyse(notCovered);
  EXPECT_NO_FINDING(clean, "IST0130");
  EXPECT_NO_FINDING(clean, "IST0131");

  // Clean: a catch-all limited to one gateway leaves the other gateway's traffic to rule 1.
  EXPECT_NO_FINDING(analyse(vs(R"(  - match:
    - gateways: [edge]
    route:
    - destination: {host: web}
  - route:
    - destination: {host: api}
)",
                               "  gateways: [edge, internal]\n")),
                    "IST0130");
}

void AnalyzersReachabilityTest::unreachableRulesFix() {
  std::string yaml = vs(R"(  - name: fallback
    route:
    - destination: {host: web}
  - name: api
    match:
    - uri: {prefix: /api}
    route:
    - destination: {host: api}
)");
  auto found = withCode(analyse(yaml), "IST0130");
  QCOMPARE(found.size(), std::size_t(1));
  QCOMPARE(found[0].fixes.size(), std::size_t(1));
  QCOMPARE(QString::fromStdString(found[0].fixes[0].title), QStringLiteral("Move catch-all route \"fallback\" last"));
  QVERIFY(fixClears(yaml, found[0], "IST0130"));

  // Two catch-alls: moving one would leave the other in the way, so no fix is offered.
  std::string twoCatchAlls = vs(R"(  - route:
    - destination: {host: web}
  - route:
    - destination: {host: api}
)");
  auto two = withCode(analyse(twoCatchAlls), "IST0130");
  QCOMPARE(two.size(), std::size_t(1));
  QVERIFY(two[0].fixes.empty());
}

// vs.ineffective-matches
void AnalyzersReachabilityTest::ineffectiveMatches() {
  // prefix /api (with the same header) covers the later prefix /api/v1; /web keeps rule 1 alive.
  std::string shadowed = vs(R"(  - match:
    - uri: {prefix: /api}
      headers:
        x-env: {exact: prod}
    route:
    - destination: {host: api}
  - match:
    - uri: {prefix: /api/v1}
      headers:
        x-env: {exact: prod}
        x-user: {}
    - uri: {prefix: /web}
    route:
    - destination: {host: v1}
)");
  auto found = analyse(shadowed);
  EXPECT_FINDING(found, "IST0131", "VirtualService default/shop", "spec.http[1].match[0]", 15);
  EXPECT_NO_FINDING(found, "IST0130");
  QVERIFY(withCode(found, "IST0131")[0].message.find(
              "uri prefix \"/api\", header x-env exact \"prod\" already takes every request this match takes") !=
          std::string::npos);

  // A duplicate inside one rule.
  EXPECT_FINDING(analyse(vs(R"(  - match:
    - uri: {exact: /login}
    - uri: {exact: /login}
      name: again
    route:
    - destination: {host: auth}
)")),
                 "IST0131", "VirtualService default/shop", "spec.http[0].match[1]", 10);

  // ignoreUriCase on the earlier prefix covers any spelling; a full-match regex covers an exact.
  std::string folded = vs(R"(  - match:
    - uri: {prefix: /Admin}
      ignoreUriCase: true
    - uri: {regex: "/items/[0-9]+"}
    route:
    - destination: {host: admin}
  - match:
    - uri: {exact: /ADMIN/users}
    - uri: {exact: /items/42}
    - uri: {prefix: /other}
    route:
    - destination: {host: other}
)");
  auto foldedFound = withCode(analyse(folded), "IST0131");
  QCOMPARE(foldedFound.size(), std::size_t(2));
  QCOMPARE(QString::fromStdString(foldedFound[0].path), QStringLiteral("spec.http[1].match[0]"));
  QCOMPARE(foldedFound[0].line, 15);
  QCOMPARE(QString::fromStdString(foldedFound[1].path), QStringLiteral("spec.http[1].match[1]"));
  QCOMPARE(foldedFound[1].line, 16);

  // Clean: each later block escapes the earlier one somehow — a missing header, another method,
  // a query parameter, an earlier withoutHeaders, a regex vs a prefix, a case-folding later
  // block under a case-sensitive prefix with letters, a JWT claim spelled differently, and a
  // negated empty prefix (matches nothing, since Istio reads a missing header as "") that only
  // looks like the later negated presence test.
  std::string distinct = vs(R"(  - match:
    - uri: {prefix: /a}
      headers:
        x-env: {exact: prod}
    - uri: {prefix: /b}
      method: {exact: GET}
    - uri: {prefix: /c}
      queryParams:
        debug: {exact: "1"}
    - uri: {prefix: /d}
      withoutHeaders:
        x-test: {}
    - uri: {prefix: /e}
    - uri: {prefix: /f}
    - headers:
        "@request.auth.claims.Group": {exact: admin}
    - uri: {prefix: /g}
      withoutHeaders:
        x-skip: {prefix: ""}
    route:
    - destination: {host: one}
  - match:
    - uri: {prefix: /a/1}
    - uri: {prefix: /b/1}
      method: {exact: POST}
    - uri: {prefix: /c/1}
    - uri: {prefix: /d/1}
    - uri: {regex: "/e.*"}
    - uri: {prefix: /f/1}
      ignoreUriCase: true
    - headers:
        "@request.auth.claims.group": {exact: admin}
    - uri: {prefix: /g/1}
      withoutHeaders:
        x-skip: {}
    route:
    - destination: {host: two}
)");
  auto distinctFound = analyse(distinct);
  EXPECT_NO_FINDING(distinctFound, "IST0131");
  EXPECT_NO_FINDING(distinctFound, "IST0130");
}

void AnalyzersReachabilityTest::ineffectiveMatchesFix() {
  std::string yaml = vs(R"(  - match:
    - uri: {prefix: /api}
    route:
    - destination: {host: api}
  - match:
    - uri: {prefix: /api/v2}
    - uri: {prefix: /v2}
    route:
    - destination: {host: v2}
)");
  auto found = withCode(analyse(yaml), "IST0131");
  QCOMPARE(found.size(), std::size_t(1));
  QCOMPARE(found[0].fixes.size(), std::size_t(1));
  QVERIFY(fixClears(yaml, found[0], "IST0131"));
}

QTEST_APPLESS_MAIN(AnalyzersReachabilityTest)
#include "tst_analyzers_reachability.moc"
