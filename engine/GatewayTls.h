#pragma once

// What a TLS Gateway port runs, compiled once per Snapshot: the servers that terminate TLS (with
// their certificate and client verification ready in an SSL context) and the VirtualService `tls`
// routes of PASSTHROUGH servers. A connection's ClientHello SNI picks one of them the way Envoy
// picks a filter chain by server name: an exact name beats the longest wildcard, which beats `*`.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace boost::asio::ssl {
class context;
}  // namespace boost::asio::ssl

namespace meshstudio::engine {

/// The Gateway TLS modes run locally (ISTIO_MUTUAL and AUTO_PASSTHROUGH are reported, not run).
enum class TlsMode { Passthrough, Simple, Mutual, OptionalMutual };

std::string_view tlsModeName(TlsMode mode);

/// A Gateway server that terminates TLS; the requests inside go through the port's route table.
struct TlsServer {
  std::string gateway;             ///< `ns/name`
  std::vector<std::string> hosts;  ///< lower-case DNS names without `ns/`: the SNI names it answers
  TlsMode mode = TlsMode::Simple;
  std::string credentialName;  ///< as written; empty when none
  bool selfSigned = false;     ///< the Secret was missing or unusable: a generated development certificate
  /// Certificate, key and client verification. Shared, not const: Asio's ssl::stream takes a
  /// `context&`, and OpenSSL's SSL_CTX is safe to use from many threads once configured.
  std::shared_ptr<boost::asio::ssl::context> context;
};

struct TlsRouteDestination {
  std::string clusterName;  ///< `outbound|<port>|<subset>|<fqdn>`
  std::int64_t weight = 100;
};

/// One match of a VirtualService `tls` rule on a PASSTHROUGH server: the SNI names it takes (its
/// `sniHosts` narrowed to the server's hosts) and where their bytes go.
struct TlsRoute {
  std::string name;  ///< `VirtualService ns/name spec.tls[i]`, for logs and the config dump
  std::vector<std::string> sniHosts;
  std::vector<TlsRouteDestination> destinations;
};

/// What a ClientHello's server name selects on a TLS port: a terminating server, a passthrough
/// route, or neither (Envoy finds no filter chain and closes the connection).
struct TlsTarget {
  const TlsServer* server = nullptr;
  const TlsRoute* route = nullptr;
  explicit operator bool() const { return server || route; }
};

/// `serverName` is lower case, empty when the ClientHello has none (then only `*` matches).
TlsTarget selectTlsTarget(const std::vector<TlsServer>& servers, const std::vector<TlsRoute>& routes,
                          std::string_view serverName);

}  // namespace meshstudio::engine
