#pragma once

// Input handling the cluster commands share (diff, apply, history, rollback, canary): the
// kubeconfig context from --kubeconfig/--context, the namespace for resources that name none,
// and the QCoreApplication QtNetwork needs, made only when a command talks to a cluster.

#include <QCoreApplication>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "app/CliArguments.h"
#include "app/cluster/ClusterConnection.h"
#include "model/Value.h"

namespace meshstudio::app {

class CliClusterInput {
 public:
  /// The context --context names (else the current one) from --kubeconfig (else $KUBECONFIG or
  /// ~/.kube/config); prints what is wrong and returns nullopt when it does not resolve.
  static std::optional<cluster::ClusterConnection> connection(const CliArguments& parsed, const char* command,
                                                              std::ostream& err);
  /// --namespace, else the project's defaultNamespace (`settings`, its meshstudio.yaml), else
  /// `fallback` (the context's), as kubectl would.
  static std::string namespaceFor(const CliArguments& parsed, const model::Value& settings,
                                  const std::string& fallback);
  /// A QCoreApplication when there is none yet (null otherwise); keep it while the transport lives.
  static std::unique_ptr<QCoreApplication> ensureApplication();
};

}  // namespace meshstudio::app
