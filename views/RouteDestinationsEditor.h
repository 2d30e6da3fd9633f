#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QWidget>

#include <string>
#include <vector>

#include "model/FieldPath.h"
#include "model/VirtualService.h"
#include "views/ProjectPickers.h"

class QComboBox;
class QCompleter;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStringListModel;

namespace meshstudio::views {

class WeightSplitEditor;

/// The destinations of one HTTP route (`spec.http[i].route`): per destination its host (with
/// the project's hosts to complete), subset (the project's DestinationRule subsets of that host)
/// and port, buttons to add and remove one, and the route's WeightSplitEditor.
///
/// A weight drag is one undo step: every signal of a drag carries the drag's merge key
/// (`route-weights-<key>`). load() keeps the row widgets while the route has as many
/// destinations as rows, and the split editor keeps its sliders while the destinations' labels
/// stay, so the reload after each step never pulls a slider from under the mouse. Locks are the
/// user's, not the YAML's: they are kept per route until resetLocks().
class RouteDestinationsEditor : public QWidget {
  Q_OBJECT

 public:
  explicit RouteDestinationsEditor(QWidget* parent = nullptr);

  /// The route edited (`spec.http[1]`).
  void setBasePath(const std::string& routePath);
  const std::string& basePath() const { return basePath_; }
  /// Hosts to complete and subsets to offer.
  void setPickers(const ProjectPickers& pickers);
  /// Shows `route` (the typed route at the base path); `defaultHost` is what Add starts with.
  void load(const model::HTTPRoute& route, const QString& defaultHost);
  /// Drops the locks of every route (another resource is shown).
  void resetLocks() { locks_.clear(); }
  /// Focuses the control of `fullPath` (`spec.http[1].route[0].weight`).
  bool focusField(const std::string& fullPath);

  int count() const { return static_cast<int>(rows_.size()); }
  WeightSplitEditor* splitEditor() const { return split_; }
  QLineEdit* hostEdit(int row) const;
  QComboBox* subsetBox(int row) const;
  QSpinBox* portBox(int row) const;
  QPushButton* removeButton(int row) const;
  QPushButton* addButton() const { return add_; }

 Q_SIGNALS:
  void edited(const std::vector<meshstudio::model::FieldEdit>& edits, const QString& mergeKey);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  struct Row {
    QLineEdit* host = nullptr;
    QComboBox* subset = nullptr;
    QSpinBox* port = nullptr;
    QPushButton* remove = nullptr;
  };

  void rebuildRows(std::size_t count);
  void showRow(int row, const model::HTTPRouteDestination& destination);
  std::string destinationPath(int row) const;
  void hostEdited(int row);
  void subsetChosen(int row);
  void portChanged(int row);
  void addDestination();
  void removeDestination(int row);
  void weightsEdited(const QList<int>& weights, int mergeKey);

  std::string basePath_;
  ProjectPickers pickers_;
  model::HTTPRoute route_;
  QString defaultHost_;
  std::vector<Row> rows_;
  QGridLayout* grid_;
  QLabel* note_;
  QPushButton* add_;
  WeightSplitEditor* split_;
  QStringListModel* hostModel_;
  QHash<QString, QList<bool>> locks_;  ///< route path → the user's locks
  int gesture_ = 0;                    ///< goes up when focus enters a port box: a new undo step
  bool loading_ = false;
};

}  // namespace meshstudio::views
