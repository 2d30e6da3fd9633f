// Request metrics as an Istio sidecar exposes them: /stats/prometheus must be valid Prometheus
// text (checked here by a strict parser of the 0.0.4 exposition format, since promtool is not
// part of the build), carry Istio's labels and buckets, and agree with /stats and with the
// totals however many threads record at once.

#include <QtTest/QtTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "engine/Metrics.h"

using namespace meshstudio;
using engine::Metrics;
using engine::RequestFilter;
using engine::RequestRecord;

namespace {

// ---------------------------------------------------------------------------------------------
// A strict reader of the Prometheus text exposition format 0.0.4.

using Labels = std::vector<std::pair<std::string, std::string>>;  // in the order written, unescaped

struct Sample {
  std::string name;
  Labels labels;
  double value = 0;

  std::string label(const std::string& key) const {
    for (const auto& [k, v] : labels)
      if (k == key) return v;
    return {};
  }
  std::vector<std::string> labelNames() const {
    std::vector<std::string> names;
    for (const auto& label : labels) names.push_back(label.first);
    return names;
  }
};

struct Exposition {
  std::map<std::string, std::string> types;  // family -> counter / histogram / ...
  std::map<std::string, std::string> helps;
  std::vector<Sample> samples;
  std::vector<std::string> errors;

  std::vector<Sample> named(const std::string& name) const {
    std::vector<Sample> out;
    for (const auto& s : samples)
      if (s.name == name) out.push_back(s);
    return out;
  }
};

QString joined(const std::vector<std::string>& lines) {
  QString out;
  for (const auto& line : lines) out += QString::fromStdString(line) + QLatin1Char('\n');
  return out;
}

bool parseValue(const std::string& text, double& value) {
  if (text == "+Inf" || text == "-Inf") {
    value = text[0] == '+' ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity();
    return true;
  }
  if (text == "NaN") {
    value = std::nan("");
    return true;
  }
  static const std::regex number(R"(^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$)");
  if (!std::regex_match(text, number)) return false;
  value = std::stod(text);
  return true;
}

// Parses the inside of `{a="x",b="y"}`; false on any deviation from the grammar.
bool parseLabels(const std::string& text, Labels& labels) {
  static const std::regex labelName(R"(^[a-zA-Z_][a-zA-Z0-9_]*)");
  std::size_t i = 0;
  while (i < text.size()) {
    std::smatch nameMatch;
    const std::string rest = text.substr(i);
    if (!std::regex_search(rest, nameMatch, labelName)) return false;
    const std::string name = nameMatch.str(0);
    i += name.size();
    if (text.compare(i, 2, "=\"") != 0) return false;
    i += 2;
    std::string value;
    bool closed = false;
    while (i < text.size()) {
      const char c = text[i++];
      if (c == '"') {
        closed = true;
        break;
      }
      if (c == '\n') return false;
      if (c == '\\') {
        if (i >= text.size()) return false;
        const char escaped = text[i++];
        if (escaped == '\\' || escaped == '"') {
          value += escaped;
        } else if (escaped == 'n') {
          value += '\n';
        } else {
          return false;
        }
      } else {
        value += c;
      }
    }
    if (!closed) return false;
    for (const auto& existing : labels)
      if (existing.first == name) return false;  // a label may appear once
    labels.emplace_back(name, value);
    if (i == text.size()) break;
    if (text[i] != ',') return false;
    ++i;
  }
  return true;
}

bool endsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string familyOf(const std::string& sampleName, const std::map<std::string, std::string>& types) {
  if (types.count(sampleName)) return sampleName;
  for (const std::string suffix : {"_bucket", "_sum", "_count"}) {
    if (endsWith(sampleName, suffix)) {
      const std::string base = sampleName.substr(0, sampleName.size() - suffix.size());
      auto it = types.find(base);
      if (it != types.end() && it->second == "histogram") return base;
    }
  }
  return sampleName;
}

std::string seriesId(const Sample& s, bool withoutLe = false) {
  std::string id;
  for (const auto& [k, v] : s.labels) {
    if (withoutLe && k == "le") continue;
    id += k + '=' + v + '\x1f';
  }
  return id;
}

Exposition parseExposition(const std::string& text) {
  Exposition e;
  if (!text.empty() && text.back() != '\n') e.errors.push_back("no final newline");
  static const std::regex sampleLine(R"(^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$)");
  static const std::regex commentLine(R"(^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$)");
  static const std::regex typeName(R"(^(counter|gauge|histogram|summary|untyped)$)");
  std::set<std::string> finishedFamilies;
  std::set<std::string> seen;
  std::string currentFamily;
  auto enterFamily = [&](const std::string& family) {
    if (family == currentFamily) return;
    if (!currentFamily.empty()) finishedFamilies.insert(currentFamily);
    if (finishedFamilies.count(family)) e.errors.push_back("family split up: " + family);
    currentFamily = family;
  };
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (line.empty()) {
      e.errors.push_back("empty line");
    } else if (line[0] == '#') {
      if (!std::regex_match(line, m, commentLine)) {
        e.errors.push_back("unexpected comment: " + line);
        continue;
      }
      const std::string family = m.str(2);
      enterFamily(family);
      if (m.str(1) == "TYPE") {
        if (!std::regex_match(m.str(3), typeName)) e.errors.push_back("bad TYPE: " + line);
        if (e.types.count(family)) e.errors.push_back("second TYPE: " + family);
        for (const auto& s : e.samples)
          if (familyOf(s.name, {{family, m.str(3)}}) == family) e.errors.push_back("TYPE after samples: " + family);
        e.types[family] = m.str(3);
      } else {
        if (e.helps.count(family)) e.errors.push_back("second HELP: " + family);
        e.helps[family] = m.str(3);
      }
    } else if (std::regex_match(line, m, sampleLine)) {
      Sample s;
      s.name = m.str(1);
      if (!parseLabels(m.str(2), s.labels)) e.errors.push_back("bad labels: " + line);
      if (!parseValue(m.str(3), s.value)) e.errors.push_back("bad value: " + line);
      const std::string family = familyOf(s.name, e.types);
      if (!e.types.count(family)) e.errors.push_back("sample without TYPE: " + line);
      enterFamily(family);
      if (!seen.insert(s.name + '{' + seriesId(s)).second) e.errors.push_back("duplicate series: " + line);
      e.samples.push_back(s);
    } else {
      e.errors.push_back("not a sample: " + line);
    }
  }
  return e;
}

