#include "engine/RouteCompiler.h"

#include <openssl/evp.h>
#include <re2/re2.h>

#include <algorithm>
#include <cmath>

#include "model/CelRules.h"
#include "model/Text.h"

namespace meshstudio::engine {
namespace {

std::string indexed(const std::string& path, std::string_view field, std::size_t index) {
  return path + "." + std::string(field) + "[" + std::to_string(index) + "]";
}

/// Istio accepts `gateways` entries as `ns/name` or a bare name in the VirtualService's namespace.
std::string qualifiedGateway(const std::string& entry, const std::string& vsNamespace) {
  if (entry == "mesh" || entry.find('/') != std::string::npos) return entry;
  return vsNamespace + "/" + entry;
}

bool listsListener(const model::List<std::string>& gateways, const std::string& vsNamespace,
                   const ListenerContext& listener) {
  if (!gateways.isPresent() || gateways.empty()) return !listener.isGateway;  // omitted = [mesh]
  for (const std::string& entry : gateways) {
    const std::string name = qualifiedGateway(entry, vsNamespace);
    if (listener.isGateway ? name == listener.gateway : name == "mesh") return true;
  }
  return false;
}

double percentOf(const std::optional<model::Percent>& percent, double whenAbsent) {
  if (!percent) return whenAbsent;
  return percent->value ? percent->value->value : 0.0;
}

}  // namespace

std::string base64Decode(const std::string& text) {
  std::string out(3 * ((text.size() + 3) / 4), '\0');
  int length = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                               reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
  if (length < 0) return {};
  std::size_t padding = 0;
  for (auto it = text.rbegin(); it != text.rend() && *it == '='; ++it) ++padding;
  out.resize(static_cast<std::size_t>(length) - std::min<std::size_t>(padding, static_cast<std::size_t>(length)));
  return out;
}

namespace {

/// `headers.request` / `headers.response`; `:authority`/`host` under request set|add is a host
/// rewrite, set beating add (route.go translateAppendHeaders).
HeaderOps translateHeaderOps(const std::optional<model::HeaderOperations>& ops, std::optional<std::string>* authority) {
  HeaderOps out;
  if (!ops) return out;
  auto isAuthority = [](const std::string& name) {
    std::string lower = model::lowercase(name);
    return lower == ":authority" || lower == "host";
  };
  std::optional<std::string> setAuthority, addAuthority;
  for (const auto& [name, value] : ops->set) {
    if (authority && isAuthority(name))
      setAuthority = value;
    else
      out.set.emplace_back(model::lowercase(name), value);
  }
  for (const auto& [name, value] : ops->add) {
    if (authority && isAuthority(name))
      addAuthority = value;
    else
      out.add.emplace_back(model::lowercase(name), value);
  }
  for (const std::string& name : ops->remove) out.remove.push_back(model::lowercase(name));
  if (authority) {
    if (setAuthority)
      *authority = setAuthority;
    else if (addAuthority)
      *authority = addAuthority;
  }
  return out;
}

}  // namespace

std::string clusterName(std::int64_t port, std::string_view subset, std::string_view host) {
  std::string name = "outbound|";
  name += std::to_string(port);
  name += '|';
  name += subset;
  name += '|';
  name += host;
  return name;
}

std::optional<Milliseconds> parseMilliseconds(const std::string& text) {
  auto nanoseconds = model::parseGoDuration(text);
  if (!nanoseconds || *nanoseconds < 0) return std::nullopt;
  return Milliseconds(static_cast<std::int64_t>(std::llround(*nanoseconds / 1e6)));
}

bool RouteCompiler::boundTo(const model::VirtualServiceSpec& spec, const std::string& vsNamespace,
                            const ListenerContext& listener) {
  return listsListener(spec.gateways, vsNamespace, listener);
}

bool RouteCompiler::listed(const model::List<std::string>& gateways, const std::string& vsNamespace,
                           const ListenerContext& listener) {
  return listsListener(gateways, vsNamespace, listener);
}

void RouteCompiler::report(const model::Resource& resource, const std::string& path, const std::string& message) {
  model::SourceMark mark = resource.locate(path);
  problems_.push_back(resource.source().file + ":" + std::to_string(mark.line) + ":" + std::to_string(mark.column) +
                      ": " + resource.displayName() + " " + path + ": " + message);
}

bool RouteCompiler::compile(const model::Resource& vs, const model::VirtualServiceSpec& spec,
                            const ListenerContext& listener, VirtualHost& host) {
  const std::string vsNamespace = directory_.namespaceOf(vs);
  const std::string resourceName = vs.kindName() + " " + vsNamespace + "/" + vs.name();
  const std::size_t routesBefore = host.routes.size();
  for (std::size_t r = 0; r < spec.http.size(); ++r) {
    const model::HTTPRoute& rule = spec.http[r];
    const std::string rulePath = indexed("spec", "http", r);
    if (rule.delegate) {
      report(vs, rulePath + ".delegate", "delegation is not run by the local engine yet; the rule is skipped");
      continue;
    }
    std::vector<std::pair<std::string, RouteMatch>> blocks;
    bool catchAll = rule.match.empty();
    for (std::size_t m = 0; m < rule.match.size(); ++m) {
      const model::HTTPMatchRequest& block = rule.match[m];
      // A block's own `gateways` overrides the VirtualService's list (route.go sourceMatchHTTP).
      if (block.gateways.isPresent() ? !listsListener(block.gateways, vsNamespace, listener)
                                     : !listsListener(spec.gateways, vsNamespace, listener))
        continue;
      // sourceLabels/sourceNamespace select the proxy: the simulated client on the mesh, the
      // gateway's own workload (its selector labels, its namespace) on a gateway.
      if (!block.sourceLabels.empty() && !model::selectorMatches(block.sourceLabels, listener.sourceLabels)) continue;
      if (block.sourceNamespace && *block.sourceNamespace != listener.sourceNamespace) continue;
      RouteMatch compiled;
      if (!compileMatch(vs, block, indexed(rulePath, "match", m), compiled)) continue;
      compiled.origin.resource = resourceName;
      std::string name = rule.name.value_or("");
      if (block.name) name = name.empty() ? *block.name : name + "." + *block.name;
      blocks.emplace_back(std::move(name), std::move(compiled));
    }
    if (!catchAll && blocks.empty()) continue;

    host.actions.push_back(compileAction(vs, rule, rulePath));
    host.actions.back().origin.resource = resourceName;
    const std::size_t action = host.actions.size() - 1;
    if (catchAll) {
      host.routes.push_back(Route{rule.name.value_or(""), std::nullopt, action});
      break;  // nothing after a catch-all is emitted (route.go)
    }
    bool emittedCatchAll = false;
    for (auto& [name, match] : blocks) {
      emittedCatchAll = emittedCatchAll || (match.isCatchAll() && !match.port);
      host.routes.push_back(Route{std::move(name), std::move(match), action});
    }
    if (emittedCatchAll) break;  // a block matching everything hides every later rule (route.go)
  }
  if (host.routes.size() == routesBefore) return false;
  host.virtualServices.push_back(resourceName);
  return true;
}

bool RouteCompiler::compileMatch(const model::Resource& vs, const model::HTTPMatchRequest& match,
                                 const std::string& path, RouteMatch& out) {
  out.ignoreUriCase = match.ignoreUriCase.value_or(false);
  out.port = match.port;
  out.origin.path = path;
  out.origin.file = vs.source().file;
  out.origin.line = vs.locate(path).line;
  // Every matcher compiles the same way; one that fails skips the whole block, as Istio rejects it.
  auto compileField = [&](const model::StringMatch& from, bool ignoreCase, const std::string& field,
                          StringMatcher& to) {
    std::string error;
    if (StringMatcher::compile(from, ignoreCase, to, error)) return true;
    report(vs, path + "." + field, error + "; the match block is skipped");
    return false;
  };
  auto single = [&](const std::optional<model::StringMatch>& from, std::optional<StringMatcher>& to, const char* field,
                    bool ignoreCase) {
    if (!from) return true;
    return compileField(*from, ignoreCase, field, to.emplace());
  };
  if (!single(match.uri, out.uri, "uri", out.ignoreUriCase) || !single(match.scheme, out.scheme, "scheme", false) ||
      !single(match.method, out.method, "method", false) || !single(match.authority, out.authority, "authority", false))
    return false;
  auto headers = [&](const model::OrderedMap<model::StringMatch>& from, bool inverted, const std::string& field) {
    for (const auto& [name, stringMatch] : from) {
      HeaderMatcher& header = out.headers.emplace_back(HeaderMatcher{model::lowercase(name), {}, inverted});
      if (!compileField(stringMatch, false, field + "." + name, header.matcher)) return false;
    }
    return true;
  };
  if (!headers(match.headers, false, "headers") || !headers(match.withoutHeaders, true, "withoutHeaders")) return false;
  for (const auto& [name, stringMatch] : match.queryParams) {
    QueryParamMatcher& query = out.queryParams.emplace_back(QueryParamMatcher{name, {}});
    if (!compileField(stringMatch, false, "queryParams." + name, query.matcher)) return false;
  }
  return true;
}

RouteDestination RouteCompiler::compileDestination(const model::Destination& destination,
                                                   const std::string& vsNamespace) const {
  RouteDestination out;
  out.host = destination.host.value_or("");
  out.subset = destination.subset.value_or("");
  if (destination.port && destination.port->number) out.port = *destination.port->number;
  std::int64_t port = out.port.value_or(0);
  if (const ServiceEntryInfo* service = directory_.resolve(out.host, vsNamespace)) {
    out.serviceFqdn = service->fqdn;
    // `port` may be omitted when the Service has exactly one (vs.proto).
    if (!out.port && service->service.ports.size() == 1) port = service->service.ports.front().port;
    out.portFromRequest = !out.port && service->service.ports.size() != 1;
    out.clusterName = clusterName(port, out.subset, service->fqdn);
  } else {
    out.clusterName = clusterName(port, out.subset, model::lowercase(out.host));
  }
  return out;
}

RouteAction RouteCompiler::compileAction(const model::Resource& vs, const model::HTTPRoute& rule,
                                         const std::string& path) {
  RouteAction action;
  const std::string vsNamespace = directory_.namespaceOf(vs);
  action.name = rule.name.value_or("");
  action.rule = std::make_shared<const model::HTTPRoute>(rule);
  action.origin.path = path;
  action.origin.file = vs.source().file;
  action.origin.line = vs.locate(path).line;

  if (rule.headers) {
    action.requestHeaders = translateHeaderOps(rule.headers->request, &action.authorityRewrite);
    action.responseHeaders = translateHeaderOps(rule.headers->response, nullptr);
  }
  if (rule.redirect) {
    action.kind = RouteAction::Kind::Redirect;
    const model::HTTPRedirect& redirect = *rule.redirect;
    action.redirect.uri = redirect.uri;
    action.redirect.authority = redirect.authority;
    action.redirect.scheme = redirect.scheme;
    action.redirect.prefixRewrite = redirect.prefixRewrite;
    action.redirect.port = redirect.port;
    action.redirect.derivePort = redirect.derivePort.value_or("");
    action.redirect.code = static_cast<int>(redirect.redirectCode.value_or(301));
  } else if (rule.directResponse) {
    action.kind = RouteAction::Kind::DirectResponse;
    action.directResponse.status = static_cast<int>(rule.directResponse->status.value_or(200));
    if (const auto& body = rule.directResponse->body) {
      if (body->string)
        action.directResponse.body = *body->string;
      else if (body->bytes)
        action.directResponse.body = base64Decode(*body->bytes);
    }
  }
  for (std::size_t d = 0; d < rule.route.size(); ++d) {
    const model::HTTPRouteDestination& entry = rule.route[d];
    if (!entry.destination) continue;
    RouteDestination destination = compileDestination(*entry.destination, vsNamespace);
    destination.weight = entry.weight.value_or(0);
    if (entry.headers) {
      destination.requestHeaders = translateHeaderOps(entry.headers->request, &destination.authorityRewrite);
      destination.responseHeaders = translateHeaderOps(entry.headers->response, nullptr);
    }
    action.destinations.push_back(std::move(destination));
  }
  // One destination ignores its weight; several drop their zero weights (route.go).
  if (action.destinations.size() > 1)
    std::erase_if(action.destinations, [](const RouteDestination& d) { return d.weight <= 0; });
  else if (action.destinations.size() == 1)
    action.destinations.front().weight = 100;

  if (rule.rewrite) {
    action.rewrite.uri = rule.rewrite->uri;
    action.rewrite.authority = rule.rewrite->authority;
    if (const auto& regexRewrite = rule.rewrite->uriRegexRewrite; regexRewrite && regexRewrite->match) {
      RE2::Options options;
      options.set_log_errors(false);
      auto regex = std::make_shared<const re2::RE2>(*regexRewrite->match, options);
      if (regex->ok()) {
        action.rewrite.uriRegex = std::move(regex);
        action.rewrite.uriRegexPattern = *regexRewrite->match;
        action.rewrite.uriRegexSubstitution = regexRewrite->rewrite.value_or("");
      } else {
        report(vs, path + ".rewrite.uriRegexRewrite.match", "regex does not compile: " + regex->error());
      }
    }
  }
  if (rule.timeout) action.timeout = parseMilliseconds(*rule.timeout);
  if (rule.retries) {
    if (rule.retries->attempts.value_or(0) > 0 || !rule.retries->attempts) {
      RetryPolicy retry;
      retry.explicitlySet = true;
      retry.attempts = rule.retries->attempts.value_or(2);
      if (rule.retries->retryOn && !rule.retries->retryOn->empty()) retry.retryOn = *rule.retries->retryOn;
      retry.conditions = parseRetryOn(retry.retryOn);
      retry.avoidPreviousHosts = rule.retries->retryIgnorePreviousHosts.value_or(true);
      if (rule.retries->perTryTimeout) retry.perTryTimeout = parseMilliseconds(*rule.retries->perTryTimeout);
      if (rule.retries->backoff)
        if (auto base = parseMilliseconds(*rule.retries->backoff)) retry.backoffBase = *base;
      action.retries = retry;
    }
  } else {
    action.retries = RetryPolicy{};
  }
  if (rule.fault) {
    FaultPolicy fault;
    if (const auto& delay = rule.fault->delay) {
      if (delay->fixedDelay) fault.delay = parseMilliseconds(*delay->fixedDelay);
      fault.delayPercent =
          delay->percentage ? percentOf(delay->percentage, 0) : static_cast<double>(delay->percent.value_or(0));
    }
    if (const auto& abort = rule.fault->abort) {
      if (abort->httpStatus) fault.abortStatus = static_cast<int>(*abort->httpStatus);
      fault.abortGrpcStatus = abort->grpcStatus;
      fault.abortPercent = percentOf(abort->percentage, 0);
    }
    action.fault = fault;
  }
  auto mirror = [&](const model::Destination& target, double percent) {
    RouteDestination resolved = compileDestination(target, vsNamespace);
    action.mirrors.push_back(
        MirrorPolicy{resolved.host, resolved.subset, resolved.clusterName, resolved.port, percent});
  };
  if (rule.mirror) mirror(*rule.mirror, percentOf(rule.mirrorPercentage, 100));
  for (const model::HTTPMirrorPolicy& entry : rule.mirrors)
    if (entry.destination) mirror(*entry.destination, percentOf(entry.percentage, 100));
  if (rule.corsPolicy) {
    const model::CorsPolicy& cors = *rule.corsPolicy;
    CorsPolicy policy;
    std::string error;
    for (const model::StringMatch& origin : cors.allowOrigins) {
      StringMatcher matcher;
      if (StringMatcher::compile(origin, false, matcher, error)) policy.allowOrigins.push_back(std::move(matcher));
    }
    for (const std::string& origin : cors.allowOrigin) policy.allowOrigins.push_back(StringMatcher::exact(origin));
    auto join = [](const model::List<std::string>& items) {
      std::string out;
      for (const std::string& item : items) out += (out.empty() ? "" : ",") + item;
      return out;
    };
    policy.allowMethods = join(cors.allowMethods);
    policy.allowHeaders = join(cors.allowHeaders);
    policy.exposeHeaders = join(cors.exposeHeaders);
    if (cors.maxAge)
      if (auto age = parseMilliseconds(*cors.maxAge)) policy.maxAge = std::to_string(age->count() / 1000);
    policy.allowCredentials = cors.allowCredentials.value_or(false);
    policy.forwardUnmatchedPreflights = cors.unmatchedPreflights.value_or("FORWARD") != "IGNORE";
    action.cors = std::move(policy);
  }
  return action;
}

RouteAction RouteCompiler::defaultAction(const ServiceEntryInfo& service) const {
  RouteAction action;
  action.isDefault = true;
  action.name = "default";
  // The same destination a VirtualService naming the Service (and no port) would have.
  model::Destination target;
  target.host = service.fqdn;
  RouteDestination destination = compileDestination(target, service.namespaceName);
  destination.weight = 100;
  action.destinations.push_back(std::move(destination));
  action.retries = RetryPolicy{};
  action.origin.resource =
      "no VirtualService: Istio's default route for Service " + service.namespaceName + "/" + service.name;
  return action;
}

}  // namespace meshstudio::engine
