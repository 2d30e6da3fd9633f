#pragma once

// Read-only typed views of the Kubernetes kinds the studio reasons about. The documents stay
// whole in their Resource (status, probes, volumes... all survive); these views pick out
// what routing and workload simulation need.

#include <optional>
#include <string>
#include <vector>

#include "model/FieldCodec.h"
#include "model/Resource.h"

namespace meshstudio::model {

struct ServicePort {
  std::string name;
  std::int64_t port = 0;
  std::string targetPort;  ///< a number or a named container port, as written; empty when absent
  std::string protocol = "TCP";
  std::string appProtocol;
};

struct ServiceObject {
  StringMap selector;
  std::vector<ServicePort> ports;
};

struct ContainerPort {
  std::string name;
  std::int64_t containerPort = 0;
  std::string protocol = "TCP";
};

/// What a pod looks like: a Pod's own metadata, or a Deployment's pod template.
struct PodShape {
  StringMap labels;
  StringMap annotations;
  std::vector<ContainerPort> ports;  ///< of all containers
};

struct DeploymentObject {
  std::int64_t replicas = 1;  ///< Kubernetes' default when absent
  StringMap matchLabels;
  PodShape pod;
};

struct TlsSecretObject {
  std::string type;
  bool hasCertificate = false;  ///< data/stringData `tls.crt`
  bool hasPrivateKey = false;   ///< data/stringData `tls.key`
  bool hasCaCertificate = false;
};

std::optional<ServiceObject> serviceOf(const Resource& resource);
std::optional<DeploymentObject> deploymentOf(const Resource& resource);
std::optional<PodShape> podOf(const Resource& resource);
std::optional<TlsSecretObject> tlsSecretOf(const Resource& resource);

/// Kubernetes label selection: every selector label present with the same value. An empty
/// selector selects nothing (a Service without a selector has manually managed endpoints).
bool selectorMatches(const StringMap& selector, const StringMap& labels);

}  // namespace meshstudio::model
