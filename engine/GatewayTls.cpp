#include "engine/GatewayTls.h"

#include <optional>

namespace meshstudio::engine {
namespace {

/// How specifically `pattern` names `serverName`, as Envoy orders filter-chain server names:
/// an exact name, then the longest `*.suffix`, then `*` (which also takes a ClientHello without
/// SNI). nullopt: no match.
std::optional<std::size_t> specificity(std::string_view pattern, std::string_view serverName) {
  if (pattern == "*") return 0;
  if (serverName.empty()) return std::nullopt;
  if (pattern == serverName) return 2 * pattern.size() + 1;  // beats any wildcard of the same length
  if (pattern.starts_with("*.")) {
    const std::string_view suffix = pattern.substr(1);
    if (serverName.size() > suffix.size() && serverName.ends_with(suffix)) return 2 * pattern.size();
  }
  return std::nullopt;
}

template <class Candidate>
void consider(const std::vector<Candidate>& candidates, const std::vector<std::string> Candidate::*names,
              std::string_view serverName, std::optional<std::size_t>& best, const Candidate*& chosen) {
  for (const Candidate& candidate : candidates)
    for (const std::string& pattern : candidate.*names) {
      auto score = specificity(pattern, serverName);
      if (score && (!best || *score > *best)) {  // ties: the first written wins
        best = score;
        chosen = &candidate;
      }
    }
}

}  // namespace

std::string_view tlsModeName(TlsMode mode) {
  switch (mode) {
    case TlsMode::Passthrough:
      return "PASSTHROUGH";
    case TlsMode::Simple:
      return "SIMPLE";
    case TlsMode::Mutual:
      return "MUTUAL";
    case TlsMode::OptionalMutual:
      return "OPTIONAL_MUTUAL";
  }
  return "";
}

TlsTarget selectTlsTarget(const std::vector<TlsServer>& servers, const std::vector<TlsRoute>& routes,
                          std::string_view serverName) {
  std::optional<std::size_t> bestServer, bestRoute;
  const TlsServer* server = nullptr;
  const TlsRoute* route = nullptr;
  consider(servers, &TlsServer::hosts, serverName, bestServer, server);
  consider(routes, &TlsRoute::sniHosts, serverName, bestRoute, route);
  if (server && (!route || *bestServer >= *bestRoute)) return {server, nullptr};
  return {nullptr, route};
}

}  // namespace meshstudio::engine
