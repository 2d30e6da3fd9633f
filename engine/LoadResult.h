#pragma once

// What a load run reports while it runs (LoadProgress) and when it is over (LoadResult). Plain
// data: LoadReport renders it as fortio-style text or JSON, the studio can chart it directly.

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "engine/LatencyHistogram.h"
#include "engine/LoadOptions.h"

namespace meshstudio::engine {

struct LoadProgress {
  std::uint64_t done = 0;   ///< requests finished (answered or failed)
  std::uint64_t total = 0;  ///< -n, or 0 for a timed run
  std::uint64_t errors = 0;
  std::chrono::nanoseconds elapsed{0};
  std::chrono::nanoseconds duration{0};  ///< -t of a timed run, else 0
  bool finished = false;
};

struct LoadResult {
  /// Latency from each request's intended send time to the end of its answer. At a fixed rate the
  /// intended time is the request's slot on the schedule, so time spent waiting for a stalled
  /// connection counts (see LoadConnection.h); at -qps 0 it is the actual send time.
  LatencyHistogram latency;
  /// Latency from the actual send to the end of the answer (what a client without
  /// coordinated-omission correction would report); equal to `latency` at -qps 0.
  LatencyHistogram serviceTime;
  std::map<int, std::uint64_t> codes;           ///< HTTP status -> answers
  std::map<std::string, std::uint64_t> errors;  ///< connect, timeout, closed, protocol, resolve, ... -> requests
  std::uint64_t requests = 0;                   ///< answers plus errors
  std::uint64_t cancelled = 0;                  ///< in flight when stop() was called: not counted
  std::uint64_t bytesSent = 0, bodyBytesReceived = 0;
  std::uint64_t socketsUsed = 0;  ///< successful connects (fortio's "Sockets used")
  int connections = 0;
  double requestedQps = 0;
  std::chrono::nanoseconds duration{0};  ///< from the start to the last answer
  double actualQps = 0;                  ///< requests / duration
  bool stopped = false;                  ///< ended by stop()
  std::string error;                     ///< why the run could not start (resolving the host, ...)
  /// After minus before; nullopt when nothing was read (no readDestinations).
  std::optional<DestinationCounts> destinations;

  std::uint64_t answered() const {
    std::uint64_t sum = 0;
    for (const auto& [code, count] : codes) sum += count;
    return sum;
  }
  /// No connection could be made at all (the CLI's exit code 1).
  bool couldNotConnect() const { return socketsUsed == 0 && (requests > 0 || !error.empty()); }
};

}  // namespace meshstudio::engine