// Histogram rules: per series, `le` is the last label, strictly increasing and ending at +Inf;
// cumulative counts never decrease; _count equals the +Inf bucket; _sum is present.
std::vector<std::string> histogramErrors(const Exposition& e, const std::string& family) {
  std::vector<std::string> errors;
  std::map<std::string, std::vector<Sample>> buckets;
  for (const auto& s : e.named(family + "_bucket")) buckets[seriesId(s, true)].push_back(s);
  std::map<std::string, double> counts;
  std::map<std::string, double> sums;
  for (const auto& s : e.named(family + "_count")) counts[seriesId(s)] = s.value;
  for (const auto& s : e.named(family + "_sum")) sums[seriesId(s)] = s.value;
  if (buckets.empty()) errors.push_back("no buckets");
  for (const auto& [series, samples] : buckets) {
    double previousLe = -std::numeric_limits<double>::infinity();
    double previousCount = 0;
    for (const auto& s : samples) {
      if (s.labelNames().back() != "le") errors.push_back("le is not the last label");
      double le = 0;
      if (!parseValue(s.label("le"), le)) errors.push_back("bad le");
      if (!(le > previousLe)) errors.push_back("le not increasing");
      if (s.value < previousCount) errors.push_back("bucket counts decrease");
      previousLe = le;
      previousCount = s.value;
    }
    if (!std::isinf(previousLe)) errors.push_back("last bucket is not +Inf");
    if (!counts.count(series) || !sums.count(series)) errors.push_back("no _count or _sum");
    if (counts[series] != previousCount) errors.push_back("_count differs from the +Inf bucket");
  }
  if (counts.size() != buckets.size() || sums.size() != buckets.size()) errors.push_back("_sum/_count without buckets");
  return errors;
}

