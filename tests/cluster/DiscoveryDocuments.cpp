#include "cluster/DiscoveryDocuments.h"

#include "cluster/ApiResourceCatalog.h"

namespace meshstudio::test {

using json = nlohmann::json;

namespace {

json groupDocument(const std::string& name, const std::vector<std::string>& versions) {
  json list = json::array();
  for (const std::string& version : versions)
    list.push_back({{"groupVersion", ApiResourceCatalog::groupVersion(name, version)}, {"version", version}});
  return json{{"name", name}, {"versions", list}, {"preferredVersion", list.front()}};
}

}  // namespace

json DiscoveryDocuments::version() {
  return json{{"major", "1"},
              {"minor", "29"},
              {"gitVersion", "v1.29.0"},
              {"gitCommit", "3f7a50f38688eb332e2a1b013678c6435d539ae6"},
              {"gitTreeState", "clean"},
              {"buildDate", "2023-12-13T08:43:57Z"},
              {"goVersion", "go1.21.5"},
              {"compiler", "gc"},
              {"platform", "linux/amd64"}};
}

json DiscoveryDocuments::coreVersions(const std::string& serverAddress) {
  return json{{"kind", "APIVersions"},
              {"versions", {"v1"}},
              {"serverAddressByClientCIDRs", {{{"clientCIDR", "0.0.0.0/0"}, {"serverAddress", serverAddress}}}}};
}

json DiscoveryDocuments::groups(bool istioInstalled) {
  json list = json::array();
  for (const char* name : {"apps", ApiResourceCatalog::kIstioGroup}) {
    const std::vector<std::string> versions = ApiResourceCatalog::versionsOf(name, istioInstalled);
    if (!versions.empty()) list.push_back(groupDocument(name, versions));
  }
  return json{{"kind", "APIGroupList"}, {"apiVersion", "v1"}, {"groups", list}};
}

std::optional<json> DiscoveryDocuments::group(const std::string& name, bool istioInstalled) {
  if (name.empty()) return std::nullopt;
  const std::vector<std::string> versions = ApiResourceCatalog::versionsOf(name, istioInstalled);
  if (versions.empty()) return std::nullopt;
  json document = groupDocument(name, versions);
  document["kind"] = "APIGroup";
  document["apiVersion"] = "v1";
  return document;
}

std::optional<json> DiscoveryDocuments::resources(const std::string& group, const std::string& version,
                                                  bool istioInstalled) {
  json list = json::array();
  for (const ApiResourceType& type : ApiResourceCatalog::all()) {
    if (type.group != group || !type.servedIn(version)) continue;
    if (group == ApiResourceCatalog::kIstioGroup && !istioInstalled) continue;
    json verbs = type.namespaced
                     ? json{"create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"}
                     : json{"create", "delete", "get", "list", "patch", "update", "watch"};
    json resource{{"name", type.plural},
                  {"singularName", type.singular},
                  {"namespaced", type.namespaced},
                  {"kind", type.kind},
                  {"verbs", verbs}};
    if (!type.shortNames.empty()) resource["shortNames"] = type.shortNames;
    if (group == ApiResourceCatalog::kIstioGroup) resource["categories"] = {"istio-io", "networking-istio-io"};
    list.push_back(resource);
  }
  if (list.empty()) return std::nullopt;
  return json{{"kind", "APIResourceList"},
              {"apiVersion", "v1"},
              {"groupVersion", ApiResourceCatalog::groupVersion(group, version)},
              {"resources", list}};
}

}  // namespace meshstudio::test
