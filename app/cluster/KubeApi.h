#pragma once

// The Kubernetes calls the studio makes, over one KubeTransport: discovery, namespaces,
// list/get, server-side apply and delete. Objects come back as model::Value, failures as a
// ClusterProblem; nothing throws. Synchronous, on the transport's thread.

#include <optional>
#include <string>
#include <vector>

#include "app/cluster/ClusterProblem.h"
#include "app/cluster/KubeResourceType.h"
#include "app/cluster/KubeTransport.h"
#include "model/Value.h"

namespace meshstudio::cluster {

template <class T>
struct KubeResult {
  T value{};
  ClusterProblem problem;
  std::vector<std::string> warnings;  ///< the server's Warning headers
  bool ok() const { return problem.isNone(); }
};

/// Which `networking.istio.io` versions the cluster serves (empty: Istio's CRDs are not installed).
struct IstioSupport {
  std::vector<std::string> versions;
  std::string preferredVersion;
  bool installed() const { return !versions.empty(); }
};

struct ApplyFlags {
  bool dryRun = false;
  bool force = false;
};

/// An object in the cluster: its type, version, namespace and name.
struct ObjectRef {
  KubeResourceType type;
  std::string apiVersion;
  std::string namespaceName;
  std::string name;
  /// `VirtualService shop/reviews`, the form the studio's diagnostics use.
  std::string displayName() const;
};

class KubeApi {
 public:
  /// The field manager of every apply; the same for the studio, the CLI and rollouts.
  static constexpr const char* kFieldManager = "meshstudio";

  explicit KubeApi(KubeTransport& transport);

  KubeResult<IstioSupport> istioSupport();
  KubeResult<std::vector<std::string>> namespaces();
  KubeResult<std::vector<model::Value>> list(const KubeResourceType& type, const std::string& apiVersion,
                                             const std::string& namespaceName);
  /// nullopt (and no problem) when the object does not exist.
  KubeResult<std::optional<model::Value>> get(const ObjectRef& ref);
  /// Server-side apply of `document` (fieldManager=meshstudio): the object as the server has
  /// it afterwards (or would have it, with a dry run).
  KubeResult<model::Value> apply(const ObjectRef& ref, const model::Value& document, ApplyFlags flags);
  KubeResult<bool> remove(const ObjectRef& ref, bool dryRun);

  /// The object `document` names, with `defaultNamespace` where it names none; nullopt for a
  /// kind the studio does not know.
  static std::optional<ObjectRef> refOf(const model::Value& document, const std::string& defaultNamespace);

  KubeTransport& transport() { return transport_; }

 private:
  template <class T>
  KubeResult<T> failed(const KubeResponse& response, const CallSubject& subject);
  KubeTransport& transport_;
};

}  // namespace meshstudio::cluster
