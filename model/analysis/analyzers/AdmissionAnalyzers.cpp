// Istio's admission rules that a JSON schema cannot express (docs: istio-semantics.md §11), as
// analyzers: the helpers every Admission*.cpp file shares, the checks common to several kinds
// (exportTo, duration precision), and the registration of the whole group.

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "model/analysis/analyzers/AdmissionSupport.h"

namespace meshstudio::model::analysis {
namespace admission {

QuickFix vsFix(const AnalysisContext& ctx, std::string title, const std::function<void(VirtualServiceSpec&)>& edit) {
  VirtualServiceSpec fixed = *ctx.subject().virtualService;
  edit(fixed);
  return QuickFix{std::move(title), {replaceSpec(ctx.subject(), fixed)}};
}

std::string mapKey(std::string_view base, std::string_view key) {
  if (key.find_first_of(".[]") == std::string_view::npos && !key.empty()) return child(base, key);
  return std::string(base) + "[" + std::string(key) + "]";
}

std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20 || u == 0x7f) {
      static const char* hex = "0123456789abcdef";
      out += "\\x";
      out += hex[u >> 4];
      out += hex[u & 0xf];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return std::string(text);
}

namespace {

bool isAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// `*`, or a DNS-1123 label optionally led by `*` or `*-` (labels.IsWildcardDNS1123Label).
bool isWildcardDns1123Label(std::string_view label) {
  if (label.size() > 63) return false;
  if (label == "*") return true;
  if (label.starts_with("*-"))
    label.remove_prefix(2);
  else if (label.starts_with("*"))
    label.remove_prefix(1);
  return isDns1123Label(label);
}

std::optional<std::string> dnsPreconditionError(std::string_view name) {
  if (name.size() > 255) return "domain name " + quoted(name) + " is too long (max 255)";
  if (name.empty()) return std::string("an empty domain name is not allowed");
  return std::nullopt;
}

std::optional<std::string> dnsLabelsError(std::string_view whole, std::string_view domain) {
  std::size_t lastDot = domain.rfind('.');
  std::string_view top = lastDot == std::string_view::npos ? domain : domain.substr(lastDot + 1);
  if (!top.empty() &&
      std::all_of(top.begin(), top.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return "domain name " + quoted(whole) + " is invalid (top-level domain " + quoted(top) + " cannot be all-numeric)";
  std::size_t start = 0;
  while (true) {
    std::size_t dot = domain.find('.', start);
    std::string_view label = domain.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (dot == std::string_view::npos && label.empty()) break;  // `istio.io.` is allowed
    if (!isDns1123Label(label))
      return "domain name " + quoted(whole) + " is invalid (label " + quoted(label) + " is not a DNS-1123 label)";
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return std::nullopt;
}

}  // namespace

bool isDns1123Label(std::string_view label) {
  if (label.empty() || label.size() > 63) return false;
  if (!isAlnum(label.front()) || !isAlnum(label.back())) return false;
  return std::all_of(label.begin(), label.end(), [](char c) { return isAlnum(c) || c == '-'; });
}

std::optional<std::string> wildcardDomainError(std::string_view domain) {
  if (auto e = dnsPreconditionError(domain)) return e;
  std::size_t dot = domain.find('.');
  std::string_view first = domain.substr(0, dot);
  if (!isWildcardDns1123Label(first))
    return "domain name " + quoted(domain) + " is invalid (label " + quoted(first) + " is not a DNS-1123 label)";
  if (dot != std::string_view::npos) return dnsLabelsError(domain, domain.substr(dot + 1));
  return std::nullopt;
}

std::optional<std::string> fqdnError(std::string_view domain) {
  if (auto e = dnsPreconditionError(domain)) return e;
  return dnsLabelsError(domain, domain);
}

bool isIpAddress(std::string_view text) {
  std::string address(text);
  unsigned char buffer[16];
  return inet_pton(AF_INET, address.c_str(), buffer) == 1 || inet_pton(AF_INET6, address.c_str(), buffer) == 1;
}

bool hostsOverlap(std::string_view a, std::string_view b) {
  bool aWild = a.starts_with('*'), bWild = b.starts_with('*');
  if (aWild && bWild)
    return a.size() < b.size() ? b.substr(1).ends_with(a.substr(1)) : a.substr(1).ends_with(b.substr(1));
  if (aWild) return b.ends_with(a.substr(1));
  if (bWild) return a.ends_with(b.substr(1));
  return a == b;
}

std::optional<std::int64_t> durationNanos(std::string_view text) {
  std::string_view s = text;
  bool negative = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s == "0") return 0;
  if (s.empty()) return std::nullopt;
  long double total = 0;
  while (!s.empty()) {
    std::size_t i = 0;
    long double whole = 0;
    bool digits = false;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
      whole = whole * 10 + (s[i++] - '0');
      digits = true;
    }
    long double fraction = 0, scale = 1;
    if (i < s.size() && s[i] == '.') {
      ++i;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
        fraction = fraction * 10 + (s[i++] - '0');
        scale *= 10;
        digits = true;
      }
    }
    if (!digits) return std::nullopt;
    std::size_t unitEnd = i;
    while (unitEnd < s.size() && s[unitEnd] != '.' && !std::isdigit(static_cast<unsigned char>(s[unitEnd]))) ++unitEnd;
    std::string_view unit = s.substr(i, unitEnd - i);
    long double nanos = 0;
    if (unit == "ns")
      nanos = 1;
    else if (unit == "us" || unit == "\xC2\xB5s" || unit == "\xCE\xBCs")
      nanos = 1e3L;
    else if (unit == "ms")
      nanos = 1e6L;
    else if (unit == "s")
      nanos = 1e9L;
    else if (unit == "m")
      nanos = 60e9L;
    else if (unit == "h")
      nanos = 3600e9L;
    else
      return std::nullopt;
    // Go truncates what lies below a nanosecond; so do we, so that 1.0000000001s counts as 1s.
    total += whole * nanos + std::floor(fraction * nanos / scale);
    s.remove_prefix(unitEnd);
  }
  if (total > 9.2e18L) return std::nullopt;
  auto result = static_cast<std::int64_t>(total);
  return negative ? -result : result;
}

Protocol parseProtocol(std::string_view name) {
  std::string p = lowercase(name);
  Protocol out;
  if (p == "http" || p == "http2" || p == "http_proxy" || p == "grpc" || p == "grpc-web")
    out.http = true;
  else if (p == "https" || p == "tls")
    out.tls = true;
  else if (p != "tcp" && p != "udp" && p != "mongo" && p != "redis" && p != "mysql")
    return out;
  out.supported = true;
  return out;
}

std::optional<std::string> headerValueError(std::string_view value) {
  for (char c : value) {
    auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && u != '\t') || u == 0x7f) return std::string("it contains a control character");
  }
  // A port of Envoy's header formatter parser, as Istio's validateHeaderValue does it.
  enum State {
    Literal,
    VariableName,
    ExpectArray,
    ExpectString,
    String,
    ExpectDelimiterOrEnd,
    ExpectArgsEnd,
    ExpectEnd
  };
  State state = Literal;
  for (std::size_t pos = 0; pos < value.size(); ++pos) {
    char ch = value[pos];
    bool hasNext = pos + 1 < value.size();
    switch (state) {
      case Literal:
        if (ch != '%') break;
        if (!hasNext) return std::string("it ends with a lone '%'");
        if (value[pos + 1] == '%') {
          ++pos;
          break;
        }
        state = VariableName;
        break;
      case VariableName:
        if (ch == '%')
          state = Literal;
        else if (ch == '(')
          state = ExpectArray;
        break;
      case ExpectArray:
        if (ch == '[')
          state = ExpectString;
        else if (ch != ' ')
          state = String;
        break;
      case ExpectDelimiterOrEnd:
        if (ch == ',')
          state = ExpectString;
        else if (ch == ']')
          state = ExpectArgsEnd;
        else if (ch != ' ')
          return std::string("a variable's argument list expects ',' or ']'");
        break;
      case ExpectString:
        if (ch == '"')
          state = String;
        else if (ch != ' ')
          return std::string("a variable's argument list expects '\"'");
        break;
      case String:
        if (ch == '\\') {
          if (!hasNext) return std::string("it ends inside a backslash escape");
          ++pos;
        } else if (ch == ')') {
          state = ExpectEnd;
        } else if (ch == '"') {
          state = ExpectDelimiterOrEnd;
        }
        break;
      case ExpectArgsEnd:
        if (ch == ')')
          state = ExpectEnd;
        else if (ch != ' ')
          return std::string("a variable's arguments expect ')'");
        break;
      case ExpectEnd:
        if (ch == '%')
          state = Literal;
        else if (ch != ' ')
          return std::string("a variable expects its closing '%'");
        break;
    }
  }
  if (state != Literal) return std::string("a '%' variable is not terminated");
  return std::nullopt;
}

