#pragma once

// The compiled, read-only form of the VirtualServices that apply on one listener: Envoy's
// RouteConfiguration. Istio emits one Envoy route per match block, in rule order then block
// order (route.go BuildHTTPRoutesForVirtualService), and that is the shape kept here, so that
// "first match wins" is literally a walk down `routes`.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/RetryRules.h"
#include "engine/StringMatcher.h"
#include "model/Resource.h"
#include "model/VirtualService.h"

namespace re2 {
class RE2;
}

namespace meshstudio::engine {

using Milliseconds = std::chrono::milliseconds;

/// Where a compiled piece came from, for traces: `VirtualService shop/reviews`, `http[1].match[0]`.
struct ConfigOrigin {
  std::string resource;  ///< `VirtualService shop/reviews`
  std::string path;      ///< `spec.http[1].match[0]`
  std::string file;
  int line = 0;
  std::string describe() const;
};

struct HeaderMatcher {
  std::string name;  ///< lower case; pseudo headers keep their colon
  StringMatcher matcher;
  bool inverted = false;  ///< withoutHeaders
};

struct QueryParamMatcher {
  std::string name;
  StringMatcher matcher;
};

/// One match block (an Envoy route's match). Absent fields always hold.
struct RouteMatch {
  /// Istio's catch-all test (isCatchAllRoute): the path is unconstrained (no uri, or prefix `/`)
  /// and no header, query, method, scheme or authority condition applies.
  bool isCatchAll() const;

