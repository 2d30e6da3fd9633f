// Route test files in istio-config-validator's format: parsing (with file:line:column errors),
// request expansion, and assertions judged against a fake explainer.

#include <QtTest/QtTest>

#include <fstream>
#include <regex>

#include "../model/TestSupport.h"
#include "engine/RouteTestFile.h"
#include "model/Importer.h"
#include "model/Text.h"

using namespace meshstudio;
using engine::RouteOutcome;
using engine::RouteTestRequest;
using meshstudio::test::q;

namespace {

// A VirtualService shaped like istio-config-validator's examples/virtualservice.yml.
const char* kVirtualServices = R"yaml(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: shop, namespace: shop}
spec:
  hosts: [www.shop.example, shop.example]
  http:
    - match:
        - uri: {regex: "/accounts(/.*)?"}
      route:
        - destination: {host: accounts.accounts.svc.cluster.local, port: {number: 80}}
    - match:
        - uri: {prefix: /vendors}
          method: {regex: "(GET|OPTIONS)"}
      route:
        - destination: {host: vendors.vendors.svc.cluster.local, port: {number: 8000}}
    - match:
        - uri: {prefix: /wholesale}
          headers: {x-client: {exact: crawler}}
      route:
        - destination: {host: vendors.vendors.svc.cluster.local}
      fault:
        abort: {percentage: {value: 100}, httpStatus: 403}
    - match:
        - uri: {prefix: /wholesale}
      route:
        - destination: {host: vendors.vendors.svc.cluster.local}
      rewrite: {uri: /vendor}
      headers:
        request:
          set: {x-origin: wholesale}
    - match:
        - uri: {exact: /old-shop}
      redirect: {uri: /shop, redirectCode: 308}
    - match:
        - uri: {prefix: /reviews}
      route:
        - destination: {host: reviews, subset: v1}
          weight: 80
        - destination: {host: reviews, subset: v2}
          weight: 20
    - route:
        - destination: {host: storefront.storefront.svc.cluster.local}
)yaml";

/// A first-match router over the VirtualServices above: enough Istio for the runner's tests.
class FakeMesh {
 public:
  FakeMesh() {
    for (const model::Resource& resource : model::Importer::importText(kVirtualServices, "vs.yaml").resources)
      if (auto spec = resource.specAs<model::VirtualServiceSpec>()) specs_.push_back(*spec);
  }

  RouteOutcome operator()(const RouteTestRequest& request) {
    seen.push_back(request);
    for (const model::VirtualServiceSpec& spec : specs_) {
      if (std::find(spec.hosts.begin(), spec.hosts.end(), request.authority) == spec.hosts.end()) continue;
      for (std::size_t i = 0; i < spec.http.size(); ++i) {
        const model::HTTPRoute& rule = spec.http[i];
        bool matched = rule.match.empty();
        for (const model::HTTPMatchRequest& block : rule.match) matched = matched || matches(block, request);
        if (matched) return RouteOutcome::fromRule(rule, "VirtualService shop/shop http[" + std::to_string(i) + "]");
      }
    }
    return RouteOutcome{};
  }

  std::vector<RouteTestRequest> seen;

 private:
  static bool matches(const model::StringMatch& match, const std::string& text) {
    if (match.exact) return text == *match.exact;
    if (match.prefix) return text.starts_with(*match.prefix);
    if (match.regex) return std::regex_match(text, std::regex(*match.regex));
    return true;
  }
  static bool matches(const model::HTTPMatchRequest& block, const RouteTestRequest& request) {
    if (block.uri && !matches(*block.uri, request.uri)) return false;
    if (block.method && !matches(*block.method, request.method)) return false;
    for (const auto& [name, match] : block.headers) {
      auto header = std::find_if(request.headers.begin(), request.headers.end(),
                                 [&](const auto& h) { return model::lowercase(h.first) == name; });
      if (header == request.headers.end() || !matches(match, header->second)) return false;
    }
    return true;
  }

