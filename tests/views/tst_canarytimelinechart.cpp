// Issue 9: the Canary dock's timeline. A rollout's events go in as plain data; the weight becomes a
// step line, the samples' error rates and p99 become one line per version, the gates dashed
// lines at their values, and each decision a marker at its time, whose tooltip is its message.

#include <QtTest/QtTest>

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTemporaryDir>

#include "views/CanaryPanel.h"
#include "views/CanaryTimelineChart.h"

using namespace meshstudio::views;

namespace {

CanaryTimelineEvent canaryEvent(double seconds, CanaryDecision kind, int weight, const QString& message = {}) {
  CanaryTimelineEvent e;
  e.seconds = seconds;
  e.kind = kind;
  e.canaryWeight = weight;
  e.message = message;
  return e;
}

CanaryTimelineEvent sampled(double seconds, CanaryDecision kind, int weight, std::optional<double> canaryError,
                            double stableError, std::optional<double> canaryP99, double stableP99) {
  CanaryTimelineEvent e = canaryEvent(seconds, kind, weight, QStringLiteral("decided at %1 s").arg(seconds));
  e.hasSample = true;
  e.canaryRequests = 120;
  e.stableRequests = 1000;
  e.canaryErrorRate = canaryError;
  e.stableErrorRate = stableError;
  e.canaryP99Ms = canaryP99;
  e.stableP99Ms = stableP99;
  return e;
}

/// A rollout that passes at 5 %, waits once at 10 % for traffic, then fails the error-rate gate
/// at 10 % and is rolled back.
QList<CanaryTimelineEvent> rolledBackRollout() {
  return {canaryEvent(0, CanaryDecision::WeightSet, 5),
          sampled(2, CanaryDecision::Passed, 5, 0.0, 0.0, 8.5, 7.0),
          canaryEvent(2, CanaryDecision::WeightSet, 10),
          sampled(4, CanaryDecision::Waiting, 10, std::nullopt, 0.001, std::nullopt, 7.5),
          sampled(6, CanaryDecision::GateFailed, 10, 0.2, 0.002, 12.0, 7.2),
          canaryEvent(6, CanaryDecision::RolledBack, 0,
                      QStringLiteral("stable has 100 %: error-rate gate failed at 10 %"))};
}

}  // namespace

class CanaryTimelineChartTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void issue9_weightIsAStepLine() {
    CanaryTimelineChart chart;
    chart.appendEvents(rolledBackRollout());
    // Up to 5 at 0 s, up to 10 at 2 s, down to 0 at 6 s, then held to the last event.
    const QList<QPointF> expected{{0, 0}, {0, 0}, {0, 5}, {2, 5}, {2, 10}, {6, 10}, {6, 0}, {6, 0}};
    QCOMPARE(chart.weightSeries()->points(), expected);
  }

  void issue9_samplesBecomeOneLinePerVersion() {
    CanaryTimelineChart chart;
    const QList<CanaryTimelineEvent> events = rolledBackRollout();
    // Events arrive in batches, as the runner posts them.
    chart.appendEvents(events.mid(0, 3));
    chart.appendEvents(events.mid(3));
    // Error rates in percent; the waiting step had no canary data, so the canary has no point there.
    QCOMPARE(chart.errorRateSeries(true)->points(), (QList<QPointF>{{2, 0}, {6, 20}}));
    QCOMPARE(chart.errorRateSeries(false)->points(), (QList<QPointF>{{2, 0}, {4, 0.1}, {6, 0.2}}));
    QCOMPARE(chart.p99Series(true)->points(), (QList<QPointF>{{2, 8.5}, {6, 12}}));
    QCOMPARE(chart.p99Series(false)->points(), (QList<QPointF>{{2, 7}, {4, 7.5}, {6, 7.2}}));
  }

  void issue9_thresholdsAreDashedLinesAtTheGates() {
    CanaryTimelineChart chart;
    chart.setThresholds({0.01, 250});
    chart.appendEvents(rolledBackRollout());
    const QList<QPointF> error = chart.errorThresholdSeries()->points();
    QCOMPARE(error.size(), 2);
    QCOMPARE(error[0].y(), 1.0);  // 1 % as the chart shows percent
    QCOMPARE(error[1].y(), 1.0);
    QCOMPARE(error[0].x(), 0.0);
    QVERIFY(error[1].x() >= 6);  // across the whole rollout
    const QList<QPointF> p99 = chart.p99ThresholdSeries()->points();
    QCOMPARE(p99.size(), 2);
    QCOMPARE(p99[0].y(), 250.0);
    QCOMPARE(chart.errorThresholdSeries()->pen().style(), Qt::DashLine);
    QCOMPARE(chart.p99ThresholdSeries()->pen().style(), Qt::DashLine);

    // A gate that is off has no line.
    chart.setThresholds({std::nullopt, 250});
    QVERIFY(chart.errorThresholdSeries()->points().isEmpty());
    QCOMPARE(chart.p99ThresholdSeries()->points().size(), 2);
  }

  void issue9_eachDecisionHasAMarker() {
    CanaryTimelineChart chart;
    chart.appendEvents(rolledBackRollout());
    QScatterSeries* rolledBack = chart.markerSeries(CanaryDecision::RolledBack);
    QVERIFY(rolledBack);
    QCOMPARE(rolledBack->points(), (QList<QPointF>{{6, 0}}));  // at its time, where the weight dropped to
    QVERIFY(chart.markerText(CanaryDecision::RolledBack, 6).contains(QStringLiteral("error-rate gate failed")));
    QCOMPARE(chart.markerSeries(CanaryDecision::GateFailed)->points(), (QList<QPointF>{{6, 10}}));
    QCOMPARE(chart.markerSeries(CanaryDecision::Passed)->points(), (QList<QPointF>{{2, 5}}));
    QCOMPARE(chart.markerSeries(CanaryDecision::Waiting)->points(), (QList<QPointF>{{4, 10}}));
    QVERIFY(chart.markerSeries(CanaryDecision::Promoted)->points().isEmpty());
    QVERIFY(!chart.markerSeries(CanaryDecision::WeightSet));  // not a decision
    QVERIFY(chart.markerText(CanaryDecision::Passed, 4).isEmpty());

    chart.clear();
    QVERIFY(chart.markerSeries(CanaryDecision::RolledBack)->points().isEmpty());
    QVERIFY(chart.errorRateSeries(true)->points().isEmpty());
  }

  void issue9_promotionAndApprovalAreMarked() {
    CanaryTimelineChart chart;
    chart.appendEvents(
        {canaryEvent(0, CanaryDecision::AwaitingApproval, 0, QStringLiteral("step 50 % waits")),
         canaryEvent(1, CanaryDecision::Approved, 0), canaryEvent(1, CanaryDecision::WeightSet, 50),
         sampled(3, CanaryDecision::Passed, 50, 0.0, 0.0, 5, 5), canaryEvent(3, CanaryDecision::WeightSet, 100),
         sampled(5, CanaryDecision::Passed, 100, 0, 0, 5, 5), canaryEvent(5, CanaryDecision::Promoted, 100)});
    QCOMPARE(chart.markerSeries(CanaryDecision::Approved)->points(), (QList<QPointF>{{0, 0}, {1, 0}}));
    QCOMPARE(chart.markerSeries(CanaryDecision::Promoted)->points(), (QList<QPointF>{{5, 100}}));
    QCOMPARE(chart.weightSeries()->points().last(), QPointF(5, 100));
  }

  void issue9_savesAPicture() {
    CanaryTimelineChart chart;
    chart.resize(800, 600);
    chart.setThresholds({0.01, 500});
    chart.appendEvents(rolledBackRollout());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("timeline.png"));
    QVERIFY(chart.savePng(path));
    QImage image(path);
    QCOMPARE(image.size(), QSize(800, 600) * chart.devicePixelRatio());
  }

  void issue9_panelParsesItsInputs() {
    CanaryPanel panel;
    QCOMPARE(CanaryPanel::parseNumbers(QStringLiteral("5, 10,25 ,100")), (QList<int>{5, 10, 25, 100}));
    QVERIFY(!CanaryPanel::parseNumbers(QStringLiteral("5, ten")));
    CanaryRouteChoice reviews;
    reviews.virtualService = QStringLiteral("shop/reviews");
    reviews.routes = QStringList{QStringLiteral("0: testers"), QStringLiteral("1: canary")};
    reviews.subsets = {QStringList{QStringLiteral("v2"), QStringLiteral("v1"), QStringLiteral("v3")},
                       QStringList{QStringLiteral("v1"), QStringLiteral("v3"), QStringLiteral("v2")}};
    panel.setRouteChoices({reviews});
    panel.routeBox()->setCurrentIndex(1);
    QCOMPARE(panel.stableBox()->currentText(), QStringLiteral("v1"));
    QCOMPARE(panel.canaryBox()->currentText(), QStringLiteral("v3"));
    QString error;
    std::optional<CanaryRolloutSettings> settings = panel.settings(error);
    QVERIFY2(settings, qPrintable(error));
    QCOMPARE(settings->steps, (QList<int>{5, 10, 25, 50, 75, 100}));  // the defaults
    QCOMPARE(settings->maxErrorRatePercent, std::optional<double>(1.0));
    QCOMPARE(settings->maxP99Ms, std::optional<double>(500));
    QCOMPARE(settings->qps, 50.0);
    QCOMPARE(settings->routeIndex, 1);
    panel.p99Gate()->setChecked(false);
    panel.stepsEdit()->setText(QStringLiteral("10, x"));
    QVERIFY(!panel.settings(error));
    QVERIFY(!error.isEmpty());
    panel.stepsEdit()->setText(QStringLiteral("10, 100"));
    settings = panel.settings(error);
    QVERIFY(settings);
    QVERIFY(!settings->maxP99Ms);
  }
};

QTEST_MAIN(CanaryTimelineChartTest)
#include "tst_canarytimelinechart.moc"