  std::optional<StringMatcher> uri, scheme, method, authority;
  std::vector<HeaderMatcher> headers;  ///< headers then withoutHeaders, in written order
  std::vector<QueryParamMatcher> queryParams;
  std::optional<std::int64_t> port;
  bool ignoreUriCase = false;
  ConfigOrigin origin;
};

/// Envoy evaluates remove, then set, then add within one level (header_parser.cc).
struct HeaderOps {
  std::vector<std::string> remove;
  std::vector<std::pair<std::string, std::string>> set, add;
  bool empty() const { return remove.empty() && set.empty() && add.empty(); }
};

struct RouteDestination {
  std::string host;  ///< as written in the VirtualService
  std::string subset;
  std::optional<std::int64_t> port;  ///< as written
  std::int64_t weight = 0;
  std::string clusterName;  ///< `outbound|<port>|<subset>|<fqdn>`; empty when the host is unknown
  std::string serviceFqdn;  ///< empty when the host names no Service
  /// No port written and the Service has several: the request's port picks the cluster.
  bool portFromRequest = false;
  HeaderOps requestHeaders, responseHeaders;
  std::optional<std::string> authorityRewrite;  ///< from this destination's `headers.request.set[:authority]`
};

struct RedirectAction {
  std::optional<std::string> uri, authority, scheme, prefixRewrite;
  std::optional<std::int64_t> port;
  std::string derivePort;  ///< FROM_PROTOCOL_DEFAULT | FROM_REQUEST_PORT | empty
  int code = 301;
};

struct DirectResponseAction {
  int status = 200;
  std::string body;
};

struct RewriteAction {
  std::optional<std::string> uri;
  std::shared_ptr<const re2::RE2> uriRegex;  ///< uriRegexRewrite.match
  std::string uriRegexSubstitution;
  std::string uriRegexPattern;
  std::optional<std::string> authority;
  bool empty() const { return !uri && !uriRegex && !authority; }
};

struct RetryPolicy {
  std::int64_t attempts = 2;
  std::string retryOn{kIstioDefaultRetryOn};
  RetryConditions conditions = parseRetryOn(kIstioDefaultRetryOn);
  bool avoidPreviousHosts = true;  ///< retryIgnorePreviousHosts (Istio's retry_previous_hosts)
  std::optional<Milliseconds> perTryTimeout;
  bool explicitlySet = false;  ///< false: Istio's default policy (retry.go)
  Milliseconds backoffBase{25};
};

struct FaultPolicy {
  std::optional<Milliseconds> delay;
  double delayPercent = 0;  ///< a missing percentage means 0% (route.go TranslateFault)
  std::optional<int> abortStatus;
  std::optional<std::string> abortGrpcStatus;
  double abortPercent = 0;
};

struct MirrorPolicy {
  std::string host, subset, clusterName;
  std::optional<std::int64_t> port;
  double percent = 100;  ///< unset means 100% (route.go MirrorPercent)
};

struct CorsPolicy {
  std::vector<StringMatcher> allowOrigins;
  std::string allowMethods, allowHeaders, exposeHeaders, maxAge;
  bool allowCredentials = false;
  bool forwardUnmatchedPreflights = true;  ///< FORWARD (default) or IGNORE
};

/// What one VirtualService rule does, shared by all of its match blocks.
struct RouteAction {
  enum class Kind { Forward, Redirect, DirectResponse };
  Kind kind = Kind::Forward;
  std::string name;                            ///< the rule's name, or empty
  std::vector<RouteDestination> destinations;  ///< weight-0 entries already dropped
  RedirectAction redirect;
  DirectResponseAction directResponse;
  RewriteAction rewrite;
  HeaderOps requestHeaders, responseHeaders;
  std::optional<std::string> authorityRewrite;  ///< route-level `headers.request.set[:authority]`
  std::optional<Milliseconds> timeout;
  std::optional<RetryPolicy> retries;  ///< nullopt: `attempts: 0`, no retry policy at all
  std::optional<FaultPolicy> fault;
  std::vector<MirrorPolicy> mirrors;
  std::optional<CorsPolicy> cors;
  ConfigOrigin origin;                           ///< the rule (`spec.http[i]`)
  std::shared_ptr<const model::HTTPRoute> rule;  ///< as written; null for the default route
  bool isDefault = false;                        ///< Istio's default route for a Service no VirtualService covers
};

/// An Envoy route: one match block (or none, for a catch-all) pointing at its rule's action.
struct Route {
  std::string name;                 ///< `<rule.name>.<match.name>`, the rule name, or empty
  std::optional<RouteMatch> match;  ///< nullopt: the rule had no `match` (prefix `/`)
  std::size_t action = 0;           ///< index into VirtualHost::actions
};

struct VirtualHost {
  std::string name;                  ///< e.g. `reviews.shop.svc.cluster.local:9080` or `shop.example.com:80`
  std::vector<std::string> domains;  ///< lower case; `*.example.com` and `*` allowed
  std::string serviceFqdn;           ///< the Service this host stands for (mesh), if any
  std::int64_t servicePort = 0;      ///< that Service's first port: what `match.port` sees when the request names none
  std::string namespaceName;         ///< where short destination names resolve
  std::vector<std::string> virtualServices;  ///< `VirtualService ns/name` contributing routes
  bool requireTls = false;                   ///< Gateway `httpsRedirect`: every plain request gets a 301 to https
  std::vector<RouteAction> actions;
  std::vector<Route> routes;
};

/// The route table of one listener: the mesh (sidecar outbound) or one gateway port.
struct RouteTable {
  std::string name;              ///< `mesh` or `gateway:80`
  std::int64_t servicePort = 0;  ///< the Gateway server port (80); 0 for the mesh
  /// What requests on this listener see as `:scheme` (match.scheme, x-forwarded-proto): `https`
  /// where the Gateway terminates TLS.
  std::string scheme = "http";
  std::vector<VirtualHost> virtualHosts;

  /// Envoy's domain search: exact, then the longest `*.suffix`, then `*` (ports ignored).
  const VirtualHost* selectVirtualHost(std::string_view authority) const;
  /// Builds the exact-domain index; call once after the hosts are final.
  void index();

 private:
  std::unordered_map<std::string, std::size_t> exactDomains_;
};

}  // namespace meshstudio::engine
