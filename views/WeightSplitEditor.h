#pragma once

#include <QList>
#include <QString>
#include <QWidget>

#include <vector>

#include "model/VirtualService.h"

class QGridLayout;
class QLabel;
class QSlider;
class QSpinBox;
class QToolButton;

namespace meshstudio::views {

class WeightSplitBar;

/// The weight split of one route (a canary split): per destination a label, a slider and a spin
/// box for its weight in percent, and a lock; under them a WeightSplitBar with the whole split.
///
/// Moving one destination rebalances the unlocked others in proportion (WeightRebalancer), so the
/// weights keep adding up to 100. The editor never changes the model: it emits weightsEdited()
/// with every destination's new weight, the app pushes a command, and sets the result back with
/// setWeights(). Until it does, the rows show the proposal, so a drag follows the mouse even
/// when the app answers later. Programmatic setters never emit.
///
/// Locks are editor state, not YAML: the widget toggles them itself and reports lockToggled() so
/// the app can keep them across setDestinations().
class WeightSplitEditor : public QWidget {
  Q_OBJECT

 public:
  struct Row {
    QString label;  ///< e.g. "reviews/v2:9080" (see destinationLabel())
    int weight = 0;
    bool locked = false;
    bool operator==(const Row&) const = default;
  };

  explicit WeightSplitEditor(QWidget* parent = nullptr);

  /// Replaces every row (the same labels again keep their widgets). weights() keeps the weights as
  /// given, so a YAML split of 1/1/1 stays 1/1/1 until the user edits one; the controls show each
  /// destination's share in percent (34/33/33) and a note says the YAML does not add up to 100.
  void setDestinations(const QList<Row>& rows);
  /// Sets the weights of the current rows, e.g. after the app pushed or undid a command. Ignored
  /// (with a warning) when the count does not match the rows.
  void setWeights(const QList<int>& weights);
  void setLocked(int row, bool locked);

  int count() const { return static_cast<int>(weights_.size()); }
  QList<int> weights() const { return weights_; }
  QList<bool> locked() const;
  QStringList labels() const { return labels_; }

  /// Rows for the destinations of one HTTP route, with Istio's reading of missing weights: a
  /// single destination gets 100, a missing weight beside others is 0. Nothing is locked.
  static QList<Row> rowsFor(const std::vector<model::HTTPRouteDestination>& route);
  /// "host/subset:port", the short form the analyzers' messages use too.
  static QString destinationLabel(const model::Destination& destination);

  // The parts of a row, for the dialog that hosts the editor (focus, buddies) and for tests.
  QSlider* slider(int row) const;
  QSpinBox* spinBox(int row) const;
  QToolButton* lockButton(int row) const;
  WeightSplitBar* bar() const { return bar_; }

 Q_SIGNALS:
  /// The user changed a weight: `weights` holds every destination's new weight (a rebalance moves
  /// several in one step), adding up to 100. `mergeKey` is the same for every signal of one slider
  /// drag (press to release) and new for every other edit, so the app can merge a drag into one
  /// undo command (QUndoCommand::mergeWith) and keep separate steps separate.
  void weightsEdited(const QList<int>& weights, int mergeKey);
  /// The user locked or unlocked a row.
  void lockToggled(int row, bool locked);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  struct RowWidgets {
    QLabel* swatch = nullptr;
    QLabel* label = nullptr;
    QSlider* slider = nullptr;
    QSpinBox* spinBox = nullptr;
    QToolButton* lock = nullptr;
  };

  void clearRows();
  void addRow(const Row& row);
  /// Shows weights_ and the locks in every row, the bar and the note, without emitting.
  void refresh();
  QString weightToolTip(int row) const;
  void userSetWeight(int row, int value, bool dragging);
  void userToggledLock(int row, bool locked);
  static int nextMergeKey();

  QGridLayout* grid_ = nullptr;
  WeightSplitBar* bar_ = nullptr;
  QLabel* note_ = nullptr;
  std::vector<RowWidgets> rows_;
  QStringList labels_;
  QList<int> weights_;
  QList<bool> locked_;

  // Rebalancing always starts from the weights before the current run of edits on one row (the
  // anchor), not from the last step: otherwise rounding drifts, and a destination squeezed to 0
  // during a drag would stay at 0 when the slider comes back. The anchor is dropped as soon as
  // anything else changes the weights (another row, a lock, setWeights() with other values).
  int anchorRow_ = -1;
  QList<int> anchor_;
  QList<int> anchorResult_;
  int dragKey_ = 0;
};

}  // namespace meshstudio::views
