#include "views/TrafficPolicyEditor.h"

#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

#include <array>

#include "views/FieldEntry.h"
#include "views/FieldForm.h"

namespace meshstudio::views {

namespace {

/// The consistent-hash keys, of which Istio takes exactly one.
constexpr std::array<const char*, 4> kHashKeys{"httpHeaderName", "httpCookie", "useSourceIp", "httpQueryParameterName"};

bool startsWith(const std::string& path, const std::string& prefix) {
  return path.size() >= prefix.size() && path.compare(0, prefix.size(), prefix) == 0 &&
         (path.size() == prefix.size() || path[prefix.size()] == '.' || path[prefix.size()] == '[');
}

QGroupBox* group(const QString& title, FieldForm* form, const QString& note, QWidget* parent) {
  auto* box = new QGroupBox(title, parent);
  auto* layout = new QVBoxLayout(box);
  if (!note.isEmpty()) {
    auto* label = new QLabel(note, box);
    label->setWordWrap(true);
    layout->addWidget(label);
  }
  layout->addWidget(form);
  return box;
}

QList<FieldSpec> loadBalancerFields() {
  using T = FieldType;
  const QString hashOnly = TrafficPolicyEditor::tr("Setting it replaces any other hash key and the simple policy.");
  return fieldSpecs({
      {"simple",
       T::Choice,
       TrafficPolicyEditor::tr("Algorithm"),
       TrafficPolicyEditor::tr(
           "How requests are spread over the destination's pods when no consistent hash is set. Choosing "
           "one removes the consistent hash. Empty: LEAST_REQUEST (Istio's default since 1.14): of two "
           "random pods, the one with fewer requests in flight."),
       TrafficPolicyEditor::tr("default (LEAST_REQUEST)"),
       {QStringLiteral("ROUND_ROBIN"), QStringLiteral("LEAST_REQUEST"), QStringLiteral("RANDOM"),
        QStringLiteral("PASSTHROUGH")}},
      {"consistentHash.httpHeaderName", T::Text, TrafficPolicyEditor::tr("Hash on header"),
       TrafficPolicyEditor::tr("Requests with the same value of this header go to the same pod (sticky sessions). %1 "
                               "Empty: no header hash.")
           .arg(hashOnly),
       TrafficPolicyEditor::tr("header name")},
      {"consistentHash.httpCookie.name", T::Text, TrafficPolicyEditor::tr("Hash on cookie"),
       TrafficPolicyEditor::tr(
           "Requests with the same value of this cookie go to the same pod. With a TTL, Envoy creates the "
           "cookie for requests that lack it. %1 Empty: no cookie hash.")
           .arg(hashOnly),
       TrafficPolicyEditor::tr("cookie name")},
      {"consistentHash.httpCookie.path", T::Text, TrafficPolicyEditor::tr("Cookie path"),
       TrafficPolicyEditor::tr(
           "The Path attribute of a cookie Envoy creates. Empty: the cookie has no Path attribute.")},
      {"consistentHash.httpCookie.ttl", T::Duration, TrafficPolicyEditor::tr("Cookie TTL"),
       TrafficPolicyEditor::tr(
           "Lifetime of a cookie Envoy creates; 0s makes it a session cookie. Empty: Envoy never creates "
           "the cookie, and a request without it goes to any pod.")},
      {"consistentHash.useSourceIp", T::Boolean, TrafficPolicyEditor::tr("Hash on source IP"),
       TrafficPolicyEditor::tr(
           "Requests from the same client address go to the same pod. %1 Unchecked: no address hash.")
           .arg(hashOnly)},
      {"consistentHash.httpQueryParameterName", T::Text, TrafficPolicyEditor::tr("Hash on query parameter"),
       TrafficPolicyEditor::tr(
           "Requests with the same value of this query parameter go to the same pod. %1 Empty: no query "
           "parameter hash.")
           .arg(hashOnly),
       TrafficPolicyEditor::tr("parameter name")},
      {"consistentHash.ringHash.minimumRingSize",
       T::Integer,
       TrafficPolicyEditor::tr("Ring hash size"),
       TrafficPolicyEditor::tr(
           "Use a hash ring with at least this many entries; more entries spread the load more evenly but "
           "cost memory. Setting it removes Maglev. Empty: a ring hash of 1024 entries, the default "
           "algorithm."),
       TrafficPolicyEditor::tr("default (1024)"),
       {},
       1},
      {"consistentHash.maglev.tableSize",
       T::Integer,
       TrafficPolicyEditor::tr("Maglev table size"),
       TrafficPolicyEditor::tr(
           "Use Maglev instead of a ring, with a lookup table of this size: a prime number below 5000011. "
           "Setting it removes the ring hash. Empty: no Maglev (its own default table is 65537)."),
       TrafficPolicyEditor::tr("not used"),
       {},
       1},
      {"warmupDurationSecs", T::Duration, TrafficPolicyEditor::tr("Warm-up"),
       TrafficPolicyEditor::tr("A new pod's share of the traffic grows over this time instead of starting in full "
                               "(ROUND_ROBIN and LEAST_REQUEST only). Empty: no warm-up."),
       TrafficPolicyEditor::tr("none")},
  });
}

QList<FieldSpec> connectionPoolFields() {
  using T = FieldType;
  const QString unlimited = TrafficPolicyEditor::tr("unlimited");
  return fieldSpecs({
      {"tcp.maxConnections",
       T::Integer,
       TrafficPolicyEditor::tr("Max connections"),
       TrafficPolicyEditor::tr(
           "Most TCP connections to all the destination's pods together; requests beyond them wait as "
           "pending. 0 or empty: 4294967295, in effect unlimited."),
       unlimited,
       {},
       1},
      {"tcp.connectTimeout", T::Duration, TrafficPolicyEditor::tr("Connect timeout"),
       TrafficPolicyEditor::tr("How long opening a TCP connection may take before it fails. Empty: 10s, the mesh's "
                               "connectTimeout."),
       QStringLiteral("10s")},
      {"tcp.tcpKeepalive.time", T::Duration, TrafficPolicyEditor::tr("Keep-alive idle time"),
       TrafficPolicyEditor::tr("How long a connection is idle before TCP keep-alive probes start. Empty: the operating "
                               "system's setting (7200s on Linux)."),
       TrafficPolicyEditor::tr("system default")},
      {"tcp.tcpKeepalive.interval", T::Duration, TrafficPolicyEditor::tr("Keep-alive interval"),
       TrafficPolicyEditor::tr(
           "Time between two keep-alive probes. Empty: the operating system's setting (75s on Linux)."),
       TrafficPolicyEditor::tr("system default")},
      {"tcp.tcpKeepalive.probes",
       T::Integer,
       TrafficPolicyEditor::tr("Keep-alive probes"),
       TrafficPolicyEditor::tr(
           "Unanswered probes after which the connection counts as dead. Empty: the operating system's "
           "setting (9 on Linux)."),
       TrafficPolicyEditor::tr("system default"),
       {},
       1},
      {"http.http1MaxPendingRequests",
       T::Integer,
       TrafficPolicyEditor::tr("Max pending requests"),
       TrafficPolicyEditor::tr(
           "Requests that may wait for a connection; more fail at once with 503 (flag UO, overflow). "
           "0 or empty: 4294967295, in effect unlimited."),
       unlimited,
       {},
       1},
      {"http.http2MaxRequests",
       T::Integer,
       TrafficPolicyEditor::tr("Max requests"),
       TrafficPolicyEditor::tr(
           "Most requests in flight to the destination at once, HTTP/1.1 and HTTP/2; more fail with 503 "
           "(UO). 0 or empty: 4294967295, in effect unlimited."),
       unlimited,
       {},
       1},
      {"http.maxRequestsPerConnection",
       T::Integer,
       TrafficPolicyEditor::tr("Requests per connection"),
       TrafficPolicyEditor::tr(
           "A connection is closed after this many requests; 1 turns keep-alive off. 0 or empty: no "
           "limit."),
       unlimited,
       {},
       1},
      {"http.maxRetries",
       T::Integer,
       TrafficPolicyEditor::tr("Max concurrent retries"),
       TrafficPolicyEditor::tr("Most retries in flight to the destination at once, all requests together. 0 or empty: "
                               "4294967295, in effect unlimited (Envoy alone would allow 3)."),
       unlimited,
       {},
       1},
      {"http.idleTimeout", T::Duration, TrafficPolicyEditor::tr("Idle timeout"),
       TrafficPolicyEditor::tr("A connection without requests for this long is closed. Empty: 1h."),
       QStringLiteral("1h")},
      {"http.h2UpgradePolicy",
       T::Choice,
       TrafficPolicyEditor::tr("HTTP/2 upgrade"),
       TrafficPolicyEditor::tr(
           "Whether HTTP/1.1 connections to the destination are upgraded to HTTP/2. Empty or DEFAULT: "
           "the mesh's setting, DO_NOT_UPGRADE unless changed."),
       TrafficPolicyEditor::tr("default (mesh setting)"),
       {QStringLiteral("DEFAULT"), QStringLiteral("DO_NOT_UPGRADE"), QStringLiteral("UPGRADE")}},
  });
}

QList<FieldSpec> outlierDetectionFields() {
  using T = FieldType;
  return fieldSpecs({
      {"consecutive5xxErrors",
       T::Integer,
       TrafficPolicyEditor::tr("Consecutive 5xx errors"),
       TrafficPolicyEditor::tr(
           "A pod that answers this many 5xx in a row is ejected (connect failures and resets count too "
           "unless they are split off); 0 turns this off. Empty: 5."),
       TrafficPolicyEditor::tr("default (5)"),
       {},
       0},
      {"consecutiveGatewayErrors",
       T::Integer,
       TrafficPolicyEditor::tr("Consecutive gateway errors"),
       TrafficPolicyEditor::tr(
           "A pod that answers this many 502, 503 or 504 in a row is ejected. 0 or empty: not checked."),
       TrafficPolicyEditor::tr("off"),
       {},
       1},
      {"splitExternalLocalOriginErrors", T::Boolean, TrafficPolicyEditor::tr("Split local failures"),
       TrafficPolicyEditor::tr(
           "Count failures of the proxy itself (connect errors, timeouts, resets) apart from the pod's "
           "answers. Unchecked: both count as 5xx and gateway errors.")},
      {"consecutiveLocalOriginFailures",
       T::Integer,
       TrafficPolicyEditor::tr("Consecutive local failures"),
       TrafficPolicyEditor::tr(
           "With split local failures: a pod that fails this many times in a row from the proxy's side "
           "is ejected. Empty: 5."),
       TrafficPolicyEditor::tr("default (5)"),
       {},
       1},
      {"interval", T::Duration, TrafficPolicyEditor::tr("Interval"),
       TrafficPolicyEditor::tr(
           "How often ejected pods are checked for return and the ejection count decays. Empty: 10s."),
       QStringLiteral("10s")},
      {"baseEjectionTime", T::Duration, TrafficPolicyEditor::tr("Base ejection time"),
       TrafficPolicyEditor::tr(
           "How long a pod stays ejected, times the number of times it was ejected (at most 300s or this "
           "time). Empty: 30s."),
       QStringLiteral("30s")},
      {"maxEjectionPercent",
       T::Integer,
       TrafficPolicyEditor::tr("Max ejection %"),
       TrafficPolicyEditor::tr(
           "The largest share of the pods that may be ejected at once; one pod can always be. 0 or empty: "
           "10%."),
       TrafficPolicyEditor::tr("default (10%)"),
       {},
       1,
       100},
      {"minHealthPercent",
       T::Integer,
       TrafficPolicyEditor::tr("Min health %"),
       TrafficPolicyEditor::tr(
           "When fewer pods than this share are healthy, Envoy spreads requests over all pods, ejected "
           "ones too (panic mode). 0 or empty: no panic mode."),
       TrafficPolicyEditor::tr("off"),
       {},
       1,
       100},
  });
}

QList<FieldSpec> tlsFields() {
  return fieldSpecs({
      {"mode",
       FieldType::Choice,
       TrafficPolicyEditor::tr("TLS mode"),
       TrafficPolicyEditor::tr(
           "TLS on connections to the destination: DISABLE sends plain text, SIMPLE originates TLS, MUTUAL "
           "adds a client certificate, ISTIO_MUTUAL uses the mesh's workload certificates. Empty: auto "
           "mutual TLS decides (ISTIO_MUTUAL to pods with a sidecar, plain text to others)."),
       TrafficPolicyEditor::tr("default (auto mTLS)"),
       {QStringLiteral("DISABLE"), QStringLiteral("SIMPLE"), QStringLiteral("MUTUAL"), QStringLiteral("ISTIO_MUTUAL")}},
  });
}

}  // namespace

TrafficPolicyEditor::TrafficPolicyEditor(QWidget* parent)
    : QWidget(parent),
      loadBalancer_(new FieldForm(loadBalancerFields(), this)),
      connectionPool_(new FieldForm(connectionPoolFields(), this)),
      outlierDetection_(new FieldForm(outlierDetectionFields(), this)),
      tls_(new FieldForm(tlsFields(), this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(group(tr("Load balancer"), loadBalancer_,
                          tr("Either an algorithm or one consistent-hash key; setting one clears the other."), this));
  layout->addWidget(group(tr("Connection pool"), connectionPool_, {}, this));
  layout->addWidget(group(tr("Outlier detection"), outlierDetection_,
                          tr("Without any of these fields no pod is ever ejected; once one is set, the defaults "
                             "shown apply to the others."),
                          this));
  layout->addWidget(group(tr("TLS"), tls_, {}, this));
  layout->addStretch(1);
  connect(loadBalancer_, &FieldForm::edited, this,
          [this](const std::vector<model::FieldEdit>& edits, const QString& mergeKey) {
            Q_EMIT edited(withExclusions(edits), mergeKey);
          });
  for (FieldForm* form : {connectionPool_, outlierDetection_, tls_})
    connect(form, &FieldForm::edited, this, &TrafficPolicyEditor::edited);
  setBasePath("spec.trafficPolicy");
}

void TrafficPolicyEditor::setBasePath(const std::string& basePath) {
  basePath_ = basePath;
  loadBalancer_->setBasePath(basePath + ".loadBalancer");
  connectionPool_->setBasePath(basePath + ".connectionPool");
  outlierDetection_->setBasePath(basePath + ".outlierDetection");
  tls_->setBasePath(basePath + ".tls");
}

void TrafficPolicyEditor::load(const model::Value& document) {
  document_ = document;
  for (FieldForm* form : {loadBalancer_, connectionPool_, outlierDetection_, tls_}) form->load(document);
}

bool TrafficPolicyEditor::focusField(const std::string& path) {
  for (FieldForm* form : {loadBalancer_, connectionPool_, outlierDetection_, tls_})
    if (form->focusField(path)) return true;
  return false;
}

std::vector<model::FieldEdit> TrafficPolicyEditor::withExclusions(std::vector<model::FieldEdit> edits) const {
  const std::string lb = loadBalancer_->basePath();
  const std::string hash = lb + ".consistentHash";
  std::vector<std::string> removals;
  for (const model::FieldEdit& edit : edits) {
    if (!edit.value) continue;  // clearing a field excludes nothing
    if (edit.path == lb + ".simple") {
      removals.push_back(hash);
      continue;
    }
    for (const char* key : kHashKeys)
      if (startsWith(edit.path, hash + "." + key)) {
        removals.push_back(lb + ".simple");
        for (const char* other : kHashKeys)
          if (other != key) removals.push_back(hash + "." + other);
      }
    if (startsWith(edit.path, hash + ".ringHash")) removals.push_back(hash + ".maglev");
    if (startsWith(edit.path, hash + ".maglev")) removals.push_back(hash + ".ringHash");
  }
  for (const std::string& path : removals) {
    const auto parsed = model::FieldPath::parse(path);
    if (parsed && parsed->find(document_)) edits.push_back({path, std::nullopt});
  }
  return edits;
}

}  // namespace meshstudio::views