namespace {

// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`, at most 63 characters.
bool isQualifiedName(std::string_view name) {
  if (name.empty() || name.size() > 63 || !isAlnum(name.front()) || !isAlnum(name.back())) return false;
  return std::all_of(name.begin(), name.end(), [](char c) { return isAlnum(c) || c == '-' || c == '_' || c == '.'; });
}

}  // namespace

std::optional<std::string> labelError(std::string_view key, std::string_view value) {
  std::string_view name = key;
  if (std::size_t slash = key.find('/'); slash != std::string_view::npos) {
    std::string_view prefix = key.substr(0, slash);
    name = key.substr(slash + 1);
    bool prefixOk = !prefix.empty() && prefix.size() <= 253 && name.find('/') == std::string_view::npos;
    for (std::size_t start = 0; prefixOk;) {
      std::size_t dot = prefix.find('.', start);
      prefixOk = isDns1123Label(prefix.substr(start, dot == std::string_view::npos ? dot : dot - start));
      if (dot == std::string_view::npos) break;
      start = dot + 1;
    }
    if (!prefixOk) return "label key " + quoted(key) + " has an invalid prefix (it must be a DNS name followed by '/')";
  }
  if (!isQualifiedName(name))
    return "label key " + quoted(key) +
           " is invalid (at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit)";
  if (!value.empty() && !isQualifiedName(value))
    return "label value " + quoted(value) +
           " is invalid (at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit)";
  return std::nullopt;
}

