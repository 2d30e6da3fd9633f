#include "app/cluster/KubeResourceType.h"

namespace meshstudio::cluster {

std::string groupOf(std::string_view apiVersion) {
  auto slash = apiVersion.find('/');
  return slash == std::string_view::npos ? std::string() : std::string(apiVersion.substr(0, slash));
}

std::string versionOf(std::string_view apiVersion) {
  auto slash = apiVersion.find('/');
  return std::string(slash == std::string_view::npos ? apiVersion : apiVersion.substr(slash + 1));
}

std::string KubeResourceType::qualifiedName() const { return group.empty() ? plural : plural + "." + group; }

std::string KubeResourceType::path(const std::string& apiVersion, const KubeResourceType& type,
                                   const std::string& namespaceName, const std::string& name) {
  std::string result = type.group.empty() ? "/api/" + apiVersion : "/apis/" + apiVersion;
  if (type.namespaced) result += "/namespaces/" + namespaceName;
  result += "/" + type.plural;
  if (!name.empty()) result += "/" + name;
  return result;
}

const std::vector<KubeResourceType>& KubeResourceType::all() {
  static const std::vector<KubeResourceType> types = {
      {"VirtualService", "networking.istio.io", "virtualservices", true, true},
      {"DestinationRule", "networking.istio.io", "destinationrules", true, true},
      {"Gateway", "networking.istio.io", "gateways", true, true},
      {"ServiceEntry", "networking.istio.io", "serviceentries", true, true},
      {"Sidecar", "networking.istio.io", "sidecars", true, true},
      {"WorkloadEntry", "networking.istio.io", "workloadentries", true, true},
      {"EnvoyFilter", "networking.istio.io", "envoyfilters", true, true},
      {"Service", "", "services", true, false},
      {"Deployment", "apps", "deployments", true, false},
  };
  return types;
}

std::optional<KubeResourceType> KubeResourceType::find(std::string_view group, std::string_view kind) {
  for (const KubeResourceType& type : all())
    if (type.group == group && type.kind == kind) return type;
  return std::nullopt;
}

}  // namespace meshstudio::cluster
