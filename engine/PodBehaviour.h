#pragma once

// How one simulated pod behaves, read once from its `meshstudio.dev/*` annotations when the
// configuration is compiled, so that answering a request never parses text again.
//
//   meshstudio.dev/latency:      `25ms`, `1.5s`, or a range `10ms-80ms` (drawn uniformly per request)
//   meshstudio.dev/error-rate:   a fraction `0.05` (or `5%`) of requests answered with error-status
//   meshstudio.dev/error-status: the HTTP status of those answers, 400-599; 503 when absent
//   meshstudio.dev/handshake:    how long opening a connection to the pod takes beyond TCP, such as
//                                a sidecar-to-sidecar mTLS handshake (`1ms`); none by default. Envoy
//                                holds a request as pending until its new connection is ready, so
//                                this widens the window in which http1MaxPendingRequests overflows.
//   meshstudio.dev/upstream:     `127.0.0.1:9081`, or `host:port,host:port,...` with one address per
//                                replica: replica i forwards to entry i. Such a pod is a real local
//                                process and is not simulated.
//
// A value that does not parse is reported (naming the pod, the annotation and the value) and
// ignored: the pod keeps the default for that annotation, so one typo never stops the others.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/RandomSource.h"
#include "engine/ServiceDirectory.h"

namespace meshstudio::engine {

/// A local address a pod's traffic is forwarded to.
struct Endpoint {
  std::string host;  ///< as written, without brackets for IPv6 (`::1`)
  std::uint16_t port = 0;
  std::chrono::milliseconds handshake{0};  ///< after TCP connect, before the connection is ready
  bool operator==(const Endpoint&) const = default;
  /// `host:port` (`[::1]:9081` for IPv6): how logs show it and how connection pools key it.
  std::string address() const {
    const bool v6 = host.find(':') != std::string::npos;
    return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
  }
};

struct PodBehaviour {
  static constexpr const char* kLatencyAnnotation = "meshstudio.dev/latency";
  static constexpr const char* kErrorRateAnnotation = "meshstudio.dev/error-rate";
  static constexpr const char* kErrorStatusAnnotation = "meshstudio.dev/error-status";
  static constexpr const char* kUpstreamAnnotation = "meshstudio.dev/upstream";
  static constexpr const char* kHandshakeAnnotation = "meshstudio.dev/handshake";
  /// Longer latencies are refused: they would outlast every client and proxy timeout.
  static constexpr std::chrono::milliseconds kMaxLatency{60'000};

  std::chrono::milliseconds latencyMin{0};
  std::chrono::milliseconds latencyMax{0};  ///< == latencyMin for a fixed latency
  double errorRate = 0;                     ///< in [0, 1]
  unsigned errorStatus = 503;
  std::chrono::milliseconds handshake{0};  ///< meshstudio.dev/handshake
  std::optional<Endpoint> upstream;        ///< set: a real local process, not simulated

  /// Reads the pod's annotations. Appends one message per unusable annotation to `problems`.
  static PodBehaviour parse(const SimulatedPod& pod, std::vector<std::string>& problems);

  bool isSimulated() const { return !upstream.has_value(); }
  bool hasLatencyRange() const { return latencyMax > latencyMin; }

  /// The latency of one request: fixed (no draw), or uniform over [min, max] in whole
  /// milliseconds (one draw).
  std::chrono::milliseconds drawLatency(RandomSource& random) const;
};

}  // namespace meshstudio::engine
