#include "cluster/KubeApiHandler.h"

#include <regex>

#include "cluster/DiscoveryDocuments.h"
#include "cluster/KubeStatus.h"
#include "cluster/LabelSelector.h"
#include "model/JsonConversion.h"
#include "model/YamlReader.h"

namespace meshstudio::test {

using json = nlohmann::json;

namespace {

ApiResponse answer(int status, json body) {
  ApiResponse response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

ApiResponse failure(const json& status) { return answer(status.value("code", 500), status); }

std::map<std::string, std::string> parseQuery(const std::string& text) {
  std::map<std::string, std::string> query;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t amp = text.find('&', start);
    const std::string pair = text.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
    const std::size_t equals = pair.find('=');
    if (!pair.empty())
      query[percentDecode(pair.substr(0, equals), true)] =
          equals == std::string::npos ? std::string() : percentDecode(pair.substr(equals + 1), true);
    if (amp == std::string::npos) break;
    start = amp + 1;
  }
  return query;
}

/// The causes of an invalid metadata.name, as apimachinery's IsDNS1123Subdomain words them.
json nameProblems(const std::string& name) {
  static const std::regex subdomain(R"([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)");
  json causes = json::array();
  const std::string invalid = "Invalid value: \"" + name + "\": ";
  if (name.size() > 253)
    causes.push_back({{"reason", "FieldValueInvalid"},
                      {"message", invalid + "must be no more than 253 characters"},
                      {"field", "metadata.name"}});
  if (!std::regex_match(name, subdomain))
    causes.push_back(
        {{"reason", "FieldValueInvalid"},
         {"message", invalid +
                         "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or "
                         "'.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used "
                         "for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"},
         {"field", "metadata.name"}});
  return causes;
}

const ApiResourceType& namespaceType() { return *ApiResourceCatalog::find("", "v1", "namespaces", false); }

}  // namespace

KubeApiHandler::KubeApiHandler(ObjectStore& store, ServerControls& controls) : store_(store), controls_(controls) {}

json KubeApiHandler::asServed(json object, const ApiPath& path) {
  if (object.is_object()) object["apiVersion"] = path.groupVersion();
  return object;
}

ApiResponse KubeApiHandler::handle(const ApiRequest& request) {
  const std::size_t mark = request.target.find('?');
  const std::string pathText = request.target.substr(0, mark);
  const std::string queryText = mark == std::string::npos ? std::string() : request.target.substr(mark + 1);

  // A verified client certificate comes first, as in the API server's authenticator chain.
  std::string user = request.clientCertificateUser;
  if (user.empty() && request.authorization.rfind("Bearer ", 0) == 0)
    user = controls_.userForToken(request.authorization.substr(7)).value_or("");

  ApiResponse response;
  if (user.empty()) {
    response = failure(KubeStatus::unauthorized());
  } else if (auto injected = controls_.takeFailure(request.method, pathText)) {
    response = answer(injected->status, injected->body);
  } else {
    response = route(request, ApiPath::parse(pathText), parseQuery(queryText), user);
  }
  response.hang = controls_.hangs();
  response.delay = controls_.responseDelay();
  controls_.record({request.method, pathText, queryText, user, response.hang ? 0 : response.status});
  return response;
}

ApiResponse KubeApiHandler::route(const ApiRequest& request, const ApiPath& path, const Query& query,
                                  const std::string& user) {
  const bool istio = controls_.istioInstalled();
  const bool reading = request.method == "GET";
  switch (path.kind) {
    case ApiPath::Kind::Unknown:
      return failure(KubeStatus::pathNotFound());
    case ApiPath::Kind::Version:
      return reading ? answer(200, DiscoveryDocuments::version()) : failure(KubeStatus::methodNotAllowed());
    case ApiPath::Kind::CoreVersions:
      return reading ? answer(200, DiscoveryDocuments::coreVersions(serverAddress_))
                     : failure(KubeStatus::methodNotAllowed());
    case ApiPath::Kind::GroupList:
      return reading ? answer(200, DiscoveryDocuments::groups(istio)) : failure(KubeStatus::methodNotAllowed());
    case ApiPath::Kind::Group: {
      auto document = DiscoveryDocuments::group(path.group, istio);
      if (!document) return failure(KubeStatus::pathNotFound());
      return reading ? answer(200, *document) : failure(KubeStatus::methodNotAllowed());
    }
    case ApiPath::Kind::Resources: {
      auto document = DiscoveryDocuments::resources(path.group, path.version, istio);
      if (!document) return failure(KubeStatus::pathNotFound());
      return reading ? answer(200, *document) : failure(KubeStatus::methodNotAllowed());
    }
    case ApiPath::Kind::Namespaces:
    case ApiPath::Kind::Namespace:
      if (path.version != "v1") return failure(KubeStatus::pathNotFound());
      return namespaces(request, path, user);
    case ApiPath::Kind::Collection:
    case ApiPath::Kind::Item:
      break;
  }

  const ApiResourceType* type = ApiResourceCatalog::find(path.group, path.version, path.plural, istio);
  if (!type || !type->namespaced) return failure(KubeStatus::pathNotFound());
  if (path.kind == ApiPath::Kind::Collection) {
    if (request.method != "GET") return failure(KubeStatus::methodNotAllowed());
    return list(path, *type, query, user);
  }
  if (request.method == "GET") return get(path, *type, user);
  if (request.method == "DELETE") return remove(path, *type, query, user);
  if (request.method == "PATCH") return apply(request, path, *type, query, user);
  return failure(KubeStatus::methodNotAllowed());
}

std::optional<ApiResponse> KubeApiHandler::denied(const std::string& user, const std::string& verb,
                                                  const ApiResourceType& type, const std::string& namespaceName,
                                                  const std::string& name) const {
  if (!controls_.isForbidden(user, verb, type.plural)) return std::nullopt;
  return failure(KubeStatus::forbidden(user, verb, type, namespaceName, name));
}

ApiResponse KubeApiHandler::namespaces(const ApiRequest& request, const ApiPath& path, const std::string& user) {
  if (request.method != "GET") return failure(KubeStatus::methodNotAllowed());
  const ApiResourceType& type = namespaceType();
  auto served = [](json object) {
    object["apiVersion"] = "v1";
    object["kind"] = "Namespace";
    return object;
  };
  if (path.kind == ApiPath::Kind::Namespace) {
    if (auto refusal = denied(user, "get", type, "", path.name)) return *refusal;
    auto object = store_.namespaceObject(path.name);
    if (!object) return failure(KubeStatus::notFound(type, path.name));
    return answer(200, served(*object));
  }
  if (auto refusal = denied(user, "list", type, "", "")) return *refusal;
  json items = json::array();
  for (json& object : store_.namespaces()) {
    object.erase("apiVersion");  // a built-in list's items carry neither apiVersion nor kind
    object.erase("kind");
    items.push_back(std::move(object));
  }
  return answer(200, json{{"kind", "NamespaceList"},
                          {"apiVersion", "v1"},
                          {"metadata", {{"resourceVersion", store_.resourceVersion()}}},
                          {"items", items}});
}

ApiResponse KubeApiHandler::list(const ApiPath& path, const ApiResourceType& type, const Query& query,
                                 const std::string& user) {
  if (auto refusal = denied(user, "list", type, path.namespaceName, "")) return *refusal;
  std::optional<LabelSelector> selector = LabelSelector();
  if (auto found = query.find("labelSelector"); found != query.end()) {
    std::string error;
    selector = LabelSelector::parse(found->second, error);
    if (!selector) return failure(KubeStatus::badRequest("unable to parse requirement: " + error));
  }
  json items = json::array();
  for (json& object : store_.list({path.group, path.namespaceName, path.plural, ""})) {
    if (!selector->matches(object)) continue;
    object = asServed(std::move(object), path);
    if (type.builtIn()) {
      object.erase("apiVersion");
      object.erase("kind");
    }
    items.push_back(std::move(object));
  }
  return answer(200, json{{"kind", type.kind + "List"},
                          {"apiVersion", path.groupVersion()},
                          {"metadata", {{"resourceVersion", store_.resourceVersion()}}},
                          {"items", items}});
}

ApiResponse KubeApiHandler::get(const ApiPath& path, const ApiResourceType& type, const std::string& user) {
  if (auto refusal = denied(user, "get", type, path.namespaceName, path.name)) return *refusal;
  auto object = store_.get({path.group, path.namespaceName, path.plural, path.name});
  if (!object) return failure(KubeStatus::notFound(type, path.name));
  return answer(200, asServed(std::move(*object), path));
}

ApiResponse KubeApiHandler::remove(const ApiPath& path, const ApiResourceType& type, const Query& query,
                                   const std::string& user) {
  if (auto refusal = denied(user, "delete", type, path.namespaceName, path.name)) return *refusal;
  auto dryRun = query.find("dryRun");
  if (dryRun != query.end() && dryRun->second != "All")
    return failure(KubeStatus::badRequest("invalid dryRun value \"" + dryRun->second + "\": only \"All\""));
  auto removed = store_.remove({path.group, path.namespaceName, path.plural, path.name}, dryRun != query.end());
  if (!removed) return failure(KubeStatus::notFound(type, path.name));
  return answer(200, KubeStatus::success(json{{"name", path.name},
                                              {"group", type.group},
                                              {"kind", type.plural},
                                              {"uid", removed->at("metadata").value("uid", "")}}));
}

ApiResponse KubeApiHandler::apply(const ApiRequest& request, const ApiPath& path, const ApiResourceType& type,
                                  const Query& query, const std::string& user) {
  if (auto refusal = denied(user, "patch", type, path.namespaceName, path.name)) return *refusal;

  const std::string mediaType = request.contentType.substr(0, request.contentType.find(';'));
  if (mediaType != "application/apply-patch+yaml") return failure(KubeStatus::unsupportedMediaType());
  auto manager = query.find("fieldManager");
  if (manager == query.end() || manager->second.empty()) {
    // ValidatePatchOptions: a 422 on the PatchOptions, not a 400.
    return failure(KubeStatus::failure(
        422, "Invalid",
        "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch",
        json{{"group", "meta.k8s.io"},
             {"kind", "PatchOptions"},
             {"causes",
              {{{"reason", "FieldValueRequired"},
                {"message", "Required value: is required for apply patch"},
                {"field", "fieldManager"}}}}}));
  }
  auto dryRun = query.find("dryRun");
  if (dryRun != query.end() && dryRun->second != "All")
    return failure(KubeStatus::badRequest("invalid dryRun value \"" + dryRun->second + "\": only \"All\""));
  auto forceText = query.find("force");
  const bool force = forceText != query.end() && forceText->second == "true";

  // The body is YAML, JSON included.
  model::ParseResult parsed = model::YamlReader::parse(request.body, "apply-patch");
  if (parsed.documents.size() != 1 || !parsed.documents[0].value || !parsed.documents[0].value->isMap()) {
    std::string why = parsed.diagnostics.empty() ? "expected one YAML or JSON object" : parsed.diagnostics[0].message;
    return failure(KubeStatus::badRequest("error decoding YAML: " + why));
  }
  json applied = model::toJson(*parsed.documents[0].value);
  const std::string apiVersion = applied.value("apiVersion", "");
  const std::string kind = applied.value("kind", "");
  if (apiVersion.empty() || kind.empty())
    return failure(KubeStatus::badRequest("Object 'Kind' or 'apiVersion' is missing in the apply patch"));
  if (apiVersion != path.groupVersion())
    return failure(KubeStatus::badRequest("the API version in the data (" + apiVersion +
                                          ") does not match the expected API version (" + path.groupVersion() + ")"));
  if (kind != type.kind)
    return failure(KubeStatus::badRequest("the kind in the data (" + kind + ") does not match the expected kind (" +
                                          type.kind + ")"));
  json& metadata = applied["metadata"];
  if (!metadata.is_object()) metadata = json::object();
  if (!metadata.contains("name")) metadata["name"] = path.name;
  if (!metadata.contains("namespace")) metadata["namespace"] = path.namespaceName;
  if (metadata["name"] != path.name)
    return failure(KubeStatus::badRequest("the name of the object (" + metadata["name"].dump() +
                                          ") does not match the name on the URL (" + path.name + ")"));
  if (metadata["namespace"] != path.namespaceName)
    return failure(KubeStatus::badRequest(
        "the namespace of the provided object does not match the namespace sent on the request"));
  if (json causes = nameProblems(path.name); !causes.empty())
    return failure(KubeStatus::invalid(type, path.name, causes));
  if (!store_.hasNamespace(path.namespaceName))
    return failure(KubeStatus::notFound(namespaceType(), path.namespaceName));

  StoreApplyResult result = store_.apply({path.group, path.namespaceName, path.plural, path.name}, applied,
                                         manager->second, apiVersion, force, dryRun != query.end());
  ApiResponse response;
  switch (result.status) {
    case StoreApplyResult::Status::Conflict:
      return failure(ServerSideApply::conflictStatus(result.conflicts));
    case StoreApplyResult::Status::StaleResourceVersion:
      return failure(KubeStatus::modified(type, path.name));
    case StoreApplyResult::Status::Created:
      response = answer(201, asServed(std::move(result.object), path));
      break;
    case StoreApplyResult::Status::Updated:
    case StoreApplyResult::Status::Unchanged:
      response = answer(200, asServed(std::move(result.object), path));
      break;
  }
  response.warnings = controls_.warnings();
  return response;
}

}  // namespace meshstudio::test
