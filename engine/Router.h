#pragma once

// Request routing as free functions over a compiled Snapshot, separate from all I/O (as in
// Envoy's router and the Beast examples): virtual host by authority, first matching route,
// fault filter (delay, then abort), CORS, then the router proper (direct response, redirect,
// weighted destination, rewrites, header operations, cluster lookup). The same code path serves
// live traffic and `explain`, which only adds a trace.

#include <cstdint>
#include <optional>
#include <string>

#include "engine/HttpTypes.h"
#include "engine/RandomSource.h"
#include "engine/RouteTrace.h"
#include "engine/Snapshot.h"

namespace meshstudio::engine {

struct RoutingDecision {
  bool forward = false;                ///< true: send `request` (rewritten) to `cluster`; false: answer `localReply`
  std::optional<Response> localReply;  ///< set exactly when !forward
  std::string responseFlags = "-";     ///< Envoy response flags: NR, NC, UH, DI, FI...
  std::string responseCodeDetails;     ///< Envoy's %RESPONSE_CODE_DETAILS%
  Milliseconds faultDelay{0};          ///< wait this long first (fault delay, flag DI)
  bool faultAborted = false;           ///< answered by the fault filter (flag FI), before the router
  std::int64_t servicePort = 0;        ///< the port routes were matched against
  const VirtualHost* virtualHost = nullptr;
  const Route* route = nullptr;
  const RouteAction* action = nullptr;
  const RouteDestination* destination = nullptr;
  const Cluster* cluster = nullptr;
  std::string clusterName;
  std::string originalPath;     ///< the path before any rewrite
  std::string corsAllowOrigin;  ///< non-empty: add CORS headers to the response
};

/// Turns a proxy-style request (`GET http://reviews:9080/x`) into origin form with a Host
/// header; plain requests are left alone.
void normalizeProxyRequest(Request& request);

/// Routes `request` (in origin form: see normalizeProxyRequest) on `table`, rewriting it in place
/// into what the upstream receives.
RoutingDecision routeRequest(const Snapshot& snapshot, const RouteTable& table, Request& request, RandomSource& random,
                             RouteTrace* trace = nullptr);

/// Response header operations (in Envoy's order and precedence) and CORS headers, applied to
/// the upstream's answer or to a direct response.
void applyResponsePolicies(const RoutingDecision& decision, Response& response);

/// Adds an Envoy response flag, keeping those already set (`DI` then `UT` logs `DI,UT`).
void addResponseFlag(RoutingDecision& decision, std::string_view flag);

/// Which route table serves a listener: the mesh, or a Gateway port's.
const RouteTable* tableForListener(const Snapshot& snapshot, std::string_view listener);

}  // namespace meshstudio::engine
