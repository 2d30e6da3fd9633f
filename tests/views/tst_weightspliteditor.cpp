// The weight-split editor (issue 6), driven through its real widgets: slider drags with the mouse,
// arrow keys, spin box typing, lock buttons, and what the app sees (weightsEdited, mergeKey).
#include <QDir>
#include <QImage>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QToolButton>
#include <QtTest>

#include <numeric>

#include "views/WeightRebalancer.h"
#include "views/WeightSplitBar.h"
#include "views/WeightSplitEditor.h"

using meshstudio::views::WeightRebalancer;
using meshstudio::views::WeightSplitBar;
using meshstudio::views::WeightSplitEditor;
using Weights = QList<int>;
using Row = WeightSplitEditor::Row;

class TestWeightSplitEditor : public QObject {
  Q_OBJECT

 private:
  static int sum(const Weights& w) { return std::accumulate(w.begin(), w.end(), 0); }

  static QList<Row> reviews(const Weights& weights, const QList<bool>& locked = {}) {
    QList<Row> rows;
    for (qsizetype k = 0; k < weights.size(); ++k)
      rows.append(Row{QStringLiteral("reviews/v%1:9080").arg(k + 1), weights[k], k < locked.size() && locked[k]});
    return rows;
  }

  /// A shown editor, wide enough that one slider step is more than a pixel.
  static void show(WeightSplitEditor& editor) {
    editor.resize(640, editor.sizeHint().height());
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
  }

