#pragma once

// Where a kind lives in the Kubernetes REST API: group, plural, namespaced. The studio
// ships Istio's networking kinds and reads Services and Deployments (import); other kinds
// are not sent to the cluster.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meshstudio::cluster {

struct KubeResourceType {
  std::string kind;    ///< VirtualService
  std::string group;   ///< networking.istio.io; empty for the core group
  std::string plural;  ///< virtualservices
  bool namespaced = true;
  bool shippable = false;  ///< applied by the studio (Istio networking kinds)

  /// `virtualservices.networking.istio.io`, as the API server names the resource in messages.
  std::string qualifiedName() const;

  /// The API path of a collection (`name` empty) or an object, for `apiVersion` (group/version or v1).
  static std::string path(const std::string& apiVersion, const KubeResourceType& type, const std::string& namespaceName,
                          const std::string& name = {});

  /// The known type of `kind` in `group` (the group of apiVersion), else nullopt.
  static std::optional<KubeResourceType> find(std::string_view group, std::string_view kind);
  /// Every kind the studio ships (Istio networking) and imports (plus Services, Deployments).
  static const std::vector<KubeResourceType>& all();
};

/// `networking.istio.io/v1` → `networking.istio.io`; `v1` → "".
std::string groupOf(std::string_view apiVersion);
/// `networking.istio.io/v1` → `v1`.
std::string versionOf(std::string_view apiVersion);

}  // namespace meshstudio::cluster
