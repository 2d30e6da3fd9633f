// The VirtualService editor in the main window, on a copy of the shop sample, through its real
// widgets: reordering routes (the regression), the match builder, retryOn check boxes,
// undo of panel edits, routes made unreachable by a catch-all, focusField, and that reloads
// keep the selected route, tab and widgets.

#include <QtTest/QtTest>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QUndoStack>

#include <filesystem>
#include <memory>

#include "app/Document.h"
#include "app/MainWindow.h"
#include "app/ResourceEditorHost.h"
#include "model/FieldPath.h"
#include "model/YamlWriter.h"
#include "views/FieldForm.h"
#include "views/HttpMatchEditor.h"
#include "views/HttpRouteList.h"
#include "views/MatchConditionRow.h"
#include "views/RouteDestinationsEditor.h"
#include "views/StringMatchListEditor.h"
#include "views/VirtualServiceEditor.h"
#include "views/VirtualServiceHostsEditor.h"
#include "views/WeightSplitEditor.h"

using namespace meshstudio;
using views::VirtualServiceEditor;

namespace {

/// The shop sample, copied so the test may edit it, open in a shown main window.
struct Studio {
  QTemporaryDir folder;
  app::MainWindow window;

  bool open(const QString& resource) {
    std::filesystem::copy(std::filesystem::path(MESHSTUDIO_SOURCE_DIR) / "resources/samples/shop",
                          folder.path().toStdString(), std::filesystem::copy_options::recursive);
    window.document()->setRecoveryDirectory(folder.filePath(QStringLiteral("recovery")));
    if (!window.openProject(folder.path())) return false;
    window.resize(1400, 1400);  // tall enough that the editor needs no scrolling: clicks land where aimed
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) return false;
    window.activateWindow();
    return window.selectResource(resource);
  }
  VirtualServiceEditor* editor() const { return window.editorHost()->currentEditorAs<VirtualServiceEditor>(); }
  const model::Resource& resource(const char* name) const {
    return *window.document()->resource(window.document()->findResource(name));
  }
  /// The node at `path` of the reviews VirtualService, nullptr when absent.
  const model::Value* at(const std::string& path, const char* name = "VirtualService shop/reviews") const {
    return model::FieldPath::parse(path)->find(resource(name).document());
  }
  QString text(const std::string& path) const {
    const model::Value* value = at(path);
    return value ? QString::fromStdString(value->text()) : QString();
  }
  int steps() const { return window.document()->undoStack()->index(); }
  void undo() { window.document()->undoStack()->undo(); }
  /// The exported YAML of the reviews VirtualService.
  QString yaml() const {
    return QString::fromStdString(model::YamlWriter::write(resource("VirtualService shop/reviews").document()));
  }
};

/// Shows `tab` of the editor, laid out as the user would see it before clicking into it.
void showTab(VirtualServiceEditor* editor, VirtualServiceEditor::Tab tab) {
  editor->tabs()->setCurrentIndex(tab);
  QCoreApplication::processEvents();
}

/// Clicks a check box on its indicator (a stretched box is only clickable on its indicator and text).
void clickCheckBox(QCheckBox* box) {
  QStyleOptionButton option;
  option.initFrom(box);
  const QRect indicator = box->style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, box);
  QTest::mouseClick(box, Qt::LeftButton, {}, indicator.center());
}

void commitText(QLineEdit* edit, const QString& text) {
  edit->setFocus();
  edit->selectAll();
  QTest::keyClicks(edit, text);
  QTest::keyClick(edit, Qt::Key_Return);
}

}  // namespace

class VirtualServiceEditorTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void reorderingRoutesChangesTheExportedYaml() {
    Studio studio;
    QVERIFY(studio.open(QStringLiteral("VirtualService shop/reviews")));
    VirtualServiceEditor* editor = studio.editor();
    QVERIFY(editor);
    const QString before = studio.yaml();
    QVERIFY(before.indexOf(QStringLiteral("name: testers")) < before.indexOf(QStringLiteral("name: canary")));
    QVERIFY(editor->routeList()->list()->item(0)->text().contains(QStringLiteral("testers")));

