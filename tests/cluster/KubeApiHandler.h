#pragma once

// The Kubernetes API test server's request handling, transport aside: authentication (a
// verified client certificate's CN, else a bearer token), injected failures, RBAC denials,
// discovery, and GET, LIST, DELETE and server-side apply PATCH on the object store.

#include <nlohmann/json.hpp>

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "cluster/ApiPath.h"
#include "cluster/ApiResourceCatalog.h"
#include "cluster/ObjectStore.h"
#include "cluster/ServerControls.h"

namespace meshstudio::test {

struct ApiRequest {
  std::string method;  ///< GET, PATCH, DELETE, ...
  std::string target;  ///< path?query, as sent
  std::string contentType;
  std::string authorization;  ///< the Authorization header
  std::string body;
  std::string clientCertificateUser;  ///< CN of a client certificate the CA signed; empty without one
};

struct ApiResponse {
  int status = 200;
  nlohmann::json body;
  std::vector<std::string> warnings;   ///< `Warning` header values
  std::chrono::milliseconds delay{0};  ///< wait this long before answering
  bool hang = false;                   ///< never answer
};

class KubeApiHandler {
 public:
  using json = nlohmann::json;

  KubeApiHandler(ObjectStore& store, ServerControls& controls);
  /// host:port, for /api's serverAddressByClientCIDRs.
  void setServerAddress(std::string address) { serverAddress_ = std::move(address); }

  ApiResponse handle(const ApiRequest& request);

  /// The object as the API serves it at `path`'s version: apiVersion rewritten (one stored copy
  /// serves every version of a type; Istio's versions share one schema).
  static json asServed(json object, const ApiPath& path);

 private:
  using Query = std::map<std::string, std::string>;

  ApiResponse route(const ApiRequest& request, const ApiPath& path, const Query& query, const std::string& user);
  ApiResponse namespaces(const ApiRequest& request, const ApiPath& path, const std::string& user);
  ApiResponse list(const ApiPath& path, const ApiResourceType& type, const Query& query, const std::string& user);
  ApiResponse get(const ApiPath& path, const ApiResourceType& type, const std::string& user);
  ApiResponse remove(const ApiPath& path, const ApiResourceType& type, const Query& query, const std::string& user);
  ApiResponse apply(const ApiRequest& request, const ApiPath& path, const ApiResourceType& type, const Query& query,
                    const std::string& user);
  /// A 403 answer when the test forbade this user the verb on the resource.
  std::optional<ApiResponse> denied(const std::string& user, const std::string& verb, const ApiResourceType& type,
                                    const std::string& namespaceName, const std::string& name) const;

  ObjectStore& store_;
  ServerControls& controls_;
  std::string serverAddress_;
};

}  // namespace meshstudio::test