// ---------------------------------------------------------------------------------------------

const std::string kReviewsV1 = "outbound|9080|v1|reviews.shop.svc.cluster.local";
const std::string kReviewsV2 = "outbound|9080|v2|reviews.shop.svc.cluster.local";

RequestRecord reviews(const std::string& version, int code, double ms) {
  RequestRecord r;
  r.destinationService = "reviews.shop.svc.cluster.local";
  r.destinationServiceName = "reviews";
  r.destinationServiceNamespace = "shop";
  r.destinationWorkload = "reviews-" + version;
  r.destinationApp = "reviews";
  r.destinationVersion = version;
  r.sourceWorkload = "productpage-v1";
  r.responseCode = code;
  r.durationMs = ms;
  r.clusterName = "outbound|9080|" + version + "|reviews.shop.svc.cluster.local";
  r.routeName = "reviews-split";
  return r;
}

// Istio's default duration buckets (Envoy's default histogram buckets), in milliseconds.
const std::vector<double> kIstioBuckets{0.5,  1,    5,     10,    25,    50,     100,    250,     500,    1000,
                                        2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000};

const Sample* findSample(const std::vector<Sample>& samples, const Labels& wanted) {
  for (const auto& s : samples) {
    bool all = true;
    for (const auto& [k, v] : wanted) all = all && s.label(k) == v;
    if (all) return &s;
  }
  return nullptr;
}

QString q(const std::string& text) { return QString::fromStdString(text); }

#define VERIFY_NO_ERRORS(errors) QVERIFY2((errors).empty(), qPrintable(joined(errors)))

}  // namespace

class TestMetrics : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void prometheusOutputFollowsTheExpositionFormat() {
    Metrics metrics;
    metrics.record(reviews("v1", 200, 3));
    metrics.record(reviews("v1", 200, 12.5));
    metrics.record(reviews("v2", 503, 40));
    RequestRecord noRoute;  // a local 404 NR reply: no service, cluster or route
    noRoute.responseCode = 404;
    noRoute.responseFlags = "NR";
    metrics.record(noRoute);
    metrics.recordClusterEvent(kReviewsV2, "upstream_rq_retry", 2);
    metrics.recordClusterEvent(kReviewsV2, "upstream_cx_overflow");

