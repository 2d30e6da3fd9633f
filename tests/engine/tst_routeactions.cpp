// Route actions as Envoy runs them under Istio (istio-semantics.md §2, §4, §6): rewrites,
// redirects, header operations and their precedence, weighted destinations, direct responses,
// faults, CORS and the failure answers. All through the explain API with a fixed random source.

#include <QtTest/QtTest>

#include "EngineTestSupport.h"

using namespace meshstudio;
using namespace meshstudio::test;

class RouteActionsTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void rewrite_data() {
    QTest::addColumn<QString>("rule");  // YAML for one rule, without the route
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("path");       // what the pod receives
    QTest::addColumn<QString>("authority");  // what the pod receives
    auto row = [](const char* name, const char* rule, const char* url, const char* path, const char* authority) {
      QTest::newRow(name) << QString::fromUtf8(rule) << QString::fromUtf8(url) << QString::fromUtf8(path)
                          << QString::fromUtf8(authority);
    };
    row("prefix: only the matched prefix is replaced", "match: [{uri: {prefix: /old}}]\n    rewrite: {uri: /new}",
        "http://reviews/old/page?x=1", "/new/page?x=1", "reviews");
    row("prefix with ignoreUriCase", "match: [{uri: {prefix: /OLD}, ignoreUriCase: true}]\n    rewrite: {uri: /new}",
        "http://reviews/old/page", "/new/page", "reviews");
    row("exact: the whole path, query kept", "match: [{uri: {exact: /login}}]\n    rewrite: {uri: /auth/login}",
        "http://reviews/login?next=/", "/auth/login?next=/", "reviews");
    row("regex: the whole path, query kept", "match: [{uri: {regex: '/v[0-9]+/.*'}}]\n    rewrite: {uri: /api}",
        "http://reviews/v2/items?page=2", "/api?page=2", "reviews");
    row("no match: matched prefix is /", "rewrite: {uri: /v2}", "http://reviews/foo", "/v2foo", "reviews");
    row("method-only match: matched prefix is /", "match: [{method: {exact: GET}}]\n    rewrite: {uri: /v2/}",
        "http://reviews/foo", "/v2/foo", "reviews");
    row("uriRegexRewrite replaces every match with groups",
        "rewrite: {uriRegexRewrite: {match: '/a([0-9])', rewrite: '/b\\1'}}", "http://reviews/a1/a2?q=/a3",
        "/b1/b2?q=/a3", "reviews");
    row("authority rewrite", "rewrite: {authority: reviews.internal}", "http://reviews/x", "/x", "reviews.internal");
    row("headers :authority set is a host rewrite", "headers: {request: {set: {':authority': api.internal}}}",
        "http://reviews/x", "/x", "api.internal");
    row("host set beats add", "headers: {request: {add: {host: added.internal}, set: {host: set.internal}}}",
        "http://reviews/x", "/x", "set.internal");
  }
  void rewrite() {
    QFETCH(QString, rule);
    QFETCH(QString, url);
    QFETCH(QString, path);
    QFETCH(QString, authority);
    auto snapshot =
        reviewsWith("  - " + rule.toStdString() + "\n    route: [{destination: {host: reviews, subset: v1}}]\n");
    QVERIFY2(snapshot->problems.empty(), problemsOf(*snapshot).c_str());
    auto explanation = explainRequest(*snapshot, "GET", url.toStdString());
    QVERIFY2(explanation.decision.forward, explanation.render().c_str());
    QCOMPARE(QString::fromStdString(std::string(explanation.upstreamRequest.target())), path);
    QCOMPARE(QString::fromStdString(std::string(explanation.upstreamRequest[http::field::host])), authority);
    const std::string original =
        std::string(QUrl(url).toString(QUrl::RemoveScheme | QUrl::RemoveAuthority).toStdString());
    if (path.toStdString() != original)
      QCOMPARE(std::string(explanation.upstreamRequest["x-envoy-original-path"]), original);
    else
      QVERIFY(explanation.upstreamRequest.find("x-envoy-original-path") == explanation.upstreamRequest.end());
  }

  void redirect_data() {
    QTest::addColumn<QString>("redirect");
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("location");
    auto row = [](const char* name, const char* redirect, const char* url, int code, const char* location) {
      QTest::newRow(name) << QString::fromUtf8(redirect) << QString::fromUtf8(url) << code
                          << QString::fromUtf8(location);
    };
    row("uri replaces the whole path, default 301", "{uri: /new}", "http://reviews/old/page", 301,
        "http://reviews/new");
    row("query kept", "{uri: /new}", "http://reviews/old?a=1", 301, "http://reviews/new?a=1");
    row("a query in the new uri replaces it", "{uri: '/new?b=2'}", "http://reviews/old?a=1", 301,
        "http://reviews/new?b=2");
    row("empty uri keeps the path", "{authority: example.com}", "http://reviews/keep?x=1", 301,
        "http://example.com/keep?x=1");
    row("redirectCode 302", "{uri: /x, redirectCode: 302}", "http://reviews/", 302, "http://reviews/x");
    row("redirectCode 308", "{uri: /x, redirectCode: 308}", "http://reviews/", 308, "http://reviews/x");
    row("scheme https", "{scheme: https}", "http://reviews/a", 301, "https://reviews/a");
    row("request port kept", "{uri: /x}", "http://reviews:9080/a", 301, "http://reviews:9080/x");
    row("explicit port", "{port: 8443, scheme: https}", "http://reviews/a", 301, "https://reviews:8443/a");
    row("default port omitted", "{port: 443, scheme: https}", "http://reviews/a", 301, "https://reviews/a");
    row("derivePort FROM_REQUEST_PORT", "{derivePort: FROM_REQUEST_PORT}", "http://reviews:9080/a", 301,
        "http://reviews:9080/a");
    row("derivePort FROM_PROTOCOL_DEFAULT drops the port", "{derivePort: FROM_PROTOCOL_DEFAULT}",
        "http://reviews:9080/a", 301, "http://reviews/a");
    row("authority replaces host and port", "{authority: 'other.example:8080'}", "http://reviews:9080/a", 301,
        "http://other.example:8080/a");
    row("issue4: http to https drops the old default port", "{scheme: https}", "http://reviews:80/a", 301,
        "https://reviews/a");
    row("issue4: http to https keeps another port", "{scheme: https}", "http://reviews:8080/a", 301,
        "https://reviews:8080/a");
  }
  void redirect() {
    QFETCH(QString, redirect);
    QFETCH(QString, url);
    QFETCH(int, code);
    QFETCH(QString, location);
    auto snapshot = reviewsWith("  - redirect: " + redirect.toStdString() + "\n");
    auto explanation = explainRequest(*snapshot, "GET", url.toStdString());
    QVERIFY2(explanation.localReply, explanation.render().c_str());
    QCOMPARE(int(explanation.localReply->result_int()), code);
    QCOMPARE(QString::fromStdString(std::string((*explanation.localReply)[http::field::location])), location);
  }

  void redirectPrefixRewrite() {
    auto snapshot = reviewsWith("  - match: [{uri: {prefix: /old}}]\n    redirect: {prefixRewrite: /new}\n");
    auto explanation = explainRequest(*snapshot, "GET", "http://reviews/old/page?x=1");
    QCOMPARE(std::string((*explanation.localReply)[http::field::location]), std::string("http://reviews/new/page?x=1"));
  }

  void headerPrecedence_data() {
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("requestHeaders");  // sent by the client
    QTest::addColumn<QString>("expected");        // `name=value` of x-h as the pod sees it ("" absent)
    auto row = [](const char* name, const char* rule, const char* sent, const char* expected) {
      QTest::newRow(name) << QString::fromUtf8(rule) << QString::fromUtf8(sent) << QString::fromUtf8(expected);
    };
    row("set overwrites", "headers: {request: {set: {x-h: new}}}\n    route: [{destination: {host: reviews}}]",
        "x-h: old", "new");
    row("add appends another value",
        "headers: {request: {add: {x-h: two}}}\n    route: [{destination: {host: reviews}}]", "x-h: one", "one,two");
    row("remove", "headers: {request: {remove: [x-h]}}\n    route: [{destination: {host: reviews}}]", "x-h: one", "");
    row("remove, then set, then add within one level",
        "headers: {request: {remove: [x-h], set: {x-h: s}, add: {x-h: a}}}\n"
        "    route: [{destination: {host: reviews}}]",
        "x-h: old", "s,a");
    row("empty value is skipped", "headers: {request: {set: {x-h: ''}}}\n    route: [{destination: {host: reviews}}]",
        "x-h: kept", "kept");
    row("%% is a literal percent",
        "headers: {request: {set: {x-h: '100%%'}}}\n    route: [{destination: {host: reviews}}]", "", "100%");
    row("single destination: the destination's set wins",
        "headers: {request: {set: {x-h: route}}}\n"
        "    route: [{destination: {host: reviews}, headers: {request: {set: {x-h: destination}}}}]",
        "", "destination");
    row("weighted destinations: the route's set wins",
        "headers: {request: {set: {x-h: route}}}\n"
        "    route:\n"
        "    - {destination: {host: reviews, subset: v1}, weight: 50, headers: {request: {set: {x-h: destination}}}}\n"
        "    - {destination: {host: reviews, subset: v2}, weight: 50, headers: {request: {set: {x-h: destination}}}}",
        "", "route");
  }
  void headerPrecedence() {
    QFETCH(QString, rule);
    QFETCH(QString, requestHeaders);
    QFETCH(QString, expected);
    auto snapshot = reviewsWith("  - " + rule.toStdString() + "\n");
    QVERIFY2(snapshot->problems.empty(), problemsOf(*snapshot).c_str());
    auto explanation = explainRequest(*snapshot, "GET", "http://reviews/", headerList(requestHeaders));
    QVERIFY2(explanation.decision.forward, explanation.render().c_str());
    std::string seen;
    for (auto [it, end] = explanation.upstreamRequest.equal_range("x-h"); it != end; ++it)
      seen += (seen.empty() ? "" : ",") + std::string(it->value());
    QCOMPARE(QString::fromStdString(seen), expected);
  }

  void responseHeaderPrecedence_data() {
    QTest::addColumn<QString>("route");
    QTest::addColumn<QString>("expected");
    QTest::newRow("single: destination wins")
        << "[{destination: {host: reviews}, headers: {response: {set: {x-r: destination}}}}]"
        << "destination";
    QTest::newRow("weighted: route wins")
        << "[{destination: {host: reviews, subset: v1}, weight: 1, headers: {response: {set: {x-r: destination}}}},"
           " {destination: {host: reviews, subset: v2}, weight: 1, headers: {response: {set: {x-r: destination}}}}]"
        << "route";
  }
  void responseHeaderPrecedence() {
    QFETCH(QString, route);
    QFETCH(QString, expected);
    auto snapshot =
        reviewsWith("  - headers: {response: {set: {x-r: route}}}\n    route: " + route.toStdString() + "\n");
    auto explanation = explainRequest(*snapshot, "GET", "http://reviews/");
    engine::Response response{http::status::ok, 11};
    engine::applyResponsePolicies(explanation.decision, response);
    QCOMPARE(QString::fromStdString(std::string(response["x-r"])), expected);
  }

  void weights_data() {
    QTest::addColumn<QString>("route");
    QTest::addColumn<quint64>("draw");
    QTest::addColumn<QString>("subset");
    const char* split =
        "[{destination: {host: reviews, subset: v1}, weight: 90},"
        " {destination: {host: reviews, subset: v3}, weight: 10}]";
    QTest::newRow("draw 0 -> first interval") << split << quint64(0) << "v1";
    QTest::newRow("draw 89 -> [0,90)") << split << quint64(89) << "v1";
    QTest::newRow("draw 90 -> [90,100)") << split << quint64(90) << "v3";
    QTest::newRow("draw 199 wraps: 199 % 100 = 99") << split << quint64(199) << "v3";
    const char* zero =
        "[{destination: {host: reviews, subset: v1}, weight: 0},"
        " {destination: {host: reviews, subset: v2}, weight: 30},"
        " {destination: {host: reviews, subset: v3}, weight: 30}]";
    QTest::newRow("zero weight dropped (draw 0)") << zero << quint64(0) << "v2";
    QTest::newRow("weights need not sum to 100 (draw 45 of 60)") << zero << quint64(45) << "v3";
    QTest::newRow("single destination ignores its weight")
        << "[{destination: {host: reviews, subset: v2}, weight: 5}]" << quint64(99) << "v2";
  }
  void weights() {
    QFETCH(QString, route);
    QFETCH(quint64, draw);
    QFETCH(QString, subset);
    auto snapshot = reviewsWith("  - route: " + route.toStdString() + "\n");
    auto explanation = explainRequest(*snapshot, "GET", "http://reviews/", {}, {draw});
    QCOMPARE(QString::fromStdString(explanation.decision.destination->subset), subset);
  }

  void failureAnswers_data() {
    QTest::addColumn<QString>("rule");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("flags");
    QTest::addColumn<QString>("body");
    QTest::newRow("no such subset: 503 NC") << "route: [{destination: {host: reviews, subset: v9}}]" << 503 << "NC"
                                            << "";
    QTest::newRow("unknown host: 503 NC") << "route: [{destination: {host: nowhere}}]" << 503 << "NC"
                                          << "";
    QTest::newRow("subset without pods: 503 UH") << "route: [{destination: {host: reviews, subset: v4}}]" << 503 << "UH"
                                                 << "no healthy upstream";
    QTest::newRow("service without pods: 503 UH") << "route: [{destination: {host: ghost}}]" << 503 << "UH"
                                                  << "no healthy upstream";
    QTest::newRow("direct response") << "directResponse: {status: 418, body: {string: teapot}}" << 418 << "-"
                                     << "teapot";
    QTest::newRow("direct response bytes") << "directResponse: {status: 200, body: {bytes: aGVsbG8=}}" << 200 << "-"
                                           << "hello";
    QTest::newRow("fault abort 100%: FI") << "fault: {abort: {httpStatus: 503, percentage: {value: 100}}}\n"
                                             "    route: [{destination: {host: reviews}}]"
                                          << 503 << "FI"
                                          << "fault filter abort";
  }
  void failureAnswers() {
    QFETCH(QString, rule);
    QFETCH(int, status);
    QFETCH(QString, flags);
    QFETCH(QString, body);
    auto snapshot = reviewsWith("  - " + rule.toStdString() + "\n");
    auto explanation = explainRequest(*snapshot, "GET", "http://reviews/");
    QVERIFY2(explanation.localReply, explanation.render().c_str());
    QCOMPARE(int(explanation.localReply->result_int()), status);
    QCOMPARE(QString::fromStdString(explanation.decision.responseFlags), flags);
    QCOMPARE(QString::fromStdString(explanation.localReply->body()), body);
  }

  void faultDraws_data() {
    QTest::addColumn<QString>("fault");
    QTest::addColumn<quint64>("draw");
    QTest::addColumn<QString>("flags");
    QTest::addColumn<int>("delayMs");
    const quint64 low = 0, high = ~quint64(0);  // unit() ~0.0 and ~1.0
    QTest::newRow("missing percentage means 0%") << "{abort: {httpStatus: 500}}" << low << "-" << 0;
    QTest::newRow("abort 50%, low draw aborts")
        << "{abort: {httpStatus: 500, percentage: {value: 50}}}" << low << "FI" << 0;
    QTest::newRow("abort 50%, high draw passes")
        << "{abort: {httpStatus: 500, percentage: {value: 50}}}" << high << "-" << 0;
    QTest::newRow("delay then abort") << "{delay: {fixedDelay: 2s, percentage: {value: 100}}, abort: {httpStatus: "
                                         "500, percentage: {value: 100}}}"
                                      << low << "DI,FI" << 2000;
    QTest::newRow("deprecated integer percent for delay")
        << "{delay: {fixedDelay: 7s, percent: 100}}" << low << "DI" << 7000;
  }
  void faultDraws() {
    QFETCH(QString, fault);
    QFETCH(quint64, draw);
    QFETCH(QString, flags);
    QFETCH(int, delayMs);
    auto snapshot =
        reviewsWith("  - fault: " + fault.toStdString() + "\n    route: [{destination: {host: reviews}}]\n");
    auto explanation = explainRequest(*snapshot, "GET", "http://reviews/", {}, {draw});
    QCOMPARE(QString::fromStdString(explanation.decision.responseFlags), flags);
    QCOMPARE(int(explanation.decision.faultDelay.count()), delayMs);
  }

  void faultAbortSkipsRouteResponseHeaders() {
    auto snapshot = reviewsWith(
        "  - fault: {abort: {httpStatus: 500, percentage: {value: 100}}}\n"
        "    headers: {response: {set: {x-r: route}}}\n    route: [{destination: {host: reviews}}]\n");
    auto explanation = explainRequest(*snapshot, "GET", "http://reviews/");
    QVERIFY(explanation.localReply->find("x-r") == explanation.localReply->end());
  }

  void directResponseKeepsRouteResponseHeaders() {
    auto snapshot = reviewsWith("  - directResponse: {status: 200}\n    headers: {response: {set: {x-r: route}}}\n");
    auto explanation = explainRequest(*snapshot, "GET", "http://reviews/");
    QCOMPARE(std::string((*explanation.localReply)["x-r"]), std::string("route"));
  }

  void cors_data() {
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("headers");
    QTest::addColumn<QString>("unmatched");
    QTest::addColumn<bool>("answeredByProxy");
    QTest::addColumn<QString>("allowOrigin");
    QTest::newRow("preflight, allowed origin") << "OPTIONS"
                                               << "origin: https://app.example; access-control-request-method: PUT"
                                               << "FORWARD" << true << "https://app.example";
    QTest::newRow("preflight, other origin, FORWARD")
        << "OPTIONS"
        << "origin: https://evil.example; access-control-request-method: PUT"
        << "FORWARD" << false << "";
    QTest::newRow("preflight, other origin, IGNORE")
        << "OPTIONS"
        << "origin: https://evil.example; access-control-request-method: PUT"
        << "IGNORE" << true << "";
    QTest::newRow("OPTIONS without request method is no preflight") << "OPTIONS"
                                                                    << "origin: https://app.example"
                                                                    << "FORWARD" << false << "https://app.example";
    QTest::newRow("simple request, allowed origin") << "GET"
                                                    << "origin: https://app.example"
                                                    << "FORWARD" << false << "https://app.example";
  }
  void cors() {
    QFETCH(QString, method);
    QFETCH(QString, headers);
    QFETCH(QString, unmatched);
    QFETCH(bool, answeredByProxy);
    QFETCH(QString, allowOrigin);
    auto snapshot = reviewsWith(
        "  - corsPolicy:\n      allowOrigins: [{exact: 'https://app.example'}]\n"
        "      allowMethods: [GET, PUT]\n      allowHeaders: [x-token]\n"
        "      exposeHeaders: [x-total]\n      maxAge: 24h\n      allowCredentials: true\n"
        "      unmatchedPreflights: " +
        unmatched.toStdString() + "\n    route: [{destination: {host: reviews}}]\n");
    auto explanation = explainRequest(*snapshot, method.toStdString(), "http://reviews/", headerList(headers));
    QCOMPARE(explanation.localReply.has_value(), answeredByProxy);
    engine::Response response{http::status::ok, 11};
    if (explanation.localReply)
      response = *explanation.localReply;
    else
      engine::applyResponsePolicies(explanation.decision, response);
    QCOMPARE(QString::fromStdString(std::string(response["access-control-allow-origin"])), allowOrigin);
    if (answeredByProxy && !allowOrigin.isEmpty()) {
      QCOMPARE(std::string(response["access-control-allow-methods"]), std::string("GET,PUT"));
      QCOMPARE(std::string(response["access-control-max-age"]), std::string("86400"));
      QCOMPARE(std::string(response["access-control-allow-credentials"]), std::string("true"));
    }
  }

  void tracesListThePolicies() {
    auto snapshot = reviewsWith(
        "  - timeout: 2s\n    retries: {attempts: 3, perTryTimeout: 500ms, retryOn: 5xx}\n"
        "    mirror: {host: reviews, subset: v3}\n    mirrorPercentage: {value: 25}\n"
        "    route: [{destination: {host: reviews, subset: v1}, weight: 90}, {destination: {host: reviews, subset: "
        "v2}, weight: 10}]\n");
    auto explanation = explainRequest(*snapshot, "GET", "http://reviews/", {}, {95});
    const std::string text = explanation.render();
    for (const char* expected : {"timeout 2000ms", "retries: 3 attempts on 5xx, perTryTimeout 500ms",
                                 "mirror 25% to outbound|9080|v3|reviews.default.svc.cluster.local",
                                 "weight draw 95 of 100 falls in [90, 100)", "subset v2"})
      QVERIFY2(text.find(expected) != std::string::npos, (std::string(expected) + " missing in\n" + text).c_str());
    QCOMPARE(std::string(explanation.upstreamRequest["x-envoy-expected-rq-timeout-ms"]), std::string("2000"));
  }

  void retriesDefaultAndAttemptsZero() {
    auto snapshot = reviewsWith("  - route: [{destination: {host: reviews}}]\n");
    auto explanation = explainRequest(*snapshot, "GET", "http://reviews/");
    QVERIFY(explanation.render().find("retries (Istio default): 2 attempts on connect-failure,refused-stream,"
                                      "unavailable,cancelled,retriable-status-codes") != std::string::npos);
    auto none = reviewsWith("  - retries: {attempts: 0}\n    route: [{destination: {host: reviews}}]\n");
    QVERIFY(!explainRequest(*none, "GET", "http://reviews/").decision.action->retries);
  }
};

QTEST_GUILESS_MAIN(RouteActionsTest)
#include "tst_routeactions.moc"
