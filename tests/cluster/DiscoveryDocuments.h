#pragma once

// The API server's discovery documents, in the legacy (unaggregated) JSON format every client
// understands: /version, /api, /api/v1, /apis, /apis/{group}, /apis/{group}/{version}.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace meshstudio::test {

class DiscoveryDocuments {
 public:
  using json = nlohmann::json;

  static json version();
  /// APIVersions; `serverAddress` is host:port.
  static json coreVersions(const std::string& serverAddress);
  /// APIGroupList: apps, and networking.istio.io when Istio is installed.
  static json groups(bool istioInstalled);
  /// APIGroup; nullopt when the group is not served.
  static std::optional<json> group(const std::string& name, bool istioInstalled);
  /// APIResourceList of group/version (group "" = core); nullopt when not served.
  static std::optional<json> resources(const std::string& group, const std::string& version, bool istioInstalled);
};

}  // namespace meshstudio::test
