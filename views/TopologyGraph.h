#pragma once

// The project's traffic as a graph, for the Topology dock: Gateway → VirtualService →
// destination (host and subset) → workload, with each route's weights on the edges from a
// VirtualService to its destinations. Pure data built from the model, so what the picture
// shows is tested without drawing it.

#include <QString>
#include <QVector>

#include <vector>

#include "model/Resource.h"

namespace meshstudio::views {

struct TopologyNode {
  enum class Kind { Gateway, VirtualService, Destination, Workload };
  Kind kind = Kind::VirtualService;
  QString id;     ///< unique: `Gateway shop/shop-gateway`, `dest reviews.shop|v1`, ...
  QString label;  ///< what the node shows
  int column() const { return static_cast<int>(kind); }
};

struct TopologyEdge {
  int from = 0, to = 0;  ///< node indices
  QString label;         ///< `90%` on a weighted route, `mirror`, else empty
};

struct TopologyGraph {
  QVector<TopologyNode> nodes;
  QVector<TopologyEdge> edges;
  int indexOf(const QString& id) const;
  /// The edge from node `from` to node `to` (by id); nullptr when there is none.
  const TopologyEdge* edge(const QString& from, const QString& to) const;

  static TopologyGraph build(const std::vector<model::Resource>& resources, const std::string& defaultNamespace);
};

}  // namespace meshstudio::views
