#pragma once

// Synchronous HTTPS requests to one Kubernetes API server, over QtNetwork.
//
// Synchronous on purpose: the cluster workflows (dry run, then apply each resource, then
// record history) read as straight-line code, and the GUI runs them on a worker thread. A
// transport lives on the thread that created it (it owns a QNetworkAccessManager and spins
// a local event loop per request); that thread needs a QCoreApplication in the process.

#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "app/cluster/ClusterConnection.h"
#include "app/cluster/ProxyRoute.h"

namespace meshstudio::cluster {

struct KubeRequest {
  std::string method = "GET";  ///< GET, PATCH, DELETE, POST, PUT
  std::string path;            ///< `/apis/networking.istio.io/v1/namespaces/shop/virtualservices/reviews`
  std::vector<std::pair<std::string, std::string>> query;  ///< percent-encoded by the transport
  std::string body;
  std::string contentType;  ///< e.g. application/apply-patch+yaml; empty for no body
};

struct KubeResponse {
  enum class Failure {
    None,        ///< an HTTP response arrived (any status)
    Timeout,     ///< no complete response within the timeout
    Tls,         ///< the TLS handshake failed (untrusted CA, wrong name, bad client key...)
    Connection,  ///< refused, unreachable, reset, DNS
    Credentials  ///< no request was sent: a token file or exec plugin could not give credentials
  };
  Failure failure = Failure::None;
  int status = 0;                     ///< HTTP status when failure == None
  std::string body;                   ///< response body (JSON for the API server)
  std::vector<std::string> warnings;  ///< `Warning:` header texts, e.g. deprecations, dry-run notes
  std::string error;                  ///< with a failure: the reason, fit for a user (no secrets)

  bool ok() const { return failure == Failure::None && status >= 200 && status < 300; }
};

class KubeTransport {
 public:
  explicit KubeTransport(ClusterConnection connection, std::chrono::milliseconds timeout = std::chrono::seconds(30));
  ~KubeTransport();
  KubeTransport(const KubeTransport&) = delete;
  KubeTransport& operator=(const KubeTransport&) = delete;

  /// Sends one request and waits for its answer. An exec plugin's credential is cached until
  /// its expiry; a 401 answer refreshes it once and retries, as client-go does.
  KubeResponse send(const KubeRequest& request);

  const ClusterConnection& connection() const;
  /// False when the kubeconfig asked for insecure-skip-tls-verify: the UI must say so.
  bool verifiesTls() const;
  /// The proxy requests go through (the cluster's proxy-url, else HTTPS_PROXY and NO_PROXY).
  const ProxyRoute& proxy() const;
  void setTimeout(std::chrono::milliseconds timeout);

 private:
  struct Private;
  std::unique_ptr<Private> d_;
};

}  // namespace meshstudio::cluster
