#include "app/cluster/KubeApi.h"

#include <nlohmann/json.hpp>

#include "model/JsonConversion.h"

namespace meshstudio::cluster {
namespace {

std::optional<model::Value> parseObject(const std::string& body) {
  nlohmann::ordered_json json = nlohmann::ordered_json::parse(body, nullptr, false);
  if (json.is_discarded() || !json.is_object()) return std::nullopt;
  return model::fromJson(json);
}

CallSubject subjectOf(const ObjectRef& ref, std::string verb) {
  return CallSubject{std::move(verb), ref.type, ref.apiVersion, ref.namespaceName, ref.name};
}

ClusterProblem malformed(const std::string& what) {
  ClusterProblem problem;
  problem.kind = ClusterProblem::Kind::Other;
  problem.message = "The cluster's answer to " + what + " was not the JSON object expected.";
  return problem;
}

}  // namespace

std::string ObjectRef::displayName() const {
  return type.kind + " " + (namespaceName.empty() ? std::string("default") : namespaceName) + "/" + name;
}

KubeApi::KubeApi(KubeTransport& transport) : transport_(transport) {}

template <class T>
KubeResult<T> KubeApi::failed(const KubeResponse& response, const CallSubject& subject) {
  KubeResult<T> result;
  result.problem = describeFailure(response, subject, transport_.connection());
  result.warnings = response.warnings;
  return result;
}

KubeResult<IstioSupport> KubeApi::istioSupport() {
  KubeResponse response = transport_.send({"GET", "/apis", {}, {}, {}});
  CallSubject subject{"get", KubeResourceType{"APIGroupList", "", "apis", false, false}, "", "", ""};
  if (!response.ok()) return failed<IstioSupport>(response, subject);
  KubeResult<IstioSupport> result;
  nlohmann::json groups = nlohmann::json::parse(response.body, nullptr, false);
  if (!groups.is_object() || !groups.contains("groups")) {
    result.problem = malformed("GET /apis");
    return result;
  }
  for (const auto& group : groups["groups"]) {
    if (!group.is_object() || group.value("name", "") != "networking.istio.io") continue;
    for (const auto& version : group.value("versions", nlohmann::json::array()))
      if (version.is_object()) result.value.versions.push_back(version.value("version", ""));
    if (group.contains("preferredVersion") && group["preferredVersion"].is_object())
      result.value.preferredVersion = group["preferredVersion"].value("version", "");
  }
  return result;
}

KubeResult<std::vector<std::string>> KubeApi::namespaces() {
  KubeResponse response = transport_.send({"GET", "/api/v1/namespaces", {}, {}, {}});
  CallSubject subject{"list", KubeResourceType{"Namespace", "", "namespaces", false, false}, "v1", "", ""};
  if (!response.ok()) return failed<std::vector<std::string>>(response, subject);
  KubeResult<std::vector<std::string>> result;
  nlohmann::json list = nlohmann::json::parse(response.body, nullptr, false);
  if (!list.is_object() || !list.contains("items") || !list["items"].is_array()) {
    result.problem = malformed("GET /api/v1/namespaces");
    return result;
  }
  for (const auto& item : list["items"])
    if (item.is_object() && item.contains("metadata")) result.value.push_back(item["metadata"].value("name", ""));
  return result;
}

KubeResult<std::vector<model::Value>> KubeApi::list(const KubeResourceType& type, const std::string& apiVersion,
                                                    const std::string& namespaceName) {
  KubeResponse response = transport_.send({"GET", KubeResourceType::path(apiVersion, type, namespaceName), {}, {}, {}});
  if (!response.ok())
    return failed<std::vector<model::Value>>(response, CallSubject{"list", type, apiVersion, namespaceName, ""});
  KubeResult<std::vector<model::Value>> result;
  std::optional<model::Value> list = parseObject(response.body);
  const model::Value* items = list ? list->find("items") : nullptr;
  if (!items || !(items->isSeq() || items->isNull())) {
    result.problem = malformed("the list of " + type.qualifiedName());
    return result;
  }
  // A list's items carry no apiVersion/kind; give them theirs, so they are whole manifests.
  for (const model::Value& item : items->items()) {
    model::Value object = model::Value::map();
    object.set("apiVersion", model::Value::string(apiVersion));
    object.set("kind", model::Value::string(type.kind));
    for (const model::Value::Entry& entry : item.entries())
      if (entry.key != "apiVersion" && entry.key != "kind") object.set(entry.key, entry.value);
    result.value.push_back(std::move(object));
  }
  return result;
}

KubeResult<std::optional<model::Value>> KubeApi::get(const ObjectRef& ref) {
  KubeResponse response = transport_.send(
      {"GET", KubeResourceType::path(ref.apiVersion, ref.type, ref.namespaceName, ref.name), {}, {}, {}});
  KubeResult<std::optional<model::Value>> result;
  if (!response.ok()) {
    result = failed<std::optional<model::Value>>(response, subjectOf(ref, "get"));
    if (result.problem.kind == ClusterProblem::Kind::NotFound) result.problem = {};  // absent is an answer
    return result;
  }
  result.value = parseObject(response.body);
  if (!result.value) result.problem = malformed("GET " + ref.displayName());
  return result;
}

KubeResult<model::Value> KubeApi::apply(const ObjectRef& ref, const model::Value& document, ApplyFlags flags) {
  KubeRequest request;
  request.method = "PATCH";
  request.path = KubeResourceType::path(ref.apiVersion, ref.type, ref.namespaceName, ref.name);
  request.query = {{"fieldManager", kFieldManager}};
  if (flags.force) request.query.emplace_back("force", "true");
  if (flags.dryRun) request.query.emplace_back("dryRun", "All");
  // JSON is YAML, and it leaves the server's YAML decoder no type to guess.
  request.body = model::toJson(document).dump();
  request.contentType = "application/apply-patch+yaml";
  KubeResponse response = transport_.send(request);
  if (!response.ok()) return failed<model::Value>(response, subjectOf(ref, "patch"));
  KubeResult<model::Value> result;
  result.warnings = response.warnings;
  std::optional<model::Value> object = parseObject(response.body);
  if (!object)
    result.problem = malformed("the apply of " + ref.displayName());
  else
    result.value = std::move(*object);
  return result;
}

KubeResult<bool> KubeApi::remove(const ObjectRef& ref, bool dryRun) {
  KubeRequest request{
      "DELETE", KubeResourceType::path(ref.apiVersion, ref.type, ref.namespaceName, ref.name), {}, {}, {}};
  if (dryRun) request.query.emplace_back("dryRun", "All");
  KubeResponse response = transport_.send(request);
  if (!response.ok()) return failed<bool>(response, subjectOf(ref, "delete"));
  KubeResult<bool> result;
  result.value = true;
  result.warnings = response.warnings;
  return result;
}

std::optional<ObjectRef> KubeApi::refOf(const model::Value& document, const std::string& defaultNamespace) {
  std::string apiVersion = document.stringAt("apiVersion");
  std::optional<KubeResourceType> type = KubeResourceType::find(groupOf(apiVersion), document.stringAt("kind"));
  if (!type) return std::nullopt;
  std::string namespaceName = document.stringAt("metadata.namespace");
  return ObjectRef{*type, apiVersion, namespaceName.empty() ? defaultNamespace : namespaceName,
                   document.stringAt("metadata.name")};
}

}  // namespace meshstudio::cluster