  std::vector<model::VirtualServiceSpec> specs_;
};

engine::RouteTestReport run(const char* text, FakeMesh& mesh) {
  return engine::runRouteTestText(text, "shop_test.yaml", [&](const RouteTestRequest& r) { return mesh(r); });
}

engine::RouteTestReport run(const char* text) {
  FakeMesh mesh;
  return run(text, mesh);
}

QString joined(const std::vector<std::string>& lines) {
  QStringList out;
  for (const auto& line : lines) out << q(line);
  return out.join(QLatin1Char('\n'));
}

QString failures(const engine::RouteTestReport& report) {
  std::vector<std::string> messages;
  for (const auto& failure : report.failures) messages.push_back(failure.message);
  return joined(messages);
}

bool anyContains(const std::vector<std::string>& lines, const std::string& text) {
  return std::any_of(lines.begin(), lines.end(),
                     [&](const std::string& l) { return l.find(text) != std::string::npos; });
}

// Shaped like istio-config-validator's examples/virtualservice_test.yml, with the other
// assertions of docs/test-cases.md.
const char* kRealWorldTests = R"(# Route tests for the shop
testCases:
  - description: accounts are served by the accounts service
    wantMatch: true
    request:
      authority: ["www.shop.example", "shop.example"]
      method: ["GET", "POST"]
      uri: ["/accounts", "/accounts/", "/accounts/42?expand=orders"]
      headers:
        x-user-id: abc123
    route:
    - destination:
        host: accounts.accounts.svc.cluster.local
        port:
          number: 80
  - description: vendors only accept GET or OPTIONS
    wantMatch: false
    request:
      authority: ["shop.example"]
      method: ["PUT", "POST", "PATCH"]
      uri: ["/vendors", "/vendors/1"]
    route:
    - destination:
        host: vendors.vendors.svc.cluster.local
        port:
          number: 8000
  - description: crawlers are refused on wholesale
    wantMatch: true
    request:
      authority: ["shop.example"]
      method: ["GET"]
      uri: ["/wholesale/list"]
      headers: {x-client: crawler}
    fault:
      abort:
        percentage: {value: 100.0}
        httpStatus: 403
  - description: wholesale is rewritten to the vendor API
    wantMatch: true
    request:
      authority: ["shop.example"]
      method: ["GET"]
      uri: ["/wholesale", "/wholesale/7"]
    route:
    - destination: {host: vendors.vendors.svc.cluster.local}
    rewrite:
      uri: /vendor
    headers:
      request:
        set: {x-origin: wholesale}
  - description: the old shop redirects
    wantMatch: true
    request: {authority: ["shop.example"], method: ["GET"], uri: ["/old-shop"]}
    redirect: {uri: /shop, redirectCode: 308}
  - description: reviews are split 80/20
    wantMatch: true
    request: {authority: ["shop.example"], method: ["GET"], uri: ["/reviews/1"]}
    route:
      - destination: {host: reviews, subset: v1}
        weight: 80
      - destination: {host: reviews, subset: v2}
        weight: 20
  - description: everything else goes to the storefront
    wantMatch: true
    request:
      authority: ["shop.example"]
      method: ["GET", "OPTIONS"]
      uri: ["/products", "/products/1"]
    route:
    - destination:
        host: storefront.storefront.svc.cluster.local
)";

}  // namespace