bool isHeaderToken(std::string_view name) {
  static constexpr std::string_view kSpecials = "!#$%&'*+-.^_`|~";
  return !name.empty() && std::all_of(name.begin(), name.end(),
                                      [](char c) { return isAlnum(c) || kSpecials.find(c) != std::string_view::npos; });
}

std::vector<Int> evenWeights(std::size_t count) {
  std::vector<Int> weights(count, count ? Int(100 / count) : 0);
  for (std::size_t i = 0; i < (count ? 100 % count : 0); ++i) ++weights[i];
  return weights;
}

const LoadBalancerSettings* PolicyBlock::loadBalancer() const {
  const auto& v = policy ? policy->loadBalancer : port->loadBalancer;
  return v ? &*v : nullptr;
}
const ConnectionPoolSettings* PolicyBlock::connectionPool() const {
  const auto& v = policy ? policy->connectionPool : port->connectionPool;
  return v ? &*v : nullptr;
}
const OutlierDetection* PolicyBlock::outlierDetection() const {
  const auto& v = policy ? policy->outlierDetection : port->outlierDetection;
  return v ? &*v : nullptr;
}
const ClientTLSSettings* PolicyBlock::tls() const {
  const auto& v = policy ? policy->tls : port->tls;
  return v ? &*v : nullptr;
}

namespace {

template <class Spec, class Visit>
void walkPolicies(Spec& spec, Visit&& visit) {
  auto walk = [&](auto& policy, const std::string& path) {
    if (!policy) return;
    visit(path, &*policy, nullptr);
    std::string levels = child(path, "portLevelSettings");
    for (std::size_t i = 0; i < policy->portLevelSettings.size(); ++i)
      visit(indexed(levels, i), nullptr, &policy->portLevelSettings[i]);
  };
  walk(spec.trafficPolicy, "spec.trafficPolicy");
  for (std::size_t i = 0; i < spec.subsets.size(); ++i)
    walk(spec.subsets[i].trafficPolicy, child(indexed("spec.subsets", i), "trafficPolicy"));
}

}  // namespace

void forEachPolicyBlock(const DestinationRuleSpec& spec, const std::function<void(const PolicyBlock&)>& visit) {
  walkPolicies(spec, [&](const std::string& path, const TrafficPolicy* policy, const PortTrafficPolicy* port) {
    visit(PolicyBlock{path, policy, port});
  });
}

