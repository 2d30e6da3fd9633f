#pragma once

// The `Status` objects a Kubernetes API server answers errors (and deletions) with, worded as
// the real server words them, so that the client's message mapping is tested against the real
// shapes (k8s.io/apimachinery/pkg/api/errors).

#include <nlohmann/json.hpp>

#include <string>

#include "cluster/ApiResourceCatalog.h"

namespace meshstudio::test {

class KubeStatus {
 public:
  using json = nlohmann::json;

  /// `{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",...}`; `details`
  /// is left out when null.
  static json failure(int code, const std::string& reason, const std::string& message, json details = nullptr);
  static json success(json details);

  static json unauthorized();
  /// `virtualservices.networking.istio.io "reviews" is forbidden: User "alice" cannot patch
  /// resource "virtualservices" in API group "networking.istio.io" in the namespace "shop"`;
  /// `name` empty for collections, `namespaceName` empty for cluster-scoped requests.
  static json forbidden(const std::string& user, const std::string& verb, const ApiResourceType& type,
                        const std::string& namespaceName, const std::string& name);
  /// `virtualservices.networking.istio.io "x" not found`.
  static json notFound(const ApiResourceType& type, const std::string& name);
  /// A path the server does not serve (an unknown group, version or resource).
  static json pathNotFound();
  static json badRequest(const std::string& message);
  /// 422 Invalid: `VirtualService.networking.istio.io "x" is invalid: field: detail`, with
  /// `details.causes` ([{reason, message, field}]).
  static json invalid(const ApiResourceType& type, const std::string& name, const json& causes);
  /// 409 for a stale `metadata.resourceVersion` precondition.
  static json modified(const ApiResourceType& type, const std::string& name);
  static json methodNotAllowed();
  static json unsupportedMediaType();
};

}  // namespace meshstudio::test
