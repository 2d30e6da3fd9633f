#pragma once

// `explain(request) -> trace`: what the engine would do with a request, without sending any
// traffic. It runs the very routing code live requests run (routeRequest), with a trace.

#include <optional>
#include <string>
#include <string_view>

#include "engine/RandomSource.h"
#include "engine/Router.h"

namespace meshstudio::engine {

struct RouteOutcome;
struct RouteTestRequest;

struct Explanation {
  RouteTrace trace;
  RoutingDecision decision;  ///< points into the snapshot: valid while it lives
  Request upstreamRequest;   ///< what the pod would receive: rewritten path, authority, headers
  /// The answer the proxy gives itself (no route, redirect, direct response, fault abort...),
  /// with the route's response headers applied.
  std::optional<Response> localReply;

  bool routed() const { return decision.route != nullptr; }
  std::string render() const { return trace.render(); }
};

/// `listener`: `mesh` (default) or `gateway:<port>` for a Gateway server port.
/// Returns nullopt when the listener does not exist.
std::optional<Explanation> explain(const Snapshot& snapshot, std::string_view listener, Request request,
                                   RandomSource& random);

/// The listener that serves `authority`: the mesh when a Service or mesh-bound VirtualService
/// owns the host, else the Gateway port (`port`, else 80) whose VirtualServices serve it.
std::string listenerFor(const Snapshot& snapshot, std::string_view authority);

/// What a route test (RouteTestFile) compares for one of its requests: the matched VirtualService
/// rule as written, after explaining the request on the listener that serves its authority. The
/// CLI's `test` and the studio's trial suites both use it, so a suite runs the same in both.
RouteOutcome routeTestOutcome(const Snapshot& snapshot, const RouteTestRequest& testRequest, RandomSource& random);

/// A request from a URL (`http://reviews:9080/path?x=1`, kept in proxy form: explain turns it into
/// origin form with a Host header, as the mesh listener does), a method and `name: value` headers.
Request makeRequest(std::string_view method, std::string_view url, const HeaderList& headers = {});

}  // namespace meshstudio::engine
