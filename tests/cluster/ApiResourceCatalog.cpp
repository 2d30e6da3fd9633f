#include "cluster/ApiResourceCatalog.h"

#include <algorithm>

namespace meshstudio::test {

bool ApiResourceType::servedIn(const std::string& version) const {
  return std::find(versions.begin(), versions.end(), version) != versions.end();
}

std::string ApiResourceType::qualifiedPlural() const { return group.empty() ? plural : plural + "." + group; }

std::string ApiResourceType::qualifiedKind() const { return group.empty() ? kind : kind + "." + group; }

const std::vector<ApiResourceType>& ApiResourceCatalog::all() {
  // Istio serves its networking types in v1, v1beta1 and v1alpha3 (all the same schema, v1
  // preferred); EnvoyFilter only in v1alpha3.
  static const std::vector<std::string> kIstioVersions{"v1", "v1beta1", "v1alpha3"};
  static const std::vector<ApiResourceType> types{
      {"", {"v1"}, "namespaces", "namespace", "Namespace", false, {"ns"}},
      {"", {"v1"}, "services", "service", "Service", true, {"svc"}},
      {"", {"v1"}, "pods", "pod", "Pod", true, {"po"}},
      {"", {"v1"}, "secrets", "secret", "Secret", true, {}},
      {"", {"v1"}, "configmaps", "configmap", "ConfigMap", true, {"cm"}},
      {"apps", {"v1"}, "deployments", "deployment", "Deployment", true, {"deploy"}},
      {kIstioGroup, kIstioVersions, "virtualservices", "virtualservice", "VirtualService", true, {"vs"}},
      {kIstioGroup, kIstioVersions, "destinationrules", "destinationrule", "DestinationRule", true, {"dr"}},
      {kIstioGroup, kIstioVersions, "gateways", "gateway", "Gateway", true, {"gw"}},
      {kIstioGroup, kIstioVersions, "serviceentries", "serviceentry", "ServiceEntry", true, {"se"}},
      {kIstioGroup, kIstioVersions, "sidecars", "sidecar", "Sidecar", true, {}},
      {kIstioGroup, kIstioVersions, "workloadentries", "workloadentry", "WorkloadEntry", true, {"we"}},
      {kIstioGroup, {"v1alpha3"}, "envoyfilters", "envoyfilter", "EnvoyFilter", true, {}},
  };
  return types;
}

const ApiResourceType* ApiResourceCatalog::find(const std::string& group, const std::string& version,
                                                const std::string& plural, bool istioInstalled) {
  if (group == kIstioGroup && !istioInstalled) return nullptr;
  for (const ApiResourceType& type : all())
    if (type.group == group && type.plural == plural && type.servedIn(version)) return &type;
  return nullptr;
}

const ApiResourceType* ApiResourceCatalog::findKind(const std::string& group, const std::string& kind) {
  for (const ApiResourceType& type : all())
    if (type.group == group && type.kind == kind) return &type;
  return nullptr;
}

std::vector<std::string> ApiResourceCatalog::versionsOf(const std::string& group, bool istioInstalled) {
  if (group == kIstioGroup && !istioInstalled) return {};
  std::vector<std::string> versions;
  for (const ApiResourceType& type : all()) {
    if (type.group != group) continue;
    for (const std::string& version : type.versions)
      if (std::find(versions.begin(), versions.end(), version) == versions.end()) versions.push_back(version);
  }
  return versions;
}

std::string ApiResourceCatalog::groupVersion(const std::string& group, const std::string& version) {
  return group.empty() ? version : group + "/" + version;
}

std::pair<std::string, std::string> ApiResourceCatalog::splitApiVersion(const std::string& apiVersion) {
  const auto slash = apiVersion.find('/');
  if (slash == std::string::npos) return {"", apiVersion};
  return {apiVersion.substr(0, slash), apiVersion.substr(slash + 1)};
}

}  // namespace meshstudio::test
