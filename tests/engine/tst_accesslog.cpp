// The access log prints Istio's default text format field for field, and fans lines out to
// subscribers and a bounded backlog safely from many threads.

#include <QtTest/QtTest>

#include <atomic>
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "engine/AccessLog.h"

using namespace meshstudio;
using engine::AccessLog;
using engine::AccessLogEntry;
using engine::formatAccessLogLine;

namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

// Istio's EnvoyTextLogFormat (pilot/pkg/model/telemetry_logging.go), without its final "\n".
const std::string kIstioFormat =
    "[%START_TIME%] \"%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% %PROTOCOL%\" %RESPONSE_CODE% "
    "%RESPONSE_FLAGS% %RESPONSE_CODE_DETAILS% %CONNECTION_TERMINATION_DETAILS% "
    "\"%UPSTREAM_TRANSPORT_FAILURE_REASON%\" %BYTES_RECEIVED% %BYTES_SENT% %DURATION% "
    "%RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)% \"%REQ(X-FORWARDED-FOR)%\" \"%REQ(USER-AGENT)%\" "
    "\"%REQ(X-REQUEST-ID)%\" \"%REQ(:AUTHORITY)%\" \"%UPSTREAM_HOST%\" %UPSTREAM_CLUSTER_RAW% "
    "%UPSTREAM_LOCAL_ADDRESS% %DOWNSTREAM_LOCAL_ADDRESS% %DOWNSTREAM_REMOTE_ADDRESS% "
    "%REQUESTED_SERVER_NAME% %ROUTE_NAME%";

// Fills the format string the way Envoy does: every %OPERATOR% replaced by its value.
std::string substitute(const std::map<std::string, std::string>& values) {
  std::string out = kIstioFormat;
  for (const auto& [op, value] : values) {
    const std::string placeholder = "%" + op + "%";
    const auto at = out.find(placeholder);
    if (at == std::string::npos) return "unknown operator " + op;
    out.replace(at, placeholder.size(), value);
  }
  if (out.find('%') != std::string::npos) return "operator left unfilled in: " + out;
  return out;
}

std::chrono::system_clock::time_point at(std::chrono::sys_days day, std::chrono::milliseconds sinceMidnight) {
  return std::chrono::system_clock::time_point(day) + sinceMidnight;
}

AccessLogEntry sampleEntry() {
  using namespace std::chrono;
  AccessLogEntry e;
  e.startTime = at(sys_days(year(2026) / November / 27), hours(5) + minutes(30) + seconds(1) + milliseconds(123)) +
                microseconds(999);  // truncated, never rounded up
  e.method = "GET";
  e.path = "/reviews/0";
  e.protocol = "HTTP/1.1";
  e.responseCode = 200;
  e.responseFlags = "-";
  e.responseCodeDetails = "via_upstream";
  e.bytesReceived = 0;
  e.bytesSent = 295;
  e.durationMs = 26;
  e.upstreamServiceTimeMs = 25;
  e.userAgent = "curl/8.5.0";
  e.requestId = "9d7d5b0c-7c2e-4a0e-9f6e-2f6a0e4c1b21";
  e.authority = "reviews:9080";
  e.upstreamHost = "10.244.0.12:9080";
  e.upstreamCluster = "outbound|9080|v1|reviews.shop.svc.cluster.local";
  e.upstreamLocalAddress = "10.244.0.7:47120";
  e.downstreamLocalAddress = "10.96.14.3:9080";
  e.downstreamRemoteAddress = "10.244.0.7:52814";
  e.routeName = "default";
  return e;
}

AccessLogEntry entryWithId(int id) {
  AccessLogEntry e;
  e.method = "GET";
  e.path = "/";
  e.responseCode = 200;
  e.requestId = std::to_string(id);
  return e;
}

}  // namespace

