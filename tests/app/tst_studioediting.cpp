// Issue 6: editing in the studio, through the real window and widgets — a weight-slider drag
// rebalances the split, updates the YAML view at once, and undoes in one step; a quick fix from
// the Diagnostics dock removes its finding; the Topology dock follows the edit.

#include <QtTest/QtTest>

#include <QSlider>
#include <QStyleOptionSlider>
#include <QTableView>
#include <QUndoStack>

#include <filesystem>

#include "app/Document.h"
#include "app/MainWindow.h"
#include "app/ResourceEditorHost.h"
#include "views/DiagnosticsModel.h"
#include "views/DiagnosticsPanel.h"
#include "views/TopologyView.h"
#include "views/VirtualServiceEditor.h"
#include "views/WeightSplitEditor.h"
#include "views/YamlView.h"

using namespace meshstudio;

namespace {

/// A copy of the shop sample, so the test may edit and save.
void copyShop(const QString& to) {
  std::filesystem::copy(std::filesystem::path(MESHSTUDIO_SOURCE_DIR) / "resources/samples/shop", to.toStdString(),
                        std::filesystem::copy_options::recursive);
}

QPoint handleCentre(const QSlider* slider, int value) {
  QStyleOptionSlider option;
  option.initFrom(slider);
  option.orientation = slider->orientation();
  option.minimum = slider->minimum();
  option.maximum = slider->maximum();
  option.sliderPosition = option.sliderValue = value;
  option.subControls = QStyle::SC_SliderGroove | QStyle::SC_SliderHandle;
  return slider->style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, slider).center();
}

/// The weights of the reviews canary rule as the YAML view shows them, in order.
QStringList canaryWeights(const app::MainWindow& window) {
  const QString yaml = window.yamlView()->yaml();
  const qsizetype canary = yaml.indexOf(QStringLiteral("name: canary"));
  QStringList weights;
  QRegularExpression weight(QStringLiteral("weight: (\\d+)"));
  for (auto match = weight.globalMatch(yaml, canary); match.hasNext();) weights << match.next().captured(1);
  return weights;
}

/// The weight split of the reviews canary rule in the VirtualService editor (its Destinations tab
/// shown, so the slider can be dragged).
views::WeightSplitEditor* canarySplit(const app::MainWindow& window) {
  auto* editor = window.editorHost()->currentEditorAs<views::VirtualServiceEditor>();
  if (!editor) return nullptr;
  editor->selectRoute(1);
  editor->tabs()->setCurrentIndex(views::VirtualServiceEditor::DestinationsTab);
  return editor->splitEditor();
}

}  // namespace

class StudioEditingTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void issue6_sliderDragRebalancesUpdatesYamlAndUndoesInOneStep() {
    QTemporaryDir folder;
    copyShop(folder.path());
    app::MainWindow window;
    window.document()->setRecoveryDirectory(folder.filePath(QStringLiteral("recovery")));
    QVERIFY(window.openProject(folder.path()));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.selectResource(QStringLiteral("VirtualService shop/reviews")));
    QCOMPARE(canaryWeights(window), (QStringList{QStringLiteral("90"), QStringLiteral("10")}));

    views::WeightSplitEditor* split = canarySplit(window);
    QVERIFY(split);
    QSlider* slider = split->slider(0);
    const int stepsBefore = window.document()->undoStack()->count();
    QTest::mousePress(slider, Qt::LeftButton, {}, handleCentre(slider, 90));
    for (int value : {80, 70, 60, 50}) QTest::mouseMove(slider, handleCentre(slider, value));
    QTest::mouseRelease(slider, Qt::LeftButton, {}, handleCentre(slider, 50));

    const QStringList after = canaryWeights(window);
    QCOMPARE(after.size(), 2);
    QVERIFY2(after[0].toInt() < 90 && after[0].toInt() + after[1].toInt() == 100, qPrintable(after.join(u',')));
    QCOMPARE(split->weights(), (QList<int>{after[0].toInt(), after[1].toInt()}));
    QCOMPARE(window.document()->undoStack()->count(), stepsBefore + 1);  // the whole drag is one step
    QVERIFY(window.windowTitle().contains(u'*'));

    window.document()->undoStack()->undo();
    QCOMPARE(canaryWeights(window), (QStringList{QStringLiteral("90"), QStringLiteral("10")}));
    QCOMPARE(split->weights(), (QList<int>{90, 10}));
  }

  void issue6_quickFixRemovesItsDiagnostic() {
    QTemporaryDir folder;
    copyShop(folder.path());
    // Weights that do not add up to 100: MS5006, with a "Normalise weights to 100" fix.
    QFile routing(folder.filePath(QStringLiteral("routing.yaml")));
    QVERIFY(routing.open(QIODevice::ReadOnly));
    QByteArray text = routing.readAll().replace("weight: 90", "weight: 9").replace("weight: 10", "weight: 1");
    routing.close();
    QVERIFY(routing.open(QIODevice::WriteOnly | QIODevice::Truncate));
    routing.write(text);
    routing.close();

    app::MainWindow window;
    window.document()->setRecoveryDirectory(folder.filePath(QStringLiteral("recovery")));
    QVERIFY(window.openProject(folder.path()));
    views::DiagnosticsPanel* panel = window.diagnosticsPanel();
    auto rowOf = [&](const QString& code) {
      for (int row = 0; row < panel->table()->model()->rowCount(); ++row)
        if (panel->table()->model()->index(row, views::DiagnosticsModel::CodeColumn).data().toString() == code)
          return row;
      return -1;
    };
    const int row = rowOf(QStringLiteral("MS5006"));
    QVERIFY(row >= 0);
    panel->table()->selectRow(row);
    QCOMPARE(panel->quickFixButtons().size(), 1);
    QTest::mouseClick(panel->quickFixButtons().front(), Qt::LeftButton);
    QCOMPARE(rowOf(QStringLiteral("MS5006")), -1);
    QVERIFY(window.selectResource(QStringLiteral("VirtualService shop/reviews")));
    QCOMPARE(canaryWeights(window), (QStringList{QStringLiteral("90"), QStringLiteral("10")}));
    window.document()->undoStack()->undo();  // one step brings the finding back
    QVERIFY(rowOf(QStringLiteral("MS5006")) >= 0);
  }

  void issue6_invalidYamlIsMarkedAndAFixUpdatesTheForms() {
    QTemporaryDir folder;
    copyShop(folder.path());
    app::MainWindow window;
    window.document()->setRecoveryDirectory(folder.filePath(QStringLiteral("recovery")));
    QVERIFY(window.openProject(folder.path()));
    QVERIFY(window.selectResource(QStringLiteral("VirtualService shop/reviews")));
    views::YamlView* yaml = window.yamlView();
    yaml->setEditPause(50);
    QVERIFY(!yaml->isReadOnly());
    views::WeightSplitEditor* split = canarySplit(window);
    const int steps = window.document()->undoStack()->count();
    const QString original = yaml->yaml();

    // Type a broken flow sequence over the canary's first weight (as a paste would).
    QString broken = original;
    broken.replace(QStringLiteral("weight: 90"), QStringLiteral("weight: [90"));
    const int brokenLine = int(broken.left(broken.indexOf(QStringLiteral("weight: [90"))).count(u'\n')) + 1;
    yaml->setPlainText(broken);
    QTRY_VERIFY(yaml->errorLine() > 0);
    QVERIFY2(std::abs(yaml->errorLine() - brokenLine) <= 2,
             qPrintable(QStringLiteral("%1 vs %2").arg(yaml->errorLine()).arg(brokenLine)));
    QVERIFY(!yaml->errorMessage().isEmpty());
    QCOMPARE(yaml->yaml(), broken);                            // nothing typed is lost
    QCOMPARE(window.document()->undoStack()->count(), steps);  // nothing applied
    QCOMPARE(split->weights(), (QList<int>{90, 10}));          // the forms keep the last valid model

    // Fixing it applies the edit, as one undo step, and the forms follow.
    QString fixed = original;
    fixed.replace(QStringLiteral("weight: 90"), QStringLiteral("weight: 70"))
        .replace(QStringLiteral("weight: 10"), QStringLiteral("weight: 30"));
    yaml->setPlainText(fixed);
    QTRY_COMPARE(window.document()->undoStack()->count(), steps + 1);
    QCOMPARE(yaml->errorLine(), 0);
    QCOMPARE(canarySplit(window)->weights(), (QList<int>{70, 30}));
    QCOMPARE(yaml->yaml(), fixed);  // the text stays as typed
  }

  void issue6_duplicateAndDeleteFromTheTree() {
    QTemporaryDir folder;
    copyShop(folder.path());
    app::MainWindow window;
    window.document()->setRecoveryDirectory(folder.filePath(QStringLiteral("recovery")));
    QVERIFY(window.openProject(folder.path()));
    const int count = window.document()->resourceCount();
    QVERIFY(window.selectResource(QStringLiteral("DestinationRule shop/reviews")));
    window.duplicateSelected();
    window.duplicateSelected();  // a copy of the copy gets the next free name
    QCOMPARE(window.document()->resourceCount(), count + 2);
    QVERIFY(window.document()->findResource("DestinationRule shop/reviews-copy"));
    QVERIFY(window.document()->findResource("DestinationRule shop/reviews-copy-copy"));
    QVERIFY(window.yamlView()->yaml().contains(QStringLiteral("name: reviews-copy-copy")));  // selected
    window.deleteSelected();
    QCOMPARE(window.document()->resourceCount(), count + 1);
    QVERIFY(!window.document()->findResource("DestinationRule shop/reviews-copy-copy"));
    window.document()->undoStack()->undo();  // each action is one step
    QCOMPARE(window.document()->resourceCount(), count + 2);
    QVERIFY(window.summary().startsWith(QStringLiteral("%1 resources").arg(count + 2)));
  }

  void issue6_topologyFollowsEdits() {
    QTemporaryDir folder;
    copyShop(folder.path());
    app::MainWindow window;
    window.document()->setRecoveryDirectory(folder.filePath(QStringLiteral("recovery")));
    QVERIFY(window.openProject(folder.path()));
    const auto* edge = window.topologyView()->graph().edge(QStringLiteral("VirtualService shop/reviews"),
                                                           QStringLiteral("dest reviews.shop|v3"));
    QVERIFY(edge);
    QCOMPARE(edge->label, QStringLiteral("10%"));
    const app::ResourceId reviews = window.document()->findResource("VirtualService shop/reviews");
    QVERIFY(window.document()->setFields(reviews, {{"spec.http[1].route[0].weight", model::Value::integer(75)},
                                                   {"spec.http[1].route[1].weight", model::Value::integer(25)}}));
    QCOMPARE(window.topologyView()
                 ->graph()
                 .edge(QStringLiteral("VirtualService shop/reviews"), QStringLiteral("dest reviews.shop|v3"))
                 ->label,
             QStringLiteral("25%"));
  }
};

QTEST_MAIN(StudioEditingTest)
#include "tst_studioediting.moc"
