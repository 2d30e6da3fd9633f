#include "engine/TokenBucket.h"

#include <algorithm>

namespace meshstudio::engine {

TokenBucket::TokenBucket(std::uint64_t maxTokens, std::uint64_t tokensPerFill, std::chrono::milliseconds fillInterval,
                         Clock::time_point now)
    : maxTokens_(maxTokens),
      tokensPerFill_(tokensPerFill),
      fillInterval_(std::max(fillInterval, std::chrono::milliseconds(1))),
      tokens_(maxTokens),
      lastFill_(now) {}

bool TokenBucket::tryTake(Clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (now > lastFill_) {
    const auto fills = static_cast<std::uint64_t>((now - lastFill_) / fillInterval_);
    if (fills > 0) {
      tokens_ = std::min(maxTokens_, tokens_ + fills * tokensPerFill_);
      lastFill_ += fillInterval_ * static_cast<std::int64_t>(fills);  // keep the fill phase
    }
  }
  if (tokens_ == 0) return false;
  --tokens_;
  return true;
}

}  // namespace meshstudio::engine
