#pragma once

// The weights part of the VirtualService editor: for the selected VirtualService, one
// WeightSplitEditor per HTTP rule that routes to destinations. A slider drag becomes one
// SetFields command per step, all with the drag's merge key, so the whole drag is one undo step;
// the editor redraws from Document::changed, never from its own proposal.

#include <QWidget>

#include <vector>

#include "app/DocumentChange.h"

class QLabel;
class QVBoxLayout;

namespace meshstudio::views {
class WeightSplitEditor;
}

namespace meshstudio::app {

class Document;

class RouteWeightsEditor : public QWidget {
  Q_OBJECT

 public:
  explicit RouteWeightsEditor(Document& document, QWidget* parent = nullptr);

  /// Edits the VirtualService `id`; 0 (or any other kind) shows a hint instead.
  void setResource(ResourceId id);
  ResourceId resource() const { return id_; }
  /// The split editor of HTTP rule `rule`, or nullptr when that rule has no destinations.
  views::WeightSplitEditor* splitEditor(int rule) const;

 private:
  void rebuild();
  void refresh(const DocumentChange& change);
  void weightsEdited(int rule, const QList<int>& weights, int mergeKey);

  Document& document_;
  ResourceId id_ = 0;
  QVBoxLayout* rows_;
  QLabel* hint_;
  std::vector<std::pair<int, views::WeightSplitEditor*>> editors_;  ///< (rule index, editor)
};

}  // namespace meshstudio::app