class TestAccessLog : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void lineFollowsIstioDefaultFormat() {
    const std::string expected =
        substitute({{"START_TIME", "2026-11-27T05:30:01.123Z"},
                    {"REQ(:METHOD)", "GET"},
                    {"REQ(X-ENVOY-ORIGINAL-PATH?:PATH)", "/reviews/0"},
                    {"PROTOCOL", "HTTP/1.1"},
                    {"RESPONSE_CODE", "200"},
                    {"RESPONSE_FLAGS", "-"},
                    {"RESPONSE_CODE_DETAILS", "via_upstream"},
                    {"CONNECTION_TERMINATION_DETAILS", "-"},
                    {"UPSTREAM_TRANSPORT_FAILURE_REASON", "-"},
                    {"BYTES_RECEIVED", "0"},
                    {"BYTES_SENT", "295"},
                    {"DURATION", "26"},
                    {"RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)", "25"},
                    {"REQ(X-FORWARDED-FOR)", "-"},
                    {"REQ(USER-AGENT)", "curl/8.5.0"},
                    {"REQ(X-REQUEST-ID)", "9d7d5b0c-7c2e-4a0e-9f6e-2f6a0e4c1b21"},
                    {"REQ(:AUTHORITY)", "reviews:9080"},
                    {"UPSTREAM_HOST", "10.244.0.12:9080"},
                    {"UPSTREAM_CLUSTER_RAW", "outbound|9080|v1|reviews.shop.svc.cluster.local"},
                    {"UPSTREAM_LOCAL_ADDRESS", "10.244.0.7:47120"},
                    {"DOWNSTREAM_LOCAL_ADDRESS", "10.96.14.3:9080"},
                    {"DOWNSTREAM_REMOTE_ADDRESS", "10.244.0.7:52814"},
                    {"REQUESTED_SERVER_NAME", "-"},
                    {"ROUTE_NAME", "default"}});
    QCOMPARE(q(formatAccessLogLine(sampleEntry())), q(expected));
    // The same line as a reader of real sidecar logs knows it.
    QCOMPARE(
        q(formatAccessLogLine(sampleEntry())),
        QStringLiteral("[2026-11-27T05:30:01.123Z] \"GET /reviews/0 HTTP/1.1\" 200 - via_upstream - \"-\" 0 295 26 "
                       "25 \"-\" \"curl/8.5.0\" \"9d7d5b0c-7c2e-4a0e-9f6e-2f6a0e4c1b21\" \"reviews:9080\" "
                       "\"10.244.0.12:9080\" outbound|9080|v1|reviews.shop.svc.cluster.local 10.244.0.7:47120 "
                       "10.96.14.3:9080 10.244.0.7:52814 - default"));
  }

  void everyEmptyValuePrintsADash() {
    AccessLogEntry e;  // a connection that never produced a request: nothing known
    e.protocol.clear();
    e.responseFlags.clear();
    const std::string expected = substitute({{"START_TIME", "1970-01-01T00:00:00.000Z"},
                                             {"REQ(:METHOD)", "-"},
                                             {"REQ(X-ENVOY-ORIGINAL-PATH?:PATH)", "-"},
                                             {"PROTOCOL", "-"},
                                             {"RESPONSE_CODE", "0"},
                                             {"RESPONSE_FLAGS", "-"},
                                             {"RESPONSE_CODE_DETAILS", "-"},
                                             {"CONNECTION_TERMINATION_DETAILS", "-"},
                                             {"UPSTREAM_TRANSPORT_FAILURE_REASON", "-"},
                                             {"BYTES_RECEIVED", "0"},
                                             {"BYTES_SENT", "0"},
                                             {"DURATION", "0"},
                                             {"RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)", "-"},
                                             {"REQ(X-FORWARDED-FOR)", "-"},
                                             {"REQ(USER-AGENT)", "-"},
                                             {"REQ(X-REQUEST-ID)", "-"},
                                             {"REQ(:AUTHORITY)", "-"},
                                             {"UPSTREAM_HOST", "-"},
                                             {"UPSTREAM_CLUSTER_RAW", "-"},
                                             {"UPSTREAM_LOCAL_ADDRESS", "-"},
                                             {"DOWNSTREAM_LOCAL_ADDRESS", "-"},
                                             {"DOWNSTREAM_REMOTE_ADDRESS", "-"},
                                             {"REQUESTED_SERVER_NAME", "-"},
                                             {"ROUTE_NAME", "-"}});
    QCOMPARE(q(formatAccessLogLine(e)), q(expected));
  }

  void localReplyShowsFlagsDetailsAndNoServiceTime() {
    AccessLogEntry e = sampleEntry();
    e.responseCode = 503;
    e.responseFlags = "UF,URX";
    e.responseCodeDetails = "upstream_reset_before_response_started{connection_failure}";
    e.upstreamTransportFailureReason = "delayed connect error: 111";
    e.upstreamServiceTimeMs.reset();
    e.bytesSent = 91;
    const std::string line = formatAccessLogLine(e);
    QVERIFY(line.find("\" 503 UF,URX upstream_reset_before_response_started{connection_failure} - "
                      "\"delayed connect error: 111\" 0 91 26 - \"-\"") != std::string::npos);
  }

  void originalPathWinsOverTheRewrittenPath() {
    AccessLogEntry e = sampleEntry();
    e.path = "/v2/reviews/0";
    e.originalPath = "/reviews/0";
    QVERIFY(formatAccessLogLine(e).find("\"GET /reviews/0 HTTP/1.1\"") != std::string::npos);
    e.originalPath.clear();
    QVERIFY(formatAccessLogLine(e).find("\"GET /v2/reviews/0 HTTP/1.1\"") != std::string::npos);
  }

  void startTimeIsUtcWithTruncatedMilliseconds_data() {
    using namespace std::chrono;
    QTest::addColumn<qint64>("msSinceEpoch");
    QTest::addColumn<QString>("expected");
    auto ms = [](sys_days day, milliseconds time) {
      return qint64(duration_cast<milliseconds>((day + time).time_since_epoch()).count());
    };
    QTest::newRow("epoch") << qint64(0) << QStringLiteral("1970-01-01T00:00:00.000Z");
    QTest::newRow("before epoch") << qint64(-1) << QStringLiteral("1969-12-31T23:59:59.999Z");
    QTest::newRow("leap day") << ms(sys_days(year(2024) / February / 29),
                                    hours(23) + minutes(59) + seconds(59) + milliseconds(999))
                              << QStringLiteral("2024-02-29T23:59:59.999Z");
    QTest::newRow("new year") << ms(sys_days(year(2027) / January / 1), milliseconds(7))
                              << QStringLiteral("2027-01-01T00:00:00.007Z");
  }
  void startTimeIsUtcWithTruncatedMilliseconds() {
    QFETCH(qint64, msSinceEpoch);
    QFETCH(QString, expected);
    AccessLogEntry e;
    e.startTime = std::chrono::system_clock::time_point(std::chrono::milliseconds(msSinceEpoch)) +
                  std::chrono::microseconds(msSinceEpoch < 0 ? 0 : 999);
    const std::string line = formatAccessLogLine(e);
    QCOMPARE(q(line.substr(1, line.find(']') - 1)), expected);
  }

  void detailsNeverSplitTheLine() {
    AccessLogEntry e = sampleEntry();
    const auto tokens = [](const std::string& line) { return std::count(line.begin(), line.end(), ' '); };
    const auto before = tokens(formatAccessLogLine(e));
    e.responseCodeDetails = "filter chain not found";
    e.connectionTerminationDetails = "rbac access denied";
    const std::string line = formatAccessLogLine(e);
    QCOMPARE(tokens(line), before);
    QVERIFY(line.find(" filter_chain_not_found rbac_access_denied ") != std::string::npos);
  }

  void subscribersReceiveEveryLineUntilTheyUnsubscribe() {
    AccessLog log;
    std::vector<std::string> first;
    std::vector<std::string> second;
    std::vector<std::string> ids;
    const int a = log.subscribe([&](const AccessLogEntry& entry, const std::string& line) {
      first.push_back(line);
      ids.push_back(entry.requestId);
    });
    const int b = log.subscribe([&](const AccessLogEntry&, const std::string& line) { second.push_back(line); });
    QVERIFY(a != b);
    log.write(entryWithId(1));
    log.write(entryWithId(2));
    log.unsubscribe(a);
    log.unsubscribe(12345);  // unknown: ignored
    log.write(entryWithId(3));
    QCOMPARE(first,
             (std::vector<std::string>{formatAccessLogLine(entryWithId(1)), formatAccessLogLine(entryWithId(2))}));
    QCOMPARE(ids, (std::vector<std::string>{"1", "2"}));
    QCOMPARE(second.size(), std::size_t(3));
    QCOMPARE(q(second.back()), q(formatAccessLogLine(entryWithId(3))));
  }

  void recentKeepsTheLastLinesOldestFirst() {
    AccessLog log(3);
    QCOMPARE(log.capacity(), std::size_t(3));
    QVERIFY(log.recent().empty());
    log.write(entryWithId(1));
    log.write(entryWithId(2));
    QCOMPARE(log.recent(),
             (std::vector<std::string>{formatAccessLogLine(entryWithId(1)), formatAccessLogLine(entryWithId(2))}));
    for (int i = 3; i <= 7; ++i) log.write(entryWithId(i));
    QCOMPARE(log.recent(),
             (std::vector<std::string>{formatAccessLogLine(entryWithId(5)), formatAccessLogLine(entryWithId(6)),
                                       formatAccessLogLine(entryWithId(7))}));

    AccessLog none(0);
    int delivered = 0;
    none.write(entryWithId(1));  // nobody to read it
    none.subscribe([&](const AccessLogEntry&, const std::string&) { ++delivered; });
    none.write(entryWithId(2));
    QCOMPARE(delivered, 1);
    QVERIFY(none.recent().empty());
  }

  void defaultCapacityIsAThousandLines() {
    AccessLog log;
    QCOMPARE(log.capacity(), std::size_t(1000));
    for (int i = 0; i < 1005; ++i) log.write(entryWithId(i));
    const auto recent = log.recent();
    QCOMPARE(recent.size(), std::size_t(1000));
    QCOMPARE(q(recent.front()), q(formatAccessLogLine(entryWithId(5))));
    QCOMPARE(q(recent.back()), q(formatAccessLogLine(entryWithId(1004))));
  }

  void lateSubscriberGetsTheBacklogOnce() {
    AccessLog log(10);
    log.write(entryWithId(1));
    log.write(entryWithId(2));
    std::vector<std::string> backlog;
    std::vector<std::string> live;
    log.subscribe([&](const AccessLogEntry&, const std::string& line) { live.push_back(line); }, &backlog);
    log.write(entryWithId(3));
    QCOMPARE(backlog,
             (std::vector<std::string>{formatAccessLogLine(entryWithId(1)), formatAccessLogLine(entryWithId(2))}));
    QCOMPARE(live, (std::vector<std::string>{formatAccessLogLine(entryWithId(3))}));
  }

  void subscribersMayChangeSubscriptionsWhileCalled() {
    AccessLog log;
    int selfCalls = 0;
    int addedCalls = 0;
    int otherCalls = 0;
    int self = 0;
    int other = 0;
    self = log.subscribe([&](const AccessLogEntry&, const std::string&) {
      ++selfCalls;
      log.unsubscribe(self);
      log.unsubscribe(other);  // removed before its turn on this very line
      log.subscribe([&](const AccessLogEntry&, const std::string&) { ++addedCalls; });
    });
    other = log.subscribe([&](const AccessLogEntry&, const std::string&) { ++otherCalls; });
    log.write(entryWithId(1));
    QCOMPARE(selfCalls, 1);
    QCOMPARE(otherCalls, 0);
    QCOMPARE(addedCalls, 0);  // subscribed during the line: starts with the next one
    log.write(entryWithId(2));
    QCOMPARE(selfCalls, 1);
    QCOMPARE(addedCalls, 1);
  }

  void concurrentWritesAreAllDeliveredWhole() {
    constexpr int kThreads = 4;
    constexpr int kPerThread = 2000;
    AccessLog log(100);
    // Delivery is serialized, so this subscriber needs no lock of its own; a race would show as
    // lost or duplicated ids.
    std::vector<std::string> seen;
    std::size_t mismatched = 0;
    log.subscribe([&](const AccessLogEntry& entry, const std::string& line) {
      seen.push_back(entry.requestId);
      if (line != formatAccessLogLine(entry)) ++mismatched;
    });
    std::atomic<bool> done{false};
    std::thread churn([&] {  // subscriptions come and go while lines flow
      while (!done.load()) log.unsubscribe(log.subscribe([](const AccessLogEntry&, const std::string&) {}));
    });
    std::vector<std::thread> writers;
    for (int t = 0; t < kThreads; ++t)
      writers.emplace_back([&, t] {
        for (int i = 0; i < kPerThread; ++i) log.write(entryWithId(t * kPerThread + i));
      });
    for (auto& w : writers) w.join();
    done = true;
    churn.join();

    QCOMPARE(seen.size(), std::size_t(kThreads * kPerThread));
    QCOMPARE(std::set<std::string>(seen.begin(), seen.end()).size(), seen.size());
    QCOMPARE(mismatched, std::size_t(0));
    // recent() holds the last 100 delivered lines, in delivery order.
    const auto recent = log.recent();
    QCOMPARE(recent.size(), std::size_t(100));
    for (std::size_t i = 0; i < recent.size(); ++i) {
      const std::string& id = seen[seen.size() - recent.size() + i];
      QCOMPARE(q(recent[i]), q(formatAccessLogLine(entryWithId(std::stoi(id)))));
    }
  }

  void unsubscribeIsFinal() {
    AccessLog log(0);
    std::atomic<bool> stop{false};
    std::thread writer([&] {
      while (!stop.load()) log.write(entryWithId(1));
    });
    for (int round = 0; round < 200; ++round) {
      std::atomic<bool> unsubscribed{false};
      std::atomic<int> lateCalls{0};
      const int id = log.subscribe([&](const AccessLogEntry&, const std::string&) {
        if (unsubscribed.load()) ++lateCalls;
      });
      std::this_thread::yield();
      log.unsubscribe(id);
      unsubscribed = true;
      // Give a racing write the chance to (wrongly) call the removed subscriber.
      std::this_thread::yield();
      QCOMPARE(lateCalls.load(), 0);
    }
    stop = true;
    writer.join();
  }
};

QTEST_APPLESS_MAIN(TestAccessLog)
#include "tst_accesslog.moc"
