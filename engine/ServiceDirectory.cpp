#include "engine/ServiceDirectory.h"

#include "engine/Authority.h"

#include <algorithm>
#include <cctype>
#include "model/Text.h"

namespace meshstudio::engine {
namespace {

std::string namespaceOr(const model::Resource& resource, const std::string& fallback) {
  std::string ns = resource.namespaceName();
  return ns.empty() ? fallback : ns;
}

}  // namespace

ServiceDirectory ServiceDirectory::build(const std::vector<model::Resource>& resources,
                                         const std::string& defaultNamespace) {
  ServiceDirectory directory;
  directory.defaultNamespace_ = defaultNamespace;
  for (const model::Resource& resource : resources) {
    if (auto deployment = model::deploymentOf(resource)) {
      for (std::int64_t i = 0; i < deployment->replicas; ++i)
        directory.pods_.push_back(SimulatedPod{resource.name() + "-" + std::to_string(i), resource.name(),
                                               static_cast<std::size_t>(i), namespaceOr(resource, defaultNamespace),
                                               deployment->pod.labels, deployment->pod.annotations});
    } else if (auto pod = model::podOf(resource)) {
      directory.pods_.push_back(
          SimulatedPod{resource.name(), {}, 0, namespaceOr(resource, defaultNamespace), pod->labels, pod->annotations});
    }
  }
  for (const model::Resource& resource : resources) {
    auto service = model::serviceOf(resource);
    if (!service) continue;
    ServiceEntryInfo info;
    info.name = resource.name();
    info.namespaceName = namespaceOr(resource, defaultNamespace);
    info.fqdn = info.name + "." + info.namespaceName + ".svc.cluster.local";
    info.service = std::move(*service);
    // A Service selects pods in its own namespace only.
    for (std::size_t i = 0; i < directory.pods_.size(); ++i)
      if (directory.pods_[i].namespaceName == info.namespaceName &&
          model::selectorMatches(info.service.selector, directory.pods_[i].labels))
        info.pods.push_back(i);
    directory.services_.push_back(std::move(info));
  }
  return directory;
}

std::string ServiceDirectory::namespaceOf(const model::Resource& resource) const {
  return namespaceOr(resource, defaultNamespace_);
}

const ServiceEntryInfo* ServiceDirectory::resolve(std::string_view host, std::string_view fromNamespace) const {
  const std::string name = hostOf(host);
  for (const ServiceEntryInfo& service : services_) {
    const std::string qualified = service.name + "." + service.namespaceName;
    if (name == service.fqdn || name == qualified + ".svc" || name == qualified ||
        (name == service.name && service.namespaceName == fromNamespace))
      return &service;
  }
  return nullptr;
}

}  // namespace meshstudio::engine
