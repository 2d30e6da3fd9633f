#pragma once

// Choosing the host of a cluster for one attempt, as Envoy's load balancers do (semantics §7.2):
// LEAST_REQUEST (two random choices, the fewer active requests wins; Istio's default),
// ROUND_ROBIN, RANDOM, and consistent hashing (ring hash or Maglev) on a header, a cookie, the
// source IP or a query parameter. Outlier-ejected hosts are passed over unless the healthy share
// falls below the panic threshold, when Envoy balances over every host; with every host ejected
// and no panic there is no host (503 UH). Free functions over the compiled Cluster and its live
// ClusterState; randomness comes from the caller.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/ClusterState.h"
#include "engine/HttpTypes.h"
#include "engine/RandomSource.h"

namespace meshstudio::engine {

struct Cluster;

/// A cluster of the installed snapshot with its live state: hosts parallel to Cluster::endpoints.
struct ClusterRuntime {
  std::shared_ptr<ClusterState> state;
  std::vector<std::shared_ptr<HostState>> hosts;
};

/// The hash a consistent-hash policy computes for `request`; nullopt when the request has no
/// such key (Envoy then picks a random host). For a cookie policy with a `ttl` and no cookie,
/// the cookie to set is generated from `sourceAddress` and returned in `setCookie` (the
/// Set-Cookie field value), and its value is what is hashed.
std::optional<std::uint64_t> requestHash(const Cluster& cluster, const Request& request, std::string_view sourceAddress,
                                         std::string* setCookie);

/// The host (an index into cluster.endpoints) for one attempt, avoiding `previous` hosts when
/// another healthy host exists (Istio's retry_previous_hosts); nullopt: no healthy upstream.
std::optional<std::size_t> chooseHost(const Cluster& cluster, const ClusterRuntime& runtime,
                                      std::optional<std::uint64_t> hash, RandomSource& random,
                                      std::span<const std::size_t> previous = {});

}  // namespace meshstudio::engine
