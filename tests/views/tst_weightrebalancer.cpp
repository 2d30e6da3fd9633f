// The arithmetic behind the weight-split editor (issue 6): proportional rebalancing with
// largest-remainder rounding, locks, clamping, zero weights and normalisation of YAML input.
#include <QRandomGenerator>
#include <QtTest>

#include <limits>
#include <numeric>

#include "views/WeightRebalancer.h"

using meshstudio::views::WeightRebalancer;
using Weights = QList<int>;
using Locks = QList<bool>;
using Wide = QList<std::optional<qint64>>;

class TestWeightRebalancer : public QObject {
  Q_OBJECT

 private:
  static int sum(const Weights& w) { return std::accumulate(w.begin(), w.end(), 0); }

 private Q_SLOTS:
  void issue6_seventyTwentyTenToFifty() {
    const Weights result = WeightRebalancer::setWeight({70, 20, 10}, {}, 0, 50);
    QCOMPARE(result, (Weights{50, 33, 17}));
    QCOMPARE(sum(result), 100);
    // The others keep their 2:1 proportion: 50 * 2/3 = 33.3 and 50 * 1/3 = 16.7, each within a point.
    QVERIFY(qAbs(result[1] - 50.0 * 20 / 30) < 1.0);
    QVERIFY(qAbs(result[2] - 50.0 * 10 / 30) < 1.0);
  }

  void issue6_setWeight_data() {
    QTest::addColumn<Weights>("weights");
    QTest::addColumn<Locks>("locked");
    QTest::addColumn<int>("index");
    QTest::addColumn<int>("value");
    QTest::addColumn<Weights>("expected");

    // Proportional rebalancing.
    QTest::newRow("70/20/10, first to 100") << Weights{70, 20, 10} << Locks{} << 0 << 100 << Weights{100, 0, 0};
    QTest::newRow("70/20/10, first to 0") << Weights{70, 20, 10} << Locks{} << 0 << 0 << Weights{0, 67, 33};
    QTest::newRow("70/20/10, last to 40") << Weights{70, 20, 10} << Locks{} << 2 << 40 << Weights{47, 13, 40};
    QTest::newRow("two destinations") << Weights{50, 50} << Locks{} << 0 << 30 << Weights{30, 70};
    QTest::newRow("exact halves") << Weights{34, 33, 33} << Locks{} << 0 << 0 << Weights{0, 50, 50};
    QTest::newRow("tie goes to the earlier") << Weights{40, 30, 30} << Locks{} << 0 << 41 << Weights{41, 30, 29};
    QTest::newRow("unchanged value") << Weights{70, 20, 10} << Locks{} << 1 << 20 << Weights{70, 20, 10};
    QTest::newRow("a zero other stays 0") << Weights{90, 10, 0} << Locks{} << 0 << 50 << Weights{50, 50, 0};

    // Locks are honoured, and the value is clamped to what they leave.
    QTest::newRow("one other locked") << Weights{70, 20, 10} << Locks{false, true, false} << 0 << 50
                                      << Weights{50, 20, 30};
    QTest::newRow("clamped by a lock at 30")
        << Weights{40, 30, 30} << Locks{false, true, false} << 0 << 90 << Weights{70, 30, 0};
    QTest::newRow("clamped below 0") << Weights{40, 30, 30} << Locks{} << 0 << -5 << Weights{0, 50, 50};
    QTest::newRow("clamped above 100") << Weights{40, 30, 30} << Locks{} << 0 << 250 << Weights{100, 0, 0};
    QTest::newRow("all others locked") << Weights{40, 30, 30} << Locks{false, true, true} << 0 << 90
                                       << Weights{40, 30, 30};
    QTest::newRow("the row itself locked")
        << Weights{70, 20, 10} << Locks{true, false, false} << 0 << 10 << Weights{70, 20, 10};
    QTest::newRow("short lock list") << Weights{70, 20, 10} << Locks{false, true} << 0 << 50 << Weights{50, 20, 30};

    // Every unlocked other at 0: the rest is split evenly, earlier ones first.
    QTest::newRow("zero others") << Weights{100, 0, 0} << Locks{} << 0 << 40 << Weights{40, 30, 30};
    QTest::newRow("zero others, odd rest") << Weights{100, 0, 0, 0} << Locks{} << 0 << 99 << Weights{99, 1, 0, 0};
    QTest::newRow("zero others beside a lock")
        << Weights{80, 20, 0, 0} << Locks{false, true, false, false} << 0 << 40 << Weights{40, 20, 20, 20};

    // A single destination is always 100.
    QTest::newRow("single") << Weights{100} << Locks{} << 0 << 40 << Weights{100};
    QTest::newRow("single, odd weight") << Weights{30} << Locks{} << 0 << 30 << Weights{100};

    // Input that does not add up to 100 yet is normalised first.
    QTest::newRow("1/1/1, first to 50") << Weights{1, 1, 1} << Locks{} << 0 << 50 << Weights{50, 25, 25};
    QTest::newRow("200/100/100, first to 50") << Weights{200, 100, 100} << Locks{} << 0 << 50 << Weights{50, 25, 25};
    QTest::newRow("all zero, middle to 40") << Weights{0, 0, 0} << Locks{} << 1 << 40 << Weights{30, 40, 30};
    QTest::newRow("a lock keeps its share")
        << Weights{3, 3, 3, 1} << Locks{false, false, false, true} << 0 << 50 << Weights{50, 20, 20, 10};

    // Out of range: the normalised weights, untouched.
    QTest::newRow("index out of range") << Weights{1, 1} << Locks{} << 5 << 10 << Weights{50, 50};
    QTest::newRow("no destinations") << Weights{} << Locks{} << 0 << 10 << Weights{};
  }

