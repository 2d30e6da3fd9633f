#pragma once

// Every random decision the engine makes (weighted destination, fault draws, pod error rate,
// load balancing) goes through a RandomSource that the caller passes in, as Envoy's router takes
// its Random::RandomGenerator: tests hand in a fixed sequence and get the same answer every run.

#include <cstdint>
#include <initializer_list>
#include <vector>

namespace meshstudio::engine {

class RandomSource {
 public:
  virtual ~RandomSource() = default;
  virtual std::uint64_t next() = 0;
  /// A double in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
};

/// splitmix64: fast, statistically sound, one word of state. One per I/O thread.
class SeededRandom final : public RandomSource {
 public:
  explicit SeededRandom(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() override {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

 private:
  std::uint64_t state_;
};

/// Replays the given values in order, then starts again: for tests.
class FixedRandom final : public RandomSource {
 public:
  FixedRandom(std::initializer_list<std::uint64_t> values) : values_(values) {}
  explicit FixedRandom(std::vector<std::uint64_t> values) : values_(std::move(values)) {}
  std::uint64_t next() override {
    if (values_.empty()) return 0;
    std::uint64_t value = values_[position_];
    position_ = (position_ + 1) % values_.size();
    return value;
  }

 private:
  std::vector<std::uint64_t> values_;
  std::size_t position_ = 0;
};

}  // namespace meshstudio::engine
