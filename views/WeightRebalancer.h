#pragma once

#include <QList>

#include <optional>

namespace meshstudio::views {

/// The arithmetic of a canary split: integer route weights that always add up to 100.
///
/// Pure functions, no widgets and no state, so that every rule here is unit-tested on its own
/// (tests/views/tst_weightrebalancer.cpp) and the editor only decides *when* to call them.
///
/// Rounding is largest-remainder (Hamilton): every share is rounded down, and the points still
/// missing go to the largest fractional parts; ties go to the earlier destination. The result is
/// deterministic and never off by more than one point from the exact proportion.
class WeightRebalancer {
 public:
  static constexpr int Total = 100;

  /// `weights` with destination `index` set to `value` and the other *unlocked* destinations
  /// rescaled in proportion to their current weights, so that the sum is exactly 100.
  ///
  /// - Weights that do not add up to 100 yet (YAML `1, 1, 1`) are normalised first, locked ones
  ///   included: a lock keeps a destination's share of the traffic, and that share is what the
  ///   numbers meant.
  /// - `value` is clamped to allowedRange(): the locked others keep their weight.
  /// - When every unlocked other is at 0, what is left is split evenly between them.
  /// - A locked `index`, or one whose others are all locked, cannot move: the normalised weights
  ///   come back unchanged. A single destination is always 100.
  ///
  /// `locked` may be shorter than `weights` (missing entries are unlocked); an out-of-range
  /// `index` returns the normalised weights.
  static QList<int> setWeight(const QList<int>& weights, const QList<bool>& locked, int index, int value);

  /// The values destination `index` can take in setWeight(): {0, 100 - locked others}, or a single
  /// value when nothing else can absorb a change (see setWeight()).
  struct Range {
    int minimum = 0;
    int maximum = Total;
    bool operator==(const Range&) const = default;
  };
  static Range allowedRange(const QList<int>& weights, const QList<bool>& locked, int index);

  /// Weights as Istio reads them, scaled to integers adding up to exactly 100.
  ///
  /// A missing weight (nullopt) or a negative one counts as 0, except that a single destination
  /// always receives all the traffic (so it is 100 whatever it says). When several destinations
  /// add up to 0, which Istio rejects, the result is an even split. A destination that had traffic
  /// keeps at least 1 (as the "Normalise weights to 100" quick fix does), unless more than 100 of
  /// them have traffic. An empty list stays empty.
  static QList<int> normalised(const QList<std::optional<qint64>>& weights);
  static QList<int> normalised(const QList<int>& weights);

  /// 100 split evenly over `count` destinations; the first ones get the leftover points.
  static QList<int> evenSplit(int count);

  /// Sum of `weights`, as a wide integer (YAML weights can be large).
  static qint64 sum(const QList<int>& weights);
};

}  // namespace meshstudio::views
