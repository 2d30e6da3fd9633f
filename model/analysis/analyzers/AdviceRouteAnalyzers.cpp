// Operational advice on VirtualService HTTP routes: retries against the route timeout and
// against non-idempotent methods, fault injection and mirroring without percentages, and
// route weights. Defaults follow docs/istio-semantics.md sections 2-5.

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "model/CelRules.h"
#include "model/analysis/analyzers/AdviceAnalyzers.h"

namespace meshstudio::model::analysis::advice {
namespace {

std::string rulePath(std::size_t i) { return indexed("spec.http", i); }

/// retryOn as Istio splits it: comma-separated, blanks ignored.
std::vector<std::string> retryTokens(const std::string& retryOn) {
  std::vector<std::string> out;
  std::string_view rest = retryOn;
  while (true) {
    auto comma = rest.find(',');
    std::string token = trimBlanks(rest.substr(0, comma));
    if (!token.empty()) out.push_back(token);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return out;
}

std::string joinTokens(const std::vector<std::string>& tokens, std::string_view separator = ",") {
  std::string out;
  for (std::size_t i = 0; i < tokens.size(); ++i) out += (i == 0 ? "" : std::string(separator)) + tokens[i];
  return out;
}

/// True when Envoy gets a retry policy from this rule's `retries`: Istio drops the policy for
/// attempts 0 — and an omitted `attempts` is 0 (retry.go ConvertPolicy). Redirects and direct
/// responses never reach an upstream, so nothing is retried there either.
bool retriesActive(const HTTPRoute& route) {
  return route.retries && route.retries->attempts && *route.retries->attempts > 0 && !route.redirect &&
         !route.directResponse;
}

bool isStatusCode(const std::string& token) {
  return token.size() == 3 && std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
         token[0] >= '1' && token[0] <= '5';
}

std::string destinationLabel(const HTTPRouteDestination& destination) {
  if (!destination.destination || !destination.destination->host) return "(no host)";
  std::string label = *destination.destination->host;
  if (destination.destination->subset) label += "/" + *destination.destination->subset;
  return label;
}

// ---------------------------------------------------------------------------------------------
// MS5001: perTryTimeout × (attempts + 1) does not fit in the route timeout.

void reportRetriesExceedTimeout(AnalysisContext& ctx) {
  const auto& spec = ctx.subject().virtualService;
  if (!spec) return;
  for (std::size_t i = 0; i < spec->http.size(); ++i) {
    const HTTPRoute& route = spec->http[i];
    // Without retries Istio's default policy applies, which has no per-try timeout: each try may
    // use what is left of the route timeout, so there is nothing to cut short.
    if (!route.timeout || !retriesActive(route) || !route.retries->perTryTimeout) continue;
    auto timeout = parseGoDuration(*route.timeout);
    auto perTry = parseGoDuration(*route.retries->perTryTimeout);
    if (!timeout || !perTry || *timeout <= 0 || *perTry <= 0) continue;  // timeout 0s = no route timeout
    Int attempts = *route.retries->attempts;
    double tries = static_cast<double>(attempts + 1);
    std::string path = child(child(rulePath(i), "retries"), "perTryTimeout");
    std::string fit = formatDuration(*timeout / tries);

    if (*perTry >= *timeout) {
      ctx.warning("MS5001", path,
                  "perTryTimeout " + *route.retries->perTryTimeout + " is not shorter than the route timeout " +
                      *route.timeout +
                      ", so Envoy ignores it: the first try may run until the route timeout ends the request with "
                      "504 (UT), and a slow upstream is never retried. Set perTryTimeout to at most " +
                      fit + " (timeout / (attempts + 1)), or raise timeout.");
    } else if (*perTry * tries > *timeout) {
      auto complete = static_cast<Int>(std::floor(*timeout / *perTry));
      ctx.warning("MS5001", path,
                  "retries allow " + std::to_string(attempts + 1) + " tries of up to " + *route.retries->perTryTimeout +
                      " each (" + formatDuration(*perTry * tries) + " plus back-off), but the route timeout " +
                      *route.timeout + " covers all of them: Envoy answers 504 (UT) after at most " +
                      std::to_string(complete) + (complete == 1 ? " full try" : " full tries") +
                      ", leaving the other retries unused. Raise "
                      "timeout to at least " +
                      formatDuration(*perTry * tries) + ", or lower perTryTimeout to " + fit + " or fewer attempts.");
    }
  }
}

// ---------------------------------------------------------------------------------------------
// MS5002: retries that can resend a request the upstream already processed, on a route that
// takes non-idempotent methods.

constexpr std::array<std::string_view, 4> kUnsafeMethods = {"POST", "PUT", "PATCH", "DELETE"};

/// The unsafe methods a method matcher accepts; nullopt when the matcher is not understood.
std::optional<std::vector<std::string>> unsafeMethodsMatched(const StringMatch& method) {
  std::vector<std::string> out;
  if (!method.extras.empty()) return std::nullopt;
  bool any = (!method.exact && !method.prefix && !method.regex) || (method.regex && *method.regex == "*");
  std::optional<RE2> regex;
  if (method.regex && !any) {
    RE2::Options options;
    options.set_log_errors(false);
    regex.emplace(*method.regex, options);
    if (!regex->ok()) return std::nullopt;
  }
  for (std::string_view m : kUnsafeMethods) {
    bool hit = any || (method.exact && *method.exact == m) || (method.prefix && m.starts_with(*method.prefix)) ||
               (regex && RE2::FullMatch(m, *regex));
    if (hit) out.emplace_back(m);
  }
  return out;
}

void reportRetriesOnUnsafeMethods(AnalysisContext& ctx) {
  const auto& spec = ctx.subject().virtualService;
  if (!spec) return;
  for (std::size_t i = 0; i < spec->http.size(); ++i) {
    const HTTPRoute& route = spec->http[i];
    if (!retriesActive(route) || !route.retries->retryOn) continue;
    std::vector<std::string> risky;
    for (const std::string& token : retryTokens(*route.retries->retryOn))
      if (token == "5xx" || token == "gateway-error" || token == "reset" || isStatusCode(token)) risky.push_back(token);
    if (risky.empty()) continue;

    bool anyMethod = route.match.empty();
    std::vector<std::string> methods;
    for (const HTTPMatchRequest& match : route.match) {
      if (!match.method) {
        anyMethod = true;
        break;
      }
      auto matched = unsafeMethodsMatched(*match.method);
      if (!matched) continue;
      for (const std::string& m : *matched)
        if (std::find(methods.begin(), methods.end(), m) == methods.end()) methods.push_back(m);
    }
    if (anyMethod) methods.assign(kUnsafeMethods.begin(), kUnsafeMethods.end());
    if (methods.empty()) continue;

    std::string which = anyMethod ? "POST, PUT, PATCH and DELETE requests too (it has no method match)"
                                  : joinTokens(methods, ", ") + " requests";
    ctx.warning("MS5002", child(child(rulePath(i), "retries"), "retryOn"),
                "retryOn \"" + joinTokens(risky) +
                    "\" makes Envoy send a request again after the upstream may already have processed it (it "
                    "answered with an error status or the connection reset mid-request), and this route takes " +
                    which +
                    ": a non-idempotent request can be executed twice. Retry such requests only on "
                    "connect-failure,refused-stream,reset-before-request, or give them their own route.");
  }
}

// ---------------------------------------------------------------------------------------------
// MS5003: retriable-4xx retries 409 Conflict.

void reportRetriable4xx(AnalysisContext& ctx) {
  const auto& spec = ctx.subject().virtualService;
  if (!spec) return;
  for (std::size_t i = 0; i < spec->http.size(); ++i) {
    const HTTPRoute& route = spec->http[i];
    if (!retriesActive(route) || !route.retries->retryOn) continue;
    std::vector<std::string> tokens = retryTokens(*route.retries->retryOn);
    if (std::find(tokens.begin(), tokens.end(), "retriable-4xx") == tokens.end()) continue;
    Diagnostic& d = ctx.warning(
        "MS5003", child(child(rulePath(i), "retries"), "retryOn"),
        "retryOn \"retriable-4xx\" makes Envoy retry 409 Conflict responses. A 409 says the request conflicts with "
        "the resource's current state: sending it again rarely succeeds and can repeat a write. Remove "
        "retriable-4xx unless this upstream uses 409 for transient, safe-to-retry conditions.");
    VirtualServiceSpec edited = *spec;
    std::erase(tokens, "retriable-4xx");
    auto& retries = *edited.http[i].retries;
    if (tokens.empty())
      retries.retryOn.reset();  // Istio's default retryOn then applies
    else
      retries.retryOn = joinTokens(tokens);
    d.fixes.push_back(QuickFix{"Remove retriable-4xx from retryOn", {replaceSpec(ctx.subject(), edited)}});
  }
}

// ---------------------------------------------------------------------------------------------
// MS5004: a fault without a percentage injects nothing.

void reportFaultWithoutPercentage(AnalysisContext& ctx) {
  const auto& spec = ctx.subject().virtualService;
  if (!spec) return;
  for (std::size_t i = 0; i < spec->http.size(); ++i) {
    const HTTPRoute& route = spec->http[i];
    if (!route.fault) continue;
    const HTTPFaultInjection& fault = *route.fault;
    std::string faultPath = child(rulePath(i), "fault");

    auto missing = [](const std::optional<Percent>& percentage) { return !percentValue(percentage); };
    auto message = [](const std::string& kind, bool present, const std::string& what) {
      return "Fault " + kind + (present ? " has a percentage without a value" : " has no percentage") +
             ", and Istio reads that as 0%: Envoy " + what +
             " no request. Set percentage.value to the share of requests to affect (100 for all).";
    };

    // The deprecated integer `percent` still counts for delay (Istio falls back to it).
    if (fault.delay && missing(fault.delay->percentage) && !fault.delay->percent &&
        !std::any_of(fault.delay->extras.begin(), fault.delay->extras.end(),
                     [](const Value::Entry& e) { return e.key == "percent"; })) {
      Diagnostic& d = ctx.warning("MS5004", child(faultPath, "delay"),
                                  message("delay", fault.delay->percentage.has_value(), "delays"));
      VirtualServiceSpec edited = *spec;
      edited.http[i].fault->delay->percentage = Percent{100.0, {}};
      d.fixes.push_back(QuickFix{"Inject the delay into 100% of requests", {replaceSpec(ctx.subject(), edited)}});
    }
    if (fault.abort && missing(fault.abort->percentage)) {
      Diagnostic& d = ctx.warning("MS5004", child(faultPath, "abort"),
                                  message("abort", fault.abort->percentage.has_value(), "aborts"));
      VirtualServiceSpec edited = *spec;
      edited.http[i].fault->abort->percentage = Percent{100.0, {}};
      d.fixes.push_back(QuickFix{"Inject the abort into 100% of requests", {replaceSpec(ctx.subject(), edited)}});
    }
  }
}

// ---------------------------------------------------------------------------------------------
// MS5005: a mirror without a percentage mirrors everything.

std::string mirrorMessage(const std::optional<Destination>& destination, const std::string& field) {
  std::string host = destination && destination->host ? "\"" + *destination->host + "\"" : "the mirror host";
  return "Mirror has no " + field + ", so Envoy copies 100% of this route's requests to " + host +
         " (fire-and-forget: the copies' responses are discarded, but the mirror takes the full load and any side "
         "effects of a request happen there too). Set " +
         field + " to the share you mean, e.g. {value: 10}, or to 100 if full mirroring is intended.";
}

void reportMirrorWithoutPercentage(AnalysisContext& ctx) {
  const auto& spec = ctx.subject().virtualService;
  if (!spec) return;
  for (std::size_t i = 0; i < spec->http.size(); ++i) {
    const HTTPRoute& route = spec->http[i];
    bool deprecatedPercent = std::any_of(route.extras.begin(), route.extras.end(), [](const Value::Entry& e) {
      return e.key == "mirrorPercent" || e.key == "mirror_percent";
    });
    if (route.mirror && !route.mirrorPercentage && !deprecatedPercent) {
      Diagnostic& d =
          ctx.warning("MS5005", child(rulePath(i), "mirror"), mirrorMessage(route.mirror, "mirrorPercentage"));
      VirtualServiceSpec edited = *spec;
      edited.http[i].mirrorPercentage = Percent{100.0, {}};
      d.fixes.push_back(QuickFix{"Set mirrorPercentage: 100 explicitly", {replaceSpec(ctx.subject(), edited)}});
    }
    for (std::size_t j = 0; j < route.mirrors.size(); ++j) {
      if (route.mirrors[j].percentage) continue;
      Diagnostic& d = ctx.warning("MS5005", indexed(child(rulePath(i), "mirrors"), j),
                                  mirrorMessage(route.mirrors[j].destination, "percentage"));
      VirtualServiceSpec edited = *spec;
      edited.http[i].mirrors[j].percentage = Percent{100.0, {}};
      d.fixes.push_back(QuickFix{"Set percentage: 100 explicitly", {replaceSpec(ctx.subject(), edited)}});
    }
  }
}

// ---------------------------------------------------------------------------------------------
// MS5006: weights that do not sum to 100; MS5007: a weight on a single destination.

/// Largest-remainder rounding of `weights` to integers summing to exactly 100, where no non-zero
/// weight becomes 0. nullopt when impossible (more than 100 non-zero weights).
std::optional<std::vector<Int>> normaliseTo100(const std::vector<Int>& weights) {
  Int sum = std::accumulate(weights.begin(), weights.end(), Int{0});
  auto nonZero = std::count_if(weights.begin(), weights.end(), [](Int w) { return w > 0; });
  if (sum <= 0 || nonZero > 100) return std::nullopt;
  std::vector<Int> out(weights.size(), 0);
  std::vector<Int> remainder(weights.size(), 0);
  std::vector<bool> raised(weights.size(), false);
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (weights[i] <= 0) continue;
    out[i] = weights[i] * 100 / sum;
    remainder[i] = weights[i] * 100 % sum;
    if (out[i] == 0) {  // never drop a destination that had traffic
      out[i] = 1;
      raised[i] = true;
    }
  }
  Int total = std::accumulate(out.begin(), out.end(), Int{0});
  std::vector<std::size_t> order(weights.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  // Hand the shortfall to the largest remainders; earlier destinations win ties.
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
  for (std::size_t k = 0; total < 100 && k < order.size(); ++k) {
    std::size_t i = order[k];
    if (weights[i] > 0 && !raised[i] && remainder[i] > 0) {
      ++out[i];
      ++total;
    }
  }
  // Raising tiny weights to 1 can overshoot: take it back from the entries that can spare it,
  // smallest remainders first.
  for (bool progress = true; total > 100 && progress;) {
    progress = false;
    for (auto k = order.rbegin(); total > 100 && k != order.rend(); ++k)
      if (out[*k] > 1 && !raised[*k]) {
        --out[*k];
        --total;
        progress = true;
      }
  }
  if (total != 100) return std::nullopt;
  return out;
}

void reportWeightsNot100(AnalysisContext& ctx) {
  const auto& spec = ctx.subject().virtualService;
  if (!spec) return;
  for (std::size_t i = 0; i < spec->http.size(); ++i) {
    const HTTPRoute& route = spec->http[i];
    if (route.route.size() < 2) continue;
    std::vector<Int> weights;
    bool readable = true;
    for (const HTTPRouteDestination& d : route.route) {
      if (std::any_of(d.extras.begin(), d.extras.end(), [](const Value::Entry& e) { return e.key == "weight"; }) ||
          (d.weight && (*d.weight < 0 || *d.weight > 1'000'000'000)))
        readable = false;
      weights.push_back(d.weight.value_or(0));
    }
    Int sum = std::accumulate(weights.begin(), weights.end(), Int{0});
    if (!readable || sum <= 0 || sum == 100) continue;  // a zero total is an admission error

    std::string split;
    for (std::size_t k = 0; k < weights.size(); ++k) {
      split += (k == 0 ? "" : ", ") + destinationLabel(route.route[k]) + " " +
               formatNumber(100.0 * static_cast<double>(weights[k]) / static_cast<double>(sum)) + "%";
      if (!route.route[k].weight) split += " (no weight: dropped)";
    }
    Diagnostic& d = ctx.warning(
        "MS5006", child(rulePath(i), "route"),
        "Route weights sum to " + std::to_string(sum) +
            ", not 100. Istio 1.15+ accepts this and Envoy splits traffic by weight / " + std::to_string(sum) + ": " +
            split + " (Istio before 1.15 rejects it). Normalise the weights to 100 so they read as percentages.");
    if (auto normalised = normaliseTo100(weights)) {
      VirtualServiceSpec edited = *spec;
      for (std::size_t k = 0; k < weights.size(); ++k)
        if (weights[k] > 0) edited.http[i].route[k].weight = (*normalised)[k];
      d.fixes.push_back(QuickFix{"Normalise weights to 100", {replaceSpec(ctx.subject(), edited)}});
    }
  }
}

void reportSingleDestinationWeight(AnalysisContext& ctx) {
  const auto& spec = ctx.subject().virtualService;
  if (!spec) return;
  for (std::size_t i = 0; i < spec->http.size(); ++i) {
    const HTTPRoute& route = spec->http[i];
    if (route.route.size() != 1 || !route.route[0].weight || *route.route[0].weight == 100) continue;
    Diagnostic& d =
        ctx.warning("MS5007", child(indexed(child(rulePath(i), "route"), 0), "weight"),
                    "A single destination always receives 100% of the route's traffic; its weight " +
                        std::to_string(*route.route[0].weight) +
                        " is ignored. Remove the weight, or add the destinations the traffic should be split with.");
    VirtualServiceSpec edited = *spec;
    edited.http[i].route[0].weight.reset();
    d.fixes.push_back(QuickFix{"Remove the weight", {replaceSpec(ctx.subject(), edited)}});
  }
}

}  // namespace

void addRouteAnalyzers(std::vector<Analyzer>& out) {
  const std::vector<ResourceKind> vs = {ResourceKind::VirtualService};
  out.push_back(Analyzer{"vs.retries-exceed-timeout", vs, &reportRetriesExceedTimeout});
  out.push_back(Analyzer{"vs.retries-non-idempotent", vs, &reportRetriesOnUnsafeMethods});
  out.push_back(Analyzer{"vs.retry-on-409", vs, &reportRetriable4xx});
  out.push_back(Analyzer{"vs.fault-without-percentage", vs, &reportFaultWithoutPercentage});
  out.push_back(Analyzer{"vs.mirror-without-percentage", vs, &reportMirrorWithoutPercentage});
  out.push_back(Analyzer{"vs.weights-not-100", vs, &reportWeightsNot100});
  out.push_back(Analyzer{"vs.single-destination-weight", vs, &reportSingleDestinationWeight});
}

}  // namespace meshstudio::model::analysis::advice
