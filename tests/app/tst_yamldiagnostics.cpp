// Issue 6: "Diagnostics show as underlines plus gutter markers, with the message on hover", and a
// double-click on a finding jumps to the YAML line (and to the form field, when an editor has one).
// Through the real window on a copy of the shop sample.

#include <QtTest/QtTest>

#include <QTextBlock>
#include <QTreeView>

#include <filesystem>

#include "app/Document.h"
#include "app/MainWindow.h"
#include "model/Value.h"
#include "views/YamlGutter.h"
#include "views/YamlView.h"

using namespace meshstudio;
using namespace Qt::StringLiterals;

namespace {

void copyShop(const QString& to) {
  std::filesystem::copy(std::filesystem::path(MESHSTUDIO_SOURCE_DIR) / "resources/samples/shop", to.toStdString(),
                        std::filesystem::copy_options::recursive);
}

/// The 1-based line of the YAML view that contains `text`, 0 when none does.
int lineOf(const views::YamlView& view, const QString& text) {
  for (QTextBlock block = view.document()->begin(); block.isValid(); block = block.next())
    if (block.text().contains(text)) return block.blockNumber() + 1;
  return 0;
}

const model::Diagnostic* findingWithCode(const app::MainWindow& window, const std::string& code) {
  for (const model::Diagnostic& finding : window.diagnostics())
    if (finding.code == code) return &finding;
  return nullptr;
}

}  // namespace

class YamlDiagnosticsTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void issue6_findingsAreMarkedOnTheirYamlLineAndADoubleClickJumpsThere() {
    QTemporaryDir folder;
    copyShop(folder.path());
    app::MainWindow window;
    window.document()->setRecoveryDirectory(folder.filePath(u"recovery"_s));
    QVERIFY(window.openProject(folder.path()));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.selectResource(u"VirtualService shop/reviews"_s));
    views::YamlView* yaml = window.yamlView();
    QVERIFY(yaml->marks().isEmpty());  // the sample is clean

    // A typo in the canary's second destination: the host does not exist.
    const app::ResourceId reviews = window.document()->findResource("VirtualService shop/reviews");
    QVERIFY(window.document()->setField(reviews, "spec.http[1].route[1].destination.host",
                                        model::Value::string("reviewz")));
    const model::Diagnostic* finding = findingWithCode(window, "IST0101");
    QVERIFY2(finding, "no IST0101 for the unknown host");

    // Marked on the line of the canonical YAML that holds the typo, not on the file's line.
    const int typoLine = lineOf(*yaml, u"host: reviewz"_s);
    QVERIFY(typoLine > 0);
    bool marked = false;
    for (const auto& mark : yaml->marks())
      marked = marked || (mark.line == typoLine && mark.message.contains(u"IST0101"_s));
    QVERIFY2(marked, "the finding is not on the typo's line");
    QCOMPARE(yaml->severityAt(typoLine), model::Severity::Error);
    QVERIFY(yaml->messagesAt(typoLine).join(u"\n"_s).contains(u"reviewz"_s));

    // From the whole project's view, the same finding is on the resource's line there.
    window.resourceTree()->setCurrentIndex(QModelIndex());
    const int projectLine = lineOf(*yaml, u"host: reviewz"_s);
    QVERIFY(projectLine > typoLine);
    QCOMPARE(yaml->severityAt(projectLine), model::Severity::Error);

    // The Diagnostics dock's double-click: back to the resource, cursor on the line.
    const model::Diagnostic copy = *finding;
    QVERIFY(window.showFinding(copy));
    QCOMPARE(window.document()->indexOf(reviews),
             window.document()->indexOf(window.document()->findResource(copy.resource)));
    QCOMPARE(yaml->textCursor().blockNumber() + 1, typoLine);

    // Fixed: the mark goes.
    QVERIFY(window.document()->setField(reviews, "spec.http[1].route[1].destination.host",
                                        model::Value::string("reviews")));
    QVERIFY(yaml->marks().isEmpty());
  }

  void issue6_yamlThatDoesNotParseSurvivesLookingElsewhere() {
    QTemporaryDir folder;
    copyShop(folder.path());
    app::MainWindow window;
    window.document()->setRecoveryDirectory(folder.filePath(u"recovery"_s));
    QVERIFY(window.openProject(folder.path()));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    views::YamlView* yaml = window.yamlView();
    yaml->setEditPause(10);
    QVERIFY(window.selectResource(u"VirtualService shop/reviews"_s));
    const QString model = yaml->yaml();

    // Half-way through an edit the text does not parse: marked, nothing applied.
    yaml->setFocus();
    QTextCursor cursor(yaml->document());
    cursor.movePosition(QTextCursor::End);
    yaml->setTextCursor(cursor);
    QTest::keyClicks(yaml, u"note: {unclosed"_s);
    QTRY_VERIFY(yaml->errorLine() > 0);
    const QString typed = yaml->yaml();
    QVERIFY(typed != model);

    // Look at another resource and come back: the typed text is still there, still marked.
    QVERIFY(window.selectResource(u"VirtualService shop/ratings"_s));
    QVERIFY(!yaml->yaml().contains(u"{unclosed"_s));
    QVERIFY(window.selectResource(u"VirtualService shop/reviews"_s));
    QCOMPARE(yaml->yaml(), typed);
    QVERIFY(yaml->errorLine() > 0);

    // Finishing the edit applies it and the draft is gone.
    cursor = QTextCursor(yaml->document());
    cursor.movePosition(QTextCursor::End);
    yaml->setTextCursor(cursor);
    QTest::keyClicks(yaml, u"}"_s);
    QTRY_COMPARE(yaml->errorLine(), 0);
    QVERIFY(window.selectResource(u"VirtualService shop/ratings"_s));
    QVERIFY(window.selectResource(u"VirtualService shop/reviews"_s));
    QVERIFY(yaml->yaml().contains(u"unclosed"_s));    // an unknown field: kept
    QVERIFY(!yaml->yaml().contains(u"{unclosed"_s));  // the model's canonical YAML again
  }
};

QTEST_MAIN(YamlDiagnosticsTest)
#include "tst_yamldiagnostics.moc"