class TestRouteTestFile : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void parsesTheFieldsOfATestCase() {
    auto suite = engine::parseRouteTests(kRealWorldTests, "shop_test.yaml");
    QVERIFY2(suite.errors.empty(), qPrintable(joined(suite.errors)));
    QCOMPARE(suite.cases.size(), std::size_t(7));
    const engine::RouteTestCase& first = suite.cases.front();
    QCOMPARE(q(first.description), QStringLiteral("accounts are served by the accounts service"));
    QCOMPARE(first.mark.line, 3);
    QCOMPARE(q(first.file), QStringLiteral("shop_test.yaml"));
    QVERIFY(first.wantMatch && first.wantMatchWritten);
    QCOMPARE(first.authorities, (std::vector<std::string>{"www.shop.example", "shop.example"}));
    QCOMPARE(first.methods, (std::vector<std::string>{"GET", "POST"}));
    QCOMPARE(first.uris.size(), std::size_t(3));
    QCOMPARE(first.headers, (std::vector<std::pair<std::string, std::string>>{{"x-user-id", "abc123"}}));
    QVERIFY(first.route);
    QCOMPARE(first.route->size(), std::size_t(1));
    QCOMPARE(q(first.route->front().host), QStringLiteral("accounts.accounts.svc.cluster.local"));
    QCOMPARE(first.route->front().port, std::optional<std::int64_t>(80));
    QVERIFY(!suite.cases[1].wantMatch);
    QVERIFY(suite.cases[2].fault && suite.cases[2].fault->abort);
    QCOMPARE(suite.cases[2].fault->abort->httpStatus, std::optional<std::int64_t>(403));
    QCOMPARE(q(*suite.cases[3].rewrite->uri), QStringLiteral("/vendor"));
    QCOMPARE(suite.cases[4].redirect->redirectCode, std::optional<std::int64_t>(308));
    QCOMPARE(suite.cases[5].route->at(1).weight, std::optional<std::int64_t>(20));
    QCOMPARE(q(suite.cases[5].route->at(1).subset), QStringLiteral("v2"));
  }

  void realWorldFilePasses() {
    FakeMesh mesh;
    auto report = run(kRealWorldTests, mesh);
    QVERIFY2(report.errors.empty(), qPrintable(joined(report.errors)));
    QVERIFY2(report.failures.empty(), qPrintable(failures(report)));
    QVERIFY2(report.warnings.empty(), qPrintable(joined(report.warnings)));
    QVERIFY(report.passed());
    QCOMPARE(report.casesRun, 7);
    QCOMPARE(report.requestsRun, 12 + 6 + 1 + 2 + 1 + 1 + 4);
    QCOMPARE(static_cast<int>(mesh.seen.size()), report.requestsRun);
  }

  void everyCombinationIsOneRequestInTheToolsOrder() {
    FakeMesh mesh;
    auto report = run(R"(testCases:
  - description: fan out
    wantMatch: true
    request:
      authority: [a.example, shop.example]
      method: [GET, POST, PUT]
      uri: [/one, "/two?x=1&y=2"]
      headers: {x-a: "1", x-b: "2"}
    route: [{destination: {host: storefront.storefront.svc.cluster.local}}]
)",
                      mesh);
    QCOMPARE(report.casesRun, 1);
    QCOMPARE(report.requestsRun, 12);
    QCOMPARE(mesh.seen.size(), std::size_t(12));
    // uri outermost, then authority, then method (istio-config-validator's Unfold).
    QCOMPARE(q(mesh.seen[0].describe()), QStringLiteral("GET a.example/one"));
    QCOMPARE(q(mesh.seen[1].describe()), QStringLiteral("POST a.example/one"));
    QCOMPARE(q(mesh.seen[3].describe()), QStringLiteral("GET shop.example/one"));
    QCOMPARE(q(mesh.seen[6].uri), QStringLiteral("/two"));  // the query is not part of the path
    QCOMPARE(q(mesh.seen[6].query), QStringLiteral("x=1&y=2"));
    QCOMPARE(mesh.seen[11].headers.size(), std::size_t(2));
    // a.example is served by no VirtualService: those six requests fail, the others pass.
    QCOMPARE(report.failures.size(), std::size_t(6));
    for (const auto& failure : report.failures) QCOMPARE(q(failure.request.authority), QStringLiteral("a.example"));
  }

  void failureMessageSaysWhereWhatAndWhy() {
    auto report = run(R"(testCases:
  - description: accounts go to the new service
    wantMatch: true
    request:
      authority: ["shop.example"]
      method: ["GET"]
      uri: ["/accounts/1"]
    route:
    - destination:
        host: accounts-v2.accounts.svc.cluster.local
        port: {number: 80}
)");
    QCOMPARE(report.failures.size(), std::size_t(1));
    const auto& failure = report.failures.front();
    QCOMPARE(q(failure.file), QStringLiteral("shop_test.yaml"));
    QCOMPARE(failure.line, 2);
    QCOMPARE(q(failure.assertion), QStringLiteral("route"));
    QCOMPARE(q(failure.expected), QStringLiteral("[accounts-v2.accounts.svc.cluster.local:80]"));
    QCOMPARE(q(failure.actual), QStringLiteral("[accounts.accounts.svc.cluster.local:80]"));
    QCOMPARE(q(failure.message),
             QStringLiteral("shop_test.yaml:2: accounts go to the new service: GET shop.example/accounts/1: route: "
                            "expected [accounts-v2.accounts.svc.cluster.local:80], got "
                            "[accounts.accounts.svc.cluster.local:80] (VirtualService shop/shop http[0])"));
    QVERIFY(!report.passed());
  }

  void noRuleMatchedIsSaidSo() {
    auto report = run(R"(testCases:
  - description: unknown host
    wantMatch: true
    request: {authority: [nowhere.example], method: [GET], uri: [/]}
    route: [{destination: {host: storefront.storefront.svc.cluster.local}}]
)");
    QCOMPARE(report.failures.size(), std::size_t(1));
    QCOMPARE(q(report.failures.front().actual), QStringLiteral("no rule matched"));
  }

  void wantMatchFalseMeansAnythingButThis() {
    const char* text = R"(testCases:
  - description: not the storefront
    wantMatch: false
    request: {authority: [shop.example, nowhere.example], method: [GET], uri: [/accounts, /products]}
    route: [{destination: {host: storefront.storefront.svc.cluster.local}}]
)";
    auto report = run(text);
    // /accounts → accounts (differs: passes); nowhere.example → no route (differs: passes);
    // shop.example/products → storefront (equal: fails).
    QCOMPARE(report.requestsRun, 4);
    QCOMPARE(report.failures.size(), std::size_t(1));
    QCOMPARE(q(report.failures.front().request.describe()), QStringLiteral("GET shop.example/products"));
    QCOMPARE(q(report.failures.front().expected),
             QStringLiteral("anything but [storefront.storefront.svc.cluster.local]"));
  }

  void wantMatchLeftOutIsTrueWithAWarning() {
    auto report = run(R"(testCases:
  - description: forgot wantMatch
    request: {authority: [shop.example], method: [GET], uri: [/products]}
    route: [{destination: {host: storefront.storefront.svc.cluster.local}}]
  - description: forgot wantMatch, wrong host
    request: {authority: [shop.example], method: [GET], uri: [/products]}
    route: [{destination: {host: elsewhere}}]
)");
    QCOMPARE(report.failures.size(), std::size_t(1));  // the first matches as expected; the second does not
    QCOMPARE(q(report.failures.front().description), QStringLiteral("forgot wantMatch, wrong host"));
    QCOMPARE(report.warnings.size(), std::size_t(2));
    QVERIFY(report.warnings.front().find("shop_test.yaml:2: forgot wantMatch: `wantMatch` is not written") == 0);
  }

  void hostsAreComparedAsWritten() {
    auto report = run(R"(testCases:
  - description: reviews by full name
    wantMatch: true
    request: {authority: [shop.example], method: [GET], uri: [/reviews]}
    route:
      - destination: {host: reviews.shop.svc.cluster.local, subset: v1}
        weight: 80
      - destination: {host: reviews.shop.svc.cluster.local, subset: v2}
        weight: 20
)");
    QCOMPARE(report.failures.size(), std::size_t(1));
    QVERIFY2(report.failures.front().message.find("hosts are compared as written") != std::string::npos,
             report.failures.front().message.c_str());
  }

  void routeOrderWeightsAndZeroValues() {
    const char* swapped = R"(testCases:
  - description: order matters
    wantMatch: true
    request: {authority: [shop.example], method: [GET], uri: [/reviews]}
    route:
      - {destination: {host: reviews, subset: v2}, weight: 20}
      - {destination: {host: reviews, subset: v1}, weight: 80}
)";
    QCOMPARE(run(swapped).failures.size(), std::size_t(1));
    const char* withoutWeights = R"(testCases:
  - description: weights are part of the route
    wantMatch: true
    request: {authority: [shop.example], method: [GET], uri: [/reviews]}
    route:
      - {destination: {host: reviews, subset: v1}}
      - {destination: {host: reviews, subset: v2}}
)";
    auto report = run(withoutWeights);
    QCOMPARE(report.failures.size(), std::size_t(1));
    QCOMPARE(q(report.failures.front().actual),
             QStringLiteral("[reviews (subset v1, weight 80), reviews (subset v2, weight 20)]"));
    // Protobuf zero values equal absent ones: weight 0, port 0 and an empty subset.
    const char* zeroes = R"(testCases:
  - description: zero values
    wantMatch: true
    request: {authority: [shop.example], method: [GET], uri: [/products]}
    route: [{destination: {host: storefront.storefront.svc.cluster.local, subset: "", port: {number: 0}}, weight: 0}]
)";
    auto zero = run(zeroes);
    QVERIFY2(zero.failures.empty(), qPrintable(failures(zero)));
  }

  void rewriteComparesTheRuleNotTheRewrittenPath() {
    auto pass = run(R"(testCases:
  - description: rewrite
    wantMatch: true
    request: {authority: [shop.example], method: [GET], uri: [/wholesale/7/items]}
    rewrite: {uri: /vendor}
)");
    QVERIFY2(pass.failures.empty(), qPrintable(failures(pass)));
    auto fail = run(R"(testCases:
  - description: rewrite to the full path
    wantMatch: true
    request: {authority: [shop.example], method: [GET], uri: [/wholesale/7]}
    rewrite: {uri: /vendor/7}
)");
    QCOMPARE(fail.failures.size(), std::size_t(1));
    QCOMPARE(q(fail.failures.front().assertion), QStringLiteral("rewrite"));
    QCOMPARE(q(fail.failures.front().actual), QStringLiteral("{\"uri\":\"/vendor\"}"));
    // A rule without a rewrite never equals a written one.
    auto none = run(R"(testCases:
  - description: no rewrite there
    wantMatch: true
    request: {authority: [shop.example], method: [GET], uri: [/products]}
    rewrite: {uri: /vendor}
)");
    QCOMPARE(none.failures.size(), std::size_t(1));
    QCOMPARE(q(none.failures.front().actual), QStringLiteral("none"));
  }

  void faultHeadersAndRedirectAssertions() {
    auto report = run(R"(testCases:
  - description: wrong abort status
    wantMatch: true
    request: {authority: [shop.example], method: [GET], uri: [/wholesale], headers: {X-Client: crawler}}
    fault: {abort: {percentage: {value: 100}, httpStatus: 429}}
  - description: wrong header value
    wantMatch: true
    request: {authority: [shop.example], method: [GET], uri: [/wholesale]}
    headers: {request: {set: {x-origin: retail}}}
  - description: redirect code matters
    wantMatch: true
    request: {authority: [shop.example], method: [GET], uri: [/old-shop]}
    redirect: {uri: /shop}
  - description: redirect with the enum's default spelled out
    wantMatch: true
    request: {authority: [shop.example], method: [GET], uri: [/old-shop]}
    redirect: {uri: /shop, redirectCode: 308, derivePort: FROM_PROTOCOL_DEFAULT}
)");
    QVERIFY2(report.errors.empty(), qPrintable(joined(report.errors)));
    QStringList assertions;
    for (const auto& failure : report.failures) assertions << q(failure.assertion);
    QCOMPARE(assertions, (QStringList{QStringLiteral("fault"), QStringLiteral("headers"), QStringLiteral("redirect")}));
  }

  void delegateAssertion() {
    const char* text = R"(testCases:
  - description: delegated to the seller team
    wantMatch: true
    request: {authority: [example.org], method: [GET], uri: [/seller]}
    delegate: {name: seller-delegate}
)";
    auto delegating = [](const RouteTestRequest&) {
      RouteOutcome outcome;
      outcome.routed = true;
      outcome.delegate = model::Delegate{std::string("seller-delegate"), std::nullopt, {}};
      return outcome;
    };
    auto elsewhere = [](const RouteTestRequest&) {
      RouteOutcome outcome;
      outcome.routed = true;
      outcome.delegate = model::Delegate{std::string("product-delegate"), std::string("shop"), {}};
      return outcome;
    };
    auto direct = [](const RouteTestRequest&) {
      RouteOutcome outcome;
      outcome.routed = true;
      return outcome;
    };
    QVERIFY(engine::runRouteTestText(text, "d.yaml", delegating).passed());
    auto wrong = engine::runRouteTestText(text, "d.yaml", elsewhere);
    QCOMPARE(wrong.failures.size(), std::size_t(1));
    QCOMPARE(q(wrong.failures.front().actual),
             QStringLiteral("{\"name\":\"product-delegate\",\"namespace\":\"shop\"}"));
    QCOMPARE(q(engine::runRouteTestText(text, "d.yaml", direct).failures.at(0).actual),
             QStringLiteral("no delegation"));
  }

  void unknownAndMistypedFieldsAreErrorsWithPositions() {
    auto report = run(R"(testCases:
  - description: a test
    unknownField: true
    wantMatch: true
    request:
      authority: [shop.example]
      method: [GET]
      uri: [/accounts]
    route:
    - destination:
        host: accounts.accounts.svc.cluster.local
        subet: v1
        port: 80
  - description: still runs
    wantMatch: true
    request:
      authority: [shop.example]
      method: [GET]
      uri: [/accounts]
      queryParams: {a: b}
    redirect: {redirect_code: 301}
  - description: this one is fine
    wantMatch: true
    request: {authority: [shop.example], method: [GET], uri: [/products]}
    route: [{destination: {host: storefront.storefront.svc.cluster.local}}]
)");
    QStringList expected{
        QStringLiteral("shop_test.yaml:3:5: unknown field `unknownField` in `testCases[0]`"),
        QStringLiteral("shop_test.yaml:12:9: unknown field `subet` in `testCases[0].route[0].destination`; known: "
                       "host, subset, port"),
        QStringLiteral("shop_test.yaml:13:15: `testCases[0].route[0].destination.port` has the wrong type; write "
                       "port: {number: 80}"),
        QStringLiteral("shop_test.yaml:20:7: unknown field `queryParams` in `testCases[1].request`; known: authority, "
                       "method, uri, headers"),
        QStringLiteral("shop_test.yaml:21:16: unknown field `redirect_code` in `testCases[1].redirect` (write "
                       "`redirectCode`)"),
    };
    QCOMPARE(static_cast<qsizetype>(report.errors.size()), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i)
      QVERIFY2(q(report.errors[static_cast<std::size_t>(i)]).startsWith(expected[i]),
               qPrintable(q(report.errors[static_cast<std::size_t>(i)])));
    // Cases with errors are not run; the others are.
    QCOMPARE(report.casesRun, 1);
    QVERIFY(report.failures.empty());
    QVERIFY(!report.passed());
  }

  void requestListsAreCheckedLikeTheTool() {
    auto suite = engine::parseRouteTests(R"(testCases:
  - description: no uri
    wantMatch: true
    request:
      authority: shop.example
      method: []
    route: [{destination: {host: a}}]
  - description: no request
    wantMatch: yes
    route: [{destination: {}}]
)",
                                         "lists.yaml");
    QCOMPARE(suite.cases.size(), std::size_t(0));
    QVERIFY2(anyContains(suite.errors,
                         "lists.yaml:5:18: `testCases[0].request.authority` must be a list, such as "
                         "[\"www.example.com\"]"),
             qPrintable(joined(suite.errors)));
    QVERIFY(anyContains(suite.errors, "lists.yaml:6:15: method list is empty"));
    QVERIFY(anyContains(suite.errors, "lists.yaml:5:7: URI list is empty"));
    QVERIFY(anyContains(suite.errors, "lists.yaml:9:16: `testCases[1].wantMatch` must be true or false"));
    QVERIFY(anyContains(suite.errors, "lists.yaml:10:13: `testCases[1].route[0].destination.host` is required"));
    QVERIFY(anyContains(suite.errors, "lists.yaml:8:5: `testCases[1]` has no `request`"));
  }

  void yamlSyntaxErrorsHaveLineAndColumn() {
    auto report = run("testCases:\n  - description: broken\n    request: {authority: [shop.example\n");
    QCOMPARE(report.errors.size(), std::size_t(1));
    QVERIFY2(report.errors.front().starts_with("shop_test.yaml:"), report.errors.front().c_str());
    QCOMPARE(report.casesRun, 0);
    auto top = run("tests:\n  - description: wrong key\n");
    QCOMPARE(top.errors.size(), std::size_t(1));
    QVERIFY(top.errors.front().starts_with("shop_test.yaml:1:1: unknown field `tests`"));
  }

  void outerKeysAreCaseInsensitiveLikeGoJson() {
    // istio-config-validator's own test data writes `TestCases:`; encoding/json accepts it.
    auto report = run(R"(TestCases:
  - Description: capitalised
    WantMatch: true
    Request: {Authority: [shop.example], Method: [GET], URI: [/products]}
    Route: [{destination: {host: storefront.storefront.svc.cluster.local}}]
)");
    QVERIFY2(report.errors.empty(), qPrintable(joined(report.errors)));
    QCOMPARE(report.requestsRun, 1);
    QVERIFY(report.passed());
  }

  void severalDocumentsInOneFile() {
    auto report = run(R"(testCases:
  - description: first document
    wantMatch: true
    request: {authority: [shop.example], method: [GET], uri: [/products]}
    route: [{destination: {host: storefront.storefront.svc.cluster.local}}]
---
testCases:
  - description: second document
    wantMatch: true
    request: {authority: [shop.example], method: [GET], uri: [/accounts]}
    route: [{destination: {host: accounts.accounts.svc.cluster.local, port: {number: 80}}}]
)");
    QVERIFY(report.passed());
    QCOMPARE(report.casesRun, 2);
    auto suite = engine::parseRouteTests(
        "testCases:\n- description: a\n  request: {authority: [x], method: [GET], uri: [/]}\n"
        "---\ntestCases:\n- description: b\n  request: {authority: [x], method: [GET], uri: [/]}\n",
        "two.yaml");
    QCOMPARE(suite.cases.at(1).mark.line, 6);  // lines count from the start of the file
  }

  void readsFilesAndReportsUnreadableOnes() {
    auto dir = test::freshTempDir("routetests");
    auto path = dir / "shop_test.yaml";
    {
      std::ofstream out(path, std::ios::binary);
      out << kRealWorldTests;
    }
    FakeMesh mesh;
    auto report = engine::runRouteTestFile(path, [&](const RouteTestRequest& r) { return mesh(r); });
    QVERIFY2(report.passed(), qPrintable(joined(report.errors) + failures(report)));
    QCOMPARE(report.casesRun, 7);

    auto missing = engine::runRouteTestFile(dir / "missing.yaml", [&](const RouteTestRequest& r) { return mesh(r); });
    QCOMPARE(missing.errors.size(), std::size_t(1));
    QVERIFY(missing.errors.front().find("missing.yaml: cannot read the file") != std::string::npos);
    std::filesystem::remove_all(dir);
  }
};

QTEST_APPLESS_MAIN(TestRouteTestFile)
#include "tst_routetestfile.moc"
