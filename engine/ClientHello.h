#pragma once

// Reads the server name (SNI) of a TLS ClientHello without terminating TLS, as Envoy's
// tls_inspector listener filter does: PASSTHROUGH routes on it and the bytes go on untouched.
// Every length is checked against what was received; a ClientHello may span several records.

#include <cstddef>
#include <string>
#include <string_view>

namespace meshstudio::engine {

struct ClientHello {
  enum class Status {
    Incomplete,  ///< a valid prefix: read more
    NotTls,      ///< not a TLS ClientHello, malformed, or a server name no DNS name can be
    Complete,
  };
  Status status = Status::Incomplete;
  std::string serverName;  ///< lower case; empty when the ClientHello has no SNI

  /// Envoy's tls_inspector default: a ClientHello longer than this is refused.
  static constexpr std::size_t kMaxSize = 64 * 1024;

  /// Parses what has been received so far from the client.
  static ClientHello parse(std::string_view received);
};

}  // namespace meshstudio::engine
