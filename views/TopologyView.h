#pragma once

// The Topology dock: the TopologyGraph drawn left to right in four columns (gateways,
// VirtualServices, destinations, workloads), weights on the route edges. Ctrl+wheel zooms;
// the picture is rebuilt whenever the document changes (it is small). While the engine runs an
// overlay shows each edge's live request rate and error percentage and marks the destinations
// with ejected pods; it is updated in place (a few text items), never by rebuilding the scene.

#include <QGraphicsView>
#include <QHash>
#include <QStringList>

#include "views/TopologyGraph.h"

namespace meshstudio::views {

class TopologyView : public QGraphicsView {
  Q_OBJECT

 public:
  /// What the overlay shows on an edge.
  struct EdgeTraffic {
    double rps = 0;           ///< requests per second
    double errorPercent = 0;  ///< 5xx answers, percent of the requests
  };

  explicit TopologyView(QWidget* parent = nullptr);

  /// The key of the edge from node id `from` to node id `to` in setEdgeTraffic's map.
  static QString edgeKey(const QString& from, const QString& to);
  /// Shows `traffic` on the edges it names (by edgeKey); edges it leaves out show nothing. An
  /// empty map removes the overlay (the engine stopped).
  void setEdgeTraffic(const QHash<QString, EdgeTraffic>& traffic);
  /// Marks the nodes (by id) whose pods are ejected, with the pods' addresses in the tooltip.
  void setEjected(const QHash<QString, QStringList>& podsByNode);
  /// The overlay text on edge `key` (`12.5 req/s · 3.0 % 5xx`), empty when none.
  QString edgeTrafficText(const QString& key) const;
  bool isMarkedEjected(const QString& nodeId) const { return ejected_.contains(nodeId); }

  void setGraph(TopologyGraph graph);
  const TopologyGraph& graph() const { return graph_; }
  /// The scene item drawing node `index` (for tests and for highlighting), or nullptr.
  QGraphicsItem* nodeItem(int index) const;

 protected:
  void wheelEvent(QWheelEvent* event) override;

 private:
  void applyTraffic();
  void applyEjected();

  TopologyGraph graph_;
  QVector<QGraphicsItem*> nodeItems_;
  QHash<QString, QPointF> edgeMiddles_;  ///< by edgeKey: where the overlay text goes
  QHash<QString, QGraphicsItem*> trafficItems_;
  QHash<QString, EdgeTraffic> traffic_;
  QHash<QString, QStringList> ejected_;
};

}  // namespace meshstudio::views
