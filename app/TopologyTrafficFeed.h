#pragma once

// Feeds the Topology view's overlay while the engine runs: from each statistics sample of the
// EngineBridge (4×/s) the request rate and 5xx share per cluster
// (`cluster.<name>.upstream_rq_total`, `upstream_rq_5xx`, differences between samples), put on
// the edges into and out of the cluster's destination node; and the pods outlier detection
// ejected (the bridge's Ejected/Unejected events), marked on their destination node. Cleared
// when the engine stops.

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

namespace meshstudio::views {
class TopologyView;
}

namespace meshstudio::app {

class EngineBridge;
struct EngineEventInfo;
struct EngineStats;

class TopologyTrafficFeed : public QObject {
  Q_OBJECT

 public:
  TopologyTrafficFeed(EngineBridge& bridge, views::TopologyView& view, QObject* parent = nullptr);

  /// The Topology node id of an Envoy cluster: `outbound|9080|v1|reviews.shop.svc.cluster.local`
  /// → `dest reviews.shop|v1`; empty for clusters that are not a Service's.
  static QString destinationNodeOf(const QString& cluster);

 private:
  void statsUpdated(const EngineStats& stats);
  void engineEvent(const EngineEventInfo& event);
  void stateChanged();
  void showEjected();

  EngineBridge& bridge_;
  views::TopologyView& view_;
  QHash<QString, QPair<quint64, quint64>> previous_;  ///< cluster -> (requests, 5xx) at the last sample
  qint64 previousMs_ = -1;
  QHash<QString, QSet<QString>> ejected_;  ///< cluster -> pod addresses
};

}  // namespace meshstudio::app
