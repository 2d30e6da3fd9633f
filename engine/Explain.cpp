#include "engine/Explain.h"

#include "engine/Authority.h"
#include "engine/RouteTestFile.h"

namespace meshstudio::engine {

std::optional<Explanation> explain(const Snapshot& snapshot, std::string_view listener, Request request,
                                   RandomSource& random) {
  const RouteTable* table = tableForListener(snapshot, listener);
  if (!table) return std::nullopt;
  Explanation out;
  normalizeProxyRequest(request);
  out.decision = routeRequest(snapshot, *table, request, random, &out.trace);
  if (out.decision.forward) {
    out.upstreamRequest = std::move(request);
  } else {
    out.localReply = std::move(out.decision.localReply);
    out.decision.localReply.reset();
    applyResponsePolicies(out.decision, *out.localReply);
    out.upstreamRequest = std::move(request);
  }
  return out;
}

std::string listenerFor(const Snapshot& snapshot, std::string_view authority) {
  if (snapshot.mesh.selectVirtualHost(authority)) return "mesh";
  const std::int64_t port = parsePort(splitAuthority(authority).second).value_or(80);
  if (const GatewayListener* gateway = snapshot.gatewayForPort(port);
      gateway && gateway->table.selectVirtualHost(authority))
    return gateway->table.name;
  for (const GatewayListener& gateway : snapshot.gateways)
    if (gateway.table.selectVirtualHost(authority)) return gateway.table.name;
  return "mesh";
}

RouteOutcome routeTestOutcome(const Snapshot& snapshot, const RouteTestRequest& testRequest, RandomSource& random) {
  std::string url = "http://" + testRequest.authority + testRequest.uri;
  if (!testRequest.query.empty()) url += "?" + testRequest.query;
  Request request = makeRequest(testRequest.method, url, testRequest.headers);
  auto explanation = explain(snapshot, listenerFor(snapshot, testRequest.authority), request, random);
  RouteOutcome outcome;
  if (!explanation || !explanation->decision.action || !explanation->decision.action->rule) {
    outcome.summary = explanation ? explanation->trace.steps.back().text : "no listener";
    return outcome;
  }
  const RouteAction& action = *explanation->decision.action;
  return RouteOutcome::fromRule(*action.rule, action.origin.describe());
}

Request makeRequest(std::string_view method, std::string_view url, const HeaderList& headers) {
  Request request;
  request.version(11);
  request.method_string(method);
  request.target(url);
  for (const auto& [name, value] : headers) request.insert(name, value);
  return request;
}

}  // namespace meshstudio::engine
