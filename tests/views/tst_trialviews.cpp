// The Trial dock's views (issue 7), without an engine: the request editor's header table and
// completer, the response view's JSON, the decision trace's highlighted rule, and the suite table.

#include <QtTest/QtTest>

#include <QComboBox>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTreeWidget>

#include "views/DecisionTraceView.h"
#include "views/TrialRequestEditor.h"
#include "views/TrialResultView.h"
#include "views/TrialSuiteTable.h"

using namespace meshstudio::views;

class TrialViewsTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void issue7_requestEditorRoundTripsAndKeepsAnEmptyHeaderRow() {
    TrialRequestEditor editor;
    editor.show();
    QSignalSpy edited(&editor, &TrialRequestEditor::edited);
    TrialRequest request;
    request.method = QStringLiteral("POST");
    request.url = QStringLiteral("http://reviews:9080/x");
    request.headers = {{QStringLiteral("end-user"), QStringLiteral("jason")}};
    request.body = QStringLiteral("{\"a\": 1}");
    editor.setRequest(request);
    QCOMPARE(edited.count(), 0);  // loading is not an edit
    QCOMPARE(editor.request(), request);
    QCOMPARE(editor.headersTable()->rowCount(), 2);  // one empty row for the next header

    // Typing a header in the empty row adds another empty row.
    editor.headersTable()->setItem(1, 0, new QTableWidgetItem(QStringLiteral("x-canary")));
    QCOMPARE(editor.headersTable()->rowCount(), 3);
    QCOMPARE(editor.request().headers.size(), 2);
    QVERIFY(edited.count() > 0);

    editor.setUrlSuggestions({QStringLiteral("http://reviews:9080/"), QStringLiteral("http://shop.example.com/")});
    QCOMPARE(editor.urlEdit()->completer()->model()->rowCount(), 2);
    QSignalSpy submitted(&editor, &TrialRequestEditor::submitted);
    QTest::keyClick(editor.urlEdit(), Qt::Key_Return);
    QCOMPARE(submitted.count(), 1);
  }

  void issue7_resultViewPrettyPrintsJson() {
    TrialResultView view;
    TrialResult result;
    result.sent = true;
    result.status = 503;
    result.reason = QStringLiteral("Service Unavailable");
    result.headers = {{QStringLiteral("content-type"), QStringLiteral("application/json")}};
    result.body = "{\"pod\":\"reviews-v2-0\",\"labels\":{\"version\":\"v2\"}}";
    result.elapsedMs = 2.5;
    view.setResult(result);
    QVERIFY2(view.statusText().startsWith(QStringLiteral("503 Service Unavailable")), qPrintable(view.statusText()));
    QVERIFY(view.bodyText().contains(QStringLiteral("    \"pod\": \"reviews-v2-0\"")));
    QCOMPARE(view.headersTable()->rowCount(), 1);
    QCOMPARE(TrialResultView::displayBody("not json"), QStringLiteral("not json"));
    result.error = QStringLiteral("connection refused");
    view.setResult(result);
    QVERIFY(view.statusText().startsWith(QStringLiteral("No response: connection refused")));
  }

  void issue7_traceViewHighlightsTheMatchedRule() {
    DecisionTraceView view;
    DecisionTrace trace;
    using Step = DecisionTrace::Step;
    trace.listener = QStringLiteral("mesh");
    trace.steps = {
        Step{Step::Kind::VirtualHost, true, QStringLiteral("reviews.shop.svc.cluster.local:9080"), {}, {}, {}, false},
        Step{Step::Kind::Rule, false, QStringLiteral("testers: header end-user: expected exact \"jason\""),
             QStringLiteral("VirtualService shop/reviews spec.http[0].match[0] (routing.yaml:52)"),
             QStringLiteral("VirtualService shop/reviews"), QStringLiteral("spec.http[0].match[0]"), false},
        Step{Step::Kind::Rule, true, QStringLiteral("rule canary: no match conditions, matches every request"),
             QStringLiteral("VirtualService shop/reviews spec.http[1] (routing.yaml:58)"),
             QStringLiteral("VirtualService shop/reviews"), QStringLiteral("spec.http[1]"), true},
    };
    trace.matchedResource = QStringLiteral("VirtualService shop/reviews");
    trace.matchedPath = QStringLiteral("spec.http[1]");
    trace.matchedName = QStringLiteral("canary");
    trace.destination = QStringLiteral("reviews subset v3");
    trace.cluster = QStringLiteral("outbound|9080|v3|reviews.shop.svc.cluster.local");
    trace.candidates = {QStringLiteral("reviews-v3-0")};
    trace.responseFlags = QStringLiteral("-");
    view.setTrace(trace);
    QCOMPARE(view.matchedRow(), 2);
    QCOMPARE(view.stepsTree()->topLevelItem(1)->text(0), QStringLiteral("✗"));
    QVERIFY(view.stepsTree()->topLevelItem(2)->font(1).bold());
    QVERIFY(!view.stepsTree()->topLevelItem(1)->font(1).bold());
    QCOMPARE(view.summary(QStringLiteral("matchedRule")),
             QStringLiteral("VirtualService shop/reviews spec.http[1] (canary)"));
    QVERIFY(view.summary(QStringLiteral("pod")).contains(QStringLiteral("reviews-v3-0")));
    QSignalSpy activated(&view, &DecisionTraceView::originActivated);
    Q_EMIT view.stepsTree()->itemDoubleClicked(view.stepsTree()->topLevelItem(1), 2);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().at(1).toString(), QStringLiteral("spec.http[0].match[0]"));

    trace.steps[2].matched = false;
    view.setTrace(trace);
    QCOMPARE(view.matchedRow(), -1);
  }

  void issue7_suiteTableKeepsRowsAndOutcomes() {
    TrialSuiteTable table;
    TrialSuiteRow row;
    row.request.name = QStringLiteral("jason");
    row.request.url = QStringLiteral("http://reviews:9080/");
    row.request.headers = {{QStringLiteral("end-user"), QStringLiteral("jason")}};
    row.expected = QStringLiteral("reviews/v2");
    table.addRow(row);
    table.addRow(row);
    table.setOutcome(1, false, QStringLiteral("route: expected reviews/v2, got reviews/v1"));
    const QList<TrialSuiteRow> rows = table.rows();
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[0].state, TrialSuiteRow::State::NotRun);
    QCOMPARE(rows[1].state, TrialSuiteRow::State::Failed);
    QCOMPARE(rows[0].request.headers, row.request.headers);
    table.table()->item(0, 0)->setText(QStringLiteral("renamed"));
    QCOMPARE(table.rows()[0].request.name, QStringLiteral("renamed"));
    QCOMPARE(table.rows()[0].request.url, row.request.url);  // renaming keeps the request
    table.clearOutcomes();
    QCOMPARE(table.rows()[1].state, TrialSuiteRow::State::NotRun);
  }
};

QTEST_MAIN(TrialViewsTest)
#include "tst_trialviews.moc"
