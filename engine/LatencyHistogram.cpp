#include "engine/LatencyHistogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace meshstudio::engine {

namespace {

// Below 2^kSubBits ns every nanosecond has its bucket; above, each power of two is split into
// 2^(kSubBits-1) buckets, so a bucket's width is at most 1/128 of its lower bound.
constexpr unsigned kSubBits = 8;
constexpr std::uint64_t kLinear = std::uint64_t(1) << kSubBits;      // 256
constexpr std::uint64_t kHalf = std::uint64_t(1) << (kSubBits - 1);  // 128

}  // namespace

const std::vector<std::int64_t>& LatencyHistogram::fortioBounds() {
  static const std::vector<std::int64_t> bounds = {0,     1,     2,     3,     4,     5,
                                                   6,     7,     8,     9,     10,    11,     // by 1
                                                   12,    14,    16,    18,    20,            // by 2
                                                   25,    30,    35,    40,    45,    50,     // by 5
                                                   60,    70,    80,    90,    100,           // by 10
                                                   120,   140,   160,   180,   200,           // by 20
                                                   250,   300,   350,   400,   450,   500,    // by 50
                                                   600,   700,   800,   900,   1000,          // by 100
                                                   2000,  3000,  4000,  5000,  7500,  10000,  // coarser
                                                   20000, 30000, 40000, 50000, 75000, 100000};
  return bounds;
}

LatencyHistogram::LatencyHistogram(std::chrono::nanoseconds resolution)
    : resolution_(resolution.count() > 0 ? resolution : std::chrono::milliseconds(1)),
      display_(fortioBounds().size() + 1, 0) {}

std::size_t LatencyHistogram::fineIndex(std::uint64_t ns) {
  if (ns < kLinear) return static_cast<std::size_t>(ns);
  const unsigned exponent = static_cast<unsigned>(std::bit_width(ns)) - 1;  // >= kSubBits
  const unsigned shift = exponent - (kSubBits - 1);
  const std::uint64_t sub = ns >> shift;  // in [kHalf, 2 * kHalf)
  return static_cast<std::size_t>(kLinear + (exponent - kSubBits) * kHalf + (sub - kHalf));
}

std::uint64_t LatencyHistogram::fineLower(std::size_t index) {
  if (index < kLinear) return index;
  const std::uint64_t rest = index - kLinear;
  const unsigned exponent = static_cast<unsigned>(rest / kHalf) + kSubBits;
  const std::uint64_t sub = rest % kHalf + kHalf;
  return sub << (exponent - (kSubBits - 1));
}

std::uint64_t LatencyHistogram::fineUpper(std::size_t index) {
  if (index < kLinear) return index + 1;
  const unsigned exponent = static_cast<unsigned>((index - kLinear) / kHalf) + kSubBits;
  return fineLower(index) + (std::uint64_t(1) << (exponent - (kSubBits - 1)));
}

std::size_t LatencyHistogram::displayIndex(std::uint64_t ns) const {
  // The first bound at or above the value: bucket i holds (bound[i-1], bound[i]].
  const auto& bounds = fortioBounds();
  const auto resolution = static_cast<std::uint64_t>(resolution_.count());
  auto it = std::lower_bound(bounds.begin(), bounds.end(), ns, [&](std::int64_t bound, std::uint64_t value) {
    return static_cast<std::uint64_t>(bound) * resolution < value;
  });
  return static_cast<std::size_t>(it - bounds.begin());
}

void LatencyHistogram::record(std::chrono::nanoseconds value) {
  const std::uint64_t ns = value.count() > 0 ? static_cast<std::uint64_t>(value.count()) : 0;
  const std::size_t index = fineIndex(ns);
  if (index >= fine_.size()) fine_.resize(index + 1, 0);
  ++fine_[index];
  ++display_[displayIndex(ns)];
  ++count_;
  min_ = std::min(min_, ns);
  max_ = std::max(max_, ns);
  const auto v = static_cast<double>(ns);
  sum_ += v;
  sumSquares_ += v * v;
}

void LatencyHistogram::merge(const LatencyHistogram& other) {
  if (other.fine_.size() > fine_.size()) fine_.resize(other.fine_.size(), 0);
  for (std::size_t i = 0; i < other.fine_.size(); ++i) fine_[i] += other.fine_[i];
  for (std::size_t i = 0; i < display_.size() && i < other.display_.size(); ++i) display_[i] += other.display_[i];
  count_ += other.count_;
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
  sum_ += other.sum_;
  sumSquares_ += other.sumSquares_;
}

double LatencyHistogram::stddevNs() const {
  if (count_ == 0) return 0;
  const double mean = meanNs();
  const double variance = sumSquares_ / static_cast<double>(count_) - mean * mean;
  return variance > 0 ? std::sqrt(variance) : 0;
}

std::chrono::nanoseconds LatencyHistogram::percentile(double percent) const {
  if (count_ == 0) return std::chrono::nanoseconds(0);
  if (percent >= 100) return max();
  if (percent <= 0) return min();
  // The rank-th smallest sample, interpolated linearly inside its bucket as fortio does.
  const double rank = percent / 100.0 * static_cast<double>(count_);
  double before = 0;
  for (std::size_t i = 0; i < fine_.size(); ++i) {
    if (fine_[i] == 0) continue;
    const auto inBucket = static_cast<double>(fine_[i]);
    if (before + inBucket >= rank) {
      const auto lower = static_cast<double>(fineLower(i));
      const auto width = static_cast<double>(fineUpper(i) - fineLower(i));
      const double value = lower + width * (rank - before) / inBucket;
      const double clamped = std::clamp(value, static_cast<double>(min_), static_cast<double>(max_));
      return std::chrono::nanoseconds(static_cast<std::int64_t>(std::llround(clamped)));
    }
    before += inBucket;
  }
  return max();
}

std::vector<LatencyHistogram::DisplayBucket> LatencyHistogram::displayBuckets() const {
  std::vector<DisplayBucket> rows;
  if (count_ == 0) return rows;
  const auto& bounds = fortioBounds();
  const std::int64_t resolution = resolution_.count();
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < display_.size(); ++i) {
    if (display_[i] == 0) continue;
    cumulative += display_[i];
    DisplayBucket row;
    row.lower = std::chrono::nanoseconds(i == 0 ? 0 : bounds[i - 1] * resolution);
    row.upper = std::chrono::nanoseconds(i < bounds.size() ? bounds[i] * resolution : static_cast<std::int64_t>(max_));
    row.count = display_[i];
    row.cumulativePercent = 100.0 * static_cast<double>(cumulative) / static_cast<double>(count_);
    rows.push_back(row);
  }
  // fortio narrows the outer rows to what was seen: ">= min" first, "<= max" last.
  rows.front().lower = std::max(rows.front().lower, min());
  rows.back().upper = std::min(rows.back().upper, max());
  return rows;
}

}  // namespace meshstudio::engine
