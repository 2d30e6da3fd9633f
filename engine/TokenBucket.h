#pragma once

// The token bucket of Envoy's local rate limit filter (semantics §10): `maxTokens` tokens at the
// start and at most, `tokensPerFill` added every `fillInterval`, one taken per request. Refill is
// computed when a token is asked for, as Envoy has done since 2024, not by a timer. One bucket is
// shared by every engine thread, as one proxy's workers share theirs.

#include <chrono>
#include <cstdint>
#include <mutex>

namespace meshstudio::engine {

class TokenBucket {
 public:
  using Clock = std::chrono::steady_clock;
  TokenBucket(std::uint64_t maxTokens, std::uint64_t tokensPerFill, std::chrono::milliseconds fillInterval,
              Clock::time_point now = Clock::now());
  /// Takes one token if there is one.
  bool tryTake(Clock::time_point now = Clock::now());

 private:
  std::mutex mutex_;
  const std::uint64_t maxTokens_, tokensPerFill_;
  const std::chrono::milliseconds fillInterval_;
  std::uint64_t tokens_;
  Clock::time_point lastFill_;
};

}  // namespace meshstudio::engine
