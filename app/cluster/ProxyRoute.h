#pragma once

// Which proxy, if any, the API server is reached through, decided as kubectl (client-go)
// decides it: the cluster's `proxy-url` from the kubeconfig when it has one, else Go's
// ProxyFromEnvironment — HTTPS_PROXY (or https_proxy) for an https:// server, HTTP_PROXY (or
// http_proxy) for http://, unless NO_PROXY (or no_proxy) names the host, and never for
// `localhost` or a loopback address. Without this, QtNetwork connects directly, and a studio
// behind a corporate proxy could not reach a cluster kubectl reaches.
//
// A proxy URL may carry a user name and password: messages and the UI use `redactedUrl()`.

#include <optional>
#include <string>

namespace meshstudio::cluster {

/// The proxy variables, uppercase taking precedence over lowercase as in Go.
struct ProxyEnvironment {
  std::string httpsProxy, httpsProxyName;  ///< value, and which variable held it
  std::string httpProxy, httpProxyName;
  std::string noProxy;

  static ProxyEnvironment fromProcess();
};

struct ProxyRoute {
  enum class Kind { Direct, Http, Socks5 };

  Kind kind = Kind::Direct;
  std::string url;     ///< as configured, normalised to have a scheme (may hold credentials)
  std::string source;  ///< `proxy-url`, `HTTPS_PROXY`, `https_proxy`, `HTTP_PROXY`, `http_proxy`
  std::string host;
  int port = 0;
  std::string user, password;  ///< percent-decoded; empty when the URL has none
  std::string error;           ///< a proxy URL that cannot be used: why (no secrets)

  bool direct() const { return kind == Kind::Direct && error.empty(); }
  /// `url` with its password replaced by `***`, fit for messages and logs.
  std::string redactedUrl() const;
  /// "http://proxy:3128 (HTTPS_PROXY)", empty when direct.
  std::string describe() const;

  /// The route to `server` (the kubeconfig's https://host:port URL).
  static ProxyRoute choose(const std::string& server, const std::string& clusterProxyUrl,
                           const ProxyEnvironment& environment);
  /// A proxy URL as Go parses it: no scheme means http://; http, socks5 and socks5h are
  /// supported; https:// (TLS to the proxy itself) is an error QtNetwork cannot serve.
  static ProxyRoute fromUrl(const std::string& url, const std::string& source);
};

/// Whether NO_PROXY's comma-separated `entries` exclude `host` on `port` (lowercase host, no
/// brackets), by Go's rules: `*` excludes everything; an IP or CIDR matches addresses; a domain
/// matches itself and its subdomains, `.domain` and `*.domain` only its subdomains; any entry
/// may end in `:port` to match that port only.
bool noProxyExcludes(const std::string& entries, const std::string& host, int port);

}  // namespace meshstudio::cluster
