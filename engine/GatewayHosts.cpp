#include "engine/GatewayHosts.h"

#include "model/Text.h"

namespace meshstudio::engine {

bool wildcardCovers(std::string_view pattern, std::string_view host) {
  if (pattern == "*") return true;
  if (!pattern.starts_with("*.")) return pattern == host;
  std::string_view suffix = pattern.substr(1);
  return host.size() > suffix.size() && host.ends_with(suffix);
}

std::optional<std::string> intersectHosts(const std::string& a, const std::string& b) {
  if (wildcardCovers(a, b)) return b;
  if (wildcardCovers(b, a)) return a;
  return std::nullopt;
}

bool serverHostAccepts(const std::string& serverHost, const std::string& gatewayNamespace,
                       const std::string& vsNamespace, std::string& dnsName) {
  auto slash = serverHost.find('/');
  if (slash == std::string::npos) {
    dnsName = model::lowercase(serverHost);
    return true;
  }
  std::string ns = serverHost.substr(0, slash);
  dnsName = model::lowercase(serverHost.substr(slash + 1));
  if (ns == "*") return true;
  if (ns == ".") return vsNamespace == gatewayNamespace;
  return ns == vsNamespace;
}

std::string gatewayHostName(const std::string& written, const std::string& vsNamespace) {
  std::string host = model::lowercase(written);
  if (host == "*" || host.find('.') != std::string::npos || host.find(':') != std::string::npos) return host;
  return host + "." + vsNamespace + ".svc.cluster.local";
}

}  // namespace meshstudio::engine
