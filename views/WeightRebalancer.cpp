#include "views/WeightRebalancer.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace meshstudio::views {

namespace {

bool isLocked(const QList<bool>& locked, qsizetype k) { return k < locked.size() && locked[k]; }

/// The order in which leftover points are handed out: largest remainder first, earlier index on ties.
QList<qsizetype> byRemainder(const QList<qint64>& remainder) {
  QList<qsizetype> order(remainder.size());
  std::iota(order.begin(), order.end(), qsizetype{0});
  std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) { return remainder[a] > remainder[b]; });
  return order;
}

/// Largest-remainder split of `total` points in proportion to `shares` (all >= 0, sum > 0).
QList<int> apportion(int total, const QList<qint64>& shares) {
  const qint64 sum = std::accumulate(shares.begin(), shares.end(), qint64{0});
  QList<int> out(shares.size(), 0);
  QList<qint64> remainder(shares.size(), 0);
  int given = 0;
  for (qsizetype k = 0; k < shares.size(); ++k) {
    out[k] = static_cast<int>(shares[k] * total / sum);
    remainder[k] = shares[k] * total % sum;
    given += out[k];
  }
  // The shortfall is less than the number of non-zero remainders, so one pass is enough.
  const QList<qsizetype> order = byRemainder(remainder);
  for (qsizetype k = 0; given < total && k < order.size(); ++k) {
    if (remainder[order[k]] == 0) break;
    ++out[order[k]];
    ++given;
  }
  return out;
}

}  // namespace

QList<int> WeightRebalancer::evenSplit(int count) {
  if (count <= 0) return {};
  QList<int> out(count, Total / count);
  for (int k = 0; k < Total % count; ++k) ++out[k];
  return out;
}

qint64 WeightRebalancer::sum(const QList<int>& weights) {
  return std::accumulate(weights.begin(), weights.end(), qint64{0});
}

QList<int> WeightRebalancer::normalised(const QList<int>& weights) {
  QList<std::optional<qint64>> wide;
  wide.reserve(weights.size());
  for (int w : weights) wide.append(qint64{w});
  return normalised(wide);
}

QList<int> WeightRebalancer::normalised(const QList<std::optional<qint64>>& weights) {
  const qsizetype n = weights.size();
  if (n == 0) return {};
  if (n == 1) return {Total};  // Istio: a lone destination gets all traffic, whatever its weight says

  // Istio's weight is an int32; clamping to that range keeps weight * 100 inside 64 bits.
  constexpr qint64 maxWeight = std::numeric_limits<qint32>::max();
  QList<qint64> w(n, 0);
  for (qsizetype k = 0; k < n; ++k) w[k] = std::clamp<qint64>(weights[k].value_or(0), 0, maxWeight);
  const qint64 sum = std::accumulate(w.begin(), w.end(), qint64{0});
  if (sum == 0) return evenSplit(static_cast<int>(n));  // Istio rejects a zero total; even is the neutral fix
  const auto nonZero = std::count_if(w.begin(), w.end(), [](qint64 x) { return x > 0; });
  if (nonZero > Total) return apportion(Total, w);  // not every destination can keep a point

  // Same rule as the analyzers' "Normalise weights to 100" quick fix (AdviceRouteAnalyzers.cpp),
  // so the editor and the fix agree: a destination that had traffic is never rounded to 0.
  QList<int> out(n, 0);
  QList<qint64> remainder(n, 0);
  QList<bool> raised(n, false);
  int total = 0;
  for (qsizetype k = 0; k < n; ++k) {
    if (w[k] == 0) continue;
    out[k] = static_cast<int>(w[k] * Total / sum);
    remainder[k] = w[k] * Total % sum;
    if (out[k] == 0) {
      out[k] = 1;
      raised[k] = true;
    }
    total += out[k];
  }
  const QList<qsizetype> order = byRemainder(remainder);
  for (qsizetype k = 0; total < Total && k < n; ++k) {
    const qsizetype i = order[k];
    if (w[i] > 0 && !raised[i] && remainder[i] > 0) {
      ++out[i];
      ++total;
    }
  }
  // Raising tiny weights to 1 can overshoot: take the excess back from the entries that can
  // spare it, smallest remainders first.
  for (bool progress = true; total > Total && progress;) {
    progress = false;
    for (auto k = order.rbegin(); total > Total && k != order.rend(); ++k)
      if (out[*k] > 1 && !raised[*k]) {
        --out[*k];
        --total;
        progress = true;
      }
  }
  if (total != Total) return apportion(Total, w);  // cannot happen with <= 100 non-zero entries
  return out;
}

WeightRebalancer::Range WeightRebalancer::allowedRange(const QList<int>& weights, const QList<bool>& locked,
                                                       int index) {
  const QList<int> w = normalised(weights);
  if (index < 0 || index >= w.size()) return {0, 0};
  int lockedOthers = 0;
  int freeOthers = 0;
  for (qsizetype k = 0; k < w.size(); ++k) {
    if (k == index) continue;
    if (isLocked(locked, k))
      lockedOthers += w[k];
    else
      ++freeOthers;
  }
  // Nothing can absorb a change (or the destination itself is locked): it stays where it is.
  if (isLocked(locked, index) || freeOthers == 0) return {w[index], w[index]};
  return {0, Total - lockedOthers};
}

QList<int> WeightRebalancer::setWeight(const QList<int>& weights, const QList<bool>& locked, int index, int value) {
  QList<int> w = normalised(weights);
  const Range range = allowedRange(w, locked, index);
  if (range.minimum == range.maximum) return w;
  w[index] = std::clamp(value, range.minimum, range.maximum);

  QList<qsizetype> free;
  int rest = Total - w[index];
  for (qsizetype k = 0; k < w.size(); ++k) {
    if (k == index) continue;
    if (isLocked(locked, k))
      rest -= w[k];
    else
      free.append(k);
  }
  // In proportion to the current weights; when they are all 0 there is no proportion to keep,
  // and an even split is the least surprising.
  QList<qint64> shares(free.size(), 0);
  for (qsizetype f = 0; f < free.size(); ++f) shares[f] = w[free[f]];
  if (std::all_of(shares.begin(), shares.end(), [](qint64 s) { return s == 0; })) shares.fill(1);
  const QList<int> parts = apportion(rest, shares);
  for (qsizetype f = 0; f < free.size(); ++f) w[free[f]] = parts[f];
  return w;
}

}  // namespace meshstudio::views