    const Exposition e = parseExposition(metrics.renderPrometheus());
    VERIFY_NO_ERRORS(e.errors);
    QCOMPARE(q(e.types.at("istio_requests_total")), QStringLiteral("counter"));
    QCOMPARE(q(e.types.at("istio_request_duration_milliseconds")), QStringLiteral("histogram"));
    for (const auto& [family, type] : e.types)
      QVERIFY2(e.helps.count(family) && !e.helps.at(family).empty(), family.c_str());
    VERIFY_NO_ERRORS(histogramErrors(e, "istio_request_duration_milliseconds"));
    // Three Istio label sets (v1 200, v2 503, unknown 404), each with its histogram.
    QCOMPARE(e.named("istio_requests_total").size(), std::size_t(3));
    QCOMPARE(e.named("istio_request_duration_milliseconds_count").size(), std::size_t(3));
  }

  void emptyMetricsRenderNothing() {
    Metrics metrics;
    QCOMPARE(q(metrics.renderPrometheus()), QString());
    QCOMPARE(q(metrics.renderStats()), QString());
    QCOMPARE(metrics.requestCount(), std::uint64_t(0));
  }

  void istioLabelsComeInIstioOrder() {
    Metrics metrics;
    RequestRecord r = reviews("v2", 200, 7);
    r.requestProtocol = "grpc";
    metrics.record(r);
    const Exposition e = parseExposition(metrics.renderPrometheus());
    const auto samples = e.named("istio_requests_total");
    QCOMPARE(samples.size(), std::size_t(1));
    const Labels expected{{"reporter", "destination"},
                          {"source_workload", "productpage-v1"},
                          {"destination_workload", "reviews-v2"},
                          {"destination_app", "reviews"},
                          {"destination_version", "v2"},
                          {"destination_service", "reviews.shop.svc.cluster.local"},
                          {"destination_service_name", "reviews"},
                          {"destination_service_namespace", "shop"},
                          {"request_protocol", "grpc"},
                          {"response_code", "200"},
                          {"response_flags", "-"}};
    QCOMPARE(samples.front().labels.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
      QCOMPARE(q(samples.front().labels[i].first), q(expected[i].first));
      QCOMPARE(q(samples.front().labels[i].second), q(expected[i].second));
    }
    QCOMPARE(samples.front().value, 1.0);
  }

  void durationHistogramUsesIstioDefaultBuckets() {
    const std::vector<double> durations{0.2, 0.5, 0.51, 3, 10, 99.9, 700, 29999, 4000000};
    Metrics metrics;
    for (double d : durations) metrics.record(reviews("v1", 200, d));
    const Exposition e = parseExposition(metrics.renderPrometheus());
    VERIFY_NO_ERRORS(e.errors);
    const auto buckets = e.named("istio_request_duration_milliseconds_bucket");
    QCOMPARE(buckets.size(), kIstioBuckets.size() + 1);
    for (std::size_t i = 0; i < buckets.size(); ++i) {
      double le = 0;
      QVERIFY(parseValue(buckets[i].label("le"), le));
      if (i < kIstioBuckets.size()) {
        QCOMPARE(le, kIstioBuckets[i]);
      } else {
        QCOMPARE(q(buckets[i].label("le")), QStringLiteral("+Inf"));
      }
      // Buckets are inclusive upper bounds, and cumulative.
      const auto expected = std::count_if(durations.begin(), durations.end(), [le](double d) { return d <= le; });
      QCOMPARE(buckets[i].value, double(expected));
    }
    // Bounds print plainly, as Envoy's "{:.32g}" does: 300000, never 3e+05.
    QCOMPARE(q(buckets[0].label("le")), QStringLiteral("0.5"));
    QCOMPARE(q(buckets[15].label("le")), QStringLiteral("300000"));
    const auto sum = e.named("istio_request_duration_milliseconds_sum");
    QCOMPARE(sum.size(), std::size_t(1));
    QCOMPARE(sum.front().value, std::accumulate(durations.begin(), durations.end(), 0.0));
    QCOMPARE(e.named("istio_request_duration_milliseconds_count").front().value, double(durations.size()));
  }

  void requestsWithTheSameIstioLabelsShareASeries() {
    Metrics metrics;
    RequestRecord a = reviews("v1", 200, 1);
    RequestRecord b = a;
    b.routeName = "another-route";
    b.clusterName = "outbound|9080||reviews.shop.svc.cluster.local";
    metrics.record(a);
    metrics.record(b);
    const Exposition e = parseExposition(metrics.renderPrometheus());
    VERIFY_NO_ERRORS(e.errors);
    const auto total = e.named("istio_requests_total");
    QCOMPARE(total.size(), std::size_t(1));
    QCOMPARE(total.front().value, 2.0);
    QCOMPARE(metrics.clusterCounter(a.clusterName, "upstream_rq_total"), std::uint64_t(1));
    QCOMPARE(metrics.clusterCounter(b.clusterName, "upstream_rq_total"), std::uint64_t(1));
  }

  void labelValuesAreEscaped() {
    Metrics metrics;
    RequestRecord r = reviews("v1", 200, 1);
    r.sourceWorkload = "we\"ird\\name\nline";
    r.clusterName = "odd\"cluster";
    metrics.record(r);
    const std::string body = metrics.renderPrometheus();
    const std::string escapedWorkload = "source_workload=\"we\\\"ird\\\\name\\nline\"";
    const std::string escapedCluster = "cluster_name=\"odd\\\"cluster\"";
    QVERIFY(body.find(escapedWorkload) != std::string::npos);
    QVERIFY(body.find(escapedCluster) != std::string::npos);
    const Exposition e = parseExposition(body);
    VERIFY_NO_ERRORS(e.errors);
    QCOMPARE(q(e.named("istio_requests_total").front().label("source_workload")), q(r.sourceWorkload));
  }

  void envoyClusterCountersFollowIstioStatsTags() {
    Metrics metrics;
    for (int i = 0; i < 3; ++i) metrics.record(reviews("v1", 200, 2));
    RequestRecord failed = reviews("v1", 503, 1);
    failed.responseFlags = "UF";
    metrics.record(failed);
    metrics.recordClusterEvent(kReviewsV1, "upstream_rq_retry", 2);
    metrics.recordClusterEvent(kReviewsV1, "odd.name-x");
    metrics.recordClusterEvent(kReviewsV1, "bad\nname\\y");  // must not break the exposition

    const Exposition e = parseExposition(metrics.renderPrometheus());
    VERIFY_NO_ERRORS(e.errors);
    auto value = [&](const std::string& name, Labels labels) -> double {
      labels.emplace_back("cluster_name", kReviewsV1);
      const std::vector<Sample> samples = e.named(name);  // findSample points into it: keep it alive
      const Sample* s = findSample(samples, labels);
      return s ? s->value : -1;
    };
    QCOMPARE(value("envoy_cluster_upstream_rq_total", {}), 4.0);
    QCOMPARE(value("envoy_cluster_upstream_rq", {{"response_code_class", "2xx"}}), 3.0);
    QCOMPARE(value("envoy_cluster_upstream_rq", {{"response_code_class", "5xx"}}), 1.0);
    QCOMPARE(value("envoy_cluster_upstream_rq_200", {}), 3.0);
    QCOMPARE(value("envoy_cluster_upstream_rq_503", {}), 1.0);
    QCOMPARE(value("envoy_cluster_upstream_rq_retry", {}), 2.0);
    QCOMPARE(value("envoy_cluster_odd_name_x", {}), 1.0);  // sanitized like Envoy's Prometheus names
    QCOMPARE(value("envoy_cluster_bad_name_y", {}), 1.0);
    QCOMPARE(q(e.types.at("envoy_cluster_upstream_rq")), QStringLiteral("counter"));
    // The class label comes first, as on a real sidecar.
    const auto names = e.named("envoy_cluster_upstream_rq").front().labelNames();
    QCOMPARE(names, (std::vector<std::string>{"response_code_class", "cluster_name"}));
  }

  void statsListsClusterAndRouteCountersSorted() {
    Metrics metrics;
    metrics.record(reviews("v1", 200, 1));
    metrics.record(reviews("v1", 201, 1));
    metrics.record(reviews("v2", 503, 1));
    RequestRecord reset = reviews("v2", 0, 1);  // the downstream went away: no code, no class
    reset.routeName.clear();
    metrics.record(reset);
    RequestRecord noRoute;  // NR: no cluster, no route, so only the Istio metrics count it
    noRoute.responseCode = 404;
    noRoute.responseFlags = "NR";
    metrics.record(noRoute);
    metrics.recordClusterEvent(kReviewsV2, "upstream_rq_retry");

    const std::string v1 = "cluster." + kReviewsV1 + ".";
    const std::string v2 = "cluster." + kReviewsV2 + ".";
    const std::string route = "route.reviews-split.";
    const std::string expected =
        v1 + "upstream_rq_200: 1\n" + v1 + "upstream_rq_201: 1\n" + v1 + "upstream_rq_2xx: 2\n" + v1 +
        "upstream_rq_total: 2\n" + v2 + "upstream_rq_503: 1\n" + v2 + "upstream_rq_5xx: 1\n" + v2 +
        "upstream_rq_retry: 1\n" + v2 + "upstream_rq_total: 2\n" + route + "upstream_rq_200: 1\n" + route +
        "upstream_rq_201: 1\n" + route + "upstream_rq_2xx: 2\n" + route + "upstream_rq_503: 1\n" + route +
        "upstream_rq_5xx: 1\n" + route + "upstream_rq_total: 3\n";
    QCOMPARE(q(metrics.renderStats()), q(expected));
    QCOMPARE(metrics.requestCount(), std::uint64_t(5));
  }

  void clusterEventsAddToDerivedCounters() {
    Metrics metrics;
    metrics.record(reviews("v1", 200, 1));
    metrics.recordClusterEvent(kReviewsV1, "upstream_rq_total", 4);
    QCOMPARE(metrics.clusterCounter(kReviewsV1, "upstream_rq_total"), std::uint64_t(5));
    QVERIFY(metrics.renderStats().find("cluster." + kReviewsV1 + ".upstream_rq_total: 5\n") != std::string::npos);
    QCOMPARE(metrics.clusterCounter(kReviewsV1, "upstream_rq_pending_overflow"), std::uint64_t(0));
    QCOMPARE(metrics.clusterCounter("no-such-cluster", "upstream_rq_total"), std::uint64_t(0));
  }

  void requestCountFilters() {
    Metrics metrics;
    for (int i = 0; i < 5; ++i) metrics.record(reviews("v1", 200, 1));
    for (int i = 0; i < 3; ++i) metrics.record(reviews("v2", 200, 1));
    metrics.record(reviews("v2", 503, 1));
    QCOMPARE(metrics.requestCount(), std::uint64_t(9));
    QCOMPARE(metrics.requestCount({.destinationVersion = "v1"}), std::uint64_t(5));
    QCOMPARE(metrics.requestCount({.destinationVersion = "v2"}), std::uint64_t(4));
    QCOMPARE(metrics.requestCount({.destinationVersion = "v2", .responseCode = 200}), std::uint64_t(3));
    QCOMPARE(metrics.requestCount({.clusterName = kReviewsV2}), std::uint64_t(4));
    QCOMPARE(metrics.requestCount({.destinationService = "ratings.shop.svc.cluster.local"}), std::uint64_t(0));
    QCOMPARE(metrics.requestCount({.routeName = "reviews-split"}), std::uint64_t(9));
  }

  void outputDoesNotDependOnRecordingOrder() {
    std::vector<RequestRecord> records;
    for (const char* v : {"v1", "v2", "v3"})
      for (int code : {200, 404, 503}) records.push_back(reviews(v, code, code / 10.0));
    Metrics forward;
    Metrics backward;
    for (const auto& r : records) forward.record(r);
    for (auto it = records.rbegin(); it != records.rend(); ++it) backward.record(*it);
    forward.recordClusterEvent(kReviewsV1, "upstream_rq_retry");
    forward.recordClusterEvent(kReviewsV2, "upstream_rq_retry");
    backward.recordClusterEvent(kReviewsV2, "upstream_rq_retry");
    backward.recordClusterEvent(kReviewsV1, "upstream_rq_retry");
    QCOMPARE(q(forward.renderPrometheus()), q(backward.renderPrometheus()));
    QCOMPARE(q(forward.renderStats()), q(backward.renderStats()));
  }

  void concurrentRecordsGiveExactTotals() {
    constexpr int kThreads = 4;
    constexpr int kPerThread = 20000;
    const std::vector<RequestRecord> kinds{reviews("v1", 200, 0.3), reviews("v1", 503, 30), reviews("v2", 200, 7),
                                           reviews("v3", 200, 700)};
    Metrics metrics;
    std::atomic<bool> done{false};
    std::atomic<bool> brokenOutput{false};
    std::thread reader([&] {  // rendering while others record must stay valid and safe
      while (!done.load()) {
        const Exposition e = parseExposition(metrics.renderPrometheus());
        // Cluster events are counted apart from requests, so a render may show an event before
        // the request recorded just ahead of it: check the histograms only once there are some.
        const bool histograms = !e.named("istio_request_duration_milliseconds_bucket").empty();
        if (!e.errors.empty() || (histograms && !histogramErrors(e, "istio_request_duration_milliseconds").empty()))
          brokenOutput = true;
        (void)metrics.renderStats();
      }
    });
    std::vector<std::thread> writers;
    for (int t = 0; t < kThreads; ++t) {
      writers.emplace_back([&, t] {
        for (int i = 0; i < kPerThread; ++i) {
          metrics.record(kinds[std::size_t(i + t) % kinds.size()]);
          if (i % 10 == 0) metrics.recordClusterEvent(kReviewsV1, "upstream_rq_retry");
        }
      });
    }
    for (auto& w : writers) w.join();
    done = true;
    reader.join();
    QVERIFY(!brokenOutput);

    const std::uint64_t total = std::uint64_t(kThreads) * kPerThread;
    QCOMPARE(metrics.requestCount(), total);
    // Each thread cycles through the kinds evenly (kPerThread is a multiple of their count).
    for (const auto& kind : kinds) {
      QCOMPARE(metrics.requestCount({.destinationVersion = kind.destinationVersion, .responseCode = kind.responseCode}),
               total / kinds.size());
    }
    QCOMPARE(metrics.clusterCounter(kReviewsV1, "upstream_rq_total"), total / 2);
    QCOMPARE(metrics.clusterCounter(kReviewsV1, "upstream_rq_retry"), std::uint64_t(kThreads) * (kPerThread / 10));

    const Exposition e = parseExposition(metrics.renderPrometheus());
    VERIFY_NO_ERRORS(e.errors);
    VERIFY_NO_ERRORS(histogramErrors(e, "istio_request_duration_milliseconds"));
    double requests = 0;
    for (const auto& s : e.named("istio_requests_total")) requests += s.value;
    double counted = 0;
    for (const auto& s : e.named("istio_request_duration_milliseconds_count")) counted += s.value;
    QCOMPARE(requests, double(total));
    QCOMPARE(counted, double(total));
  }

  void resetCountersForgetsEverything() {
    Metrics metrics;
    metrics.record(reviews("v1", 200, 1));
    metrics.recordClusterEvent(kReviewsV1, "upstream_rq_retry");
    metrics.resetCounters();
    QCOMPARE(metrics.requestCount(), std::uint64_t(0));
    QCOMPARE(q(metrics.renderStats()), QString());
    QCOMPARE(q(metrics.renderPrometheus()), QString());
    metrics.record(reviews("v1", 200, 1));
    QCOMPARE(metrics.requestCount(), std::uint64_t(1));
  }

  // Speed is a benchmark's business, not a unit test's: this checks only that repeated records
  // of existing series add up exactly.
  void recordingExistingSeriesAddsUp() {
    Metrics metrics;
    const std::vector<RequestRecord> kinds{reviews("v1", 200, 3), reviews("v2", 200, 12), reviews("v3", 503, 40)};
    for (const auto& r : kinds) metrics.record(r);  // the series exist from here on
    constexpr int kIterations = 30000;
    for (int i = 0; i < kIterations; ++i) metrics.record(kinds[std::size_t(i) % kinds.size()]);
    QCOMPARE(metrics.requestCount(), std::uint64_t(kIterations) + kinds.size());
    RequestFilter v3;
    v3.destinationVersion = "v3";
    QCOMPARE(metrics.requestCount(v3), std::uint64_t(kIterations / 3 + 1));
  }
};

QTEST_APPLESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
