// Route matching exactly as Envoy runs Istio's translation (istio-semantics.md §1): every
// match field, driven through the explain API with a fixed random source. Each row puts one
// match block on a rule named `hit` (to reviews v2) ahead of a catch-all rule `fallback`.

#include <QtTest/QtTest>

#include "EngineTestSupport.h"

using namespace meshstudio;
using namespace meshstudio::test;

namespace {

std::string ruleWithMatch(const std::string& matchBlocks) {
  return "  - name: hit\n    match: " + matchBlocks +
         "\n    route: [{destination: {host: reviews, subset: v2}}]\n"
         "  - name: fallback\n    route: [{destination: {host: reviews, subset: v1}}]\n";
}

}  // namespace

class RouteMatchingTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void matchField_data() {
    QTest::addColumn<QString>("match");  // the `match:` list, flow style
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("headers");
    QTest::addColumn<QString>("expected");  // hit | fallback

    auto row = [](const char* name, const char* match, const char* method, const char* url, const char* headers,
                  const char* expected) {
      QTest::newRow(name) << QString::fromUtf8(match) << QString::fromUtf8(method) << QString::fromUtf8(url)
                          << QString::fromUtf8(headers) << QString::fromUtf8(expected);
    };
    // uri
    row("uri exact", "[{uri: {exact: /a}}]", "GET", "http://reviews/a", "", "hit");
    row("uri exact ignores the query", "[{uri: {exact: /a}}]", "GET", "http://reviews/a?x=1", "", "hit");
    row("uri exact is case-sensitive", "[{uri: {exact: /a}}]", "GET", "http://reviews/A", "", "fallback");
    row("uri exact is not a prefix", "[{uri: {exact: /a}}]", "GET", "http://reviews/ab", "", "fallback");
    row("uri prefix", "[{uri: {prefix: /api}}]", "GET", "http://reviews/api/v1", "", "hit");
    row("uri prefix is byte-wise", "[{uri: {prefix: /api/}}]", "GET", "http://reviews/api", "", "fallback");
    row("uri regex full match", "[{uri: {regex: '/v[12]/.*'}}]", "GET", "http://reviews/v1/x", "", "hit");
    row("uri regex must match the entire path", "[{uri: {regex: '/v[12]'}}]", "GET", "http://reviews/v1/x", "",
        "fallback");
    row("uri regex ignores the query", "[{uri: {regex: '/v1'}}]", "GET", "http://reviews/v1?debug=1", "", "hit");
    row("ignoreUriCase exact", "[{uri: {exact: /Login}, ignoreUriCase: true}]", "GET", "http://reviews/LOGIN", "",
        "hit");
    row("ignoreUriCase prefix", "[{uri: {prefix: /API}, ignoreUriCase: true}]", "GET", "http://reviews/api/x", "",
        "hit");
    row("ignoreUriCase never touches regex", "[{uri: {regex: /login}, ignoreUriCase: true}]", "GET",
        "http://reviews/LOGIN", "", "fallback");
    row("regex (?i) is case-insensitive", "[{uri: {regex: '(?i)/login'}}]", "GET", "http://reviews/LOGIN", "", "hit");
    // method, scheme, authority
    row("method exact", "[{method: {exact: POST}}]", "POST", "http://reviews/", "", "hit");
    row("method mismatch", "[{method: {exact: POST}}]", "GET", "http://reviews/", "", "fallback");
    row("method regex", "[{method: {regex: 'PUT|PATCH'}}]", "PATCH", "http://reviews/", "", "hit");
    row("scheme http", "[{scheme: {exact: http}}]", "GET", "http://reviews/", "", "hit");
    row("scheme https does not match plain http", "[{scheme: {exact: https}}]", "GET", "http://reviews/", "",
        "fallback");
    row("authority exact", "[{authority: {exact: reviews}}]", "GET", "http://reviews/", "", "hit");
    row("authority is matched as sent, port included", "[{authority: {exact: reviews}}]", "GET", "http://reviews:9080/",
        "", "fallback");
    row("authority prefix", "[{authority: {prefix: reviews}}]", "GET", "http://reviews:9080/", "", "hit");
    // headers
    row("header exact", "[{headers: {end-user: {exact: jason}}}]", "GET", "http://reviews/", "end-user: jason", "hit");
    row("header value is case-sensitive", "[{headers: {end-user: {exact: jason}}}]", "GET", "http://reviews/",
        "end-user: Jason", "fallback");
    row("header name is case-insensitive", "[{headers: {end-user: {exact: jason}}}]", "GET", "http://reviews/",
        "End-User: jason", "hit");
    row("header prefix", "[{headers: {x-tier: {prefix: gold}}}]", "GET", "http://reviews/", "x-tier: gold-plus", "hit");
    row("header regex", "[{headers: {x-tier: {regex: 'gold|silver'}}}]", "GET", "http://reviews/", "x-tier: silver",
        "hit");
    row("header regex full match", "[{headers: {x-tier: {regex: 'gold'}}}]", "GET", "http://reviews/",
        "x-tier: goldish", "fallback");
    row("header presence {}", "[{headers: {x-canary: {}}}]", "GET", "http://reviews/", "x-canary: anything", "hit");
    row("header presence {} absent", "[{headers: {x-canary: {}}}]", "GET", "http://reviews/", "", "fallback");
    row("header regex * is presence", "[{headers: {x-canary: {regex: '*'}}}]", "GET", "http://reviews/", "x-canary: 1",
        "hit");
    row("repeated header values are joined with a comma", "[{headers: {x-a: {exact: '1,2'}}}]", "GET",
        "http://reviews/", "x-a: 1; x-a: 2", "hit");
    row("missing header fails a value match", "[{headers: {end-user: {exact: jason}}}]", "GET", "http://reviews/", "",
        "fallback");
    row("pseudo header :method", "[{headers: {':method': {exact: DELETE}}}]", "DELETE", "http://reviews/", "", "hit");
    // withoutHeaders
    row("withoutHeaders value excludes it", "[{withoutHeaders: {end-user: {exact: jason}}}]", "GET", "http://reviews/",
        "end-user: jason", "fallback");
    row("withoutHeaders other value passes", "[{withoutHeaders: {end-user: {exact: jason}}}]", "GET", "http://reviews/",
        "end-user: ann", "hit");
    row("withoutHeaders missing header passes", "[{withoutHeaders: {end-user: {exact: jason}}}]", "GET",
        "http://reviews/", "", "hit");
    row("withoutHeaders {} requires absence", "[{withoutHeaders: {x-debug: {}}}]", "GET", "http://reviews/",
        "x-debug: 1", "fallback");
    row("withoutHeaders {} absent passes", "[{withoutHeaders: {x-debug: {}}}]", "GET", "http://reviews/", "", "hit");
    // queryParams
    row("query exact", "[{queryParams: {v: {exact: '2'}}}]", "GET", "http://reviews/?v=2", "", "hit");
    row("query prefix", "[{queryParams: {v: {prefix: beta}}}]", "GET", "http://reviews/?v=beta-7", "", "hit");
    row("query regex", "[{queryParams: {v: {regex: '[0-9]+'}}}]", "GET", "http://reviews/?v=42", "", "hit");
    row("query presence {}", "[{queryParams: {debug: {}}}]", "GET", "http://reviews/?debug", "", "hit");
    row("query exact empty matches ?key", "[{queryParams: {debug: {exact: ''}}}]", "GET", "http://reviews/?debug", "",
        "hit");
    row("query exact empty matches ?key=", "[{queryParams: {debug: {exact: ''}}}]", "GET", "http://reviews/?debug=", "",
        "hit");
    row("query only the first occurrence counts", "[{queryParams: {v: {exact: '2'}}}]", "GET",
        "http://reviews/?v=1&v=2", "", "fallback");
    row("query missing", "[{queryParams: {v: {exact: '2'}}}]", "GET", "http://reviews/?w=2", "", "fallback");
    // port
    row("port matches the service port", "[{port: 9080}]", "GET", "http://reviews:9080/", "", "hit");
    row("port matches the single service port when none is sent", "[{port: 9080}]", "GET", "http://reviews/", "",
        "hit");
    row("port of another listener: block not emitted", "[{port: 8080}]", "GET", "http://reviews:9080/", "", "fallback");
    // boolean structure
    row("AND inside a block: all hold", "[{uri: {prefix: /a}, headers: {end-user: {exact: jason}}}]", "GET",
        "http://reviews/a", "end-user: jason", "hit");
    row("AND inside a block: one fails", "[{uri: {prefix: /a}, headers: {end-user: {exact: jason}}}]", "GET",
        "http://reviews/a", "", "fallback");
    row("OR across blocks: second holds", "[{uri: {prefix: /a}}, {headers: {end-user: {exact: jason}}}]", "GET",
        "http://reviews/b", "end-user: jason", "hit");
    row("OR across blocks: none holds", "[{uri: {prefix: /a}}, {uri: {prefix: /c}}]", "GET", "http://reviews/b", "",
        "fallback");
  }

  void matchField() {
    QFETCH(QString, match);
    QFETCH(QString, method);
    QFETCH(QString, url);
    QFETCH(QString, headers);
    QFETCH(QString, expected);
    auto snapshot = reviewsWith(ruleWithMatch(match.toStdString()));
    QVERIFY2(snapshot->problems.empty(), problemsOf(*snapshot).c_str());
    auto explanation = explainRequest(*snapshot, method.toStdString(), url.toStdString(), headerList(headers));
    QVERIFY2(explanation.routed(), explanation.render().c_str());
    QCOMPARE(QString::fromStdString(explanation.decision.route->name), expected);
    const std::string subset = expected == QLatin1String("hit") ? "v2" : "v1";
    QCOMPARE(explanation.decision.clusterName, "outbound|9080|" + subset + "|reviews.default.svc.cluster.local");
  }

  void firstMatchWins() {
    auto snapshot = reviewsWith(R"(  - name: first
    match: [{uri: {prefix: /}}]
    route: [{destination: {host: reviews, subset: v1}}]
  - name: second
    match: [{uri: {prefix: /api}}]
    route: [{destination: {host: reviews, subset: v2}}]
)");
    auto explanation = explainRequest(*snapshot, "GET", "http://reviews/api");
    QCOMPARE(explanation.decision.route->name, std::string("first"));
  }

  void nothingMatchesIs404NR() {
    auto snapshot = reviewsWith(R"(  - match: [{uri: {exact: /only}}]
    route: [{destination: {host: reviews}}]
)");
    auto explanation = explainRequest(*snapshot, "GET", "http://reviews/other");
    QVERIFY(!explanation.routed());
    QCOMPARE(explanation.localReply->result_int(), 404u);
    QCOMPARE(explanation.decision.responseFlags, std::string("NR"));
    QVERIFY(explanation.localReply->body().empty());
  }

  void catchAllStopsLaterRules() {
    auto snapshot = reviewsWith(R"(  - name: everything
    route: [{destination: {host: reviews, subset: v1}}]
  - name: never
    match: [{uri: {prefix: /x}}]
    route: [{destination: {host: reviews, subset: v2}}]
)");
    QCOMPARE(snapshot->mesh.selectVirtualHost("reviews")->routes.size(), std::size_t(1));
  }

  void matchNamesJoinRuleAndBlock() {
    auto snapshot = reviewsWith(R"(  - name: api
    match: [{name: v1, uri: {prefix: /v1}}]
    route: [{destination: {host: reviews}}]
)");
    auto explanation = explainRequest(*snapshot, "GET", "http://reviews/v1/x");
    QCOMPARE(explanation.decision.route->name, std::string("api.v1"));
  }

  void traceSaysWhyABlockFailed() {
    auto snapshot = reviewsWith(ruleWithMatch("[{headers: {end-user: {exact: jason}}}]"));
    auto explanation = explainRequest(*snapshot, "GET", "http://reviews/", {{"end-user", "ann"}});
    const std::string text = explanation.render();
    QVERIFY2(text.find("headers.end-user: wanted exact \"jason\", got \"ann\"") != std::string::npos, text.c_str());
    QVERIFY2(text.find("test.yaml:") != std::string::npos, text.c_str());  // where the block is written
    QVERIFY2(text.find("reviews.default.svc.cluster.local") != std::string::npos, text.c_str());
  }

  void virtualHostByEveryServiceHostForm_data() {
    QTest::addColumn<QString>("authority");
    for (const char* host : {"reviews", "reviews:9080", "reviews.default", "reviews.default.svc",
                             "reviews.default.svc.cluster.local", "REVIEWS.default.svc.cluster.local:9080"})
      QTest::newRow(host) << QString::fromUtf8(host);
  }
  void virtualHostByEveryServiceHostForm() {
    QFETCH(QString, authority);
    auto snapshot = reviewsWith(ruleWithMatch("[{uri: {prefix: /}}]"));
    auto explanation = explainRequest(*snapshot, "GET", "http://" + authority.toStdString() + "/");
    QVERIFY2(explanation.routed(), explanation.render().c_str());
    QCOMPARE(explanation.decision.virtualHost->serviceFqdn, std::string("reviews.default.svc.cluster.local"));
  }

  // Regressions found in review (issue 4): gateway semantics Istio applies before Envoy sees routes.
  void issue4_gatewayMovesCatchAllsOfMergedVirtualServicesLast() {
    auto snapshot = compileYaml(std::string(kReviewsWorkloads) + R"(---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: public, namespace: default}
spec: {servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [shop.example.com]}]}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: web, namespace: default}
spec:
  hosts: [shop.example.com]
  gateways: [public]
  http: [{name: web, match: [{uri: {prefix: /}}], route: [{destination: {host: reviews, subset: v1}}]}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: api, namespace: default}
