#pragma once

// One plain-HTTP GET with a deadline on the whole exchange: how the studio reads an engine's
// admin listener and a Prometheus server. Beast, on a private io_context; async operations
// underneath, because Beast's stream timeouts apply only to those.

#include <chrono>
#include <cstdint>
#include <string>

namespace meshstudio::engine {

struct HttpGetResult {
  int status = 0;  ///< 0 when no response came
  std::string body;
  std::string error;  ///< why there is no response: `host:port/target: connection refused`
  bool ok() const { return error.empty() && status == 200; }
};

/// GETs `target` (path and query, already percent-encoded) from `host:port`.
HttpGetResult httpGet(const std::string& host, std::uint16_t port, const std::string& target,
                      std::chrono::milliseconds timeout);

/// `http://host:port/prefix` → host, port (default 80) and path prefix; false when it is not such a URL.
bool splitHttpUrl(const std::string& url, std::string& host, std::uint16_t& port, std::string& pathPrefix);

/// Percent-encodes a query parameter value (RFC 3986 unreserved characters stay).
std::string percentEncode(const std::string& text);

}  // namespace meshstudio::engine
