#pragma once

// A Kubernetes API test server and a kubeconfig that points at it, for the cluster client's
// end-to-end tests: one place that writes the kubeconfig every suite uses.

#include <QFile>
#include <QTemporaryDir>

#include <string>

#include "app/cluster/Kubeconfig.h"
#include "cluster/KubeTestServer.h"

namespace meshstudio::test {

/// Writes `yaml` to `name` in `dir` and returns its path.
inline std::string writeFile(const QTemporaryDir& dir, const char* name, const std::string& yaml) {
  QFile file(dir.filePath(QString::fromUtf8(name)));
  file.open(QIODevice::WriteOnly);
  file.write(QByteArray::fromStdString(yaml));
  return file.fileName().toStdString();
}

/// A kubeconfig with one cluster (the test server, its CA inline) and one context `test` whose
/// user is `userYaml` (the body of `users[0].user`, already indented by four spaces).
inline std::string kubeconfigFor(const KubeTestServer& server, const std::string& userYaml,
                                 const std::string& namespaceName = "shop") {
  return "apiVersion: v1\nkind: Config\ncurrent-context: test\n"
         "clusters:\n- name: kind\n  cluster:\n    server: " +
         server.url() + "\n    certificate-authority-data: " + base64(server.caPem()) +
         "\n"
         "users:\n- name: tester\n  user:\n" +
         userYaml + "contexts:\n- name: test\n  context: {cluster: kind, user: tester, namespace: " + namespaceName +
         "}\n";
}

/// The connection of context `test` in that kubeconfig; fails the test when it does not resolve.
inline cluster::ClusterConnection connectionFrom(const std::string& kubeconfigPath) {
  cluster::Kubeconfig kubeconfig = cluster::Kubeconfig::load({kubeconfigPath});
  std::string error;
  auto connection = kubeconfig.resolve("test", error);
  if (!connection) qFatal("kubeconfig does not resolve: %s", error.c_str());
  return *connection;
}

}  // namespace meshstudio::test
