#pragma once

// A small Kubernetes API server for the cluster client's tests (there is no cluster on the
// build machines): TLS with its own CA, client-certificate and bearer-token authentication,
// discovery, namespaced GET/LIST/DELETE and server-side apply, RBAC denials and failures on
// demand. In-process, on its own io_context thread. See tests/cluster/DESIGN.md.
//
//   KubeTestServer server;
//   server.start();
//   server.addToken("t0k3n", "alice");
//   server.put(R"({"apiVersion":"networking.istio.io/v1","kind":"VirtualService",...})"_json);
//   ... point the client at server.url() with server.caPem() as the CA ...
//   QCOMPARE(server.lastUser(), "alice");

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cluster/KubeApiHandler.h"
#include "cluster/ObjectStore.h"
#include "cluster/ServerControls.h"
#include "common/TestCertificates.h"

namespace boost::asio {
class io_context;
namespace ssl {
class context;
}
}  // namespace boost::asio

namespace meshstudio::test {

class KubeTestServer {
 public:
  using json = nlohmann::json;

  /// Generates the CA and the server certificate (127.0.0.1, localhost); does not listen yet.
  KubeTestServer();
  ~KubeTestServer();
  KubeTestServer(const KubeTestServer&) = delete;
  KubeTestServer& operator=(const KubeTestServer&) = delete;

  /// Listens on 127.0.0.1 on an ephemeral port and serves on its own thread.
  bool start(std::string* error = nullptr);
  /// Closes every connection and joins the thread. The store and the settings stay.
  void stop();
  bool isRunning() const { return thread_.joinable(); }

  /// `https://127.0.0.1:PORT`
  std::string url() const;
  std::uint16_t port() const { return port_; }
  const std::string& caPem() const { return ca_.certificate; }
  /// A client certificate (and its key) the server's CA signs: CN is the user, each group an O.
  Credential issueClientCertificate(const std::string& commonName, const std::vector<std::string>& groups = {}) const;

  // Authentication and authorization
  void addToken(const std::string& token, const std::string& user) { controls_.addToken(token, user); }
  /// Denies `user` the `verb` (get, list, patch, delete, or *) on `resource` (a plural such as
  /// virtualservices, or *): a 403 in the API server's words.
  void forbid(const std::string& user, const std::string& verb, const std::string& resource) {
    controls_.forbid(user, verb, resource);
  }
  void clearForbidden() { controls_.clearForbidden(); }
  /// The user of the last authenticated request (a certificate's CN or a token's user).
  std::string lastUser() const { return controls_.lastUser(); }
  int requestCount(const std::string& user) const { return controls_.requestCount(user); }

  // Discovery
  /// Without Istio, networking.istio.io is not in /apis and its paths answer 404 (default: installed).
  void setIstioInstalled(bool installed) { controls_.setIstioInstalled(installed); }

  // Objects
  /// The namespace `default` exists from the start.
  void addNamespace(const std::string& name) { store_.addNamespace(name); }
  /// Seeds a "live" object as the server's own write (no field manager; managedFields given in
  /// the object are kept, so a test can seed another manager's ownership). Its namespace is
  /// created if needed. Returns the stored object, or null when apiVersion/kind is not served.
  json put(json object);
  /// Server-side apply as `manager` straight into the store (what `kubectl apply --server-side`
  /// would do), e.g. to give another manager fields the client's apply will contest. nullopt
  /// when apiVersion/kind is not served or the object has no name.
  std::optional<StoreApplyResult> apply(const std::string& manager, json object, bool force = false);
  /// The stored object, with `version`'s apiVersion (empty: the apiVersion it was last written
  /// with); null when absent. `group` is "" for the core group.
  json object(const std::string& group, const std::string& version, const std::string& namespaceName,
              const std::string& plural, const std::string& name) const;
  /// The same by API path: `/apis/networking.istio.io/v1/namespaces/shop/virtualservices/reviews`.
  json object(const std::string& apiPath) const;
  /// `metadata.resourceVersion` of the stored object; empty when absent.
  std::string resourceVersionOf(const std::string& group, const std::string& namespaceName, const std::string& plural,
                                const std::string& name) const;
  std::string resourceVersionOf(const std::string& apiPath) const;

  // Faults and extras
  /// Answers the next `method` request whose path contains `pathSubstring` with this status and
  /// body (a Status JSON), once, after authentication.
  void failNext(const std::string& method, const std::string& pathSubstring, int httpStatus, json statusJson) {
    controls_.failNext(method, pathSubstring, httpStatus, std::move(statusJson));
  }
  /// A `Warning` header value (`299 - "..."`) added to every apply response.
  void addWarning(const std::string& warning) { controls_.addWarning(warning); }
  void clearWarnings() { controls_.clearWarnings(); }
  /// Waits this long before each answer.
  void setResponseDelay(std::chrono::milliseconds delay) { controls_.setResponseDelay(delay); }
  /// Reads requests but never answers them (the connection stays open).
  void setHang(bool hang) { controls_.setHang(hang); }
  std::vector<RequestRecord> requestLog() const { return controls_.requestLog(); }
  void clearRequestLog() { controls_.clearRequestLog(); }

 private:
  void accept();

  Credential ca_;
  Credential serverCredential_;
  ObjectStore store_;
  ServerControls controls_;
  KubeApiHandler handler_{store_, controls_};
  std::unique_ptr<boost::asio::ssl::context> tls_;
  // Destroyed in stop(): the acceptor before the io_context, the io_context (and with it every
  // connection's pending handlers) after the thread has been joined.
  struct Listener;
  std::unique_ptr<boost::asio::io_context> io_;
  std::unique_ptr<Listener> listener_;
  std::thread thread_;
  std::uint16_t port_ = 0;
};

}  // namespace meshstudio::test