    // Move down: testers goes after the canary, and the selection follows it.
    editor->selectRoute(0);
    const int steps = studio.steps();
    QTest::mouseClick(editor->routeList()->moveDownButton(), Qt::LeftButton);
    const QString after = studio.yaml();
    QVERIFY2(after.indexOf(QStringLiteral("name: canary")) < after.indexOf(QStringLiteral("name: testers")),
             qPrintable(after));
    QCOMPARE(studio.steps(), steps + 1);
    QCOMPARE(editor->currentRoute(), 1);
    QVERIFY(editor->routeList()->list()->item(0)->text().contains(QStringLiteral("canary")));
    QVERIFY(editor->routeList()->list()->item(1)->text().contains(QStringLiteral("testers")));
    // The canary matches everything: testers after it can never match.
    QVERIFY(editor->routeList()->list()->item(1)->data(views::HttpRouteList::UnreachableRole).toBool());

    studio.undo();  // one step restores the order
    QCOMPARE(studio.yaml(), before);
    QVERIFY(editor->routeList()->list()->item(0)->text().contains(QStringLiteral("testers")));

    // A drag moves the row in the list's model: the document follows.
    QAbstractItemModel* rows = editor->routeList()->list()->model();
    QVERIFY(rows->moveRow(QModelIndex(), 1, QModelIndex(), 0));
    const QString dragged = studio.yaml();
    QVERIFY2(dragged.indexOf(QStringLiteral("name: canary")) < dragged.indexOf(QStringLiteral("name: testers")),
             qPrintable(dragged));
    QCOMPARE(studio.steps(), steps + 1);
    studio.undo();
    QCOMPARE(studio.yaml(), before);
  }

  void matchBuilderAddsAHeaderConditionToItsBlock() {
    Studio studio;
    QVERIFY(studio.open(QStringLiteral("VirtualService shop/reviews")));
    VirtualServiceEditor* editor = studio.editor();
    editor->selectRoute(0);
    showTab(editor, VirtualServiceEditor::MatchTab);
    views::HttpMatchEditor* match = editor->matchEditor();
    QCOMPARE(match->blockCount(), 1);
    QCOMPARE(match->conditionCount(0), 1);
    QCOMPARE(match->condition(0, 0)->valueEdit()->text(), QStringLiteral("jason"));

    const int steps = studio.steps();
    QTest::mouseClick(match->addConditionButton(0), Qt::LeftButton);
    QCOMPARE(match->conditionCount(0), 2);
    views::MatchConditionRow* row = match->condition(0, 1);
    QCOMPARE(row->subject(), views::MatchConditionRow::Subject::Uri);
    row->subjectBox()->setFocus();
    QTest::keyClick(row->subjectBox(), Qt::Key_Down);  // uri → header
    QCOMPARE(row->subject(), views::MatchConditionRow::Subject::Header);
    commitText(row->nameEdit(), QStringLiteral("x-canary"));
    QCOMPARE(studio.steps(), steps);  // no value yet: nothing written
    commitText(row->valueEdit(), QStringLiteral("true"));

    QCOMPARE(studio.steps(), steps + 1);
    const model::Value* canary = studio.at("spec.http[0].match[0].headers[x-canary]");
    QVERIFY(canary && canary->isMap());
    QCOMPARE(canary->size(), std::size_t(1));
    QCOMPARE(studio.text("spec.http[0].match[0].headers[x-canary].exact"), QStringLiteral("true"));
    QVERIFY(studio.at("spec.http[0].match[0].headers[x-canary].exact")->isString());  // "true", not a boolean
    QCOMPARE(studio.text("spec.http[0].match[0].headers[end-user].exact"), QStringLiteral("jason"));
    QVERIFY(studio.yaml().contains(QStringLiteral("x-canary:\n                exact: \"true\"")) ||
            studio.yaml().contains(QStringLiteral("exact: \"true\"")));
    // The rows stay as they are (no rebuild under the user).
    QCOMPARE(match->condition(0, 1), row);
  }

  void matchBuilderDoesNotWriteABadRegex() {
    Studio studio;
    QVERIFY(studio.open(QStringLiteral("VirtualService shop/reviews")));
    VirtualServiceEditor* editor = studio.editor();
    editor->selectRoute(0);
    showTab(editor, VirtualServiceEditor::MatchTab);
    views::HttpMatchEditor* match = editor->matchEditor();
    QTest::mouseClick(match->addConditionButton(0), Qt::LeftButton);
    views::MatchConditionRow* row = match->condition(0, 1);
    row->operatorBox()->setFocus();
    QTest::keyClick(row->operatorBox(), Qt::Key_Down);  // exact → prefix
    QTest::keyClick(row->operatorBox(), Qt::Key_Down);  // prefix → regex
    QCOMPARE(row->operatorBox()->currentText(), QStringLiteral("regex"));
    const int steps = studio.steps();

    commitText(row->valueEdit(), QStringLiteral("("));
    QVERIFY(!row->problem().isEmpty());
    QVERIFY(row->valueEdit()->toolTip().contains(QStringLiteral("RE2")));
    QVERIFY(!row->valueEdit()->styleSheet().isEmpty());  // marked
    QCOMPARE(studio.steps(), steps);                     // not written
    QVERIFY(!studio.at("spec.http[0].match[0].uri"));

    commitText(row->valueEdit(), QStringLiteral("/api/v[0-9]+/.*"));
    QVERIFY(row->problem().isEmpty());
    QVERIFY(row->valueEdit()->styleSheet().isEmpty());
    QCOMPARE(studio.steps(), steps + 1);
    QCOMPARE(studio.text("spec.http[0].match[0].uri.regex"), QStringLiteral("/api/v[0-9]+/.*"));
  }

  void matchBuilderWritesANewBlockWithItsFirstCondition() {
    Studio studio;
    QVERIFY(studio.open(QStringLiteral("VirtualService shop/reviews")));
    VirtualServiceEditor* editor = studio.editor();
    editor->selectRoute(1);  // the canary: no match
    showTab(editor, VirtualServiceEditor::MatchTab);
    views::HttpMatchEditor* match = editor->matchEditor();
    QCOMPARE(match->blockCount(), 0);
    const int steps = studio.steps();
    QTest::mouseClick(match->addBlockButton(), Qt::LeftButton);
    QCOMPARE(match->blockCount(), 1);
    QCOMPARE(studio.steps(), steps);  // an empty block would match everything: not written yet
    commitText(match->condition(0, 0)->valueEdit(), QStringLiteral("/v3"));
    QCOMPARE(studio.steps(), steps + 1);
    QCOMPARE(studio.text("spec.http[1].match[0].uri.prefix"), QStringLiteral("/v3"));
    // Now the canary no longer catches everything.
    QVERIFY(!editor->routeList()->list()->item(1)->text().contains(QStringLiteral("any request")));

    // Removing the block removes the list it leaves empty.
    QTest::mouseClick(match->removeBlockButton(0), Qt::LeftButton);
    QCOMPARE(match->blockCount(), 0);
    QVERIFY(!studio.at("spec.http[1].match"));
  }

  void retryOnCheckBoxesWriteTheCommaJoinedTokens() {
    Studio studio;
    QVERIFY(studio.open(QStringLiteral("VirtualService shop/reviews")));
    VirtualServiceEditor* editor = studio.editor();
    editor->selectRoute(1);
    showTab(editor, VirtualServiceEditor::RetriesTab);
    views::FieldForm* form = editor->formFor("retries.retryOn");
    QVERIFY(form);
    QWidget* tokens = form->control("retries.retryOn");
    auto box = [tokens](const char* token) { return tokens->findChild<QCheckBox*>(QString::fromLatin1(token)); };
    QVERIFY(box("connect-failure")->isChecked());
    QVERIFY(!box("5xx")->isChecked());

    clickCheckBox(box("5xx"));
    QCOMPARE(studio.text("spec.http[1].retries.retryOn"),
             QStringLiteral("5xx,reset-before-request,connect-failure,refused-stream"));

    for (const char* token : {"5xx", "reset-before-request", "connect-failure", "refused-stream"})
      clickCheckBox(box(token));
    QVERIFY(!studio.at("spec.http[1].retries.retryOn"));                          // the field is gone
    QCOMPARE(studio.text("spec.http[1].retries.attempts"), QStringLiteral("3"));  // the rest stays
  }

  void aPanelEditIsOneUndoStepAndUndoUpdatesTheForm() {
    Studio studio;
    QVERIFY(studio.open(QStringLiteral("VirtualService shop/reviews")));
    VirtualServiceEditor* editor = studio.editor();
    editor->selectRoute(1);
    showTab(editor, VirtualServiceEditor::RetriesTab);
    auto* attempts = qobject_cast<QSpinBox*>(editor->formFor("retries.attempts")->control("retries.attempts"));
    QVERIFY(attempts);
    QCOMPARE(attempts->value(), 3);
    const int steps = studio.steps();
    attempts->setFocus();
    for (int i = 0; i < 3; ++i) QTest::keyClick(attempts, Qt::Key_Up);  // one gesture
    QCOMPARE(studio.text("spec.http[1].retries.attempts"), QStringLiteral("6"));
    QCOMPARE(studio.steps(), steps + 1);
    studio.undo();
    QCOMPARE(studio.text("spec.http[1].retries.attempts"), QStringLiteral("3"));
    QCOMPARE(attempts->value(), 3);

    auto* timeout = qobject_cast<QLineEdit*>(editor->formFor("timeout")->control("timeout"));
    commitText(timeout, QStringLiteral("4s"));
    QCOMPARE(studio.text("spec.http[1].timeout"), QStringLiteral("4s"));
    QCOMPARE(studio.steps(), steps + 1);
    studio.undo();
    QCOMPARE(timeout->text(), QStringLiteral("2s"));
    QCOMPARE(studio.steps(), steps);
  }

  void clearingTheLastFieldOfABlockRemovesTheBlock() {
    Studio studio;
    QVERIFY(studio.open(QStringLiteral("VirtualService shop/reviews")));
    VirtualServiceEditor* editor = studio.editor();
    editor->selectRoute(0);
    showTab(editor, VirtualServiceEditor::FaultTab);
    auto* share = qobject_cast<QDoubleSpinBox*>(
        editor->formFor("fault.delay.percentage.value")->control("fault.delay.percentage.value"));
    QVERIFY(share);
    share->setValue(50);
    QCOMPARE(studio.text("spec.http[0].fault.delay.percentage.value"), QStringLiteral("50"));
    share->setValue(share->minimum());          // "default (0 %)"
    QVERIFY(!studio.at("spec.http[0].fault"));  // no `fault: {delay: {percentage: {}}}` left behind
  }

  void routesAfterACatchAllAreGreyed() {
    Studio studio;
    QVERIFY(studio.open(QStringLiteral("VirtualService shop/reviews")));
    VirtualServiceEditor* editor = studio.editor();
    QListWidget* list = editor->routeList()->list();
    QCOMPARE(list->count(), 2);
    QVERIFY(!list->item(1)->data(views::HttpRouteList::UnreachableRole).toBool());

    const int steps = studio.steps();
    QTest::mouseClick(editor->routeList()->addButton(), Qt::LeftButton);
    QCOMPARE(studio.steps(), steps + 1);
    QCOMPARE(list->count(), 3);
    QCOMPARE(studio.text("spec.http[2].route[0].destination.host"), QStringLiteral("reviews"));
    QCOMPARE(editor->currentRoute(), 2);  // the new route is selected
    QListWidgetItem* added = list->item(2);
    QVERIFY(added->data(views::HttpRouteList::UnreachableRole).toBool());
    QVERIFY2(added->toolTip().contains(QStringLiteral("can never match")), qPrintable(added->toolTip()));
    QVERIFY(added->foreground().color() != list->item(0)->foreground().color());
    QVERIFY(list->item(1)->toolTip().contains(QStringLiteral("takes every request")));
    QVERIFY(!list->item(0)->data(views::HttpRouteList::UnreachableRole).toBool());

    QTest::mouseClick(editor->routeList()->removeButton(), Qt::LeftButton);
    QCOMPARE(list->count(), 2);
    QVERIFY(!studio.at("spec.http[2]"));
  }

  void focusFieldSelectsTheRouteAndTab() {
    Studio studio;
    QVERIFY(studio.open(QStringLiteral("VirtualService shop/reviews")));
    QVERIFY(QTest::qWaitForWindowActive(&studio.window));
    VirtualServiceEditor* editor = studio.editor();
    editor->selectRoute(0);
    QVERIFY(studio.window.editorHost()->focusField("spec.http[1].retries.attempts"));
    QCOMPARE(editor->currentRoute(), 1);
    QCOMPARE(editor->tabs()->currentIndex(), int(VirtualServiceEditor::RetriesTab));
    QCOMPARE(QApplication::focusWidget(), editor->formFor("retries.attempts")->control("retries.attempts"));

    QVERIFY(editor->focusField("spec.http[0].match[0].headers.end-user.exact"));
    QCOMPARE(editor->currentRoute(), 0);
    QCOMPARE(editor->tabs()->currentIndex(), int(VirtualServiceEditor::MatchTab));
    QCOMPARE(QApplication::focusWidget(), editor->matchEditor()->condition(0, 0)->valueEdit());

    QVERIFY(editor->focusField("spec.http[1].route[1].weight"));
    QCOMPARE(editor->tabs()->currentIndex(), int(VirtualServiceEditor::DestinationsTab));
    QCOMPARE(QApplication::focusWidget(), editor->splitEditor()->spinBox(1));

    QVERIFY(editor->focusField("spec.http[1].corsPolicy.maxAge"));
    QCOMPARE(editor->tabs()->currentIndex(), int(VirtualServiceEditor::CorsTab));
    QVERIFY(!editor->focusField("spec.tcp[0]"));
  }

  void reloadsKeepTheRouteTabAndWidgets() {
    Studio studio;
    QVERIFY(studio.open(QStringLiteral("VirtualService shop/reviews")));
    VirtualServiceEditor* editor = studio.editor();
    editor->selectRoute(1);
    showTab(editor, VirtualServiceEditor::DestinationsTab);
    QSlider* slider = editor->splitEditor()->slider(0);
    QLineEdit* host = editor->destinationsEditor()->hostEdit(0);
    QListWidgetItem* item = editor->routeList()->list()->item(1);
    const app::ResourceId id = studio.window.document()->findResource("VirtualService shop/reviews");
    QVERIFY(studio.window.document()->setFields(id, {{"spec.http[1].route[0].weight", model::Value::integer(80)},
                                                     {"spec.http[1].route[1].weight", model::Value::integer(20)}}));
    QCOMPARE(editor->currentRoute(), 1);
    QCOMPARE(editor->tabs()->currentIndex(), int(VirtualServiceEditor::DestinationsTab));
    QCOMPARE(editor->splitEditor()->slider(0), slider);
    QCOMPARE(editor->destinationsEditor()->hostEdit(0), host);
    QCOMPARE(editor->routeList()->list()->item(1), item);
    QCOMPARE(editor->splitEditor()->weights(), (QList<int>{80, 20}));
    QVERIFY(item->text().contains(QStringLiteral("80%")));
  }

  void destinationsAddRemoveAndSubsets() {
    Studio studio;
    QVERIFY(studio.open(QStringLiteral("VirtualService shop/reviews")));
    VirtualServiceEditor* editor = studio.editor();
    editor->selectRoute(0);
    showTab(editor, VirtualServiceEditor::DestinationsTab);
    views::RouteDestinationsEditor* destinations = editor->destinationsEditor();
    QCOMPARE(destinations->count(), 1);
    QComboBox* subset = destinations->subsetBox(0);
    QCOMPARE(subset->currentText(), QStringLiteral("v2"));
    QStringList offered;
    for (int i = 1; i < subset->count(); ++i) offered << subset->itemText(i);
    QCOMPARE(offered, (QStringList{QStringLiteral("v1"), QStringLiteral("v2"), QStringLiteral("v3")}));

    const int steps = studio.steps();
    QTest::mouseClick(destinations->addButton(), Qt::LeftButton);
    QCOMPARE(studio.steps(), steps + 1);
    QCOMPARE(destinations->count(), 2);
    QCOMPARE(studio.text("spec.http[0].route[0].weight"), QStringLiteral("100"));  // what it got before
    QCOMPARE(studio.text("spec.http[0].route[1].weight"), QStringLiteral("0"));
    QCOMPARE(studio.text("spec.http[0].route[1].destination.host"), QStringLiteral("reviews"));
    QCOMPARE(editor->splitEditor()->count(), 2);

    destinations->subsetBox(1)->setFocus();
    QTest::keyClick(destinations->subsetBox(1), Qt::Key_Down);  // (no subset) → v1
    QCOMPARE(studio.text("spec.http[0].route[1].destination.subset"), QStringLiteral("v1"));

    QTest::mouseClick(destinations->removeButton(1), Qt::LeftButton);
    QCOMPARE(destinations->count(), 1);
    QVERIFY(!studio.at("spec.http[0].route[1]"));
  }

  void gatewaysListTheProjectsGatewaysAndMesh() {
    Studio studio;
    QVERIFY(studio.open(QStringLiteral("VirtualService shop/productpage")));
    VirtualServiceEditor* editor = studio.editor();
    QListWidget* gateways = editor->hostsEditor()->gatewayList();
    QCOMPARE(gateways->count(), 2);
    QCOMPARE(gateways->item(0)->text(), QStringLiteral("mesh"));
    QCOMPARE(gateways->item(1)->text(), QStringLiteral("shop/shop-gateway"));
    QCOMPARE(gateways->item(1)->checkState(), Qt::Checked);  // written as the short `shop-gateway`
    QCOMPARE(gateways->item(0)->checkState(), Qt::Unchecked);
    gateways->item(0)->setCheckState(Qt::Checked);
    const model::Value* written = studio.at("spec.gateways", "VirtualService shop/productpage");
    QVERIFY(written && written->isSeq());
    QCOMPARE(written->size(), std::size_t(2));
    QCOMPARE(written->items()[0].text(), std::string("shop-gateway"));  // kept as written
    QCOMPARE(written->items()[1].text(), std::string("mesh"));
    gateways->item(1)->setCheckState(Qt::Unchecked);
    written = studio.at("spec.gateways", "VirtualService shop/productpage");
    QCOMPARE(written->size(), std::size_t(1));
    QCOMPARE(written->items()[0].text(), std::string("mesh"));
  }

  void hostMenuAddsAProjectHost() {
    Studio studio;
    QVERIFY(studio.open(QStringLiteral("VirtualService shop/reviews")));
    QMenu* menu = studio.editor()->hostsEditor()->addHostButton()->menu();
    QAction* fqdn = nullptr;
    for (QAction* action : menu->actions())
      if (action->text() == QStringLiteral("reviews.shop.svc.cluster.local")) fqdn = action;
    QVERIFY(fqdn);
    fqdn->trigger();
    const model::Value* hosts = studio.at("spec.hosts");
    QCOMPARE(hosts->size(), std::size_t(2));
    QCOMPARE(hosts->items()[1].text(), std::string("reviews.shop.svc.cluster.local"));
  }

  void corsOriginsAreWrittenAsStringMatches() {
    Studio studio;
    QVERIFY(studio.open(QStringLiteral("VirtualService shop/reviews")));
    VirtualServiceEditor* editor = studio.editor();
    editor->selectRoute(1);
    showTab(editor, VirtualServiceEditor::CorsTab);
    QTableWidget* table = editor->originsEditor()->table();
    QCOMPARE(table->rowCount(), 1);  // the empty row to type in
    table->item(0, 1)->setText(QStringLiteral("https://shop.example.com"));
    QCOMPARE(studio.text("spec.http[1].corsPolicy.allowOrigins[0].exact"), QStringLiteral("https://shop.example.com"));
    QCOMPARE(table->rowCount(), 2);

    auto* op = qobject_cast<QComboBox*>(table->cellWidget(1, 0));
    op->setCurrentText(QStringLiteral("regex"));
    const int steps = studio.steps();
    table->item(1, 1)->setText(QStringLiteral("https://(.*"));  // RE2 rejects it: not written
    QCOMPARE(studio.steps(), steps);
    QVERIFY(!table->item(1, 1)->toolTip().isEmpty());
    table->item(1, 1)->setText(QStringLiteral("https://.*\\.example\\.com"));
    QCOMPARE(studio.text("spec.http[1].corsPolicy.allowOrigins[1].regex"),
             QStringLiteral("https://.*\\.example\\.com"));

    table->item(0, 1)->setText(QString());  // clearing a value removes the origin
    QCOMPARE(studio.at("spec.http[1].corsPolicy.allowOrigins")->size(), std::size_t(1));
  }
};

QTEST_MAIN(VirtualServiceEditorTest)
#include "tst_virtualserviceeditor.moc"