  void issue6_setWeight() {
    QFETCH(Weights, weights);
    QFETCH(Locks, locked);
    QFETCH(int, index);
    QFETCH(int, value);
    QFETCH(Weights, expected);
    const Weights result = WeightRebalancer::setWeight(weights, locked, index, value);
    QCOMPARE(result, expected);
    if (!weights.isEmpty()) QCOMPARE(sum(result), 100);
  }

  void issue6_allowedRange() {
    using Range = WeightRebalancer::Range;
    QCOMPARE(WeightRebalancer::allowedRange({70, 20, 10}, {}, 0), (Range{0, 100}));
    QCOMPARE(WeightRebalancer::allowedRange({40, 30, 30}, {false, true, false}, 0), (Range{0, 70}));
    QCOMPARE(WeightRebalancer::allowedRange({40, 30, 30}, {false, true, true}, 0), (Range{40, 40}));
    QCOMPARE(WeightRebalancer::allowedRange({40, 30, 30}, {true, false, false}, 0), (Range{40, 40}));
    QCOMPARE(WeightRebalancer::allowedRange({40, 60}, {true, false}, 1), (Range{60, 60}));
    QCOMPARE(WeightRebalancer::allowedRange({7}, {}, 0), (Range{100, 100}));
    QCOMPARE(WeightRebalancer::allowedRange({1, 1, 2}, {false, false, true}, 0), (Range{0, 50}));
    QCOMPARE(WeightRebalancer::allowedRange({50, 50}, {}, 2), (Range{0, 0}));
  }

