// The load test's charts: one stacked bar set per response code, kept in code order, each owned
// by the chart that shows it (ASan's leak check found the code sets outliving their chart:
// QAbstractBarSeries::insert, unlike append, does not take ownership).

#include <QtTest/QtTest>

#include <QBarSet>
#include <QPointer>
#include <QStackedBarSeries>

#include "views/LoadCharts.h"

using namespace meshstudio::views;

namespace {

LoadSample sample(double seconds, QMap<int, quint64> codes) {
  LoadSample s;
  s.seconds = seconds;
  s.rps = 100;
  s.p50Ms = 1;
  s.p90Ms = 2;
  s.p99Ms = 3;
  s.codes = std::move(codes);
  return s;
}

}  // namespace

class LoadChartsTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void codeSetsStackInCodeOrderAndGoWithTheirChart() {
    QList<QPointer<QBarSet>> sets;
    {
      LoadCharts charts;
      charts.appendSamples({sample(1, {{503, 4}}), sample(2, {{200, 90}, {503, 10}}), sample(3, {{0, 1}})});
      const QStackedBarSeries* series = charts.codeSeries();
      QCOMPARE(series->count(), 3);
      QStringList labels;
      for (QBarSet* set : series->barSets()) {
        labels << set->label();
        QCOMPARE(set->count(), 3);  // a code first seen later has zeros before it
        sets << set;
      }
      QCOMPARE(labels, QStringList({QStringLiteral("failed"), QStringLiteral("200"), QStringLiteral("503")}));
      QCOMPARE(series->barSets().at(2)->at(0), 4.0);
      QCOMPARE(series->barSets().at(1)->at(0), 0.0);

      charts.clear();  // deletes the sets shown so far
      QCOMPARE(series->count(), 0);
      for (const QPointer<QBarSet>& set : sets) QVERIFY(set.isNull());
      sets.clear();
      charts.appendSamples({sample(1, {{200, 5}, {404, 1}})});
      for (QBarSet* set : series->barSets()) sets << set;
      QCOMPARE(sets.size(), 2);
    }
    for (const QPointer<QBarSet>& set : sets) QVERIFY2(set.isNull(), "a code's bar set outlived its chart");
  }
};

QTEST_MAIN(LoadChartsTest)
#include "tst_loadcharts.moc"
