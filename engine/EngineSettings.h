#pragma once

// The engine's part of `meshstudio.yaml`:
//
//   engine:
//     listen: 127.0.0.1:15001        # the mesh listener (a sidecar's outbound side)
//     admin: 127.0.0.1:15000         # /ready /stats /stats/prometheus /config_dump /clusters
//     gatewayAddress: 127.0.0.1      # where gateway listeners bind
//     gatewayPorts: {80: 18080}      # Gateway server port -> local port (default 10000 + port)
//     source: {namespace: shop, labels: {app: productpage}}  # the simulated client of the mesh listener
//     shadowHostSuffix: false        # mirrored requests get `-shadow` appended to their host, as
//                                    # Envoy's default and Istio up to 1.27 did (off since Istio 1.28)
//     limits: {...}                  # what a client may send: see DownstreamLimits.h
//
// Everything binds to loopback unless the user writes another address.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/DownstreamLimits.h"
#include "model/FieldCodec.h"
#include "model/Value.h"

namespace meshstudio::engine {

struct ListenAddress {
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;
  std::string describe() const { return host + ":" + std::to_string(port); }
  /// `ADDR:PORT`, `:PORT` or `PORT`; false when malformed.
  static bool parse(const std::string& text, ListenAddress& out);
};

struct EngineSettings {
  ListenAddress mesh{"127.0.0.1", 15001};
  ListenAddress admin{"127.0.0.1", 15000};
  std::string gatewayAddress = "127.0.0.1";
  std::map<std::int64_t, std::uint16_t> gatewayPorts;  ///< overrides of 10000 + port
  std::string defaultNamespace = "default";            ///< meshstudio.yaml `defaultNamespace`
  std::string sourceNamespace = "default";             ///< `engine.source.namespace`, else defaultNamespace
  model::StringMap sourceLabels;
  bool shadowHostSuffix = false;
  DownstreamLimits limits;

  std::uint16_t localPortFor(std::int64_t gatewayPort) const;

  /// Reads the `engine` map of a project's settings; problems are appended, defaults kept.
  static EngineSettings fromProjectSettings(const model::Value& settings, std::vector<std::string>& problems);
};

}  // namespace meshstudio::engine
