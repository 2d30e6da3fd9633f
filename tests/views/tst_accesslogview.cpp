// The Access log dock's view (issue 7): lines appended in batches, a filter box whose words
// must all appear, pause/resume that keeps what arrives, and a bounded buffer.

#include <QtTest/QtTest>

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QToolButton>

#include "views/AccessLogView.h"

using meshstudio::views::AccessLogView;

namespace {

QString line(int n, int status, const char* cluster) {
  return QStringLiteral(
             "[2024-05-01T10:00:00.%1Z] \"GET /item/%2 HTTP/1.1\" %3 - via_upstream - \"-\" 0 12 3 2 "
             "\"-\" \"curl\" \"id-%2\" \"reviews:9080\" \"10.1.0.%2:9080\" %4 - - - - default")
      .arg(n % 1000, 3, 10, QLatin1Char('0'))
      .arg(n)
      .arg(status)
      .arg(QString::fromLatin1(cluster));
}

}  // namespace

class AccessLogViewTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void issue7_filterShowsLinesWithEveryWord() {
    AccessLogView view;
    view.show();
    view.appendLines({line(1, 200, "outbound|9080|v1|reviews"), line(2, 503, "outbound|9080|v3|reviews"),
                      line(3, 200, "outbound|9080|v3|reviews")});
    QCOMPARE(view.shownLines().size(), 3);
    QTest::keyClicks(view.filterEdit(), QStringLiteral("V3 200"));  // case-insensitive, every word
    QCOMPARE(view.shownLines(), QStringList{line(3, 200, "outbound|9080|v3|reviews")});
    view.appendLines({line(4, 200, "outbound|9080|v1|reviews"), line(5, 200, "outbound|9080|v3|reviews")});
    QCOMPARE(view.shownLines().size(), 2);  // new lines are filtered too
    view.filterEdit()->clear();
    QCOMPARE(view.shownLines().size(), 5);
  }

  void issue7_pauseKeepsLinesAndResumeShowsThem() {
    AccessLogView view;
    view.show();
    view.appendLines({line(1, 200, "a")});
    QTest::mouseClick(view.pauseButton(), Qt::LeftButton);
    QVERIFY(view.isPaused());
    QCOMPARE(view.pauseButton()->text(), QStringLiteral("Resume"));
    view.appendLines({line(2, 200, "a"), line(3, 200, "a")});
    QCOMPARE(view.shownLines().size(), 1);  // frozen
    QCOMPARE(view.unseenCount(), 2);
    QTest::mouseClick(view.pauseButton(), Qt::LeftButton);
    QVERIFY(!view.isPaused());
    QCOMPARE(view.shownLines().size(), 3);
    QCOMPARE(view.unseenCount(), 0);
  }

  void issue7_theBufferIsBounded() {
    AccessLogView view;
    QCOMPARE(view.capacity(), AccessLogView::kDefaultCapacity);
    view.setCapacity(100);
    QStringList batch;
    for (int n = 0; n < 250; ++n) batch << line(n, 200, "a");
    view.appendLines(batch.mid(0, 120));
    view.appendLines(batch.mid(120));
    QCOMPARE(view.lines().size(), 100);
    QCOMPARE(view.lines().constFirst(), line(150, 200, "a"));  // the oldest went first
    QCOMPARE(view.shownLines().size(), 100);
    QCOMPARE(view.textView()->document()->blockCount(), 100);
    view.setPaused(true);
    view.appendLines(batch);
    QCOMPARE(view.lines().size(), 100);
    QCOMPARE(view.unseenCount(), 100);
  }
};

QTEST_MAIN(AccessLogViewTest)
#include "tst_accesslogview.moc"
