#pragma once

// Consistent hashing for DestinationRule `consistentHash` (semantics §7.2): Envoy's ring hash
// (each host placed at ceil(minimumRingSize / hosts) points on a 64-bit ring, a key goes to the
// first point at or after its hash) and Maglev (Google's lookup table of a prime size, filled
// from each host's permutation in turns). Built once per cluster when a Snapshot is compiled,
// then only read.
//
// Hosts are hashed by their key (the address the studio shows for a pod) with std::hash, which
// is stable within a build, so one project always sends one key to one pod. When the chosen host
// cannot take the request (ejected), the next host along the ring or table does: Envoy rebuilds
// the ring from the healthy hosts, which moves the same keys the same way for a ring and nearly
// so for Maglev.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meshstudio::engine {

class HashTable {
 public:
  static HashTable ring(const std::vector<std::string>& hostKeys, std::uint64_t minimumRingSize);
  static HashTable maglev(const std::vector<std::string>& hostKeys, std::uint64_t tableSize);

  /// The 64-bit hash the tables are built with, for request keys too.
  static std::uint64_t hash(std::string_view text);

  /// The host (an index into hostKeys) for `keyHash`, passing over hosts `usable` refuses;
  /// nullopt when there are no hosts or none is usable.
  template <class Usable>
  std::optional<std::size_t> pick(std::uint64_t keyHash, Usable usable) const {
    const std::size_t size = maglev_ ? table_.size() : ring_.size();
    if (size == 0) return std::nullopt;
    std::size_t start = maglev_ ? static_cast<std::size_t>(keyHash % size) : ringStart(keyHash);
    // Every host appears in the table, so one lap finds a usable one if there is any.
    for (std::size_t step = 0; step < size; ++step) {
      const std::size_t at = (start + step) % size;
      const std::size_t host = maglev_ ? table_[at] : ring_[at].second;
      if (usable(host)) return host;
    }
    return std::nullopt;
  }

  std::size_t size() const { return maglev_ ? table_.size() : ring_.size(); }

 private:
  std::size_t ringStart(std::uint64_t keyHash) const;

  bool maglev_ = false;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> ring_;  ///< (point, host), sorted by point
  std::vector<std::uint32_t> table_;                           ///< maglev: slot → host
};

}  // namespace meshstudio::engine
