// Fuzzes route compilation from arbitrary models: the bytes are imported as manifests, compiled
// into an engine Snapshot (Services, VirtualServices, DestinationRules, Gateways, EnvoyFilters...)
// and a few fixed requests are routed through every listener's table with the engine's own
// routing function. Compile problems must come back in Snapshot::problems and routing must
// answer every request; nothing may throw, crash or hang.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/Explain.h"
#include "engine/RandomSource.h"
#include "engine/Router.h"
#include "engine/Snapshot.h"
#include "model/Importer.h"

using namespace meshstudio;

namespace {

/// A request's authority for a virtual host's domain: wildcards made concrete, so that the
/// request reaches that host's routes rather than only the domain search.
std::string authorityFor(const std::string& domain) {
  std::string authority = domain;
  for (char& c : authority)
    if (c == '*') c = 'x';
  return authority.empty() ? std::string("x") : authority;
}

void routeThrough(const engine::Snapshot& snapshot, const engine::RouteTable& table) {
  struct Probe {
    std::string_view method, path;
    engine::HeaderList headers;
  };
  const std::array<Probe, 3> probes = {{
      {"GET", "/", {}},
      {"POST", "/api/v1/reviews/0?user=jason&x=%2F", {{"end-user", "jason"}, {"cookie", "user=jason; a=b"}}},
      {"OPTIONS", "/static/../x", {{"origin", "https://example.com"}, {"access-control-request-method", "PUT"}}},
  }};
  // Bounded: a table with thousands of hosts must not turn one input into a slow one.
  constexpr std::size_t kHostsProbed = 8;
  std::size_t probed = 0;
  for (const engine::VirtualHost& host : table.virtualHosts) {
    if (probed++ == kHostsProbed) break;
    const std::string authority = authorityFor(host.domains.empty() ? host.name : host.domains.front());
    for (const Probe& probe : probes) {
      engine::FixedRandom random({0, 0x8000000000000000ULL, ~0ULL});
      engine::Request request =
          engine::makeRequest(probe.method, "http://" + authority + std::string(probe.path), probe.headers);
      engine::normalizeProxyRequest(request);
      engine::RoutingDecision decision = engine::routeRequest(snapshot, table, request, random);
      if (decision.forward == decision.localReply.has_value()) __builtin_trap();  // exactly one of the two
      engine::Response response;
      if (decision.localReply) response = *decision.localReply;
      engine::applyResponsePolicies(decision, response);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  model::ImportResult imported = model::Importer::importText(text, "fuzz.yaml");
  const auto snapshot = engine::Snapshot::compile(imported.resources, model::Value::map());
  if (!snapshot) __builtin_trap();
  routeThrough(*snapshot, snapshot->mesh);
  for (const engine::GatewayListener& gateway : snapshot->gateways) routeThrough(*snapshot, gateway.table);
  return 0;
}
