#include "engine/Router.h"

#include <re2/re2.h>

#include <charconv>
#include <cstdio>

#include "engine/Authority.h"
#include "engine/RouteCompiler.h"
#include "engine/WireFormat.h"
#include "model/Text.h"

namespace meshstudio::engine {
namespace {

using Kind = TraceStep::Kind;

/// What matching looks at, read once from the request.
struct RequestFacts {
  std::string method, scheme, authority, path, pathOnly, query;
  std::int64_t port = 0;
};

RequestFacts factsOf(const Request& request, const RouteTable& table) {
  RequestFacts facts;
  facts.method = std::string(request.method_string());
  facts.scheme = table.scheme;
  facts.authority = std::string(request[http::field::host]);
  facts.path = std::string(request.target());
  auto question = facts.path.find('?');
  facts.pathOnly = facts.path.substr(0, question);
  if (question != std::string::npos) facts.query = facts.path.substr(question + 1);
  facts.port = parsePort(splitAuthority(facts.authority).second).value_or(0);
  return facts;
}

/// Envoy joins repeated header values with `,` before matching.
std::optional<std::string> headerValue(const Request& request, const RequestFacts& facts, const std::string& name) {
  if (name == ":method") return facts.method;
  if (name == ":authority" || name == "host") return facts.authority;
  if (name == ":path") return facts.path;
  if (name == ":scheme") return facts.scheme;
  auto [begin, end] = request.equal_range(name);
  if (begin == end) return std::nullopt;
  std::string joined;
  for (auto it = begin; it != end; ++it) {
    if (it != begin) joined += ',';
    joined += it->value();
  }
  return joined;
}

/// The first occurrence of `name` in the query string (config_utility.cc); `?key` gives "".
std::optional<std::string> queryValue(std::string_view query, std::string_view name) {
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    auto equals = pair.find('=');
    if (pair.substr(0, equals) == name) return std::string(equals == pair.npos ? "" : pair.substr(equals + 1));
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return std::nullopt;
}

/// The numeric code of a gRPC status name (`UNAVAILABLE` -> 14), as Istio translates abort.grpcStatus.
int grpcStatusCode(const std::string& name) {
  static constexpr std::string_view kNames[] = {
      "OK",        "CANCELLED",      "UNKNOWN",           "INVALID_ARGUMENT",   "DEADLINE_EXCEEDED",
      "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
      "ABORTED",   "OUT_OF_RANGE",   "UNIMPLEMENTED",     "INTERNAL",           "UNAVAILABLE",
      "DATA_LOSS", "UNAUTHENTICATED"};
  for (int code = 0; code < static_cast<int>(std::size(kNames)); ++code)
    if (kNames[code] == name) return code;
  return 2;  // UNKNOWN
}

std::string quoted(const std::optional<std::string>& value) {
  return value ? "\"" + *value + "\"" : std::string("absent");
}

/// Why a block does not match, or empty when it does. Every populated field must hold.
std::string mismatch(const RouteMatch& match, const Request& request, const RequestFacts& facts) {
  if (match.uri) {
    // exact and regex see the path without its query; prefix sees the whole :path (e-rc.proto).
    const std::string& subject = match.uri->kind() == StringMatcher::Kind::Prefix ? facts.path : facts.pathOnly;
    if (!match.uri->matches(subject)) return "uri: wanted " + match.uri->describe() + ", got \"" + subject + "\"";
  }
  auto pseudo = [&](const std::optional<StringMatcher>& matcher, const char* field, const std::string& value) {
    return matcher && !matcher->matches(value)
               ? std::string(field) + ": wanted " + matcher->describe() + ", got \"" + value + "\""
               : std::string();
  };
  if (auto why = pseudo(match.scheme, "scheme", facts.scheme); !why.empty()) return why;
  if (auto why = pseudo(match.method, "method", facts.method); !why.empty()) return why;
  if (auto why = pseudo(match.authority, "authority", facts.authority); !why.empty()) return why;
  for (const HeaderMatcher& header : match.headers) {
    auto value = headerValue(request, facts, header.name);
    bool holds;
    if (header.matcher.kind() == StringMatcher::Kind::Present)
      holds = value.has_value();
    else  // withoutHeaders treats a missing header as empty (treat_missing_header_as_empty)
      holds = value ? header.matcher.matches(*value) : (header.inverted && header.matcher.matches(""));
    if (header.inverted) holds = !holds;
    if (!holds)
      return std::string(header.inverted ? "withoutHeaders." : "headers.") + header.name + ": " +
             (header.inverted ? "must not be " : "wanted ") + header.matcher.describe() + ", got " + quoted(value);
  }
  for (const QueryParamMatcher& param : match.queryParams) {
    auto value = queryValue(facts.query, param.name);
    bool holds = value && (param.matcher.kind() == StringMatcher::Kind::Present || param.matcher.matches(*value));
    if (!holds) return "queryParams." + param.name + ": wanted " + param.matcher.describe() + ", got " + quoted(value);
  }
  return {};
}

/// `%%` is a literal percent; Envoy's other %VAR% formatters are kept as written.
std::string headerText(const std::string& value) {
  std::string out;
  out.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    out += value[i];
    if (value[i] == '%' && i + 1 < value.size() && value[i + 1] == '%') ++i;
  }
  return out;
}

/// One level of header operations: remove, then set, then add; empty values are skipped (header_parser.cc).
template <class Message>
void applyLevel(Message& message, std::initializer_list<const HeaderOps*> levelParts, RouteTrace* trace,
                const char* side) {
  for (const HeaderOps* ops : levelParts)
    for (const std::string& name : ops->remove) {
      message.erase(name);
      if (trace) trace->add(Kind::Header, true, std::string(side) + " remove " + name);
    }
  auto write = [&](auto HeaderOps::*list, bool replace, const char* verb) {
    for (const HeaderOps* ops : levelParts)
      for (const auto& [name, value] : ops->*list) {
        std::string text = headerText(value);
        if (text.empty()) continue;
        if (replace)
          message.set(name, text);
        else
          message.insert(name, text);
        if (trace) trace->add(Kind::Header, true, std::string(side) + " " + verb + " " + name + ": " + text);
      }
  };
  write(&HeaderOps::set, true, "set");
  write(&HeaderOps::add, false, "add");
}

/// With one destination Istio appends its ops after the route's (one level, destination wins);
/// with weights they sit on the cluster entry, which Envoy applies first (route wins).
template <class Message>
void applyHeaderOps(Message& message, const RouteAction& action, const RouteDestination* destination, bool request,
                    RouteTrace* trace) {
  const HeaderOps& routeOps = request ? action.requestHeaders : action.responseHeaders;
  const char* side = request ? "request" : "response";
  if (!destination) {
    applyLevel(message, {&routeOps}, trace, side);
    return;
  }
  const HeaderOps& destinationOps = request ? destination->requestHeaders : destination->responseHeaders;
  if (action.destinations.size() == 1) {
    applyLevel(message, {&routeOps, &destinationOps}, trace, side);
  } else {
    applyLevel(message, {&destinationOps}, trace, side);
    applyLevel(message, {&routeOps}, trace, side);
  }
}

Response localReply(const Request& request, http::status status, std::string body) {
  Response response{status, request.version()};
  if (!body.empty()) response.set(http::field::content_type, "text/plain");
  response.body() = std::move(body);
  return response;
}

void finishLocal(RoutingDecision& decision, const Request& request, int status, std::string body, std::string flags,
                 std::string details, RouteTrace* trace, const std::string& why) {
  decision.forward = false;
  decision.localReply = localReply(request, static_cast<http::status>(status), std::move(body));
  decision.responseFlags = std::move(flags);
  decision.responseCodeDetails = std::move(details);
  if (trace)
    trace->add(
        Kind::Outcome, status < 400,
        std::to_string(status) + (decision.responseFlags != "-" ? " " + decision.responseFlags : "") + ": " + why);
}

/// The rule's `rewrite.uri` replaces the part the block matched (route.go; config_impl.cc).
std::string rewritePath(const RouteMatch* match, const RequestFacts& facts, const std::string& replacement) {
  std::size_t matched = 1;  // no uri match: Istio emits prefix "/"
  if (match && match->uri) {
    switch (match->uri->kind()) {
      case StringMatcher::Kind::Prefix:
        matched = match->uri->text().size();
        break;
      case StringMatcher::Kind::Exact:
      case StringMatcher::Kind::Regex:
        matched = facts.pathOnly.size();
        break;
      case StringMatcher::Kind::Present:
        break;
    }
  }
  return replacement + facts.path.substr(std::min(matched, facts.path.size()));
}

std::string redirectLocation(const RoutingDecision& decision, const RedirectAction& redirect,
                             const RequestFacts& facts) {
  const std::string scheme = redirect.scheme.value_or(facts.scheme);
  auto [requestHost, requestPort] = splitAuthority(facts.authority);
  std::string host = redirect.authority.value_or(std::string(requestHost));
  std::string port;
  if (redirect.port)
    port = std::to_string(*redirect.port);
  else if (redirect.derivePort == "FROM_REQUEST_PORT")
    port = std::to_string(decision.servicePort);
  else if (redirect.derivePort.empty() && !redirect.authority)
    port = std::string(requestPort);
  // Default ports are left out: the new scheme's, and, when the scheme changes, the old one's
  // (Envoy drops `:80` going to https).
  auto isDefault = [](std::string_view forScheme, const std::string& value) {
    return (forScheme == "http" && value == "80") || (forScheme == "https" && value == "443");
  };
  if (isDefault(scheme, port) || (!redirect.port && scheme != facts.scheme && isDefault(facts.scheme, port)))
    port.clear();

  std::string path = facts.pathOnly;
  if (redirect.prefixRewrite)
    path = rewritePath(decision.route && decision.route->match ? &*decision.route->match : nullptr, facts,
                       *redirect.prefixRewrite);
  else if (redirect.uri && !redirect.uri->empty())
    path = *redirect.uri;
  if (redirect.prefixRewrite) {
    if (auto q = path.find('?'); q != std::string::npos) path.resize(q);
  }
  // The original query survives unless the new path brings its own.
  if (path.find('?') == std::string::npos && !facts.query.empty()) path += "?" + facts.query;
  return scheme + "://" + host + (port.empty() ? "" : ":" + port) + path;
}

void describePolicies(const RouteAction& action, RouteTrace& trace) {
  trace.add(Kind::Policy, true,
            action.timeout ? "timeout " + std::to_string(action.timeout->count()) + "ms (covers all attempts)"
                           : "timeout: none (Istio disables the route timeout by default)");
  if (!action.retries) {
    trace.add(Kind::Policy, true, "retries: none (attempts: 0)");
  } else {
    const RetryPolicy& retry = *action.retries;
    trace.add(
        Kind::Policy, true,
        std::string(retry.explicitlySet ? "retries: " : "retries (Istio default): ") + std::to_string(retry.attempts) +
            " attempts on " + retry.retryOn +
            (retry.perTryTimeout ? ", perTryTimeout " + std::to_string(retry.perTryTimeout->count()) + "ms" : ""));
  }
  for (const MirrorPolicy& mirror : action.mirrors) {
    char percent[32];
    std::snprintf(percent, sizeof percent, "%g", mirror.percent);
    trace.add(Kind::Policy, true, "mirror " + std::string(percent) + "% to " + mirror.clusterName);
  }
}

}  // namespace

