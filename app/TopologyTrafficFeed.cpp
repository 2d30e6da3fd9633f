#include "app/TopologyTrafficFeed.h"

#include "app/EngineBridge.h"
#include "views/TopologyView.h"

namespace meshstudio::app {

TopologyTrafficFeed::TopologyTrafficFeed(EngineBridge& bridge, views::TopologyView& view, QObject* parent)
    : QObject(parent), bridge_(bridge), view_(view) {
  connect(&bridge_, &EngineBridge::statsUpdated, this, &TopologyTrafficFeed::statsUpdated);
  connect(&bridge_, &EngineBridge::engineEvent, this, &TopologyTrafficFeed::engineEvent);
  connect(&bridge_, &EngineBridge::stateChanged, this, &TopologyTrafficFeed::stateChanged);
}

QString TopologyTrafficFeed::destinationNodeOf(const QString& cluster) {
  const QStringList parts = cluster.split(QLatin1Char('|'));
  if (parts.size() != 4 || parts[0] != QLatin1String("outbound")) return {};
  const QStringList host = parts[3].split(QLatin1Char('.'));
  if (host.size() < 2) return {};
  return QStringLiteral("dest %1.%2|%3").arg(host[0], host[1], parts[2]);
}

void TopologyTrafficFeed::statsUpdated(const EngineStats& stats) {
  static const QLatin1StringView prefix("cluster."), total(".upstream_rq_total"), errors(".upstream_rq_5xx");
  QHash<QString, QPair<quint64, quint64>> now;
  for (auto it = stats.counters.begin(); it != stats.counters.end(); ++it) {
    const QString& name = it.key();
    if (!name.startsWith(prefix)) continue;
    if (name.endsWith(total))
      now[name.mid(prefix.size(), name.size() - prefix.size() - total.size())].first = it.value();
    else if (name.endsWith(errors))
      now[name.mid(prefix.size(), name.size() - prefix.size() - errors.size())].second = it.value();
  }
  const double seconds = previousMs_ >= 0 ? (stats.uptimeMs - previousMs_) / 1000.0 : 0;
  previousMs_ = stats.uptimeMs;
  QHash<QString, views::TopologyView::EdgeTraffic> byNode;
  if (seconds > 0) {
    for (auto it = now.begin(); it != now.end(); ++it) {
      const QString node = destinationNodeOf(it.key());
      if (node.isEmpty()) continue;
      const auto before = previous_.value(it.key());
      const quint64 requests = it->first - std::min(it->first, before.first);
      const quint64 failed = it->second - std::min(it->second, before.second);
      auto& traffic = byNode[node];
      traffic.rps += static_cast<double>(requests) / seconds;
      if (requests > 0) traffic.errorPercent = 100.0 * static_cast<double>(failed) / static_cast<double>(requests);
    }
  }
  previous_ = now;
  QHash<QString, views::TopologyView::EdgeTraffic> edges;
  const views::TopologyGraph& graph = view_.graph();
  for (const views::TopologyEdge& edge : graph.edges) {
    const QString& from = graph.nodes[edge.from].id;
    const QString& to = graph.nodes[edge.to].id;
    // A route edge carries its destination's traffic; a destination's edges to its workloads too.
    const auto found = byNode.find(byNode.contains(to) ? to : from);
    if (found != byNode.end()) edges.insert(views::TopologyView::edgeKey(from, to), found.value());
  }
  view_.setEdgeTraffic(edges);
}

void TopologyTrafficFeed::engineEvent(const EngineEventInfo& event) {
  if (event.kind == EngineEventInfo::Kind::Ejected)
    ejected_[event.cluster].insert(event.host);
  else if (event.kind == EngineEventInfo::Kind::Unejected)
    ejected_[event.cluster].remove(event.host);
  else
    return;
  showEjected();
}

void TopologyTrafficFeed::showEjected() {
  QHash<QString, QStringList> byNode;
  for (auto it = ejected_.begin(); it != ejected_.end(); ++it) {
    const QString node = destinationNodeOf(it.key());
    if (node.isEmpty() || it->isEmpty()) continue;
    QStringList pods = it->values();
    pods.sort();
    byNode[node] += pods;
  }
  view_.setEjected(byNode);
}

void TopologyTrafficFeed::stateChanged() {
  if (bridge_.isRunning()) return;
  previous_.clear();
  previousMs_ = -1;
  ejected_.clear();
  view_.setEdgeTraffic({});
  view_.setEjected({});
}

}  // namespace meshstudio::app
