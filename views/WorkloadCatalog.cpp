#include "views/WorkloadCatalog.h"

#include "model/Project.h"
#include "model/ServiceEntry.h"
#include "model/analysis/ProjectIndex.h"

namespace meshstudio::views {

WorkloadCatalog WorkloadCatalog::build(const model::Project& project) {
  WorkloadCatalog catalog;
  if (const model::Value* ns = project.settings().find("defaultNamespace"); ns && ns->isString() && !ns->text().empty())
    catalog.defaultNamespace_ = ns->text();
  for (const model::Resource& resource : project.resources()) {
    switch (resource.kind()) {
      case model::ResourceKind::Service:
        if (auto service = model::serviceOf(resource))
          catalog.services_.push_back({resource.name(), catalog.namespaceOf(resource), std::move(*service)});
        break;
      case model::ResourceKind::Deployment:
        if (auto deployment = model::deploymentOf(resource))
          catalog.workloads_.push_back({"Deployment", resource.name(), catalog.namespaceOf(resource),
                                        std::move(deployment->pod.labels), deployment->replicas});
        break;
      case model::ResourceKind::Pod:
        if (auto pod = model::podOf(resource))
          catalog.workloads_.push_back(
              {"Pod", resource.name(), catalog.namespaceOf(resource), std::move(pod->labels), 1});
        break;
      case model::ResourceKind::ServiceEntry:
        if (auto spec = resource.specAs<model::ServiceEntrySpec>())
          for (const std::string& host : spec->hosts) catalog.serviceEntryHosts_.push_back(host);
        break;
      case model::ResourceKind::Secret:
        if (!catalog.secrets_.contains(QString::fromStdString(resource.name())))
          catalog.secrets_ << QString::fromStdString(resource.name());
        break;
      default:
        break;
    }
  }
  catalog.secrets_.sort();
  return catalog;
}

std::string WorkloadCatalog::namespaceOf(const model::Resource& resource) const {
  std::string name = resource.namespaceName();
  return name.empty() ? defaultNamespace_ : name;
}

QStringList WorkloadCatalog::hostCompletions(const std::string& fromNamespace) const {
  QStringList hosts;
  auto add = [&hosts](const std::string& host) {
    const QString text = QString::fromStdString(host);
    if (!hosts.contains(text)) hosts << text;
  };
  for (const Service& service : services_)
    if (service.namespaceName == fromNamespace) add(service.name);
  for (const Service& service : services_) add(service.fqdn());
  for (const std::string& host : serviceEntryHosts_) add(host);
  return hosts;
}

const WorkloadCatalog::Service* WorkloadCatalog::serviceForHost(const std::string& host,
                                                                const std::string& fromNamespace) const {
  const std::string fqdn = model::analysis::ProjectIndex::fullyQualified(host, fromNamespace);
  for (const Service& service : services_)
    if (service.fqdn() == fqdn) return &service;
  return nullptr;
}

std::vector<const WorkloadCatalog::Workload*> WorkloadCatalog::selectedBy(const model::StringMap& selector,
                                                                          const std::string& namespaceName) const {
  std::vector<const Workload*> selected;
  if (selector.empty()) return selected;
  for (const Workload& workload : workloads_)
    if (workload.namespaceName == namespaceName && hasLabels(workload.labels, selector)) selected.push_back(&workload);
  return selected;
}

QStringList WorkloadCatalog::secretNames() const { return secrets_; }

bool WorkloadCatalog::hasLabels(const model::StringMap& labels, const model::StringMap& required) {
  for (const auto& [key, value] : required) {
    const std::string* actual = labels.find(key);
    if (!actual || *actual != value) return false;
  }
  return true;
}

std::int64_t WorkloadCatalog::podCount(const std::vector<const Workload*>& workloads,
                                       const model::StringMap& required) {
  std::int64_t pods = 0;
  for (const Workload* workload : workloads)
    if (hasLabels(workload->labels, required)) pods += workload->pods;
  return pods;
}

}  // namespace meshstudio::views
