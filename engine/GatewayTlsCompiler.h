#pragma once

// The TLS side of compiling Gateways: which servers the engine runs and how (plain HTTP,
// terminated TLS, PASSTHROUGH), the SSL context of each terminating server (from its
// credentialName Secret, or a self-signed development certificate with a warning), and the
// VirtualService `tls` routes of PASSTHROUGH servers. Problems are reported with file:line:column;
// nothing throws.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/GatewayTls.h"
#include "model/Gateway.h"
#include "model/Resource.h"

namespace meshstudio::engine {

struct Snapshot;

class GatewayTlsCompiler {
 public:
  enum class ServerKind { Http, Terminate, Passthrough, NotRun };

  /// `snapshot` must already have its directory, pod behaviours and clusters; problems go to
  /// snapshot.problems.
  GatewayTlsCompiler(const std::vector<model::Resource>& resources, Snapshot& snapshot);

  /// How `spec.servers[index]` of `gateway` runs locally; NotRun has been reported. `mode` is set
  /// for Terminate.
  ServerKind classify(const model::Resource& gateway, std::size_t index, const model::Server& server, TlsMode& mode);

  /// A terminating server: its Secret's certificate, else a development certificate (reported).
  std::optional<TlsServer> terminating(const model::Resource& gateway, const std::string& gatewayName,
                                       std::size_t index, const model::Server& server, TlsMode mode);

  /// Appends the `tls` routes every VirtualService bound to `gatewayName` has for this
  /// PASSTHROUGH server on Gateway port `port`, in the order they are written.
  void passthrough(const model::Resource& gateway, const std::string& gatewayName, const model::Server& server,
                   std::int64_t port, std::vector<TlsRoute>& routes);

 private:
  void compileRule(const model::Resource& gateway, const std::string& gatewayName, const model::Server& server,
                   std::int64_t port, const model::Resource& virtualService, const model::Value& rule,
                   const std::string& path, std::vector<TlsRoute>& routes);
  std::optional<TlsRouteDestination> compileDestination(const model::Resource& virtualService,
                                                        const model::Value& entry, const std::string& path);
  void report(const model::Resource& resource, const std::string& path, const std::string& message);
  std::string ns(const model::Resource& resource) const;

  const std::vector<model::Resource>& resources_;
  Snapshot& snapshot_;
};

}  // namespace meshstudio::engine
