#include "views/TopologyGraph.h"

#include <QCoreApplication>

#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "model/DestinationRule.h"
#include "model/KubernetesObjects.h"

namespace meshstudio::views {

namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

/// `reviews`, `reviews.shop`, `reviews.shop.svc.cluster.local` → (name, namespace).
std::pair<std::string, std::string> serviceOfHost(const std::string& host, const std::string& fallbackNamespace) {
  const auto dot = host.find('.');
  if (dot == std::string::npos) return {host, fallbackNamespace};
  const auto second = host.find('.', dot + 1);
  return {host.substr(0, dot),
          host.substr(dot + 1, second == std::string::npos ? std::string::npos : second - dot - 1)};
}

class Builder {
 public:
  Builder(const std::vector<model::Resource>& resources, const std::string& defaultNamespace)
      : resources_(resources), defaultNamespace_(defaultNamespace) {}

  TopologyGraph run() {
    // Decode the workloads once: the graph is rebuilt on every edit of a large project.
    for (const model::Resource& resource : resources_) {
      if (resource.kind() == model::ResourceKind::Service)
        if (auto object = model::serviceOf(resource))
          services_.emplace(std::pair(resource.name(), ns(resource)), *object);
      if (resource.kind() == model::ResourceKind::Deployment)
        if (auto deployment = model::deploymentOf(resource))
          deployments_[ns(resource)].push_back({&resource, std::move(*deployment)});
    }
    for (const model::Resource& resource : resources_) {
      if (resource.kind() == model::ResourceKind::Gateway)
        node(TopologyNode::Kind::Gateway, idOf(resource), q(resource.name()));
      if (resource.kind() == model::ResourceKind::DestinationRule)
        if (auto spec = resource.specAs<model::DestinationRuleSpec>(); spec && spec->host)
          rules_.emplace(serviceOfHost(*spec->host, ns(resource)), *spec);
    }
    for (const model::Resource& resource : resources_)
      if (resource.kind() == model::ResourceKind::VirtualService) addVirtualService(resource);
    return std::move(graph_);
  }

 private:
  std::string ns(const model::Resource& resource) const {
    const std::string name = resource.namespaceName();
    return name.empty() ? defaultNamespace_ : name;
  }

  /// `Gateway shop/shop-gateway`: the kind, then the namespace the project gives it.
  QString idOf(const model::Resource& resource) const {
    return q(resource.kindName() + " " + ns(resource) + "/" + resource.name());
  }

  int node(TopologyNode::Kind kind, const QString& id, const QString& label) {
    auto [it, inserted] = nodeIndex_.try_emplace(id, static_cast<int>(graph_.nodes.size()));
    if (inserted) graph_.nodes.push_back({kind, id, label});
    return it->second;
  }

  void edge(int from, int to, const QString& label) {
    if (edgeKeys_.insert(QStringLiteral("%1>%2>%3").arg(from).arg(to).arg(label)).second)
      graph_.edges.push_back({from, to, label});
  }

  void addVirtualService(const model::Resource& resource) {
    auto spec = resource.specAs<model::VirtualServiceSpec>();
    if (!spec) return;
    const std::string vsNamespace = ns(resource);
    const int vs = node(TopologyNode::Kind::VirtualService, idOf(resource), q(resource.name()));
    for (const std::string& gateway : spec->gateways) {
      if (gateway == "mesh") continue;
      const auto slash = gateway.find('/');
      const std::string gatewayNamespace = slash == std::string::npos ? vsNamespace : gateway.substr(0, slash);
      const std::string gatewayName = slash == std::string::npos ? gateway : gateway.substr(slash + 1);
      const int from = graph_.indexOf(q("Gateway " + gatewayNamespace + "/" + gatewayName));
      if (from >= 0) edge(from, vs, {});
    }
    for (const model::HTTPRoute& rule : spec->http) {
      // Weights as Envoy reads them: a lone destination takes everything.
      std::int64_t total = 0;
      for (const model::HTTPRouteDestination& d : rule.route) total += d.weight.value_or(0);
      for (const model::HTTPRouteDestination& d : rule.route) {
        if (!d.destination || !d.destination->host) continue;
        QString label;
        if (rule.route.size() > 1)
          label = total > 0 ? QStringLiteral("%1%").arg(d.weight.value_or(0) * 100 / total) : QStringLiteral("0%");
        edge(vs, destination(*d.destination, vsNamespace), label);
      }
      if (rule.mirror && rule.mirror->host)
        edge(vs, destination(*rule.mirror, vsNamespace), QCoreApplication::translate("TopologyGraph", "mirror"));
    }
  }

  int destination(const model::Destination& target, const std::string& vsNamespace) {
    const auto service = serviceOfHost(*target.host, vsNamespace);
    const std::string subset = target.subset.value_or("");
    const QString label = q(service.first + (subset.empty() ? "" : " / " + subset));
    const QString id = q("dest " + service.first + "." + service.second + "|" + subset);
    if (auto known = nodeIndex_.find(id); known != nodeIndex_.end()) return known->second;
    const int index = node(TopologyNode::Kind::Destination, id, label);
    auto deployments = deployments_.find(service.second);
    if (deployments == deployments_.end()) return index;
    for (const auto& [resource, deployment] : deployments->second) {
      if (!selects(service, subset, deployment.pod.labels)) continue;
      const int workload = node(
          TopologyNode::Kind::Workload, idOf(*resource),
          QCoreApplication::translate("TopologyGraph", "%1 ×%2").arg(q(resource->name())).arg(deployment.replicas));
      edge(index, workload, {});
    }
    return index;
  }

  /// The Service's selector, narrowed by the subset's labels when there is a subset.
  bool selects(const std::pair<std::string, std::string>& service, const std::string& subset,
               const model::StringMap& labels) const {
    auto object = services_.find(service);
    if (object == services_.end() || !model::selectorMatches(object->second.selector, labels)) return false;
    if (subset.empty()) return true;
    auto rule = rules_.find(service);
    if (rule == rules_.end()) return false;
    for (const model::Subset& s : rule->second.subsets)
      if (s.name && *s.name == subset) return model::selectorMatches(s.labels, labels);
    return false;
  }

  const std::vector<model::Resource>& resources_;
  const std::string defaultNamespace_;
  std::map<std::pair<std::string, std::string>, model::DestinationRuleSpec> rules_;
  std::map<std::pair<std::string, std::string>, model::ServiceObject> services_;  ///< by (name, namespace)
  std::map<std::string, std::vector<std::pair<const model::Resource*, model::DeploymentObject>>> deployments_;
  std::unordered_map<QString, int> nodeIndex_;
  std::set<QString> edgeKeys_;
  TopologyGraph graph_;
};

}  // namespace

int TopologyGraph::indexOf(const QString& id) const {
  for (int i = 0; i < nodes.size(); ++i)
    if (nodes[i].id == id) return i;
  return -1;
}

const TopologyEdge* TopologyGraph::edge(const QString& from, const QString& to) const {
  const int a = indexOf(from), b = indexOf(to);
  for (const TopologyEdge& e : edges)
    if (e.from == a && e.to == b) return &e;
  return nullptr;
}

TopologyGraph TopologyGraph::build(const std::vector<model::Resource>& resources, const std::string& defaultNamespace) {
  return Builder(resources, defaultNamespace).run();
}

}  // namespace meshstudio::views
