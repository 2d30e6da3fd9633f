#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "model/Diagnostic.h"
#include "model/Resource.h"

namespace meshstudio::model {

enum class ExportLayout {
  Single,  ///< one multi-document file, `manifests.yaml`
  Split    ///< `<namespace>/<kind>-<name>.yaml` per resource, plus `kustomization.yaml`
};

struct RenderedFile {
  std::string relativePath;
  std::string content;
};

/// Renders deterministic, canonical Istio YAML: exporting the same resources twice gives the same bytes.
class Exporter {
 public:
  /// The text of one resource as export writes it (Unparsed documents: their original text).
  static std::string renderResource(const Resource& resource);
  static std::vector<RenderedFile> render(const std::vector<Resource>& resources, ExportLayout layout);
  /// The split layout's path for a resource: `reviews/virtualservice-reviews.yaml`.
  static std::string splitPath(const Resource& resource);
  /// Writes every file atomically under `directory` (created when missing). Errors name the file.
  static Diagnostics write(const std::filesystem::path& directory, const std::vector<RenderedFile>& files);
};

}  // namespace meshstudio::model
