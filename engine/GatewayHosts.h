#pragma once

// How Gateway server hosts and VirtualService hosts meet (semantics §9): `[ns/]dnsName` server
// hosts filtered by the VirtualService's namespace, and wildcard intersection where the more
// specific name wins. Shared by the HTTP route tables and the TLS passthrough routes.

#include <optional>
#include <string>
#include <string_view>

namespace meshstudio::engine {

/// `*.example.com` covers `a.example.com` (and `*.a.example.com`), never `example.com`; `*` covers all.
bool wildcardCovers(std::string_view pattern, std::string_view host);

/// The more specific of two hosts when one covers the other (gateway.go host intersection).
std::optional<std::string> intersectHosts(const std::string& a, const std::string& b);

/// Server host `[ns/]dnsName`: does it accept VirtualServices from `vsNamespace`? `dnsName` gets
/// the lower-case name.
bool serverHostAccepts(const std::string& serverHost, const std::string& gatewayNamespace,
                       const std::string& vsNamespace, std::string& dnsName);

/// A VirtualService host as a gateway sees it: short names (`reviews`) become the Service's full
/// name in the VirtualService's namespace (Istio's resolveVirtualServiceShortnames).
std::string gatewayHostName(const std::string& written, const std::string& vsNamespace);

}  // namespace meshstudio::engine