std::optional<MutablePolicyBlock> policyBlockAt(DestinationRuleSpec& spec, std::string_view path) {
  std::optional<MutablePolicyBlock> found;
  walkPolicies(spec, [&](const std::string& at, TrafficPolicy* policy, PortTrafficPolicy* port) {
    if (at == path) found = MutablePolicyBlock{policy, port};
  });
  return found;
}

}  // namespace admission

namespace {

using namespace admission;

// --- exportTo (VirtualService, DestinationRule): validateExportTo -------------------------------------------------

ResourceEdit withExportTo(const IndexedResource& subject, List<std::string> exportTo) {
  exportTo.present = true;
  if (subject.virtualService) {
    VirtualServiceSpec spec = *subject.virtualService;
    spec.exportTo = std::move(exportTo);
    return replaceSpec(subject, spec);
  }
  DestinationRuleSpec spec = *subject.destinationRule;
  spec.exportTo = std::move(exportTo);
  return replaceSpec(subject, spec);
}

void runExportTo(AnalysisContext& ctx) {
  const IndexedResource& subject = ctx.subject();
  const List<std::string>* exportTo = nullptr;
  bool hasWorkloadSelector = false;
  if (subject.virtualService) exportTo = &subject.virtualService->exportTo;
  if (subject.destinationRule) {
    exportTo = &subject.destinationRule->exportTo;
    hasWorkloadSelector = subject.destinationRule->workloadSelector.has_value();
  }
  if (!exportTo || exportTo->empty()) return;
  const std::string& ns = ctx.namespaceName();
  std::set<std::string> seen;
  List<std::string> unique;  // the duplicates' fix keeps the first occurrence (`.` and the own namespace count as one)
  std::vector<std::size_t> duplicates;
  for (std::size_t i = 0; i < exportTo->size(); ++i) {
    const std::string& entry = (*exportTo)[i];
    std::string key = entry == "." ? ns : entry;
    if (seen.count(key)) {
      duplicates.push_back(i);
      continue;
    }
    unique.push_back(entry);
    std::string path = indexed("spec.exportTo", i);
    if (entry == "~") {
      ctx.error("MS1122", path,
                "exportTo \"~\" (export to no one) is only allowed on ServiceEntries. Use \".\" to keep the resource "
                "in its own namespace.");
    } else if (entry != "." && entry != "*" && !isDns1123Label(entry)) {
      ctx.error("MS1122", path,
                "Invalid exportTo entry " + quoted(entry) +
                    ": only \".\", \"*\" or a namespace name (a DNS-1123 label) is allowed. Fix the entry.");
    }
    seen.insert(key);
  }
  for (std::size_t i : duplicates) {
    const std::string& entry = (*exportTo)[i];
    Diagnostic& d = ctx.error("MS1120", indexed("spec.exportTo", i),
                              entry == "." || entry == ns
                                  ? "exportTo lists both \".\" and the resource's own namespace " + quoted(ns) +
                                        ", which are the same. Remove one of them."
                                  : "Duplicate exportTo entry " + quoted(entry) + ". Remove the duplicate.");
    d.fixes.push_back(QuickFix{"Remove the duplicate exportTo entries", {withExportTo(subject, unique)}});
  }
  if (seen.count("*") && exportTo->size() > 1) {
    std::size_t star = 0;
    while ((*exportTo)[star] != "*") ++star;
    Diagnostic& d = ctx.error("MS1121", indexed("spec.exportTo", star),
                              "exportTo mixes \"*\" (every namespace) with other entries. Keep only \"*\", or list the "
                              "namespaces without it.");
    d.fixes.push_back(
        QuickFix{"Export to every namespace (\"*\" only)", {withExportTo(subject, List<std::string>{"*"})}});
  }
  if (hasWorkloadSelector) {
    bool own = seen.count(ns) > 0;
    if (!own || seen.size() > 1) {
      Diagnostic& d =
          ctx.error("MS1123", "spec.exportTo",
                    own ? "A DestinationRule with a workloadSelector may only be exported to its own namespace, but "
                          "exportTo lists several entries. Use exportTo: [\".\"]."
                        : "A DestinationRule with a workloadSelector cannot be exported beyond its own namespace " +
                              quoted(ns) + ". Use exportTo: [\".\"].");
      d.fixes.push_back(QuickFix{"Export only to the own namespace", {withExportTo(subject, List<std::string>{"."})}});
    }
  }
}

// --- Duration precision: agent.ValidateDuration ("only durations to ms precision are supported") -------------------

// `field` is joined to `base` only when there is something to report: this runs on every duration.
void checkDuration(AnalysisContext& ctx, const Opt<std::string>& value, const std::string& base, const char* field) {
  if (!value) return;
  auto nanos = durationNanos(*value);
  if (!nanos || *nanos < 1'000'000) return;  // unparsable or below 1 ms: the CRD schema reports it
  if (*nanos % 1'000'000 != 0)
    ctx.error("MS1130", child(base, field),
              "Duration " + quoted(*value) +
                  " is finer than a millisecond; Istio only accepts whole milliseconds. Round it, e.g. to " +
                  std::to_string(*nanos / 1'000'000) + "ms.");
}

void runDurations(AnalysisContext& ctx) {
  const IndexedResource& subject = ctx.subject();
  if (subject.virtualService) {
    const auto& http = subject.virtualService->http;
    for (std::size_t i = 0; i < http.size(); ++i) {
      const HTTPRoute& rule = http[i];
      if (!rule.timeout && !rule.retries && !rule.fault) continue;
      std::string base = indexed("spec.http", i);
      checkDuration(ctx, rule.timeout, base, "timeout");
      if (rule.retries) {
        checkDuration(ctx, rule.retries->perTryTimeout, base, "retries.perTryTimeout");
        checkDuration(ctx, rule.retries->backoff, base, "retries.backoff");
      }
      if (rule.fault && rule.fault->delay)
        checkDuration(ctx, rule.fault->delay->fixedDelay, base, "fault.delay.fixedDelay");
    }
  }
  if (subject.destinationRule) {
    forEachPolicyBlock(*subject.destinationRule, [&](const PolicyBlock& block) {
      if (const ConnectionPoolSettings* pool = block.connectionPool()) {
        std::string base = child(block.path, "connectionPool");
        if (pool->tcp) {
          checkDuration(ctx, pool->tcp->connectTimeout, base, "tcp.connectTimeout");
          checkDuration(ctx, pool->tcp->maxConnectionDuration, base, "tcp.maxConnectionDuration");
          checkDuration(ctx, pool->tcp->idleTimeout, base, "tcp.idleTimeout");
          if (pool->tcp->tcpKeepalive) {
            checkDuration(ctx, pool->tcp->tcpKeepalive->time, base, "tcp.tcpKeepalive.time");
            checkDuration(ctx, pool->tcp->tcpKeepalive->interval, base, "tcp.tcpKeepalive.interval");
          }
        }
        if (pool->http) checkDuration(ctx, pool->http->idleTimeout, base, "http.idleTimeout");
      }
      if (const OutlierDetection* od = block.outlierDetection()) {
        std::string base = child(block.path, "outlierDetection");
        checkDuration(ctx, od->interval, base, "interval");
        checkDuration(ctx, od->baseEjectionTime, base, "baseEjectionTime");
      }
      if (const LoadBalancerSettings* lb = block.loadBalancer(); lb && lb->warmup)
        checkDuration(ctx, lb->warmup->duration, block.path, "loadBalancer.warmup.duration");
    });
  }
}

}  // namespace

void addAdmissionAnalyzers(std::vector<Analyzer>& out) {
  addAdmissionVirtualServiceAnalyzers(out);
  addAdmissionHttpRouteAnalyzers(out);
  addAdmissionHttpPolicyAnalyzers(out);
  addAdmissionDestinationRuleAnalyzers(out);
  addAdmissionGatewayAnalyzers(out);
  out.push_back(
      Analyzer{"admission.export-to", {ResourceKind::VirtualService, ResourceKind::DestinationRule}, runExportTo});
  out.push_back(Analyzer{
      "admission.duration-precision", {ResourceKind::VirtualService, ResourceKind::DestinationRule}, runDurations});
}

}  // namespace meshstudio::model::analysis
