#include "app/cluster/ClusterProblem.h"

#include <nlohmann/json.hpp>

namespace meshstudio::cluster {
namespace {

std::string objectName(const CallSubject& subject) {
  std::string text = subject.type.kind + " ";
  if (subject.type.namespaced) text += subject.namespaceName + "/";
  return text + (subject.name.empty() ? "*" : subject.name);
}

/// `conflict with "kubectl" using networking.istio.io/v1` → `kubectl`.
std::string quotedManager(const std::string& message) {
  auto open = message.find('"');
  if (open == std::string::npos) return {};
  auto close = message.find('"', open + 1);
  return close == std::string::npos ? std::string() : message.substr(open + 1, close - open - 1);
}

std::string joinCauses(const std::vector<FieldCause>& causes, bool withManagers) {
  std::string text;
  for (const FieldCause& cause : causes) {
    if (!text.empty()) text += "; ";
    text += cause.field.empty() ? cause.message : cause.field;
    if (withManagers && !cause.manager.empty()) text += " (owned by \"" + cause.manager + "\")";
    if (!withManagers && !cause.field.empty() && !cause.message.empty()) text += ": " + cause.message;
  }
  return text;
}

ClusterProblem unreachable(const KubeResponse& response, const ClusterConnection& connection) {
  ClusterProblem problem;
  problem.kind = ClusterProblem::Kind::Unreachable;
  std::string where = connection.server + " (context \"" + connection.contextName + "\")";
  switch (response.failure) {
    case KubeResponse::Failure::Timeout:
      problem.message = "No answer from " + where + " in time: " + response.error;
      break;
    case KubeResponse::Failure::Tls:
      problem.message = "The TLS connection to " + where + " failed: " + response.error +
                        ". Check the cluster's certificate-authority in the kubeconfig.";
      break;
    case KubeResponse::Failure::Credentials:
      problem.message = "No credentials for context \"" + connection.contextName + "\": " + response.error;
      break;
    default:
      problem.message = "Cannot connect to " + where + ": " + response.error;
  }
  return problem;
}

}  // namespace

std::string studioFieldPath(std::string_view serverField) {
  while (!serverField.empty() && serverField.front() == '.') serverField.remove_prefix(1);
  return std::string(serverField);
}

ClusterProblem describeFailure(const KubeResponse& response, const CallSubject& subject,
                               const ClusterConnection& connection) {
  if (response.failure != KubeResponse::Failure::None) return unreachable(response, connection);
  if (response.ok()) return {};

  ClusterProblem problem;
  problem.status = response.status;
  // The API server answers errors with a Status object; a path it does not serve at all
  // (a missing CRD) gets a plain "404 page not found".
  nlohmann::json status = nlohmann::json::parse(response.body, nullptr, false);
  bool isStatus = status.is_object() && status.value("kind", "") == "Status";
  std::string serverMessage = isStatus ? status.value("message", "") : std::string();
  if (isStatus && status.contains("details") && status["details"].contains("causes")) {
    for (const auto& cause : status["details"]["causes"]) {
      if (!cause.is_object()) continue;
      FieldCause entry;
      entry.field = studioFieldPath(cause.value("field", ""));
      entry.message = cause.value("message", "");
      if (cause.value("type", cause.value("reason", "")) == "FieldManagerConflict")
        entry.manager = quotedManager(entry.message);
      problem.causes.push_back(std::move(entry));
    }
  }
  const std::string object = objectName(subject);
  const std::string resource = subject.type.qualifiedName();
  const std::string inNamespace =
      subject.type.namespaced ? " in namespace \"" + subject.namespaceName + "\"" : std::string();

  switch (response.status) {
    case 401:
      problem.kind = ClusterProblem::Kind::Unauthorized;
      problem.message = "The cluster rejected the credentials of context \"" + connection.contextName + "\" (user \"" +
                        connection.userName + "\", " + connection.authenticationSummary() +
                        "): 401 Unauthorized. The token or certificate is wrong or expired; log in again or fix "
                        "the kubeconfig.";
      break;
    case 403:
      problem.kind = ClusterProblem::Kind::Forbidden;
      problem.message = "RBAC: the user of context \"" + connection.contextName + "\" may not " + subject.verb + " " +
                        resource + inNamespace + " (403 Forbidden). Ask for a Role granting \"" + subject.verb +
                        "\" on " + resource + ".";
      if (!serverMessage.empty()) problem.message += " The server said: " + serverMessage;
      break;
    case 404:
      if (isStatus && status.contains("details") && status["details"].value("name", "") == subject.name &&
          !subject.name.empty()) {
        problem.kind = ClusterProblem::Kind::NotFound;
        problem.message = object + " does not exist in the cluster.";
      } else {
        problem.kind = ClusterProblem::Kind::NotInstalled;
        problem.message =
            "The cluster does not serve " + resource + " (" + subject.apiVersion + "): " +
            (subject.type.group == "networking.istio.io" ? "Istio's CRDs are not installed, or not in this version."
                                                         : "this API is not available.");
      }
      break;
    case 409:
      problem.kind = ClusterProblem::Kind::Conflict;
      problem.message =
          "Conflict applying " + object + ": " +
          (problem.causes.empty() ? serverMessage
                                  : "fields owned by other managers: " + joinCauses(problem.causes, true)) +
          ". Apply with force to take these fields over, or leave them to their owner.";
      break;
    case 422:
      problem.kind = ClusterProblem::Kind::Invalid;
      problem.message = "The cluster rejected " + object +
                        " as invalid: " + (problem.causes.empty() ? serverMessage : joinCauses(problem.causes, false));
      break;
    default:
      problem.kind = ClusterProblem::Kind::Other;
      problem.message = object + ": the cluster answered " + std::to_string(response.status) +
                        (serverMessage.empty() ? std::string() : ": " + serverMessage);
  }
  return problem;
}

}  // namespace meshstudio::cluster
