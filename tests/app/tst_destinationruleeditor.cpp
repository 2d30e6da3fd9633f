// The DestinationRule editor (issue 6) on the shop sample, through the window's editor host:
// a form edit writes its path as one undo step; subset label suggestions come from the host's
// Deployments and the pod counts follow their replicas; the per-subset override adds and removes
// the subset's trafficPolicy; focusField selects the subset; the list survives value edits.

#include <QCheckBox>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>

#include "EditorTestSupport.h"
#include "views/DestinationRuleEditor.h"
#include "views/EditableItemList.h"
#include "views/FieldForm.h"
#include "views/SubsetEditor.h"
#include "views/TrafficPolicyEditor.h"

using namespace meshstudio;
using meshstudio::test::EditorStudio;

class DestinationRuleEditorTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void hostPolicyFieldIsOneUndoStep() {
    EditorStudio studio;
    QVERIFY(studio.openShop());
    auto* editor = studio.edit<views::DestinationRuleEditor>("DestinationRule shop/reviews");
    QVERIFY(editor);
    editor->tabs()->setCurrentIndex(1);
    auto* interval = qobject_cast<QLineEdit*>(editor->policyEditor()->outlierDetectionForm()->control("interval"));
    QVERIFY(interval);
    QCOMPARE(interval->text(), QStringLiteral("10s"));
    const int steps = studio.undoSteps();
    test::retype(interval, QStringLiteral("5s"));
    QCOMPARE(studio.text("spec.trafficPolicy.outlierDetection.interval"), QStringLiteral("5s"));
    QCOMPARE(studio.undoSteps(), steps + 1);
    studio.undo();
    QCOMPARE(studio.text("spec.trafficPolicy.outlierDetection.interval"), QStringLiteral("10s"));
    QCOMPARE(interval->text(), QStringLiteral("10s"));  // the form follows the undo
  }

  void loadBalancerKeepsOneAlgorithm() {
    EditorStudio studio;
    QVERIFY(studio.openShop());
    auto* editor = studio.edit<views::DestinationRuleEditor>("DestinationRule shop/reviews");
    QVERIFY(editor);
    editor->tabs()->setCurrentIndex(1);
    views::FieldForm* lb = editor->policyEditor()->loadBalancerForm();
    QVERIFY(test::choose(qobject_cast<QComboBox*>(lb->control("simple")), QStringLiteral("ROUND_ROBIN")));
    QCOMPARE(studio.text("spec.trafficPolicy.loadBalancer.simple"), QStringLiteral("ROUND_ROBIN"));

    // A hash key replaces the algorithm in the same step.
    const int steps = studio.undoSteps();
    test::retype(qobject_cast<QLineEdit*>(lb->control("consistentHash.httpHeaderName")), QStringLiteral("x-user"));
    QCOMPARE(studio.text("spec.trafficPolicy.loadBalancer.consistentHash.httpHeaderName"), QStringLiteral("x-user"));
    QVERIFY(!studio.at("spec.trafficPolicy.loadBalancer.simple"));
    QCOMPARE(studio.undoSteps(), steps + 1);

    // Another hash key replaces the header.
    test::toggle(lb->control("consistentHash.useSourceIp"));
    QCOMPARE(studio.text("spec.trafficPolicy.loadBalancer.consistentHash.useSourceIp"), QStringLiteral("true"));
    QVERIFY(!studio.at("spec.trafficPolicy.loadBalancer.consistentHash.httpHeaderName"));
  }

  void hostCompletionsAreTheProjectsServices() {
    EditorStudio studio;
    QVERIFY(studio.openShop());
    auto* editor = studio.edit<views::DestinationRuleEditor>("DestinationRule shop/reviews");
    QVERIFY(editor);
    const QStringList hosts = editor->hostCompletions();
    QVERIFY(hosts.contains(QStringLiteral("reviews")));
    QVERIFY(hosts.contains(QStringLiteral("ratings.shop.svc.cluster.local")));
    QCOMPARE(hosts.size(), 8);  // four short names and four FQDNs
    QVERIFY(editor->hostStatus()->text().contains(QStringLiteral("shop/reviews")));
  }

  void subsetLabelSuggestionsComeFromDeployments() {
    EditorStudio studio;
    QVERIFY(studio.openShop());
    auto* editor = studio.edit<views::DestinationRuleEditor>("DestinationRule shop/reviews");
    QVERIFY(editor);
    editor->tabs()->setCurrentIndex(2);
    editor->subsetList()->setCurrentRow(0);
    QMenu* menu = editor->subsetEditor()->suggestionsMenu();
    const QList<QAction*> actions = menu->actions();
    QCOMPARE(actions.size(), 3);  // reviews-v1, -v2, -v3; the selector's app=reviews is not repeated
    QVERIFY(actions[0]->text().startsWith(QStringLiteral("version=v1")));
    QVERIFY(actions[0]->text().contains(QStringLiteral("reviews-v1")));
    QVERIFY(actions[1]->text().startsWith(QStringLiteral("version=v2")));
    QVERIFY(actions[2]->text().startsWith(QStringLiteral("version=v3")));
    QVERIFY(!actions[0]->text().contains(QStringLiteral("app=")));
    QVERIFY(actions[0]->isChecked());  // subset v1 uses these labels

    const int steps = studio.undoSteps();
    actions[1]->trigger();
    QCOMPARE(studio.text("spec.subsets[0].labels.version"), QStringLiteral("v2"));
    QCOMPARE(studio.at("spec.subsets[0].labels")->size(), std::size_t(1));
    QCOMPARE(studio.undoSteps(), steps + 1);
    QVERIFY(menu->actions()[1]->isChecked());
  }

  void podCountFollowsReplicas() {
    EditorStudio studio;
    QVERIFY(studio.openShop());
    auto* editor = studio.edit<views::DestinationRuleEditor>("DestinationRule shop/reviews");
    QVERIFY(editor);
    editor->tabs()->setCurrentIndex(2);
    QListWidget* list = editor->subsetList()->list();
    QCOMPARE(list->count(), 3);
    QVERIFY(list->item(0)->text().contains(QStringLiteral("2 pod")));  // reviews-v1 has 2 replicas
    QVERIFY(list->item(1)->text().contains(QStringLiteral("1 pod")));  // reviews-v2: 1
    editor->subsetList()->setCurrentRow(0);
    QLabel* count = editor->subsetEditor()->podCountLabel();
    QCOMPARE(count->property("pods").toLongLong(), qlonglong(2));
    QListWidgetItem* first = list->item(0);

    // The Deployment changes: the DestinationRule's editor follows.
    const app::ResourceId deployment = studio.document.findResource("Deployment shop/reviews-v1");
    QVERIFY(studio.document.setField(deployment, "spec.replicas", model::Value::integer(5)));
    QVERIFY(list->item(0)->text().contains(QStringLiteral("5 pod")));
    QCOMPARE(count->property("pods").toLongLong(), qlonglong(5));
    QCOMPARE(list->item(0), first);  // updated in place, not rebuilt
    QCOMPARE(editor->subsetList()->currentRow(), 0);

    QVERIFY(studio.document.setField(deployment, "spec.replicas", model::Value::integer(0)));
    QVERIFY(list->item(0)->text().contains(QStringLiteral("0 pod")));
    QVERIFY(list->item(0)->data(Qt::UserRole).toBool());  // the warning
    QCOMPARE(list->item(0)->foreground().color(), views::EditableItemList::warningColour(list->palette()));
    QVERIFY(count->text().contains(QStringLiteral("no pods")));
    QCOMPARE(count->palette().color(QPalette::WindowText), views::EditableItemList::warningColour(editor->palette()));

    // Replicas left out mean 1.
    QVERIFY(studio.document.setFields(deployment, {model::FieldEdit{"spec.replicas", std::nullopt}}));
    QCOMPARE(count->property("pods").toLongLong(), qlonglong(1));
    QVERIFY(!list->item(0)->data(Qt::UserRole).toBool());
  }

  void overrideToggleAddsAndRemovesTheSubsetPolicy() {
    EditorStudio studio;
    QVERIFY(studio.openShop());
    auto* editor = studio.edit<views::DestinationRuleEditor>("DestinationRule shop/reviews");
    QVERIFY(editor);
    editor->tabs()->setCurrentIndex(2);
    editor->subsetList()->setCurrentRow(1);
    views::SubsetEditor* subset = editor->subsetEditor();
    QCheckBox* override = subset->overrideCheck();
    QVERIFY(!override->isChecked());
    QVERIFY(!subset->policyEditor()->isVisibleTo(subset));

    const int steps = studio.undoSteps();
    test::toggle(override);
    QVERIFY(subset->policyEditor()->isVisibleTo(subset));
    QCOMPARE(studio.undoSteps(), steps);  // nothing written until a field is
    QVERIFY(!studio.at("spec.subsets[1].trafficPolicy"));

    auto* pending =
        qobject_cast<QSpinBox*>(subset->policyEditor()->connectionPoolForm()->control("http.http1MaxPendingRequests"));
    QVERIFY(pending);
    pending->setValue(3);
    QCOMPARE(studio.text("spec.subsets[1].trafficPolicy.connectionPool.http.http1MaxPendingRequests"),
             QStringLiteral("3"));
    QVERIFY(override->isChecked());
    QCOMPARE(studio.undoSteps(), steps + 1);

    test::toggle(override);
    QVERIFY(!studio.at("spec.subsets[1].trafficPolicy"));
    QVERIFY(studio.at("spec.subsets[1].labels"));
    QCOMPARE(studio.undoSteps(), steps + 2);
    QVERIFY(!subset->policyEditor()->isVisibleTo(subset));
    studio.undo();
    QVERIFY(studio.at("spec.subsets[1].trafficPolicy.connectionPool"));
    QVERIFY(override->isChecked());
    QCOMPARE(pending->value(), 3);
  }

  void addAndRemoveSubsets() {
    EditorStudio studio;
    QVERIFY(studio.openShop());
    // A fourth reviews Deployment that no subset uses yet.
    const app::ResourceId v3 = studio.document.findResource("Deployment shop/reviews-v3");
    QVERIFY(studio.document.duplicateResource(v3, QStringLiteral("reviews-v4")));
    const app::ResourceId v4 = studio.document.findResource("Deployment shop/reviews-v4");
    QVERIFY(studio.document.setFields(v4, {{"spec.template.metadata.labels.version", model::Value::string("v4")},
                                           {"spec.selector.matchLabels.version", model::Value::string("v4")}}));
    auto* editor = studio.edit<views::DestinationRuleEditor>("DestinationRule shop/reviews");
    QVERIFY(editor);
    editor->tabs()->setCurrentIndex(2);
    const int steps = studio.undoSteps();
    QTest::mouseClick(editor->subsetList()->addButton(), Qt::LeftButton);
    QCOMPARE(studio.undoSteps(), steps + 1);
    QCOMPARE(studio.text("spec.subsets[3].name"), QStringLiteral("v4"));
    QCOMPARE(studio.text("spec.subsets[3].labels.version"), QStringLiteral("v4"));
    QCOMPARE(editor->subsetList()->currentRow(), 3);  // the new subset is selected
    QCOMPARE(editor->subsetEditor()->index(), 3);
    QVERIFY(editor->subsetList()->list()->item(3)->text().contains(QStringLiteral("1 pod")));

    // Rename through the name field.
    auto* name = qobject_cast<QLineEdit*>(editor->subsetEditor()->form()->control("name"));
    test::retype(name, QStringLiteral("canary"));
    QCOMPARE(studio.text("spec.subsets[3].name"), QStringLiteral("canary"));
    QVERIFY(editor->subsetList()->list()->item(3)->text().startsWith(QStringLiteral("canary")));

    editor->subsetList()->setCurrentRow(1);
    QTest::mouseClick(editor->subsetList()->removeButton(), Qt::LeftButton);
    QCOMPARE(studio.at("spec.subsets")->size(), std::size_t(3));
    QCOMPARE(studio.text("spec.subsets[1].name"), QStringLiteral("v3"));
    QCOMPARE(editor->subsetList()->currentRow(), 1);
    QCOMPARE(editor->subsetEditor()->index(), 1);
    QCOMPARE(name->text(), QStringLiteral("v3"));
  }

  void focusFieldSelectsTheSubset() {
    EditorStudio studio;
    QVERIFY(studio.openShop());
    auto* editor = studio.edit<views::DestinationRuleEditor>("DestinationRule shop/reviews");
    QVERIFY(editor);
    studio.host.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&studio.host));
    QVERIFY(studio.host.focusField("spec.subsets[2].labels"));
    QCOMPARE(editor->tabs()->currentIndex(), 2);
    QCOMPARE(editor->subsetList()->currentRow(), 2);
    QWidget* labels = editor->subsetEditor()->form()->control("labels");
    QTRY_VERIFY(labels->hasFocus());
    QCOMPARE(editor->subsetEditor()->form()->fullPath("labels"), std::string("spec.subsets[2].labels"));

    QVERIFY(studio.host.focusField("spec.trafficPolicy.connectionPool.tcp.maxConnections"));
    QCOMPARE(editor->tabs()->currentIndex(), 1);
    QTRY_VERIFY(editor->policyEditor()->connectionPoolForm()->control("tcp.maxConnections")->hasFocus());

    QVERIFY(studio.host.focusField("spec.host"));
    QCOMPARE(editor->tabs()->currentIndex(), 0);
    QVERIFY(!studio.host.focusField("spec.subsets[7].name"));
  }
};

QTEST_MAIN(DestinationRuleEditorTest)
#include "tst_destinationruleeditor.moc"
