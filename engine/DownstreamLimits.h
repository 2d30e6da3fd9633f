#pragma once

// What the engine accepts from a downstream client, as `meshstudio.yaml` sets it:
//
//   engine:
//     limits:
//       maxRequestHeadersKb: 60       # Envoy's max_request_headers_kb default; over it: 431
//       maxRequestLineKb: 16          # the request line alone; over it: 414
//       maxRequestBodyKb: 8192        # a buffered request body; over it: 413
//       requestHeadersTimeout: 10s    # from a request's first byte to its last header; then 408
//       maxConnections: 8192          # open mesh and Gateway connections; more are closed at once
//
// Envoy has no separate request-line limit (the line counts towards the headers) and leaves the
// request-headers timeout off; both are on here because a desktop engine is a small target and
// a client that trickles its headers should learn why it was cut off.

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace meshstudio::engine {

struct DownstreamLimits {
  std::uint32_t maxRequestHeadersBytes = 60 * 1024;
  std::uint32_t maxRequestLineBytes = 16 * 1024;
  std::uint64_t maxRequestBodyBytes = 8 * 1024 * 1024;
  std::chrono::milliseconds requestHeadersTimeout{10'000};
  std::size_t maxConnections = 8192;
};

}  // namespace meshstudio::engine
