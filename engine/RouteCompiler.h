#pragma once

// Compiles one VirtualService's `http` rules into Envoy routes for one listener, the way
// Istio's route.go does: one route per match block, blocks filtered by `gateways`, `port` kept
// for the request-time port check, `sourceLabels`/`sourceNamespace` decided for the simulated
// client, and nothing emitted after the first catch-all. Errors are returned, never thrown.

#include <functional>
#include <string>
#include <vector>

#include "engine/RouteTable.h"
#include "engine/ServiceDirectory.h"
#include "model/VirtualService.h"

namespace meshstudio::engine {

/// Who is asking: the mesh (a sidecar in `sourceNamespace` with `sourceLabels`) or one Gateway.
struct ListenerContext {
  bool isGateway = false;
  std::string gateway;  ///< `ns/name` of the Gateway whose server is being compiled
  std::string sourceNamespace;
  model::StringMap sourceLabels;
};

/// `outbound|<port>|<subset>|<host>`, Istio's cluster naming.
std::string clusterName(std::int64_t port, std::string_view subset, std::string_view host);

class RouteCompiler {
 public:
  RouteCompiler(const ServiceDirectory& directory, std::vector<std::string>& problems)
      : directory_(directory), problems_(problems) {}

  /// Whether a VirtualService's (VS-level) gateway list binds it to this listener.
  static bool boundTo(const model::VirtualServiceSpec& spec, const std::string& vsNamespace,
                      const ListenerContext& listener);
  /// Whether a `gateways` list (a VirtualService's or one match block's) names this listener;
  /// an absent or empty list means `[mesh]`.
  static bool listed(const model::List<std::string>& gateways, const std::string& vsNamespace,
                     const ListenerContext& listener);

  /// Appends the routes of `spec` to `host`. Returns false when the VirtualService yields no
  /// route at all for this listener (Istio then drops it and the default route applies).
  bool compile(const model::Resource& virtualService, const model::VirtualServiceSpec& spec,
               const ListenerContext& listener, VirtualHost& host);

  /// Istio's default route for a Service no VirtualService covers: all endpoints, default
  /// retry policy, no timeout.
  RouteAction defaultAction(const ServiceEntryInfo& service) const;

 private:
  bool compileMatch(const model::Resource& vs, const model::HTTPMatchRequest& match, const std::string& path,
                    RouteMatch& out);
  RouteAction compileAction(const model::Resource& vs, const model::HTTPRoute& rule, const std::string& path);
  RouteDestination compileDestination(const model::Destination& destination, const std::string& vsNamespace) const;
  void report(const model::Resource& resource, const std::string& path, const std::string& message);

  const ServiceDirectory& directory_;
  std::vector<std::string>& problems_;
};

/// Standard base64 with padding (a directResponse's `bytes`, a Secret's `data`); empty when malformed.
std::string base64Decode(const std::string& text);

/// A Go duration (`1.5s`, `250ms`) in whole milliseconds; nullopt when malformed.
std::optional<Milliseconds> parseMilliseconds(const std::string& text);

}  // namespace meshstudio::engine
