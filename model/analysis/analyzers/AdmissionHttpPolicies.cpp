// VirtualService admission rules for an HTTP rule's policies: fault injection, mirroring, header
// operations and CORS. Sources: istio/istio pkg/config/validation/validation.go (validateHTTPFaultInjection,
// validateHTTPMirrors, validateCORSPolicy, ValidateHTTPHeader*) and virtualservice.go
// (validateHTTPRouteConflict for mirror/mirrors).

#include <algorithm>
#include <functional>
#include <set>

#include "model/analysis/analyzers/AdmissionSupport.h"

namespace meshstudio::model::analysis {
namespace {

using namespace admission;

// --- vs.fault: validateHTTPFaultInjection ---------------------------------------------------------------------------

/// A percentage as the user wrote it (`100.0`), for messages. Only called when it has a value.
std::string percentText(const Opt<Percent>& p) { return Codec<Number>::encode(*p->value).text(); }

bool validPercentage(double value) { return !(value < 0.0 || value > 100.0 || (value > 0.0 && value < 0.0001)); }

const std::set<std::string, std::less<>>& grpcStatuses() {
  static const std::set<std::string, std::less<>> statuses{
      "OK",        "CANCELLED",      "UNKNOWN",           "INVALID_ARGUMENT",   "DEADLINE_EXCEEDED",
      "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
      "ABORTED",   "OUT_OF_RANGE",   "UNIMPLEMENTED",     "INTERNAL",           "UNAVAILABLE",
      "DATA_LOSS", "UNAUTHENTICATED"};
  return statuses;
}

void runFault(AnalysisContext& ctx) {
  if (!ctx.subject().virtualService) return;
  const VirtualServiceSpec& vs = *ctx.subject().virtualService;
  for (std::size_t i = 0; i < vs.http.size(); ++i) {
    if (!vs.http[i].fault) continue;
    const HTTPFaultInjection& fault = *vs.http[i].fault;
    std::string base = child(ruleBase(i), "fault");
    if (!fault.delay && !fault.abort) {
      Diagnostic& d =
          ctx.error("MS1060", base, "Fault injection needs a delay, an abort, or both. Add one, or remove the fault.");
      d.fixes.push_back(vsFix(ctx, "Remove the empty fault", [&](VirtualServiceSpec& f) { f.http[i].fault.reset(); }));
    }
    auto percentage = [&](const Opt<Percent>& p, const std::string& path) {
      if (auto value = percentValue(p); value && !validPercentage(*value))
        ctx.error("MS1061", child(path, "percentage.value"),
                  "Fault percentage " + percentText(p) + " must be 0 or between 0.0001 and 100. Fix the percentage.");
    };
    if (fault.abort) {
      const FaultAbort& abort = *fault.abort;
      std::string path = child(base, "abort");
      percentage(abort.percentage, path);
      if (abort.http2Error) {
        ctx.error("MS1062", child(path, "http2Error"),
                  "HTTP/2 error aborts are not supported by Istio. Use httpStatus or grpcStatus.");
      } else if (abort.httpStatus) {
        if (*abort.httpStatus < 200 || *abort.httpStatus > 600)
          ctx.error("MS1063", child(path, "httpStatus"),
                    "Abort status " + std::to_string(*abort.httpStatus) +
                        " is outside 200-600. Use an HTTP error status "
                        "such as 503.");
      } else if (abort.grpcStatus) {
        if (!grpcStatuses().count(*abort.grpcStatus)) {
          Diagnostic& d = ctx.error("MS1064", child(path, "grpcStatus"),
                                    "Unknown gRPC status " + quoted(*abort.grpcStatus) +
                                        ". Use a status name from https://github.com/grpc/grpc/blob/master/doc/"
                                        "statuscodes.md, such as UNAVAILABLE.");
          std::string fixedName = upper(*abort.grpcStatus);
          if (grpcStatuses().count(fixedName))
            d.fixes.push_back(vsFix(ctx, "Use " + quoted(fixedName),
                                    [&](VirtualServiceSpec& f) { f.http[i].fault->abort->grpcStatus = fixedName; }));
        }
      } else {
        ctx.warning("MS1065", path,
                    "The abort has no error type, so it injects nothing. Set httpStatus (e.g. 503) or grpcStatus.");
      }
    }
    if (fault.delay) {
      std::string path = child(base, "delay");
      percentage(fault.delay->percentage, path);
      if (fault.delay->exponentialDelay)
        ctx.error("MS1062", child(path, "exponentialDelay"),
                  "exponentialDelay is not supported by Istio. Use fixedDelay.");
    }
  }
}

// --- vs.mirror: validateHTTPRouteConflict (mirror and mirrors), mirror percentages -------------------------------

bool sameDestination(const Destination& a, const Destination& b) { return encode(a) == encode(b); }

void runMirror(AnalysisContext& ctx) {
  if (!ctx.subject().virtualService) return;
  const VirtualServiceSpec& vs = *ctx.subject().virtualService;
  for (std::size_t i = 0; i < vs.http.size(); ++i) {
    const HTTPRoute& rule = vs.http[i];
    std::string base = ruleBase(i);
    if (rule.mirror && !rule.mirrors.empty()) {
      bool duplicate = std::any_of(rule.mirrors.begin(), rule.mirrors.end(), [&](const HTTPMirrorPolicy& m) {
        return m.destination && sameDestination(*m.destination, *rule.mirror);
      });
      Diagnostic& d = ctx.error("MS1070", child(base, "mirror"),
                                "A rule takes either mirror or mirrors, not both. Move the mirror into mirrors" +
                                    std::string(duplicate ? " (it is already listed there)." : "."));
      d.fixes.push_back(vsFix(ctx, duplicate ? "Remove the duplicate mirror" : "Move the mirror into mirrors",
                              [&](VirtualServiceSpec& f) {
                                HTTPRoute& r = f.http[i];
                                if (!duplicate) r.mirrors.push_back(HTTPMirrorPolicy{r.mirror, r.mirrorPercentage, {}});
                                r.mirror.reset();
                                r.mirrorPercentage.reset();
                              }));
    }
    auto percentage = [&](const Opt<Percent>& p, const std::string& path) {
      if (auto value = percentValue(p); value && (*value < 0 || *value > 100))
        ctx.error("MS1071", child(path, "value"),
                  "Mirror percentage " + percentText(p) + " is outside 0-100. Fix the percentage.");
    };
    percentage(rule.mirrorPercentage, child(base, "mirrorPercentage"));
    for (std::size_t k = 0; k < rule.mirrors.size(); ++k)
      percentage(rule.mirrors[k].percentage, child(indexed(child(base, "mirrors"), k), "percentage"));
    for (const Value::Entry& extra : rule.extras) {
      if (extra.key != "mirrorPercent" && extra.key != "mirror_percent") continue;
      std::string path = child(base, extra.key);
      auto value = extra.value.toInt();
      if (value && *value > 100)
        ctx.error("MS1071", path, "Mirror percentage " + std::to_string(*value) + " is above 100. Fix the percentage.");
      Diagnostic& d = ctx.warning(
          "MS1072", path, quoted(extra.key) + " is deprecated. Use mirrorPercentage: {value: <percent>} instead.");
      if (value && *value >= 0 && *value <= 100 && !rule.mirrorPercentage) {
        std::string key = extra.key;
        double percent = static_cast<double>(*value);
        d.fixes.push_back(vsFix(ctx, "Use mirrorPercentage", [&, key, percent](VirtualServiceSpec& f) {
          HTTPRoute& r = f.http[i];
          r.mirrorPercentage = Percent{percent, {}};
          r.extras.erase(
              std::remove_if(r.extras.begin(), r.extras.end(), [&](const Value::Entry& e) { return e.key == key; }),
              r.extras.end());
        }));
      }
    }
  }
}

// --- vs.header-operations: ValidateHTTPHeader*OperationName, ValidateHTTPHeaderValue -----------------------------

void runHeaderOperations(AnalysisContext& ctx) {
  if (!ctx.subject().virtualService) return;
  const VirtualServiceSpec& vs = *ctx.subject().virtualService;
  using Locate = std::function<Headers&(VirtualServiceSpec&)>;
  auto check = [&](const Headers& headers, const std::string& base, const Locate& locate) {
    auto ops = [&](const Opt<HeaderOperations>& ops, bool request) {
      if (!ops) return;
      std::string where = child(base, request ? "request" : "response");
      auto side = [request, locate](VirtualServiceSpec& f) -> HeaderOperations& {
        Headers& h = locate(f);
        return request ? *h.request : *h.response;
      };
      // Request set/add may target :authority/host (an authority rewrite); nothing else may touch `host` or `:`
      // headers.
      auto nameProblem = [&](const std::string& name, bool authorityAllowed) -> std::optional<std::string> {
        if (name.empty()) return "A header name cannot be empty.";
        std::string l = lowercase(name);
        bool authority = l == ":authority" || l == "host";
        if (authority && authorityAllowed) return std::nullopt;
        if (l == "host") return std::string("The Host header cannot be ") + (request ? "removed" : "set") + " here.";
        if (name.front() == ':') return "Pseudo-header " + quoted(name) + " cannot be modified.";
        return std::nullopt;
      };
      for (const char* op : {"set", "add"}) {
        bool isSet = std::string_view(op) == "set";
        const StringMap& entries = isSet ? ops->set : ops->add;
        for (const auto& [name, value] : entries) {
          std::string path = mapKey(child(where, op), name);
          if (auto problem = nameProblem(name, request)) {
            std::string key = name;
            Diagnostic& d = ctx.error("MS1090", path, *problem + " Remove this header operation.");
            d.fixes.push_back(vsFix(ctx, "Remove the header operation", [&, key, isSet](VirtualServiceSpec& f) {
              StringMap& m = isSet ? side(f).set : side(f).add;
              m.erase(std::remove_if(m.begin(), m.end(), [&](const auto& e) { return e.first == key; }), m.end());
            }));
          }
          if (auto problem = headerValueError(value))
            ctx.error("MS1091", path,
                      "Invalid header value " + quoted(value) + ": " + *problem +
                          ". Write a literal '%' as '%%'; Envoy variables look like %HOSTNAME% or "
                          "%REQ(x-header)%.");
        }
      }
      for (std::size_t k = 0; k < ops->remove.size(); ++k)
        if (auto problem = nameProblem(ops->remove[k], false)) {
          Diagnostic& d = ctx.error("MS1090", indexed(child(where, "remove"), k), *problem + " Remove this entry.");
          d.fixes.push_back(vsFix(ctx, "Remove the header operation", [&, k](VirtualServiceSpec& f) {
            auto& list = side(f).remove;
            list.erase(list.begin() + static_cast<std::ptrdiff_t>(k));
          }));
        }
    };
    ops(headers.request, true);
    ops(headers.response, false);
  };
  for (std::size_t i = 0; i < vs.http.size(); ++i) {
    const HTTPRoute& rule = vs.http[i];
    if (rule.headers)
      check(*rule.headers, child(ruleBase(i), "headers"),
            [i](VirtualServiceSpec& f) -> Headers& { return *f.http[i].headers; });
    for (std::size_t k = 0; k < rule.route.size(); ++k)
      if (rule.route[k].headers)
        check(*rule.route[k].headers, child(indexed(child(ruleBase(i), "route"), k), "headers"),
              [i, k](VirtualServiceSpec& f) -> Headers& { return *f.http[i].route[k].headers; });
  }
}

// --- vs.cors: validateCORSPolicy
// --------------------------------------------------------------------------------------

void runCors(AnalysisContext& ctx) {
  if (!ctx.subject().virtualService) return;
  const VirtualServiceSpec& vs = *ctx.subject().virtualService;
  static const std::set<std::string, std::less<>> kMethods{"GET",    "HEAD",    "POST",    "PUT",   "PATCH",
                                                           "DELETE", "CONNECT", "OPTIONS", "TRACE", "*"};
  for (std::size_t i = 0; i < vs.http.size(); ++i) {
    if (!vs.http[i].corsPolicy) continue;
    const CorsPolicy& cors = *vs.http[i].corsPolicy;
    std::string base = child(ruleBase(i), "corsPolicy");
    for (std::size_t k = 0; k < cors.allowOrigins.size(); ++k) {
      const StringMatch& origin = cors.allowOrigins[k];
      const Opt<std::string>& value = origin.exact ? origin.exact : origin.prefix ? origin.prefix : origin.regex;
      if (!nonEmpty(value))
        ctx.error("MS1096", indexed(child(base, "allowOrigins"), k),
                  "An allowed origin needs a non-empty exact, prefix or regex value, e.g. exact: "
                  "\"https://example.com\". Fix or remove the entry.");
    }
    for (std::size_t k = 0; k < cors.allowMethods.size(); ++k) {
      const std::string& method = cors.allowMethods[k];
      if (kMethods.count(method)) continue;
      Diagnostic& d = ctx.error("MS1095", indexed(child(base, "allowMethods"), k),
                                quoted(method) +
                                    " is not a supported CORS method. Use GET, HEAD, POST, PUT, PATCH, "
                                    "DELETE, CONNECT, OPTIONS, TRACE or \"*\" (upper case).");
      std::string fixed = upper(trimmed(method));
      if (kMethods.count(fixed))
        d.fixes.push_back(vsFix(ctx, "Use " + quoted(fixed),
                                [&, k](VirtualServiceSpec& f) { f.http[i].corsPolicy->allowMethods[k] = fixed; }));
    }
    for (const char* field : {"allowHeaders", "exposeHeaders"}) {
      const List<std::string>& names =
          std::string_view(field) == "allowHeaders" ? cors.allowHeaders : cors.exposeHeaders;
      for (std::size_t k = 0; k < names.size(); ++k)
        if (names[k] != "*" && !isHeaderToken(names[k]))
          ctx.error("MS1097", indexed(child(base, field), k),
                    names[k].empty()
                        ? std::string("A header name cannot be empty. Name the header, or remove the entry.")
                        : "Invalid header name " + quoted(names[k]) +
                              " (one header per entry, no spaces or commas). Fix the entry.");
    }
    if (cors.maxAge) {
      auto nanos = durationNanos(*cors.maxAge);
      if (nanos && *nanos >= 1'000'000 && *nanos % 1'000'000'000 != 0)
        ctx.error("MS1098", child(base, "maxAge"),
                  "maxAge " + quoted(*cors.maxAge) +
                      " is not a whole number of seconds, which is all CORS can express. "
                      "Round it to seconds, e.g. " +
                      std::to_string(std::max<std::int64_t>(1, *nanos / 1'000'000'000)) + "s.");
    }
  }
}

}  // namespace

void addAdmissionHttpPolicyAnalyzers(std::vector<Analyzer>& out) {
  const std::vector<ResourceKind> vs{ResourceKind::VirtualService};
  out.push_back(Analyzer{"vs.fault", vs, runFault});
  out.push_back(Analyzer{"vs.mirror", vs, runMirror});
  out.push_back(Analyzer{"vs.header-operations", vs, runHeaderOperations});
  out.push_back(Analyzer{"vs.cors", vs, runCors});
}

}  // namespace meshstudio::model::analysis
