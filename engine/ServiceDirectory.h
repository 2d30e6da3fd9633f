#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/KubernetesObjects.h"
#include "model/Resource.h"

namespace meshstudio::engine {

/// One simulated pod: a Deployment replica (`<deployment>-<i>`) or a Pod of the project.
struct SimulatedPod {
  std::string name;
  std::string deployment;   ///< empty for a plain Pod
  std::size_t replica = 0;  ///< `<i>` in `<deployment>-<i>`; 0 for a plain Pod
  std::string namespaceName;
  model::StringMap labels;
  model::StringMap annotations;
};

struct ServiceEntryInfo {
  std::string name;
  std::string namespaceName;
  std::string fqdn;  ///< `<name>.<namespace>.svc.cluster.local`
  model::ServiceObject service;
  std::vector<std::size_t> pods;  ///< indices into ServiceDirectory::pods(), selected by labels
};

/// What exists in the project's cluster: Services, and the pods their selectors pick, exactly
/// as Kubernetes selects them. Built once from a snapshot of resources, then only read.
class ServiceDirectory {
 public:
  static ServiceDirectory build(const std::vector<model::Resource>& resources,
                                const std::string& defaultNamespace = "default");

  /// Resolves `reviews`, `reviews.shop`, `reviews.shop.svc`, `reviews.shop.svc.cluster.local`,
  /// each with or without `:port`. Short names resolve in `fromNamespace`. nullptr when unknown.
  const ServiceEntryInfo* resolve(std::string_view host, std::string_view fromNamespace) const;

  const std::vector<ServiceEntryInfo>& services() const { return services_; }
  /// A resource's namespace, or the project's default namespace when it names none.
  std::string namespaceOf(const model::Resource& resource) const;
  const std::string& defaultNamespace() const { return defaultNamespace_; }
  const std::vector<SimulatedPod>& pods() const { return pods_; }

 private:
  std::vector<ServiceEntryInfo> services_;
  std::vector<SimulatedPod> pods_;
  std::string defaultNamespace_;
};

}  // namespace meshstudio::engine
