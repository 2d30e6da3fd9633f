#pragma once

#include <QModelIndex>
#include <QWidget>

#include <vector>

#include "model/Diagnostic.h"
#include "model/Resource.h"

class QLineEdit;
class QTreeView;

namespace meshstudio::views {

class ResourceTreeFilter;
class ResourceTreeModel;

/// The project outline as the window shows it: a filter box over the tree of a
/// ResourceTreeModel, seen through a ResourceTreeFilter.
///
/// The tree view's indexes are the proxy's; everything this class takes or returns is an index
/// of the source model (ResourceTreeModel), so callers never map by hand and never mix the two.
class ResourceTreePanel : public QWidget {
  Q_OBJECT

 public:
  explicit ResourceTreePanel(QWidget* parent = nullptr);

  ResourceTreeModel* model() const { return model_; }
  ResourceTreeFilter* filter() const { return filter_; }
  QTreeView* tree() const { return tree_; }
  QLineEdit* filterEdit() const { return filterEdit_; }

  /// Rebuilds the outline with the badges of `findings`; the filter stays. Emits nothing: the
  /// caller restores the selection with setCurrentIndex().
  void setResources(const std::vector<model::Resource>& resources, const model::Diagnostics& findings);

  /// The current node, as an index of model(); invalid when nothing is current.
  QModelIndex currentIndex() const;
  /// The current node's resource index, -1 for a group or nothing.
  int currentResource() const;
  /// Makes `sourceIndex` (of model()) current and shows it; clears the filter first when it
  /// hides that row. An invalid index clears the current node.
  void setCurrentIndex(const QModelIndex& sourceIndex);
  /// Moves the keyboard focus to the filter box, its text selected.
  void focusFilter();

 Q_SIGNALS:
  /// The current node changed (by the user or by setCurrentIndex), as an index of model().
  void currentChanged(const QModelIndex& sourceIndex);

 private:
  void expandForFilter();

  ResourceTreeModel* model_ = nullptr;
  ResourceTreeFilter* filter_ = nullptr;
  QTreeView* tree_ = nullptr;
  QLineEdit* filterEdit_ = nullptr;
  bool rebuilding_ = false;
};

}  // namespace meshstudio::views
