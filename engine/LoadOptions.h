#pragma once

// What a load run does: where it connects, the one request it repeats, and how many of them at
// what rate — fortio's `load` flags (-c, -qps, -n, -t, -X, -H, -payload, -timeout, -r). Plain
// data plus validation, shared by `meshstudio-cli load` and the studio.

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "engine/HttpTypes.h"

namespace meshstudio::engine {

struct LoadProgress;

/// Where requests go and what they look like on the wire, from a URL.
struct LoadTarget {
  std::string dialHost;  ///< what is connected to (a name is resolved once, when the run starts)
  std::uint16_t dialPort = 80;
  std::string authority;   ///< the Host header: the URL's authority as written
  std::string path = "/";  ///< origin form: path and query

  /// `http://host[:port][/path][?query]` (the scheme may be left out). https is refused: the
  /// generator speaks plain HTTP/1.1, as the engine's listeners do.
  static bool fromUrl(std::string_view url, LoadTarget& out, std::string& error);
};

/// Per-destination request counts read from an engine (see DestinationCounter).
struct DestinationCounts {
  std::map<std::string, std::uint64_t> clusters;   ///< `outbound|9080|v1|reviews...` -> upstream_rq_total
  std::map<std::string, std::uint64_t> workloads;  ///< destination_workload -> istio_requests_total
  std::uint64_t total = 0;                         ///< every request the engine recorded
  std::string error;                               ///< set when they could not be read
};

struct LoadOptions {
  LoadTarget target;
  std::string method = "GET";
  HeaderList headers;  ///< a Host here replaces the URL's authority
  std::string body;

  int connections = 4;         ///< -c: kept-alive connections, each with one request in flight
  double qps = 8;              ///< -qps: the total rate over all connections; 0 = as fast as possible
  std::uint64_t requests = 0;  ///< -n: exactly this many requests (wins over duration)
  std::chrono::nanoseconds duration = std::chrono::seconds(5);         ///< -t, when requests is 0
  std::chrono::milliseconds timeout = std::chrono::seconds(30);        ///< per request, connect included
  std::chrono::nanoseconds resolution = std::chrono::milliseconds(1);  ///< display histogram (-r)
  int threads = 1;  ///< I/O threads the connections are spread over (each its own io_context)

  /// Called on the generator's own thread about every progressInterval, and once at the end.
  std::function<void(const LoadProgress&)> onProgress;
  std::chrono::milliseconds progressInterval = std::chrono::seconds(1);
  /// Called on the generator's thread when the result is ready (LoadGenerator::wait returns at once).
  std::function<void()> onFinished;
  /// Called on an I/O thread as each request finishes: its HTTP status (0 for a failed request)
  /// and its latency (as LoadResult::latency counts it). For live charts; it must be cheap and
  /// thread-safe (connections on different I/O threads call it concurrently).
  std::function<void(int status, std::chrono::nanoseconds latency)> onRequestDone;
  /// Read before and after the run; the difference is the result's per-destination counts.
  std::function<DestinationCounts()> readDestinations;

  /// Empty when the options make a run; otherwise what is wrong, in the CLI's words.
  std::string validate() const;
};

/// `5s`, `500ms`, `1m`, `250us`, `1.5s`, `2h`; a bare number is seconds (fortio's -t takes Go
/// durations). nullopt when malformed or negative.
std::optional<std::chrono::nanoseconds> parseLoadDuration(std::string_view text);

}  // namespace meshstudio::engine
