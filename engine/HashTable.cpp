#include "engine/HashTable.h"

#include <algorithm>
#include <functional>

namespace meshstudio::engine {

namespace {
constexpr std::uint64_t kMaxRingSize = 8 * 1024 * 1024;  ///< Envoy's maximum_ring_size default

/// Maglev's permutations cover every slot only when the table size is prime (Envoy insists on one).
std::uint64_t nextPrime(std::uint64_t value) {
  auto prime = [](std::uint64_t n) {
    if (n < 2) return false;
    for (std::uint64_t d = 2; d * d <= n; ++d)
      if (n % d == 0) return false;
    return true;
  };
  while (!prime(value)) ++value;
  return value;
}
}  // namespace

std::uint64_t HashTable::hash(std::string_view text) { return std::hash<std::string_view>{}(text); }

HashTable HashTable::ring(const std::vector<std::string>& hostKeys, std::uint64_t minimumRingSize) {
  HashTable table;
  if (hostKeys.empty()) return table;
  const std::uint64_t ringSize = std::clamp<std::uint64_t>(minimumRingSize, hostKeys.size(), kMaxRingSize);
  const std::uint64_t perHost = (ringSize + hostKeys.size() - 1) / hostKeys.size();
  table.ring_.reserve(perHost * hostKeys.size());
  for (std::size_t host = 0; host < hostKeys.size(); ++host)
    for (std::uint64_t i = 0; i < perHost; ++i)  // Envoy hashes "<address>_<i>"
      table.ring_.emplace_back(hash(hostKeys[host] + "_" + std::to_string(i)), static_cast<std::uint32_t>(host));
  std::sort(table.ring_.begin(), table.ring_.end());
  return table;
}

HashTable HashTable::maglev(const std::vector<std::string>& hostKeys, std::uint64_t tableSize) {
  HashTable table;
  table.maglev_ = true;
  if (hostKeys.empty()) return table;
  const std::uint64_t size = nextPrime(std::max<std::uint64_t>(tableSize, hostKeys.size()));
  // Each host walks its own permutation (offset, skip) of the slots; hosts take turns claiming
  // the next free slot of theirs until the table is full (Maglev paper, §3.4).
  std::vector<std::uint64_t> offset(hostKeys.size()), skip(hostKeys.size()), next(hostKeys.size(), 0);
  for (std::size_t host = 0; host < hostKeys.size(); ++host) {
    offset[host] = hash(hostKeys[host] + "#offset") % size;
    skip[host] = size > 1 ? hash(hostKeys[host] + "#skip") % (size - 1) + 1 : 1;
  }
  constexpr std::uint32_t kFree = 0xffffffffu;
  table.table_.assign(size, kFree);
  std::uint64_t filled = 0;
  while (filled < size) {
    for (std::size_t host = 0; host < hostKeys.size() && filled < size; ++host) {
      std::uint64_t slot = (offset[host] + next[host] * skip[host]) % size;
      while (table.table_[slot] != kFree) slot = (offset[host] + ++next[host] * skip[host]) % size;
      table.table_[slot] = static_cast<std::uint32_t>(host);
      ++next[host];
      ++filled;
    }
  }
  return table;
}

std::size_t HashTable::ringStart(std::uint64_t keyHash) const {
  auto it = std::lower_bound(ring_.begin(), ring_.end(), std::make_pair(keyHash, std::uint32_t{0}));
  return it == ring_.end() ? 0 : static_cast<std::size_t>(it - ring_.begin());
}

}  // namespace meshstudio::engine