  /// Where the middle of the slider's handle is when the slider is at `value`, from the style.
  static QPoint handleCentre(const QSlider* slider, int value) {
    QStyleOptionSlider option;
    option.initFrom(slider);
    option.orientation = slider->orientation();
    option.minimum = slider->minimum();
    option.maximum = slider->maximum();
    option.sliderPosition = value;
    option.sliderValue = value;
    option.singleStep = slider->singleStep();
    option.pageStep = slider->pageStep();
    option.upsideDown = slider->invertedAppearance();
    option.subControls = QStyle::SC_SliderGroove | QStyle::SC_SliderHandle;
    return slider->style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, slider).center();
  }

  struct Edit {
    Weights weights;
    int mergeKey = 0;
  };
  static Edit edit(const QSignalSpy& spy, qsizetype i) {
    return {spy.at(i).at(0).value<Weights>(), spy.at(i).at(1).toInt()};
  }

  /// Drags slider `row` from where it is to each of `targets` with real mouse events.
  static void drag(WeightSplitEditor& editor, int row, const QList<int>& targets) {
    QSlider* slider = editor.slider(row);
    QTest::mousePress(slider, Qt::LeftButton, {}, handleCentre(slider, slider->value()));
    QVERIFY(slider->isSliderDown());
    for (int target : targets) QTest::mouseMove(slider, handleCentre(slider, target));
    QTest::mouseRelease(slider, Qt::LeftButton, {}, handleCentre(slider, targets.last()));
    QVERIFY(!slider->isSliderDown());
  }

 private Q_SLOTS:
  void issue6_showsTheRows() {
    WeightSplitEditor editor;
    editor.setDestinations(reviews({70, 20, 10}, {false, true, false}));
    QCOMPARE(editor.count(), 3);
    QCOMPARE(editor.weights(), (Weights{70, 20, 10}));
    QCOMPARE(editor.locked(), (QList<bool>{false, true, false}));
    QCOMPARE(editor.labels().at(1), QStringLiteral("reviews/v2:9080"));
    QCOMPARE(editor.slider(0)->value(), 70);
    QCOMPARE(editor.spinBox(2)->value(), 10);
    QVERIFY(editor.lockButton(1)->isChecked());
    QVERIFY(!editor.slider(1)->isEnabled());  // locked
    QVERIFY(editor.slider(0)->isEnabled());
    QVERIFY(editor.slider(0)->toolTip().contains(QStringLiteral("Default")));
    QVERIFY(editor.lockButton(0)->toolTip().contains(QStringLiteral("Default: unlocked")));
    QVERIFY(editor.slider(1)->toolTip().contains(QStringLiteral("is locked")));  // says why it is disabled
    QCOMPARE(editor.lockButton(1)->text(), QStringLiteral("Locked"));
    QCOMPARE(editor.lockButton(0)->text(), QStringLiteral("Lock"));
    QCOMPARE(editor.slider(3), nullptr);
  }

  void issue6_dragEmitsRebalancedWeightsWithOneMergeKey() {
    WeightSplitEditor editor;
    editor.setDestinations(reviews({70, 20, 10}));
    show(editor);
    QSignalSpy spy(&editor, &WeightSplitEditor::weightsEdited);

    drag(editor, 0, {65, 60, 55, 50});
    QVERIFY(spy.count() >= 3);
    const int firstKey = edit(spy, 0).mergeKey;
    for (qsizetype i = 0; i < spy.count(); ++i) {
      const Edit e = edit(spy, i);
      QCOMPARE(sum(e.weights), 100);
      QCOMPARE(e.mergeKey, firstKey);
      // Every step rebalances from the split before the drag: the others keep 2:1.
      QCOMPARE(e.weights, WeightRebalancer::setWeight({70, 20, 10}, {}, 0, e.weights[0]));
    }
    const int landed = editor.slider(0)->value();
    QVERIFY2(qAbs(landed - 50) <= 1, qPrintable(QString::number(landed)));
    QCOMPARE(editor.weights(), WeightRebalancer::setWeight({70, 20, 10}, {}, 0, landed));
    QCOMPARE(editor.slider(1)->value(), editor.weights()[1]);
    QCOMPARE(editor.spinBox(2)->value(), editor.weights()[2]);

    // The next drag is another undo step: a new key, the same for all of its signals.
    const qsizetype before = spy.count();
    drag(editor, 0, {60, 70});
    QVERIFY(spy.count() > before);
    const int secondKey = edit(spy, before).mergeKey;
    QVERIFY(secondKey != firstKey);
    for (qsizetype i = before; i < spy.count(); ++i) QCOMPARE(edit(spy, i).mergeKey, secondKey);
  }

  void issue6_dragBackRestoresTheProportions() {
    // Squeezing the others to 0 and back must not lose them to rounding.
    WeightSplitEditor editor;
    editor.setDestinations(reviews({70, 20, 10}));
    show(editor);
    connect(&editor, &WeightSplitEditor::weightsEdited, &editor,
            [&editor](const Weights& weights) { editor.setWeights(weights); });  // the app answering
    QSignalSpy spy(&editor, &WeightSplitEditor::weightsEdited);
    drag(editor, 0, {90, 99, 100, 80, 70});
    // On the way the last destination was squeezed to 0 ...
    bool squeezed = false;
    for (qsizetype i = 0; i < spy.count(); ++i) squeezed = squeezed || edit(spy, i).weights[2] == 0;
    QVERIFY(squeezed);
    // ... and on the way back it is where the proportion puts it, not stuck at 0.
    const int landed = editor.slider(0)->value();
    QVERIFY2(qAbs(landed - 70) <= 1, qPrintable(QString::number(landed)));
    QCOMPARE(editor.weights(), WeightRebalancer::setWeight({70, 20, 10}, {}, 0, landed));
    QVERIFY(editor.weights()[2] >= 9);
  }

  void issue6_keyboardOnSlider() {
    WeightSplitEditor editor;
    editor.setDestinations(reviews({70, 20, 10}));
    show(editor);
    QSignalSpy spy(&editor, &WeightSplitEditor::weightsEdited);
    QSlider* slider = editor.slider(1);
    slider->setFocus();

    QTest::keyClick(slider, Qt::Key_Right);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(edit(spy, 0).weights, (Weights{69, 21, 10}));
    QTest::keyClick(slider, Qt::Key_PageUp);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(edit(spy, 1).weights, (Weights{60, 31, 9}));
    QCOMPARE(sum(edit(spy, 1).weights), 100);
    // Separate key presses are separate edits.
    QVERIFY(edit(spy, 0).mergeKey != edit(spy, 1).mergeKey);
    QTest::keyClick(slider, Qt::Key_Home);
    QCOMPARE(edit(spy, 2).weights, (Weights{88, 0, 12}));
  }

  void issue6_spinBoxEditsRebalance() {
    WeightSplitEditor editor;
    editor.setDestinations(reviews({70, 20, 10}));
    show(editor);
    QSignalSpy spy(&editor, &WeightSplitEditor::weightsEdited);
    QSpinBox* spin = editor.spinBox(0);
    spin->setFocus();

    QTest::keyClick(spin, Qt::Key_Up);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(edit(spy, 0).weights, (Weights{71, 19, 10}));

    // Typing is one edit, on Enter, not one per digit.
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("50"));
    QCOMPARE(spy.count(), 1);
    QTest::keyClick(spin, Qt::Key_Enter);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(edit(spy, 1).weights, (Weights{50, 33, 17}));
    QCOMPARE(editor.slider(0)->value(), 50);
    QCOMPARE(editor.slider(1)->value(), 33);
    QVERIFY(edit(spy, 0).mergeKey != edit(spy, 1).mergeKey);
  }

  void issue6_lockedRowDoesNotMove() {
    WeightSplitEditor editor;
    editor.setDestinations(reviews({70, 20, 10}));
    show(editor);
    QSignalSpy locks(&editor, &WeightSplitEditor::lockToggled);
    QSignalSpy spy(&editor, &WeightSplitEditor::weightsEdited);

    QTest::mouseClick(editor.lockButton(1), Qt::LeftButton);
    QCOMPARE(locks.count(), 1);
    QCOMPARE(locks.at(0).at(0).toInt(), 1);
    QCOMPARE(locks.at(0).at(1).toBool(), true);
    QCOMPARE(editor.locked(), (QList<bool>{false, true, false}));
    QVERIFY(!editor.slider(1)->isEnabled());
    QVERIFY(!editor.spinBox(1)->isEnabled());
    QCOMPARE(spy.count(), 0);  // locking is not a weight edit

    drag(editor, 0, {60, 50, 40});
    QVERIFY(spy.count() > 0);
    for (qsizetype i = 0; i < spy.count(); ++i) {
      QCOMPARE(edit(spy, i).weights[1], 20);
      QCOMPARE(sum(edit(spy, i).weights), 100);
    }

    // Clamped by the lock: 20 stays, so the first can reach 80 at most.
    QSpinBox* spin = editor.spinBox(0);
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("95"));
    QTest::keyClick(spin, Qt::Key_Enter);
    QCOMPARE(edit(spy, spy.count() - 1).weights, (Weights{80, 20, 0}));
    QCOMPARE(spin->value(), 80);

    // The disabled slider ignores keys.
    const qsizetype before = spy.count();
    QTest::keyClick(editor.slider(1), Qt::Key_Right);
    QCOMPARE(spy.count(), before);

    // With the second locked too, the first has nothing to trade with.
    QTest::mouseClick(editor.lockButton(2), Qt::LeftButton);
    QVERIFY(!editor.slider(0)->isEnabled());
    QTest::mouseClick(editor.lockButton(2), Qt::LeftButton);
    QVERIFY(editor.slider(0)->isEnabled());
    QCOMPARE(locks.count(), 3);
  }

  void issue6_programmaticChangesEmitNothing() {
    WeightSplitEditor editor;
    show(editor);
    QSignalSpy spy(&editor, &WeightSplitEditor::weightsEdited);
    QSignalSpy locks(&editor, &WeightSplitEditor::lockToggled);
    editor.setDestinations(reviews({70, 20, 10}));
    editor.setWeights({40, 40, 20});
    editor.setLocked(2, true);
    editor.setDestinations(reviews({1, 1}));
    editor.setWeights({30, 70});
    QTest::ignoreMessage(QtWarningMsg, "WeightSplitEditor::setWeights: 3 weights for 2 destinations, ignored");
    editor.setWeights({1, 2, 3});
    QCOMPARE(spy.count(), 0);
    QCOMPARE(locks.count(), 0);
    QCOMPARE(editor.weights(), (Weights{30, 70}));
    QCOMPARE(editor.slider(1)->value(), 70);
    QCOMPARE(editor.spinBox(0)->value(), 30);
  }

  void issue6_undoDropsTheAnchor() {
    // After the app undoes (setWeights with the old split), the next edit starts from that split.
    WeightSplitEditor editor;
    editor.setDestinations(reviews({70, 20, 10}));
    show(editor);
    QSignalSpy spy(&editor, &WeightSplitEditor::weightsEdited);
    editor.spinBox(0)->setFocus();
    QTest::keyClick(editor.spinBox(0), Qt::Key_Down);
    QCOMPARE(editor.weights(), (Weights{69, 21, 10}));
    editor.setWeights({40, 30, 30});  // e.g. undo to an older state
    QTest::keyClick(editor.spinBox(0), Qt::Key_Up);
    QCOMPARE(edit(spy, spy.count() - 1).weights, (Weights{41, 30, 29}));
  }

  void issue6_refreshInsideTheSignalKeepsTheSlider() {
    // An app that re-reads the whole route after each command calls setDestinations() while the
    // user still holds the slider: the row widgets must survive it.
    WeightSplitEditor editor;
    editor.setDestinations(reviews({70, 20, 10}));
    show(editor);
    connect(&editor, &WeightSplitEditor::weightsEdited, &editor,
            [&editor](const Weights& weights) { editor.setDestinations(reviews(weights)); });
    QSlider* slider = editor.slider(0);
    QSignalSpy spy(&editor, &WeightSplitEditor::weightsEdited);
    drag(editor, 0, {60, 50});
    QCOMPARE(editor.slider(0), slider);
    QVERIFY(spy.count() >= 2);
    QCOMPARE(edit(spy, 0).mergeKey, edit(spy, spy.count() - 1).mergeKey);
  }

  void issue6_oddInputShownAsPercentages() {
    // YAML weights 1/1/1: kept as they are until edited, shown as the shares they mean.
    WeightSplitEditor editor;
    editor.setDestinations(reviews({1, 1, 1}));
    show(editor);
    QCOMPARE(editor.weights(), (Weights{1, 1, 1}));
    QCOMPARE(editor.slider(0)->value(), 34);
    QCOMPARE(editor.spinBox(2)->value(), 33);
    QCOMPARE(editor.bar()->description(),
             QStringLiteral("reviews/v1:9080 33.3%, reviews/v2:9080 33.3%, reviews/v3:9080 33.3%"));
    QSignalSpy spy(&editor, &WeightSplitEditor::weightsEdited);
    editor.spinBox(0)->setFocus();
    QTest::keyClick(editor.spinBox(0), Qt::Key_Up);
    QCOMPARE(edit(spy, 0).weights, (Weights{35, 33, 32}));

    // Every weight 0: the controls show the zeros; an edit splits the rest evenly.
    editor.setDestinations(reviews({0, 0, 0}));
    QCOMPARE(editor.slider(1)->value(), 0);
    QCOMPARE(editor.bar()->description(), QStringLiteral("No traffic: every weight is 0"));
    editor.spinBox(0)->setFocus();
    QTest::keyClick(editor.spinBox(0), Qt::Key_Up);
    QCOMPARE(edit(spy, 1).weights, (Weights{1, 50, 49}));
  }

  void issue6_barFollows() {
    WeightSplitEditor editor;
    editor.setDestinations(reviews({50, 30, 20}));
    show(editor);
    WeightSplitBar* bar = editor.bar();
    QCOMPARE(bar->weights(), (Weights{50, 30, 20}));
    auto checkWidths = [bar](const Weights& weights) {
      const QList<QRectF> rects = bar->segmentRects();
      QCOMPARE(rects.size(), weights.size());
      const qreal width =
          std::accumulate(rects.begin(), rects.end(), 0.0, [](qreal a, const QRectF& r) { return a + r.width(); });
      for (qsizetype k = 0; k < rects.size(); ++k) {
        QVERIFY(qAbs(rects[k].width() / width - weights[k] / 100.0) < 0.01);
        if (k > 0 && weights[k] > 0 && weights[k - 1] > 0) QCOMPARE(rects[k].left(), rects[k - 1].right());
      }
    };
    checkWidths({50, 30, 20});

    drag(editor, 2, {40, 60});
    QCOMPARE(bar->weights(), editor.weights());
    checkWidths(editor.weights());
    QVERIFY(bar->accessibleDescription().contains(QStringLiteral("reviews/v3:9080 %1%").arg(editor.weights()[2])));

    editor.setWeights({100, 0, 0});
    const QList<QRectF> all = bar->segmentRects();
    QVERIFY(all[1].isEmpty());
    QVERIFY(all[2].isEmpty());
    QCOMPARE(all[0], QRectF(bar->rect()).adjusted(0.5, 0.5, -0.5, -0.5));
  }

  void issue6_rowsFromTheModel() {
    using namespace meshstudio::model;
    HTTPRouteDestination v1;
    v1.destination = Destination{};
    v1.destination->host = "reviews";
    v1.destination->subset = "v1";
    v1.destination->port = PortSelector{};
    v1.destination->port->number = 9080;
    HTTPRouteDestination v2 = v1;
    v2.destination->subset = "v2";
    v2.weight = 3;

    // A lone destination without a weight takes all traffic.
    const QList<Row> single = WeightSplitEditor::rowsFor({v1});
    QCOMPARE(single.size(), 1);
    QCOMPARE(single[0].label, QStringLiteral("reviews/v1:9080"));
    QCOMPARE(single[0].weight, 100);
    // Beside another, a missing weight is 0.
    const QList<Row> both = WeightSplitEditor::rowsFor({v1, v2});
    QCOMPARE(both[0].weight, 0);
    QCOMPARE(both[1].weight, 3);
    QCOMPARE(both[1].label, QStringLiteral("reviews/v2:9080"));
    QCOMPARE(WeightSplitEditor::destinationLabel(Destination{}), QStringLiteral("(no host)"));
  }

  void issue6_singleDestination() {
    WeightSplitEditor editor;
    editor.setDestinations(reviews({100}));
    show(editor);
    QVERIFY(!editor.slider(0)->isEnabled());
    QVERIFY(!editor.lockButton(0)->isEnabled());
    QCOMPARE(editor.bar()->description(), QStringLiteral("reviews/v1:9080 100%"));
  }

  /// Renders the canary split of the docs (90/5/5, the second locked). Writes
  /// docs/screenshots/weight-split-editor.png when MESHSTUDIO_UPDATE_SCREENSHOTS is set, else a
  /// temporary file, so a test run never changes the source tree.
  void issue6_screenshot() {
    WeightSplitEditor editor;
    editor.setDestinations(reviews({90, 5, 5}, {false, true, false}));
    editor.setWindowTitle(QStringLiteral("Weight split"));
    editor.setContentsMargins(12, 12, 12, 12);
    editor.resize(560, editor.sizeHint().height() + 24);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    const QImage image = editor.grab().toImage();
    QVERIFY(!image.isNull());
    QVERIFY(editor.bar()->segmentRects()[1].width() >
            editor.bar()->fontMetrics().horizontalAdvance(QStringLiteral("5%")));

    QTemporaryDir temporary;
    const bool update = qEnvironmentVariableIsSet("MESHSTUDIO_UPDATE_SCREENSHOTS");
    const QString folder = update ? QStringLiteral(MESHSTUDIO_SOURCE_DIR "/docs/screenshots") : temporary.path();
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(image.save(folder + QStringLiteral("/weight-split-editor.png")));
  }
};

QTEST_MAIN(TestWeightSplitEditor)
#include "tst_weightspliteditor.moc"
