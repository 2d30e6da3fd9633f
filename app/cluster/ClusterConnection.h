#pragma once

// What it takes to talk to one Kubernetes API server as one user: a kubeconfig context,
// resolved (files read, base64 decoded) by `Kubeconfig::resolve`.
//
// It holds credentials. Nothing prints it, and nothing writes it anywhere: logs, history and
// messages name the context, never a token or a key.

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace meshstudio::cluster {

/// An exec credential plugin (`users[].user.exec`), as kubectl runs it.
struct ExecConfig {
  std::string apiVersion;  ///< client.authentication.k8s.io/v1 (v1beta1 accepted)
  std::string command;
  std::vector<std::string> args;
  std::vector<std::pair<std::string, std::string>> env;
  std::string installHint;
  bool provideClusterInfo = false;
  std::string interactiveMode;  ///< Never, IfAvailable, Always; the studio never has a terminal for it
};

struct ClusterConnection {
  std::string contextName;
  std::string clusterName;
  std::string userName;
  std::string namespaceName = "default";  ///< the context's namespace, else `default`
  std::string server;                     ///< https://host:port[/prefix]
  std::string sourceFile;                 ///< the kubeconfig file that defined the context

  // Trust
  std::string certificateAuthorityPem;  ///< empty: the system's trust store
  bool insecureSkipTlsVerify = false;   ///< only when the kubeconfig says so; the UI warns
  std::string tlsServerName;            ///< SNI/verification name override, when set
  std::string proxyUrl;  ///< the cluster's proxy-url (may hold a password); empty: the environment decides

  // Authentication (at most one of certificate, token/tokenFile, exec is usually set)
  std::string clientCertificatePem;
  std::string clientKeyPem;
  std::string token;
  std::string tokenFile;  ///< re-read on every connection, as kubectl does (projected tokens rotate)
  std::optional<ExecConfig> exec;

  /// How this connection authenticates, for the UI and messages: "client certificate",
  /// "bearer token", "token file", "exec plugin <command>", or "none".
  std::string authenticationSummary() const;
};

}  // namespace meshstudio::cluster