  void issue6_normalised_data() {
    QTest::addColumn<Wide>("weights");
    QTest::addColumn<Weights>("expected");
    constexpr qint64 huge = qint64{1} << 40;
    QTest::newRow("empty") << Wide{} << Weights{};
    QTest::newRow("already 100") << Wide{90, 5, 5} << Weights{90, 5, 5};
    QTest::newRow("1/1/1") << Wide{1, 1, 1} << Weights{34, 33, 33};
    QTest::newRow("scaled down") << Wide{200, 100, 100} << Weights{50, 25, 25};
    QTest::newRow("scaled up") << Wide{3, 1} << Weights{75, 25};
    QTest::newRow("six equal") << Wide{3, 3, 3, 3, 3, 3} << Weights{17, 17, 17, 17, 16, 16};
    QTest::newRow("single without weight") << Wide{std::nullopt} << Weights{100};
    QTest::newRow("single with weight") << Wide{50} << Weights{100};
    QTest::newRow("single at 0") << Wide{0} << Weights{100};
    QTest::newRow("two without weights") << Wide{std::nullopt, std::nullopt} << Weights{50, 50};
    QTest::newRow("missing beside others") << Wide{std::nullopt, 3} << Weights{0, 100};
    QTest::newRow("all zero") << Wide{0, 0, 0} << Weights{34, 33, 33};
    QTest::newRow("negative counts as 0") << Wide{-5, 10} << Weights{0, 100};
    QTest::newRow("tiny share keeps a point") << Wide{1000, 1, 1} << Weights{98, 1, 1};
    QTest::newRow("beyond int32") << Wide{huge, 1} << Weights{99, 1};
  }

  void issue6_normalised() {
    QFETCH(Wide, weights);
    QFETCH(Weights, expected);
    QCOMPARE(WeightRebalancer::normalised(weights), expected);
  }

  void issue6_normalisedMoreThanAHundred() {
    // 101 destinations with traffic cannot all keep a point: plain largest remainder, earlier first.
    const Weights result = WeightRebalancer::normalised(Weights(101, 1));
    QCOMPARE(sum(result), 100);
    QCOMPARE(result.count(1), 100);
    QCOMPARE(result.last(), 0);
  }

  void issue6_evenSplit() {
    QCOMPARE(WeightRebalancer::evenSplit(0), Weights{});
    QCOMPARE(WeightRebalancer::evenSplit(1), Weights{100});
    QCOMPARE(WeightRebalancer::evenSplit(3), (Weights{34, 33, 33}));
    QCOMPARE(WeightRebalancer::evenSplit(7), (Weights{15, 15, 14, 14, 14, 14, 14}));
  }

  /// Random splits, locks and targets: the invariants hold every time (fixed seed, so a failure
  /// reproduces).
  void issue6_invariants() {
    QRandomGenerator random(6);
    for (int round = 0; round < 5000; ++round) {
      const int n = random.bounded(1, 7);
      Weights weights = WeightRebalancer::evenSplit(n);
      for (int step = 0; step < 3; ++step)  // a random split adding up to 100
        weights = WeightRebalancer::setWeight(weights, {}, random.bounded(n), random.bounded(101));
      Locks locked(n, false);
      for (int k = 0; k < n; ++k) locked[k] = random.bounded(4) == 0;
      const int index = random.bounded(n);
      const int value = random.bounded(-10, 111);
      const Weights result = WeightRebalancer::setWeight(weights, locked, index, value);
      const QByteArray where = QStringLiteral("round %1").arg(round).toUtf8();
      const char* context = where.constData();

      QVERIFY2(sum(result) == 100, context);
      QVERIFY2(std::all_of(result.begin(), result.end(), [](int w) { return w >= 0 && w <= 100; }), context);
      const WeightRebalancer::Range range = WeightRebalancer::allowedRange(weights, locked, index);
      QVERIFY2(result[index] == std::clamp(value, range.minimum, range.maximum), context);
      int free = 0;
      int freeBefore = 0;
      for (int k = 0; k < n; ++k) {
        if (k == index) continue;
        if (locked[k]) {
          QVERIFY2(result[k] == weights[k], context);
        } else {
          ++free;
          freeBefore += weights[k];
        }
      }
      if (free == 0 || freeBefore == 0 || range.minimum == range.maximum) continue;
      int rest = 100 - result[index];
      for (int k = 0; k < n; ++k)
        if (k != index && locked[k]) rest -= result[k];
      for (int k = 0; k < n; ++k) {
        if (k == index || locked[k]) continue;
        const double exact = static_cast<double>(rest) * weights[k] / freeBefore;
        QVERIFY2(qAbs(result[k] - exact) < 1.0, context);
      }
    }
  }
};

QTEST_APPLESS_MAIN(TestWeightRebalancer)
#include "tst_weightrebalancer.moc"
