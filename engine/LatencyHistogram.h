#pragma once

// Latencies of a load run, kept two ways at once:
//
// - fine log-linear buckets (every nanosecond below 256 ns, then 128 buckets per power of two: a
//   bucket is at most 1/128 of its lower bound wide), so percentiles are within 0.4 % of the
//   recorded values whatever the range, in bounded memory, and histograms merge by adding counts
//   (each connection keeps its own, without locks, and they are summed at the end);
// - fortio's display buckets (0, 1, 2, ... 11, 12, 14, ... 20, 25, ... 100000 times a
//   resolution, 1 ms by default like fortio's `-r 0.001`), counted exactly when recorded, for
//   the `# range, mid point, percentile, count` table fortio users read.
//
// fortio computes its percentiles from the display buckets; with 1 ms buckets a loopback run
// (every latency under 1 ms) would only say "somewhere below 1 ms", so the percentiles here come
// from the fine buckets instead (interpolated linearly within the bucket, like fortio, and
// clamped to the observed min and max).

#include <chrono>
#include <cstdint>
#include <vector>

namespace meshstudio::engine {

class LatencyHistogram {
 public:
  /// One row of the fortio-style table: values in (lower, upper], with the first row's lower
  /// bound and the last row's upper bound narrowed to the observed min and max.
  struct DisplayBucket {
    std::chrono::nanoseconds lower{0}, upper{0};
    std::uint64_t count = 0;
    double cumulativePercent = 0;  ///< share of all samples at or below `upper`
  };

  explicit LatencyHistogram(std::chrono::nanoseconds resolution = std::chrono::milliseconds(1));

  /// Counts one sample; negative values count as 0.
  void record(std::chrono::nanoseconds value);
  /// Adds `other`'s samples (same resolution expected; display counts are added bucket by bucket).
  void merge(const LatencyHistogram& other);

  std::uint64_t count() const { return count_; }
  std::chrono::nanoseconds min() const { return std::chrono::nanoseconds(count_ ? min_ : 0); }
  std::chrono::nanoseconds max() const { return std::chrono::nanoseconds(max_); }
  double meanNs() const { return count_ ? sum_ / static_cast<double>(count_) : 0; }
  double stddevNs() const;
  double sumNs() const { return sum_; }
  std::chrono::nanoseconds resolution() const { return resolution_; }

  /// The value below which `percent` % of the samples fall (0 when empty); 100 gives the max.
  std::chrono::nanoseconds percentile(double percent) const;
  /// The non-empty fortio-style rows, in increasing order.
  std::vector<DisplayBucket> displayBuckets() const;

  /// fortio's bucket bounds in units of the resolution (histogram.go's histogramBucketValues).
  static const std::vector<std::int64_t>& fortioBounds();

 private:
  static std::size_t fineIndex(std::uint64_t ns);
  static std::uint64_t fineLower(std::size_t index);
  static std::uint64_t fineUpper(std::size_t index);  ///< exclusive
  std::size_t displayIndex(std::uint64_t ns) const;

  std::chrono::nanoseconds resolution_;
  std::vector<std::uint64_t> fine_;     ///< grown on demand to the highest index used
  std::vector<std::uint64_t> display_;  ///< one per fortio bound, plus one for beyond the last
  std::uint64_t count_ = 0;
  std::uint64_t min_ = UINT64_MAX, max_ = 0;
  double sum_ = 0, sumSquares_ = 0;
};

}  // namespace meshstudio::engine
