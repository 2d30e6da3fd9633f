// Issue 6: the Diagnostics dock's panel, driven as a user would: live results tagged with a
// revision (older ones dropped), sorting by severity, filtering by severity and text, a
// double-click that asks to go to the finding, and quick fixes offered as buttons.

#include <QtTest/QtTest>

#include <QCheckBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>

#include "views/DiagnosticsFilter.h"
#include "views/DiagnosticsModel.h"
#include "views/DiagnosticsPanel.h"

using namespace meshstudio;

Q_DECLARE_METATYPE(model::Diagnostic)

namespace {

model::Diagnostic finding(model::Severity severity, std::string code, std::string message, int line,
                          std::vector<model::QuickFix> fixes = {}) {
  model::Diagnostic d;
  d.severity = severity;
  d.code = std::move(code);
  d.message = std::move(message);
  d.resource = "VirtualService shop/reviews";
  d.path = "spec.http[0]";
  d.file = "reviews.yaml";
  d.line = line;
  d.fixes = std::move(fixes);
  return d;
}

model::Diagnostics sample() {
  return {finding(model::Severity::Info, "IST0131", "a note", 3),
          finding(model::Severity::Error, "IST0101", "referenced host not found", 7),
          finding(model::Severity::Warning, "MS0001", "weights do not add up to 100", 9,
                  {model::QuickFix{"Normalise weights to 100", {}}})};
}

QString cell(const views::DiagnosticsPanel& panel, int row, int column) {
  return panel.table()->model()->index(row, column).data().toString();
}

}  // namespace

class DiagnosticsPanelTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { qRegisterMetaType<model::Diagnostic>(); }

  void issue6_olderResultsAreDropped() {
    views::DiagnosticsPanel panel;
    QVERIFY(panel.setDiagnostics(sample(), 5));
    QCOMPARE(panel.table()->model()->rowCount(), 3);
    QVERIFY(!panel.setDiagnostics({}, 4));  // computed before the last edit: stale
    QCOMPARE(panel.table()->model()->rowCount(), 3);
    QVERIFY(panel.setDiagnostics({}, 6));
    QCOMPARE(panel.table()->model()->rowCount(), 0);
  }

  void issue6_sortsErrorsFirstAndFilters() {
    views::DiagnosticsPanel panel;
    panel.setDiagnostics(sample(), 1);
    QCOMPARE(cell(panel, 0, views::DiagnosticsModel::CodeColumn), QStringLiteral("IST0101"));
    QCOMPARE(cell(panel, 1, views::DiagnosticsModel::CodeColumn), QStringLiteral("MS0001"));
    QCOMPARE(cell(panel, 2, views::DiagnosticsModel::CodeColumn), QStringLiteral("IST0131"));
    QCOMPARE(panel.severityToggle(model::Severity::Error)->text(), QStringLiteral("Errors (1)"));

    QTest::mouseClick(panel.severityToggle(model::Severity::Info), Qt::LeftButton);
    QCOMPARE(panel.table()->model()->rowCount(), 2);
    QTest::keyClicks(panel.searchField(), QStringLiteral("weights"));
    QCOMPARE(panel.table()->model()->rowCount(), 1);
    QCOMPARE(cell(panel, 0, views::DiagnosticsModel::CodeColumn), QStringLiteral("MS0001"));
    panel.searchField()->clear();
    QTest::keyClicks(panel.searchField(), QStringLiteral("ist01"));  // codes too, any case
    QCOMPARE(panel.table()->model()->rowCount(), 1);
    QCOMPARE(cell(panel, 0, views::DiagnosticsModel::LocationColumn), QStringLiteral("reviews.yaml:7"));
  }

  void issue6_doubleClickAsksToGoThere() {
    views::DiagnosticsPanel panel;
    panel.resize(800, 300);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setDiagnostics(sample(), 1);
    QSignalSpy activated(&panel, &views::DiagnosticsPanel::activated);
    const QRect rect = panel.table()->visualRect(panel.table()->model()->index(1, 2));
    // A real double-click is a click, then a second press that Qt reports as a double click.
    QTest::mouseClick(panel.table()->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(panel.table()->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(activated.count(), 1);
    const auto chosen = activated.front().front().value<model::Diagnostic>();
    QCOMPARE(chosen.code, std::string("MS0001"));
    QCOMPARE(chosen.line, 9);
  }

  void issue6_quickFixesAreOfferedForTheSelectedFinding() {
    views::DiagnosticsPanel panel;
    panel.setDiagnostics(sample(), 1);
    QCOMPARE(panel.quickFixButtons().size(), 0);
    panel.table()->selectRow(0);  // IST0101 has no fix
    QCOMPARE(panel.quickFixButtons().size(), 0);
    panel.table()->selectRow(1);  // MS0001 has one
    QCOMPARE(panel.quickFixButtons().size(), 1);
    auto* button = qobject_cast<QPushButton*>(panel.quickFixButtons().front());
    QCOMPARE(button->text(), QStringLiteral("Normalise weights to 100"));
    QSignalSpy requested(&panel, &views::DiagnosticsPanel::quickFixRequested);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.front().at(0).value<model::Diagnostic>().code, std::string("MS0001"));
    QCOMPARE(requested.front().at(1).toInt(), 0);
  }
};

QTEST_MAIN(DiagnosticsPanelTest)
#include "tst_diagnosticspanel.moc"
