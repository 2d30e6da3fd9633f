#include "cluster/KubeStatus.h"

namespace meshstudio::test {

using json = nlohmann::json;

json KubeStatus::failure(int code, const std::string& reason, const std::string& message, json details) {
  json status{{"kind", "Status"},    {"apiVersion", "v1"}, {"metadata", json::object()},
              {"status", "Failure"}, {"message", message}, {"reason", reason},
              {"code", code}};
  if (!details.is_null()) status["details"] = std::move(details);
  return status;
}

json KubeStatus::success(json details) {
  return json{{"kind", "Status"},
              {"apiVersion", "v1"},
              {"metadata", json::object()},
              {"status", "Success"},
              {"details", std::move(details)}};
}

json KubeStatus::unauthorized() { return failure(401, "Unauthorized", "Unauthorized"); }

json KubeStatus::forbidden(const std::string& user, const std::string& verb, const ApiResourceType& type,
                           const std::string& namespaceName, const std::string& name) {
  std::string message = type.qualifiedPlural();
  if (!name.empty()) message += " \"" + name + "\"";
  message += " is forbidden: User \"" + user + "\" cannot " + verb + " resource \"" + type.plural +
             "\" in API group \"" + type.group + "\"";
  message += namespaceName.empty() ? " at the cluster scope" : " in the namespace \"" + namespaceName + "\"";
  json details{{"group", type.group}, {"kind", type.plural}};
  if (!name.empty()) details["name"] = name;
  return failure(403, "Forbidden", message, std::move(details));
}

json KubeStatus::notFound(const ApiResourceType& type, const std::string& name) {
  return failure(404, "NotFound", type.qualifiedPlural() + " \"" + name + "\" not found",
                 json{{"name", name}, {"group", type.group}, {"kind", type.plural}});
}

json KubeStatus::pathNotFound() {
  return failure(404, "NotFound", "the server could not find the requested resource", json::object());
}

json KubeStatus::badRequest(const std::string& message) { return failure(400, "BadRequest", message); }

json KubeStatus::invalid(const ApiResourceType& type, const std::string& name, const json& causes) {
  // errors.NewInvalid: one cause is "field: detail", several are "[field: detail, field: detail]".
  std::string list;
  for (const json& cause : causes) {
    if (!list.empty()) list += ", ";
    list += cause.value("field", "") + ": " + cause.value("message", "");
  }
  if (causes.size() > 1) list = "[" + list + "]";
  return failure(422, "Invalid", type.qualifiedKind() + " \"" + name + "\" is invalid: " + list,
                 json{{"name", name}, {"group", type.group}, {"kind", type.kind}, {"causes", causes}});
}

json KubeStatus::modified(const ApiResourceType& type, const std::string& name) {
  return failure(409, "Conflict",
                 "Operation cannot be fulfilled on " + type.qualifiedPlural() + " \"" + name +
                     "\": the object has been modified; please apply your changes to the latest version and try again",
                 json{{"name", name}, {"group", type.group}, {"kind", type.plural}});
}

json KubeStatus::methodNotAllowed() {
  return failure(405, "MethodNotAllowed", "the server does not allow this method on the requested resource",
                 json::object());
}

json KubeStatus::unsupportedMediaType() {
  return failure(415, "UnsupportedMediaType",
                 "the body of the request was in an unknown format - accepted media types include: "
                 "application/apply-patch+yaml");
}

}  // namespace meshstudio::test
