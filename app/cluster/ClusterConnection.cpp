#include "app/cluster/ClusterConnection.h"

namespace meshstudio::cluster {

std::string ClusterConnection::authenticationSummary() const {
  if (exec) return "exec plugin " + exec->command;
  if (!clientCertificatePem.empty()) return "client certificate";
  if (!token.empty()) return "bearer token";
  if (!tokenFile.empty()) return "token file";
  return "none";
}

}  // namespace meshstudio::cluster
