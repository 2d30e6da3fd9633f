#include "engine/LoadBalancer.h"

#include <algorithm>

#include "engine/HashTable.h"
#include "engine/Snapshot.h"

namespace meshstudio::engine {

namespace {

std::optional<std::string_view> cookieValue(const Request& request, std::string_view name) {
  for (const auto& field : request) {
    if (field.name() != http::field::cookie) continue;
    std::string_view rest = field.value();
    while (!rest.empty()) {
      std::string_view pair = rest.substr(0, rest.find(';'));
      rest.remove_prefix(std::min(rest.size(), pair.size() + 1));
      while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
      auto equals = pair.find('=');
      if (equals != std::string_view::npos && pair.substr(0, equals) == name) {
        std::string_view value = pair.substr(equals + 1);
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
        return value;
      }
    }
  }
  return std::nullopt;
}

std::optional<std::string_view> queryValue(std::string_view target, std::string_view name) {
  auto question = target.find('?');
  if (question == std::string_view::npos) return std::nullopt;
  std::string_view rest = target.substr(question + 1);
  while (!rest.empty()) {
    std::string_view pair = rest.substr(0, rest.find('&'));
    rest.remove_prefix(std::min(rest.size(), pair.size() + 1));
    auto equals = pair.find('=');
    if (pair.substr(0, equals) == name)
      return equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1);
  }
  return std::nullopt;
}

std::string hex(std::uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string text(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) text[static_cast<std::size_t>(i)] = kDigits[value & 0xf];
  return text;
}

}  // namespace

std::optional<std::uint64_t> requestHash(const Cluster& cluster, const Request& request, std::string_view sourceAddress,
                                         std::string* setCookie) {
  const LoadBalancerPolicy& lb = cluster.policy.loadBalancer;
  using Key = LoadBalancerPolicy::HashKey;
  switch (lb.hashKey) {
    case Key::None:
      return std::nullopt;
    case Key::Header: {
      auto it = request.find(lb.hashName);
      if (it == request.end()) return std::nullopt;
      return HashTable::hash(it->value());
    }
    case Key::QueryParameter: {
      auto value = queryValue(request.target(), lb.hashName);
      return value ? std::optional(HashTable::hash(*value)) : std::nullopt;
    }
    case Key::SourceIp: {
      std::string_view ip = sourceAddress.substr(0, sourceAddress.rfind(':'));
      return HashTable::hash(ip);
    }
    case Key::Cookie: {
      if (auto value = cookieValue(request, lb.hashName)) return HashTable::hash(*value);
      if (!lb.cookieTtl) return std::nullopt;  // no cookie and none to generate: a random host
      // Envoy generates the value from the downstream address, so one client keeps one value.
      const std::string value = hex(HashTable::hash(sourceAddress));
      if (setCookie) {
        *setCookie = lb.hashName + "=\"" + value + "\"";
        if (lb.cookieTtl->count() > 0) *setCookie += "; Max-Age=" + std::to_string(lb.cookieTtl->count());
        if (!lb.cookiePath.empty()) *setCookie += "; Path=" + lb.cookiePath;
        *setCookie += "; HttpOnly";
      }
      return HashTable::hash(value);
    }
  }
  return std::nullopt;
}

std::optional<std::size_t> chooseHost(const Cluster& cluster, const ClusterRuntime& runtime,
                                      std::optional<std::uint64_t> hash, RandomSource& random,
                                      std::span<const std::size_t> previous) {
  const std::size_t count = cluster.endpoints.size();
  if (count == 0 || runtime.hosts.size() != count) return std::nullopt;
  std::size_t healthy = 0;
  for (const auto& host : runtime.hosts) healthy += host->ejected.load(std::memory_order_relaxed) ? 0 : 1;
  // Below the panic threshold Envoy balances over all hosts, ejected ones included.
  const bool panic = healthy * 100 < static_cast<std::size_t>(cluster.policy.panicThresholdPercent()) * count;
  if (healthy == 0 && !panic) return std::nullopt;
  auto usable = [&](std::size_t host) {
    return panic || !runtime.hosts[host]->ejected.load(std::memory_order_relaxed);
  };
  auto fresh = [&](std::size_t host) { return std::find(previous.begin(), previous.end(), host) == previous.end(); };

  const LoadBalancerPolicy& lb = cluster.policy.loadBalancer;
  if (lb.isConsistentHash() && hash && cluster.hashTable) return cluster.hashTable->pick(*hash, usable);

  // The candidates: usable hosts, and among them those not tried yet when there are any.
  thread_local std::vector<std::size_t> candidates;  // reused: no allocation per request
  candidates.clear();
  for (std::size_t host = 0; host < count; ++host)
    if (usable(host) && fresh(host)) candidates.push_back(host);
  if (candidates.empty())
    for (std::size_t host = 0; host < count; ++host)
      if (usable(host)) candidates.push_back(host);
  if (candidates.size() == 1) return candidates.front();

  using Kind = LoadBalancerPolicy::Kind;
  switch (lb.kind) {
    case Kind::RoundRobin:
      return candidates[runtime.state->roundRobin.fetch_add(1, std::memory_order_relaxed) % candidates.size()];
    case Kind::Random:
    case Kind::Passthrough:
    case Kind::RingHash:  // a hash policy without a key in the request: a random host
    case Kind::Maglev:
      return candidates[random.next() % candidates.size()];
    case Kind::LeastRequest:
      break;
  }
  const std::size_t first = random.next() % candidates.size();
  std::size_t second = random.next() % (candidates.size() - 1);
  if (second >= first) ++second;
  const std::size_t a = candidates[first], b = candidates[second];
  return runtime.hosts[b]->activeRequests.load(std::memory_order_relaxed) <
                 runtime.hosts[a]->activeRequests.load(std::memory_order_relaxed)
             ? b
             : a;
}

}  // namespace meshstudio::engine
