// VirtualService admission rules inside an HTTP rule: retries, match values and regexes, destinations
// and weights (the rest is in AdmissionHttpPolicies.cpp). Sources: istio/istio
// pkg/config/validation/validation.go (validateHTTPRetry, validateStringMatch*, validateHTTPRouteDestinations,
// validateDestination) and virtualservice.go (validateHTTPRouteMatchRequest).

#include <re2/re2.h>

#include <algorithm>
#include <functional>
#include <iterator>
#include <set>

#include "model/analysis/analyzers/AdmissionSupport.h"

namespace meshstudio::model::analysis {
namespace {

using namespace admission;

std::string matchBase(std::size_t i, std::size_t j) { return indexed(child(ruleBase(i), "match"), j); }

// --- vs.retries: validateHTTPRetry ---------------------------------------------------------------------------------

const std::set<std::string, std::less<>>& retryOnPolicies() {
  static const std::set<std::string, std::less<>> policies{"5xx",
                                                           "gateway-error",
                                                           "reset",
                                                           "reset-before-request",
                                                           "connect-failure",
                                                           "retriable-4xx",
                                                           "refused-stream",
                                                           "retriable-status-codes",
                                                           "retriable-headers",
                                                           "envoy-ratelimited",
                                                           "http3-post-connect-failure",
                                                           "cancelled",
                                                           "deadline-exceeded",
                                                           "internal",
                                                           "resource-exhausted",
                                                           "unavailable"};
  return policies;
}

// The codes Go's http.StatusText knows, which is what Istio accepts as a retryOn status.
bool isKnownHttpStatus(long code) {
  static constexpr int kCodes[]{100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301,
                                302, 303, 304, 305, 307, 308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409,
                                410, 411, 412, 413, 414, 415, 416, 417, 418, 421, 422, 423, 424, 425, 426, 428,
                                429, 431, 451, 500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511};
  return std::find(std::begin(kCodes), std::end(kCodes), code) != std::end(kCodes);
}

bool isValidRetryOn(std::string_view token) {
  if (retryOnPolicies().count(token)) return true;
  // strconv.Atoi: an optional sign, then decimal digits only.
  std::string_view digits = token;
  if (!digits.empty() && (digits.front() == '+' || digits.front() == '-')) digits.remove_prefix(1);
  if (digits.empty() || digits.size() > 9 ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  long value = std::stol(std::string(digits));
  return token.front() != '-' && isKnownHttpStatus(value);
}

void runRetries(AnalysisContext& ctx) {
  if (!ctx.subject().virtualService) return;
  const VirtualServiceSpec& vs = *ctx.subject().virtualService;
  for (std::size_t i = 0; i < vs.http.size(); ++i) {
    if (!vs.http[i].retries) continue;
    const HTTPRetry& retries = *vs.http[i].retries;
    std::string base = child(ruleBase(i), "retries");
    Int attempts = retries.attempts.value_or(0);
    if (attempts < 0)
      ctx.error("MS1041", child(base, "attempts"),
                "Retry attempts cannot be negative. Use 0 to disable retries, or a positive number.");
    std::vector<std::string> configured;
    if (retries.perTryTimeout) configured.push_back("perTryTimeout");
    if (nonEmpty(retries.retryOn)) configured.push_back("retryOn");
    if (retries.retryRemoteLocalities) configured.push_back("retryRemoteLocalities");
    if (attempts == 0 && !configured.empty()) {
      std::string fields;
      for (const std::string& f : configured) fields += (fields.empty() ? "" : ", ") + f;
      bool explicitZero = retries.attempts.has_value();
      Diagnostic& d =
          ctx.error("MS1040", explicitZero ? child(base, "attempts") : base,
                    (explicitZero ? std::string("attempts is 0, which disables retries")
                                  : std::string("attempts is not set, so it is 0 and retries are disabled")) +
                        ", yet " + fields +
                        " is configured. Set attempts to the number of retries you want, or remove " + fields + ".");
      QuickFix setAttempts =
          vsFix(ctx, "Set attempts to 2", [&](VirtualServiceSpec& f) { f.http[i].retries->attempts = 2; });
      QuickFix removePolicy = vsFix(ctx, "Remove " + fields + " (keep retries disabled)", [&](VirtualServiceSpec& f) {
        HTTPRetry& r = *f.http[i].retries;
        r.perTryTimeout.reset();
        r.retryOn.reset();
        r.retryRemoteLocalities.reset();
        r.attempts = 0;
      });
      // An explicit 0 says "no retries": keep that; a missing attempts field is an oversight.
      d.fixes.push_back(explicitZero ? removePolicy : setAttempts);
      d.fixes.push_back(explicitZero ? setAttempts : removePolicy);
    }
    if (nonEmpty(retries.retryOn)) {
      std::vector<std::string> invalid, normalised;
      std::string_view rest = *retries.retryOn;
      while (true) {
        std::size_t comma = rest.find(',');
        std::string token(rest.substr(0, comma));
        if (isValidRetryOn(token)) {
          normalised.push_back(token);
        } else {
          invalid.push_back(token);
          std::string cleaned = lowercase(trimmed(token));
          if (!cleaned.empty() && isValidRetryOn(cleaned)) normalised.push_back(cleaned);
        }
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
      }
      if (!invalid.empty()) {
        std::string list;
        for (const std::string& t : invalid) list += (list.empty() ? "" : ", ") + quoted(t);
        Diagnostic& d = ctx.error(
            "MS1042", child(base, "retryOn"),
            "Unknown retryOn polic" + std::string(invalid.size() > 1 ? "ies " : "y ") + list +
                ". Use a comma-separated list (no spaces) of Envoy retry policies such as 5xx, gateway-error, reset, "
                "connect-failure, retriable-4xx, refused-stream, retriable-status-codes, or HTTP status codes.");
        std::string joined;
        for (const std::string& t : normalised) joined += (joined.empty() ? "" : ",") + t;
        d.fixes.push_back(
            vsFix(ctx, joined.empty() ? "Remove retryOn" : "Use retryOn " + quoted(joined), [&](VirtualServiceSpec& f) {
              if (joined.empty())
                f.http[i].retries->retryOn.reset();
              else
                f.http[i].retries->retryOn = joined;
            }));
      }
    }
  }
}

// --- vs.regex: validateStringMatchRegexp / validateStringRegexp, istioctl's RegexAnalyzer (IST0122) ----------------

/// Checks one regex; `presenceFix` (for header matches) replaces a bare `*` with the presence match `{}`.
void checkRegex(AnalysisContext& ctx, const std::string& regex, const std::string& path, const std::string& where,
                const std::function<QuickFix()>& presenceFix = nullptr) {
  if (regex.empty()) {
    ctx.error("MS1050", path,
              "Empty regex in " + where + ". Write a regex, or use {} to match any value (presence match).");
    return;
  }
  if (regex.size() > 1024) {
    ctx.error("MS1051", path,
              "The regex in " + where + " is " + std::to_string(regex.size()) +
                  " characters long; Istio allows at most 1024. Shorten it.");
    return;
  }
  RE2::Options options;
  options.set_log_errors(false);
  RE2 compiled(regex, options);
  if (compiled.ok()) return;
  std::string message = "Field " + quoted(where) + " regular expression invalid: " + quoted(regex) + " (" +
                        compiled.error() +
                        "). Istio and Envoy use RE2 syntax (https://github.com/google/re2/wiki/Syntax).";
  if (regex == "*" && presenceFix) message += " To match any value, write {} instead of regex: \"*\".";
  Diagnostic& d = ctx.error("IST0122", path, message);
  if (regex == "*" && presenceFix) d.fixes.push_back(presenceFix());
}

void runRegex(AnalysisContext& ctx) {
  if (!ctx.subject().virtualService) return;
  const VirtualServiceSpec& vs = *ctx.subject().virtualService;
  for (std::size_t i = 0; i < vs.http.size(); ++i) {
    const HTTPRoute& rule = vs.http[i];
    for (std::size_t j = 0; j < rule.match.size(); ++j) {
      const HTTPMatchRequest& match = rule.match[j];
      std::string base = matchBase(i, j);
      auto single = [&](const Opt<StringMatch>& sm, const char* field) {
        if (sm && sm->regex) checkRegex(ctx, *sm->regex, child(child(base, field), "regex"), field);
      };
      single(match.uri, "uri");
      single(match.scheme, "scheme");
      single(match.method, "method");
      single(match.authority, "authority");
      auto map = [&](const OrderedMap<StringMatch>& entries, const char* field,
                     OrderedMap<StringMatch> HTTPMatchRequest::*member, bool starIsPresence) {
        for (const auto& [name, sm] : entries) {
          if (!sm.regex) continue;
          // withoutHeaders: `*` is not a regex but Istio's spelling of "header present" (translated to present_match).
          if (starIsPresence && *sm.regex == "*") continue;
          std::string key = name;
          checkRegex(ctx, *sm.regex, child(mapKey(child(base, field), name), "regex"), field, [&, key] {
            return vsFix(ctx, "Match on presence ({})",
                         [&](VirtualServiceSpec& f) { (f.http[i].match[j].*member).set(key, StringMatch{}); });
          });
        }
      };
      map(match.headers, "headers", &HTTPMatchRequest::headers, false);
      map(match.queryParams, "queryParams", &HTTPMatchRequest::queryParams, false);
      map(match.withoutHeaders, "withoutHeaders", &HTTPMatchRequest::withoutHeaders, true);
    }
    if (rule.rewrite && rule.rewrite->uriRegexRewrite && nonEmpty(rule.rewrite->uriRegexRewrite->match))
      checkRegex(ctx, *rule.rewrite->uriRegexRewrite->match, child(ruleBase(i), "rewrite.uriRegexRewrite.match"),
                 "rewrite.uriRegexRewrite.match");
    if (rule.corsPolicy)
      for (std::size_t k = 0; k < rule.corsPolicy->allowOrigins.size(); ++k)
        if (nonEmpty(rule.corsPolicy->allowOrigins[k].regex))  // an empty origin is vs.cors's finding
          checkRegex(ctx, *rule.corsPolicy->allowOrigins[k].regex,
                     child(indexed(child(ruleBase(i), "corsPolicy.allowOrigins"), k), "regex"),
                     "corsPolicy.allowOrigins");
  }
}

// --- vs.match-values: validateHTTPRouteMatchRequest, JWT claim routing ----------------------------------------------

bool isJwtClaimKey(std::string_view name) {
  constexpr std::string_view kPrefix = "@request.auth.claims";
  return name.starts_with(kPrefix) && name.size() > kPrefix.size() &&
         (name[kPrefix.size()] == '.' || name[kPrefix.size()] == '[');
}

bool isPseudoHeader(std::string_view name) {
  return name == ":method" || name == ":scheme" || name == ":authority" || name == ":path" || name == ":status";
}

void runMatchValues(AnalysisContext& ctx) {
  if (!ctx.subject().virtualService) return;
  const VirtualServiceSpec& vs = *ctx.subject().virtualService;
  bool gatewaysOnly =
      !vs.gateways.empty() && std::find(vs.gateways.begin(), vs.gateways.end(), "mesh") == vs.gateways.end();
  for (std::size_t i = 0; i < vs.http.size(); ++i)
    for (std::size_t j = 0; j < vs.http[i].match.size(); ++j) {
      const HTTPMatchRequest& match = vs.http[i].match[j];
      std::string base = matchBase(i, j);
      // Envoy accepts an empty prefix for the path only; for other string matchers it is invalid.
      auto single = [&](const Opt<StringMatch>& sm, const char* field, Opt<StringMatch> HTTPMatchRequest::*member) {
        if (!sm || !sm->prefix || !sm->prefix->empty()) return;
        Diagnostic& d = ctx.error("MS1055", child(child(base, field), "prefix"),
                                  std::string("An empty prefix is not allowed for ") + field +
                                      " (only a URI prefix may be empty). Remove the " + field +
                                      " match to accept "
                                      "any value, or write the prefix.");
        d.fixes.push_back(vsFix(ctx, std::string("Remove the ") + field + " match",
                                [&](VirtualServiceSpec& f) { (f.http[i].match[j].*member).reset(); }));
      };
      single(match.scheme, "scheme", &HTTPMatchRequest::scheme);
      single(match.method, "method", &HTTPMatchRequest::method);
      single(match.authority, "authority", &HTTPMatchRequest::authority);
      auto map = [&](const OrderedMap<StringMatch>& entries, const char* field,
                     OrderedMap<StringMatch> HTTPMatchRequest::*member, bool headerNames) {
        for (const auto& [name, sm] : entries) {
          std::string path = mapKey(child(base, field), name);
          if (headerNames) {
            if (isJwtClaimKey(name)) {
              if (!gatewaysOnly)
                ctx.error("MS1057", path,
                          "JWT claim routing (" + quoted(name) +
                              ") only works on gateways, but this VirtualService applies to the mesh. Bind it to "
                              "gateways only, or match on a header instead.");
            } else if (!isPseudoHeader(name) && !isHeaderToken(name)) {
              ctx.error("MS1056", path,
                        name.empty() ? std::string("A header name cannot be empty. Name the header.")
                                     : "Invalid header name " + quoted(name) +
                                           ": use a token of letters, digits and !#$%&'*+-.^_`|~ (lower case "
                                           "by convention), a pseudo-header such as :authority, or a JWT claim.");
            }
          }
          if (field == std::string_view("withoutHeaders") && sm.regex && *sm.regex == "*") continue;
          if (sm.prefix && sm.prefix->empty()) {
            std::string key = name;
            Diagnostic& d = ctx.error("MS1055", child(path, "prefix"),
                                      std::string("An empty prefix is not allowed in ") + field +
                                          " (only a URI prefix may be empty). To match any value, use {} (presence).");
            d.fixes.push_back(vsFix(ctx, "Match on presence ({})", [&, key](VirtualServiceSpec& f) {
              (f.http[i].match[j].*member).set(key, StringMatch{});
            }));
          }
        }
      };
      map(match.headers, "headers", &HTTPMatchRequest::headers, true);
      map(match.withoutHeaders, "withoutHeaders", &HTTPMatchRequest::withoutHeaders, true);
      map(match.queryParams, "queryParams", &HTTPMatchRequest::queryParams, false);
      if (match.port && *match.port != 0 && (*match.port < 1 || *match.port > 65535))
        ctx.error("MS1058", child(base, "port"),
                  "Match port " + std::to_string(*match.port) + " is outside 1-65535. Fix the port.");
      for (const auto& [key, value] : match.sourceLabels)
        if (auto error = labelError(key, value))
          ctx.error("MS1058", mapKey(child(base, "sourceLabels"), key),
                    "Invalid sourceLabels entry: " + *error + ". Use the labels the client pods carry.");
      if (nonEmpty(match.sourceNamespace) && !isDns1123Label(*match.sourceNamespace))
        ctx.error("MS1058", child(base, "sourceNamespace"),
                  "sourceNamespace " + quoted(*match.sourceNamespace) +
                      " is not a valid namespace name (a DNS-1123 label). Fix the namespace.");
    }
}

// --- vs.destinations: validateHTTPRouteDestinations, validateRouteDestinations, validateDestination ----------------

/// `pathOf()` gives the destination's field path; it is only built when there is a finding (this runs on
/// every destination of the project).
template <class PathOf>
void checkDestination(AnalysisContext& ctx, const Destination& destination, PathOf&& pathOf) {
  bool hostBad = destination.host && (*destination.host == "*" || wildcardDomainError(*destination.host));
  bool subsetBad = nonEmpty(destination.subset) && !isDns1123Label(*destination.subset);
  bool portBad = destination.port && (destination.port->number.value_or(0) < 1 || *destination.port->number > 65535);
  if (!hostBad && !subsetBad && !portBad) return;
  const std::string path = pathOf();
  if (destination.host) {
    const std::string& host = *destination.host;
    if (host == "*")
      ctx.error("MS1082", child(path, "host"),
                "A destination host cannot be \"*\": traffic must go to a concrete service. Name the service.");
    else if (auto error = wildcardDomainError(host))
      ctx.error("MS1082", child(path, "host"),
                "Invalid destination host " + quoted(host) + ": " + *error + ". Fix the host.");
  }
  if (nonEmpty(destination.subset) && !isDns1123Label(*destination.subset))
    ctx.error("MS1083", child(path, "subset"),
              "Invalid subset name " + quoted(*destination.subset) +
                  ": subset names are DNS-1123 labels (letters, digits and '-'). Fix the subset name.");
  if (destination.port) {
    Int number = destination.port->number.value_or(0);
    if (number < 1 || number > 65535)
      ctx.error(
          "MS1084", destination.port->number ? child(path, "port.number") : child(path, "port"),
          "Destination port " + std::to_string(number) + " is outside 1-65535. Set port.number, or remove the port.");
  }
}

/// Weights of one route list: negative weights, and a zero total across several destinations.
void checkWeights(AnalysisContext& ctx, const std::vector<Opt<Int>>& weights, const std::string& listPath,
                  const std::function<QuickFix(const std::vector<Int>&)>& fix) {
  Int total = 0;
  for (std::size_t k = 0; k < weights.size(); ++k) {
    Int weight = weights[k].value_or(0);
    if (weight < 0)
      ctx.error("MS1080", child(indexed(listPath, k), "weight"),
                "Weight " + std::to_string(weight) + " is negative. Weights must be 0 or more.");
    total += weight;
  }
  if (weights.size() > 1 && total == 0) {
    Diagnostic& d =
        ctx.error("MS1081", listPath,
                  "The weights of these " + std::to_string(weights.size()) +
                      " destinations add up to 0, so no traffic can be sent. Give at least one destination a "
                      "positive weight.");
    d.fixes.push_back(fix(evenWeights(weights.size())));
  }
}

void runDestinations(AnalysisContext& ctx) {
  if (!ctx.subject().virtualService) return;
  const VirtualServiceSpec& vs = *ctx.subject().virtualService;
  for (std::size_t i = 0; i < vs.http.size(); ++i) {
    const HTTPRoute& rule = vs.http[i];
    std::string routes = child(ruleBase(i), "route");
    std::vector<Opt<Int>> weights;
    for (std::size_t k = 0; k < rule.route.size(); ++k) {
      weights.push_back(rule.route[k].weight);
      if (rule.route[k].destination)
        checkDestination(ctx, *rule.route[k].destination, [&] { return child(indexed(routes, k), "destination"); });
    }
    checkWeights(ctx, weights, routes, [&](const std::vector<Int>& even) {
      return vsFix(ctx, "Split traffic evenly", [&](VirtualServiceSpec& f) {
        for (std::size_t k = 0; k < even.size(); ++k) f.http[i].route[k].weight = even[k];
      });
    });
    if (rule.mirror) checkDestination(ctx, *rule.mirror, [&] { return child(ruleBase(i), "mirror"); });
    for (std::size_t k = 0; k < rule.mirrors.size(); ++k)
      if (rule.mirrors[k].destination)
        checkDestination(ctx, *rule.mirrors[k].destination,
                         [&] { return child(indexed(child(ruleBase(i), "mirrors"), k), "destination"); });
  }
  for (const char* kind : {"tcp", "tls"}) {
    bool tcp = std::string_view(kind) == "tcp";
    const List<Value>& rules = tcp ? vs.tcp : vs.tls;
    for (std::size_t r = 0; r < rules.size(); ++r) {
      std::string base = indexed(std::string("spec.") + kind, r);
      const Value* route = rules[r].find("route");
      if (!route || !route->isSeq() || route->items().empty()) {
        ctx.error("MS1085", base,
                  std::string(tcp ? "TCP" : "TLS") + " rule without a route: add route with at least one destination.");
        continue;
      }
      // Entries that are not maps are the schema check's finding; weights make no sense without them.
      if (!std::all_of(route->items().begin(), route->items().end(), [](const Value& v) { return v.isMap(); }))
        continue;
      std::vector<Opt<Int>> weights;
      std::string routes = child(base, "route");
      for (std::size_t k = 0; k < route->items().size(); ++k) {
        auto entry = decodeAs<HTTPRouteDestination>(route->items()[k]);
        weights.push_back(entry ? entry->weight : std::nullopt);
        if (entry && entry->destination)
          checkDestination(ctx, *entry->destination, [&] { return child(indexed(routes, k), "destination"); });
      }
      checkWeights(ctx, weights, routes, [&](const std::vector<Int>& even) {
        return vsFix(ctx, "Split traffic evenly", [&](VirtualServiceSpec& f) {
          Value* list = (tcp ? f.tcp : f.tls)[r].find("route");
          for (std::size_t k = 0; k < even.size(); ++k) list->items()[k].set("weight", Value::integer(even[k]));
        });
      });
    }
  }
}

}  // namespace

void addAdmissionHttpRouteAnalyzers(std::vector<Analyzer>& out) {
  const std::vector<ResourceKind> vs{ResourceKind::VirtualService};
  out.push_back(Analyzer{"vs.retries", vs, runRetries});
  out.push_back(Analyzer{"vs.regex", vs, runRegex});
  out.push_back(Analyzer{"vs.match-values", vs, runMatchValues});
  out.push_back(Analyzer{"vs.destinations", vs, runDestinations});
}

}  // namespace meshstudio::model::analysis