#pragma once

#include <QStringList>

#include <cstdint>
#include <string>
#include <vector>

#include "model/FieldCodec.h"
#include "model/KubernetesObjects.h"

namespace meshstudio::model {
class Project;
class Resource;
}  // namespace meshstudio::model

namespace meshstudio::views {

/// What the per-kind editors offer from the rest of the project: Service hosts for completers,
/// the pods a selector picks (for subset label suggestions and counts), Secret names for TLS
/// credentials. Built from the project on every editor load; nothing here is kept in sync.
class WorkloadCatalog {
 public:
  /// A Deployment's pod template (counted `replicas` times) or a Pod (counted once).
  struct Workload {
    std::string kind;  ///< "Deployment" or "Pod"
    std::string name;
    std::string namespaceName;
    model::StringMap labels;
    std::int64_t pods = 1;
  };
  struct Service {
    std::string name;
    std::string namespaceName;
    model::ServiceObject object;
    std::string fqdn() const { return name + "." + namespaceName + ".svc.cluster.local"; }
  };

  WorkloadCatalog() = default;
  static WorkloadCatalog build(const model::Project& project);

  /// meshstudio.yaml's defaultNamespace, else `default`: where a resource without a namespace lives.
  const std::string& defaultNamespace() const { return defaultNamespace_; }
  std::string namespaceOf(const model::Resource& resource) const;

  /// Host names to complete, as written in a resource of `fromNamespace`: the short names of that
  /// namespace's Services, every Service's `name.namespace.svc.cluster.local`, then ServiceEntry hosts.
  QStringList hostCompletions(const std::string& fromNamespace) const;
  /// The Service a host names, resolved the way Istio does (a short name is in `fromNamespace`;
  /// a name with a dot is taken as written); nullptr when the project has none.
  const Service* serviceForHost(const std::string& host, const std::string& fromNamespace) const;
  /// Workloads of `namespaceName` whose labels carry every label of `selector`. An empty selector
  /// selects nothing, as for a Service.
  std::vector<const Workload*> selectedBy(const model::StringMap& selector, const std::string& namespaceName) const;
  /// Names of the project's Secrets, sorted, each once.
  QStringList secretNames() const;

  /// Whether `labels` carry every entry of `required` (an empty `required` matches everything,
  /// as a subset without labels selects every pod of its host).
  static bool hasLabels(const model::StringMap& labels, const model::StringMap& required);
  /// The pods of `workloads` whose labels carry `required`.
  static std::int64_t podCount(const std::vector<const Workload*>& workloads, const model::StringMap& required);

 private:
  std::string defaultNamespace_ = "default";
  std::vector<Service> services_;
  std::vector<Workload> workloads_;
  std::vector<std::string> serviceEntryHosts_;
  QStringList secrets_;
};

}  // namespace meshstudio::views
