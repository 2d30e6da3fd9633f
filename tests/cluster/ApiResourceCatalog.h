#pragma once

// The resource types the Kubernetes API test server serves: the core and apps types the studio
// imports, and Istio's networking.istio.io CRDs in the versions a current Istio serves.

#include <string>
#include <vector>

namespace meshstudio::test {

struct ApiResourceType {
  std::string group;                  ///< "" for the core group
  std::vector<std::string> versions;  ///< served versions, preferred first
  std::string plural;                 ///< the URL segment: virtualservices
  std::string singular;
  std::string kind;
  bool namespaced = true;
  std::vector<std::string> shortNames;

  /// Built-in types (core, apps) as opposed to CRDs. A real API server leaves `kind` and
  /// `apiVersion` out of a built-in list's items but keeps them in a CRD list's items.
  bool builtIn() const { return group.empty() || group == "apps"; }
  bool servedIn(const std::string& version) const;
  /// `virtualservices.networking.istio.io`, or `services` for the core group: how the API
  /// server names the resource in messages.
  std::string qualifiedPlural() const;
  /// `VirtualService.networking.istio.io`, or `Service`: how validation messages name the kind.
  std::string qualifiedKind() const;
};

class ApiResourceCatalog {
 public:
  static constexpr const char* kIstioGroup = "networking.istio.io";

  static const std::vector<ApiResourceType>& all();
  /// The type served at group/version/plural; nullptr when there is none (or it is Istio's and
  /// Istio is not installed).
  static const ApiResourceType* find(const std::string& group, const std::string& version, const std::string& plural,
                                     bool istioInstalled);
  /// The type of `kind` in `group`, in any version; nullptr when unknown.
  static const ApiResourceType* findKind(const std::string& group, const std::string& kind);
  /// The versions of `group` (preferred first); empty when the group is not served.
  static std::vector<std::string> versionsOf(const std::string& group, bool istioInstalled);
  /// `v1` for the core group, else `group/version`.
  static std::string groupVersion(const std::string& group, const std::string& version);
  /// Splits an apiVersion into group and version (`v1` → "", "v1").
  static std::pair<std::string, std::string> splitApiVersion(const std::string& apiVersion);
};

}  // namespace meshstudio::test
