#pragma once

// The Topology dock: the TopologyGraph drawn left to right in four columns (gateways,
// VirtualServices, destinations, workloads), weights on the route edges. Ctrl+wheel zooms;
// the picture is rebuilt whenever the document changes (it is small).

#include <QGraphicsView>

#include "views/TopologyGraph.h"

namespace meshstudio::views {

class TopologyView : public QGraphicsView {
  Q_OBJECT

 public:
  explicit TopologyView(QWidget* parent = nullptr);

  void setGraph(TopologyGraph graph);
  const TopologyGraph& graph() const { return graph_; }
  /// The scene item drawing node `index` (for tests and for highlighting), or nullptr.
  QGraphicsItem* nodeItem(int index) const;

 protected:
  void wheelEvent(QWheelEvent* event) override;

 private:
  TopologyGraph graph_;
  QVector<QGraphicsItem*> nodeItems_;
};

}  // namespace meshstudio::views