void normalizeProxyRequest(Request& request) {
  std::string_view target = request.target();
  std::string_view rest;
  if (target.starts_with("http://"))
    rest = target.substr(7);
  else if (target.starts_with("https://"))
    rest = target.substr(8);
  else
    return;
  auto slash = rest.find_first_of("/?");
  std::string authority(rest.substr(0, slash));
  std::string path = slash == std::string_view::npos ? "/" : std::string(rest.substr(slash));
  if (path.front() == '?') path.insert(path.begin(), '/');
  request.set(http::field::host, authority);
  request.target(path);
}

void addResponseFlag(RoutingDecision& decision, std::string_view flag) {
  if (decision.responseFlags.empty() || decision.responseFlags == "-")
    decision.responseFlags = flag;
  else
    (decision.responseFlags += ',') += flag;
}

const RouteTable* tableForListener(const Snapshot& snapshot, std::string_view listener) {
  if (listener.empty() || listener == "mesh") return &snapshot.mesh;
  if (listener.starts_with("gateway:")) listener.remove_prefix(8);
  if (auto port = parsePort(listener))
    if (auto* gateway = snapshot.gatewayForPort(*port)) return &gateway->table;
  return nullptr;
}

RoutingDecision routeRequest(const Snapshot& snapshot, const RouteTable& table, Request& request, RandomSource& random,
                             RouteTrace* trace) {
  RoutingDecision decision;
  removeHopByHopFields(request.base());
  request.erase(http::field::expect);  // the body is already read: no 100-continue upstream
  const RequestFacts facts = factsOf(request, table);
  decision.originalPath = facts.path;
  if (trace) trace->add(Kind::Listener, true, table.name + ": " + facts.method + " " + facts.authority + facts.path);

  // 1. Virtual host by authority, port ignored.
  const VirtualHost* host = table.selectVirtualHost(facts.authority);
  decision.virtualHost = host;
  if (!host) {
    finishLocal(decision, request, 404, "", "NR", "route_not_found", trace,
                "no virtual host on " + table.name + " serves \"" + facts.authority + "\"");
    return decision;
  }
  decision.servicePort = table.servicePort;
  if (decision.servicePort == 0) {  // the mesh: the port the client dialled, else the Service's (see servicePort)
    decision.servicePort = facts.port != 0 ? facts.port : host->servicePort;
    if (decision.servicePort == 0) decision.servicePort = 80;
  }
  if (trace) {
    std::string from = host->virtualServices.empty() ? std::string("no VirtualService") : host->virtualServices.front();
    for (std::size_t i = 1; i < host->virtualServices.size(); ++i) from += ", " + host->virtualServices[i];
    trace->add(Kind::VirtualHost, true,
               host->name + " (routes from " + from + "), port " + std::to_string(decision.servicePort));
  }
  if (host->requireTls) {
    // The host keeps a non-default port, as Envoy's require_tls redirect does.
    auto [tlsHost, tlsPort] = splitAuthority(facts.authority);
    const bool keepPort = !tlsPort.empty() && tlsPort != "80" && tlsPort != "443";
    finishLocal(decision, request, 301, "", "-", "direct_response", trace,
                "redirect to https: the Gateway server sets tls.httpsRedirect");
    decision.localReply->set(http::field::location, "https://" + std::string(tlsHost) +
                                                        (keepPort ? ":" + std::string(tlsPort) : "") + facts.path);
    return decision;
  }

  // 2. First matching route.
  for (const Route& route : host->routes) {
    const RouteAction& action = host->actions[route.action];
    if (!route.match) {
      decision.route = &route;
      if (trace)
        trace->add(Kind::Block, true,
                   "rule " + (route.name.empty() ? std::string("(unnamed)") : route.name) +
                       ": no match conditions, matches every request",
                   action.origin.describe());
      break;
    }
    const RouteMatch& match = *route.match;
    if (match.port && *match.port != decision.servicePort) {
      if (trace)
        trace->add(Kind::Block, false,
                   "port " + std::to_string(*match.port) + " is not this listener's port " +
                       std::to_string(decision.servicePort) + " (block not emitted)",
                   match.origin.describe());
      continue;
    }
    std::string why = mismatch(match, request, facts);
    if (trace)
      trace->add(Kind::Block, why.empty(),
                 (route.name.empty() ? "" : route.name + ": ") + (why.empty() ? "matched" : why),
                 match.origin.describe());
    if (why.empty()) {
      decision.route = &route;
      break;
    }
  }
  if (!decision.route) {
    finishLocal(decision, request, 404, "", "NR", "route_not_found", trace, "no route matched");
    return decision;
  }
  const RouteAction& action = host->actions[decision.route->action];
  decision.action = &action;

  // 3. Fault filter: delay first, then abort with an independent draw (fault_filter.cc).
  if (action.fault) {
    const FaultPolicy& fault = *action.fault;
    if (fault.delay && random.unit() * 100 < fault.delayPercent) {
      decision.faultDelay = *fault.delay;
      decision.responseFlags = "DI";
      if (trace) trace->add(Kind::Fault, true, "delay " + std::to_string(fault.delay->count()) + "ms injected");
    }
    if ((fault.abortStatus || fault.abortGrpcStatus) && random.unit() * 100 < fault.abortPercent) {
      const std::string flags = decision.responseFlags == "DI" ? "DI,FI" : "FI";
      const Milliseconds delay = decision.faultDelay;
      finishLocal(decision, request, fault.abortStatus.value_or(200), "fault filter abort", flags, "fault_filter_abort",
                  trace, "aborted by the fault filter (never retried)");
      // A gRPC abort is an HTTP 200 carrying the status (fault_filter.cc).
      if (!fault.abortStatus && fault.abortGrpcStatus)
        decision.localReply->set("grpc-status", std::to_string(grpcStatusCode(*fault.abortGrpcStatus)));
      decision.faultDelay = delay;
      decision.faultAborted = true;
      return decision;
    }
  }

  // 4. CORS (bypassed for redirects and direct responses).
  if (action.cors && action.kind == RouteAction::Kind::Forward) {
    const CorsPolicy& cors = *action.cors;
    auto origin = headerValue(request, facts, "origin");
    bool allowed = false;
    if (origin)
      for (const StringMatcher& matcher : cors.allowOrigins) allowed = allowed || matcher.matches(*origin);
    const bool preflight = facts.method == "OPTIONS" && origin && !origin->empty() &&
                           request.find("access-control-request-method") != request.end();
    if (preflight && (allowed || !cors.forwardUnmatchedPreflights)) {
      finishLocal(
          decision, request, 200, "", "-", "cors_response", trace,
          allowed ? "CORS preflight answered by the proxy" : "CORS preflight from a disallowed origin (IGNORE)");
      if (allowed) {
        Response& reply = *decision.localReply;
        reply.set("access-control-allow-origin", *origin);
        if (cors.allowCredentials) reply.set("access-control-allow-credentials", "true");
        if (!cors.allowMethods.empty()) reply.set("access-control-allow-methods", cors.allowMethods);
        if (!cors.allowHeaders.empty()) reply.set("access-control-allow-headers", cors.allowHeaders);
        if (!cors.exposeHeaders.empty()) reply.set("access-control-expose-headers", cors.exposeHeaders);
        if (!cors.maxAge.empty()) reply.set("access-control-max-age", cors.maxAge);
      }
      return decision;
    }
    if (allowed) decision.corsAllowOrigin = *origin;
    if (trace && origin)
      trace->add(Kind::Cors, allowed, "origin \"" + *origin + "\" " + (allowed ? "allowed" : "not allowed"));
  }

  // 5. The router: direct response, redirect, or a weighted destination.
  if (action.kind == RouteAction::Kind::DirectResponse) {
    finishLocal(decision, request, action.directResponse.status, action.directResponse.body, decision.responseFlags,
                "direct_response", trace, "direct response");
    return decision;
  }
  if (action.kind == RouteAction::Kind::Redirect) {
    const std::string location = redirectLocation(decision, action.redirect, facts);
    finishLocal(decision, request, action.redirect.code, "", decision.responseFlags, "direct_response", trace,
                "redirect to " + location);
    decision.localReply->set(http::field::location, location);
    return decision;
  }
  if (action.destinations.empty()) {
    finishLocal(decision, request, 503, "", "NC", "cluster_not_found", trace, "the rule has no destination");
    return decision;
  }
  const RouteDestination* destination = &action.destinations.front();
  if (action.destinations.size() > 1) {
    // Envoy: random % total picks the cluster whose cumulative interval holds it (weighted_cluster_specifier.cc).
    std::uint64_t total = 0;
    for (const RouteDestination& d : action.destinations) total += static_cast<std::uint64_t>(d.weight);
    const std::uint64_t draw = random.next() % total;
    std::uint64_t upper = 0;
    for (const RouteDestination& d : action.destinations) {
      const std::uint64_t lower = upper;
      upper += static_cast<std::uint64_t>(d.weight);
      if (draw < upper) {
        destination = &d;
        if (trace)
          trace->add(Kind::Destination, true,
                     "weight draw " + std::to_string(draw) + " of " + std::to_string(total) + " falls in [" +
                         std::to_string(lower) + ", " + std::to_string(upper) + ") → " + d.host +
                         (d.subset.empty() ? "" : " subset " + d.subset));
        break;
      }
    }
  }
  decision.destination = destination;

  // Rewrites: the matched part of the path, or every regex match; then the authority.
  std::string path = facts.path;
  if (action.rewrite.uri) {
    path = rewritePath(decision.route->match ? &*decision.route->match : nullptr, facts, *action.rewrite.uri);
  } else if (action.rewrite.uriRegex) {
    std::string rewritten = facts.pathOnly;
    RE2::GlobalReplace(&rewritten, *action.rewrite.uriRegex, action.rewrite.uriRegexSubstitution);
    path = rewritten + (facts.query.empty() ? "" : "?" + facts.query);
  }
  if (path != facts.path) {
    request.target(path);
    setUnknownField(request.base(), "x-envoy-original-path", facts.path);
    if (trace) trace->add(Kind::Rewrite, true, "path " + facts.path + " → " + path);
  }
  std::optional<std::string> authority = action.authorityRewrite;
  if (!authority) authority = action.rewrite.authority;
  if (!authority) authority = destination->authorityRewrite;
  if (authority) {
    request.set(http::field::host, *authority);
    if (trace) trace->add(Kind::Rewrite, true, "authority " + facts.authority + " → " + *authority);
  }
  applyHeaderOps(request, action, destination, true, trace);

  // Cluster and endpoints.
  decision.clusterName = destination->portFromRequest && !destination->serviceFqdn.empty()
                             ? clusterName(decision.servicePort, destination->subset, destination->serviceFqdn)
                             : destination->clusterName;
  decision.cluster = snapshot.cluster(decision.clusterName);
  if (trace) {
    trace->add(Kind::Destination, decision.cluster != nullptr,
               destination->host + (destination->subset.empty() ? "" : " subset " + destination->subset) +
                   " → cluster " + decision.clusterName +
                   (decision.cluster ? " (" + std::to_string(decision.cluster->endpoints.size()) + " endpoints)" : ""));
    describePolicies(action, *trace);
  }
  if (!decision.cluster) {
    std::string why = destination->serviceFqdn.empty() ? "host \"" + destination->host + "\" names no Service"
                      : destination->subset.empty()
                          ? "the Service has no port " + std::to_string(decision.servicePort)
                          : "no DestinationRule defines subset \"" + destination->subset + "\"";
    finishLocal(decision, request, 503, "", "NC", "cluster_not_found", trace, why);
    return decision;
  }
  if (decision.cluster->endpoints.empty()) {
    finishLocal(decision, request, 503, "no healthy upstream", "UH", "no_healthy_upstream", trace,
                "cluster " + decision.clusterName + " has no endpoints");
    return decision;
  }
  decision.forward = true;
  setUnknownField(request.base(), "x-forwarded-proto", facts.scheme);
  if (action.timeout && action.timeout->count() > 0)
    setUnknownField(request.base(), "x-envoy-expected-rq-timeout-ms", std::to_string(action.timeout->count()));
  if (trace) trace->add(Kind::Outcome, true, "forward to " + decision.clusterName);
  return decision;
}

void applyResponsePolicies(const RoutingDecision& decision, Response& response) {
  // A fault abort never reaches the router, so the route's response headers do not apply to it.
  if (decision.action && !decision.faultAborted)
    applyHeaderOps(response, *decision.action, decision.destination, false, nullptr);
  if (!decision.corsAllowOrigin.empty() && decision.action && decision.action->cors) {
    response.set("access-control-allow-origin", decision.corsAllowOrigin);
    if (decision.action->cors->allowCredentials) response.set("access-control-allow-credentials", "true");
    if (!decision.action->cors->exposeHeaders.empty())
      response.set("access-control-expose-headers", decision.action->cors->exposeHeaders);
  }
}

}  // namespace meshstudio::engine