spec:
  hosts: [shop.example.com]
  gateways: [public]
  http: [{name: api, match: [{uri: {prefix: /api}}], route: [{destination: {host: reviews, subset: v2}}]}]
)");
    auto api = explainRequest(*snapshot, "GET", "http://shop.example.com/api/x", {}, {0}, "gateway:80");
    QCOMPARE(api.decision.route->name, std::string("api"));
    auto other = explainRequest(*snapshot, "GET", "http://shop.example.com/x", {}, {0}, "gateway:80");
    QCOMPARE(other.decision.route->name, std::string("web"));
  }

  void issue4_gatewayResolvesShortVirtualServiceHosts() {
    auto snapshot = compileYaml(std::string(kReviewsWorkloads) + R"(---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: internal, namespace: default}
spec: {servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ['*/reviews.default.svc.cluster.local']}]}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews-gw, namespace: default}
spec:
  hosts: [reviews]
  gateways: [internal]
  http: [{route: [{destination: {host: reviews, subset: v3}}]}]
)");
    auto explanation =
        explainRequest(*snapshot, "GET", "http://reviews.default.svc.cluster.local/", {}, {0}, "gateway:80");
    QVERIFY2(explanation.decision.forward, explanation.render().c_str());
    QCOMPARE(explanation.decision.destination->subset, std::string("v3"));
  }

  void issue4_requestWithoutPortReachesPort80OfAMultiPortService() {
    auto snapshot = compileYaml(R"(apiVersion: v1
kind: Service
metadata: {name: web, namespace: default}
spec: {selector: {app: web}, ports: [{name: metrics, port: 9090}, {name: http, port: 80}]}
---
apiVersion: v1
kind: Pod
metadata: {name: web-0, namespace: default, labels: {app: web}}
)");
    auto explanation = explainRequest(*snapshot, "GET", "http://web/");
    QCOMPARE(explanation.decision.clusterName, std::string("outbound|80||web.default.svc.cluster.local"));
  }

  void unknownHostIsNR() {
    auto snapshot = reviewsWith(ruleWithMatch("[{uri: {prefix: /}}]"));
    auto explanation = explainRequest(*snapshot, "GET", "http://nowhere.example/");
    QCOMPARE(explanation.decision.responseFlags, std::string("NR"));
  }

  void serviceWithoutVirtualServiceGetsTheDefaultRoute() {
    auto snapshot = compileYaml(kReviewsWorkloads);
    auto explanation = explainRequest(*snapshot, "GET", "http://reviews:9080/");
    QVERIFY(explanation.decision.forward);
    QCOMPARE(explanation.decision.clusterName, std::string("outbound|9080||reviews.default.svc.cluster.local"));
    QVERIFY(explanation.decision.action->isDefault);
    QVERIFY(explanation.decision.action->retries);  // Istio's default retry policy
    QCOMPARE(explanation.decision.action->retries->attempts, std::int64_t(2));
  }

  void badRegexIsReportedNotThrown() {
    auto snapshot = reviewsWith(ruleWithMatch("[{uri: {regex: '(unclosed'}}]"));
    QCOMPARE(snapshot->problems.size(), std::size_t(1));
    QVERIFY2(snapshot->problems.front().find("test.yaml:") == 0, snapshot->problems.front().c_str());
    QVERIFY(snapshot->problems.front().find("spec.http[0].match[0].uri") != std::string::npos);
  }
};

QTEST_GUILESS_MAIN(RouteMatchingTest)
#include "tst_routematching.moc"
