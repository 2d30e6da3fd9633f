#pragma once

// A Kubernetes API URL path taken apart: which discovery document, or which collection or
// object of which group/version/resource in which namespace.

#include <string>

namespace meshstudio::test {

struct ApiPath {
  enum class Kind {
    Unknown,
    Version,       ///< /version
    CoreVersions,  ///< /api
    GroupList,     ///< /apis
    Group,         ///< /apis/{group}
    Resources,     ///< /api/v1, /apis/{group}/{version}
    Namespaces,    ///< /api/v1/namespaces
    Namespace,     ///< /api/v1/namespaces/{name}
    Collection,    ///< .../namespaces/{ns}/{plural}, or .../{plural} for all namespaces
    Item           ///< .../namespaces/{ns}/{plural}/{name}
  };
  Kind kind = Kind::Unknown;
  std::string group;  ///< "" for the core group
  std::string version;
  std::string namespaceName;  ///< empty for a collection across all namespaces
  std::string plural;
  std::string name;  ///< the object's name, or the namespace's with Kind::Namespace

  /// `path` without the query; segments are percent-decoded.
  static ApiPath parse(const std::string& path);
  /// `v1` or `networking.istio.io/v1`.
  std::string groupVersion() const;
};

/// Percent-decoding for paths and query values (`+` is a space only in a query).
std::string percentDecode(const std::string& text, bool plusIsSpace);

}  // namespace meshstudio::test
