#pragma once

// Runs a kubeconfig exec credential plugin (`users[].user.exec`) the way kubectl does, and
// keeps its credential until it expires.
//
// The plugin prints an ExecCredential (client.authentication.k8s.io/v1 or v1beta1) on stdout:
// a bearer token, or a client certificate and key, with an optional expiry. stdout therefore
// holds a secret: nothing here ever quotes it, in messages or logs. stderr is the plugin's
// voice to the user, so its last line goes into failure messages.

#include <QDateTime>

#include <chrono>
#include <optional>
#include <string>

#include "app/cluster/ClusterConnection.h"

namespace meshstudio::cluster {

class ExecCredentialPlugin {
 public:
  struct Credential {
    std::string token;
    std::string clientCertificatePem;
    std::string clientKeyPem;
    QDateTime expiry;  ///< invalid: valid until the server rejects it (a 401)
  };

  /// A credential is refreshed this long before its expiry, so that a request does not
  /// leave with a token that expires on the way.
  static constexpr std::chrono::seconds kRefreshMargin{10};

  /// `cluster` supplies the cluster info for KUBERNETES_EXEC_INFO when the plugin asks for it
  /// (provideClusterInfo); its credentials are not passed on.
  ExecCredentialPlugin(ExecConfig config, const ClusterConnection& cluster, std::chrono::milliseconds timeout);

  /// The cached credential while it is fresh, else the plugin's new one. nullopt with `error`
  /// (which command, and why) when the plugin cannot give one.
  std::optional<Credential> credential(std::string& error);
  /// Forgets the cached credential: the server rejected it.
  void invalidate();
  void setTimeout(std::chrono::milliseconds timeout) { timeout_ = timeout; }

  /// The JSON kubectl puts in KUBERNETES_EXEC_INFO: `spec.interactive` false (the studio has
  /// no terminal to lend), and `spec.cluster` when provideClusterInfo is set.
  QByteArray execInfo() const;

 private:
  std::optional<Credential> run(std::string& error) const;
  std::optional<Credential> parse(const QByteArray& output, std::string& error) const;
  std::string name() const;

  ExecConfig config_;
  std::string server_;
  std::string certificateAuthorityPem_;
  std::string tlsServerName_;
  std::string proxyUrl_;
  bool insecureSkipTlsVerify_ = false;
  std::chrono::milliseconds timeout_;
  std::optional<Credential> cached_;
};

}  // namespace meshstudio::cluster
