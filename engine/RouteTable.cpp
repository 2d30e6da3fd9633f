#include "engine/RouteTable.h"

#include "engine/Authority.h"

namespace meshstudio::engine {

std::string ConfigOrigin::describe() const {
  std::string out = resource;
  if (!path.empty()) out += " " + path;
  if (!file.empty()) out += " (" + file + (line > 0 ? ":" + std::to_string(line) : "") + ")";
  return out;
}

bool RouteMatch::isCatchAll() const {
  const bool anyPath = !uri || (uri->kind() == StringMatcher::Kind::Prefix && uri->text() == "/");
  return anyPath && headers.empty() && queryParams.empty() && !method && !scheme && !authority;
}

void RouteTable::index() {
  exactDomains_.clear();
  for (std::size_t i = 0; i < virtualHosts.size(); ++i)
    for (const std::string& domain : virtualHosts[i].domains)
      if (!domain.starts_with('*')) exactDomains_.emplace(domain, i);  // the first host keeps a domain
}

const VirtualHost* RouteTable::selectVirtualHost(std::string_view authority) const {
  // Ports are ignored for virtual-host selection (Istio sets IgnorePortInHostMatching).
  const std::string host = hostOf(authority);
  if (auto it = exactDomains_.find(host); it != exactDomains_.end()) return &virtualHosts[it->second];
  const VirtualHost* best = nullptr;
  std::size_t bestLength = 0;
  for (const VirtualHost& candidate : virtualHosts)
    for (const std::string& domain : candidate.domains) {
      if (domain == "*") {
        if (!best) best = &candidate;
        continue;
      }
      // `*.example.com` covers `a.example.com`, never `example.com` itself.
      if (domain.starts_with("*.") && host.size() > domain.size() - 1 && host.ends_with(domain.substr(1)) &&
          domain.size() > bestLength) {
        best = &candidate;
        bestLength = domain.size();
      }
    }
  return best;
}

}  // namespace meshstudio::engine
