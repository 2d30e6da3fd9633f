#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "model/Diagnostic.h"
#include "model/Resource.h"

namespace meshstudio::model {

struct ImportResult {
  std::vector<Resource> resources;  ///< in input order; broken documents are kept as Unparsed
  Diagnostics diagnostics;          ///< parse problems only; schema checks are SchemaCheck's job
  std::vector<std::string> files;   ///< every file that was read, in order
  bool hasUnreadableInput = false;  ///< a path was missing or unreadable (CLI exit code 2)
};

/// Reads manifests: files, several files or directories (recursively, `*.yaml`/`*.yml`,
/// in sorted order so that imports are reproducible), multi-document streams and `kind: List`.
class Importer {
 public:
  static ImportResult importPaths(const std::vector<std::filesystem::path>& paths);
  /// `fileName` is what diagnostics and SourceLocation report; paths inside a project are relative.
  static ImportResult importText(std::string_view text, const std::string& fileName);
  /// Appends one file's resources and diagnostics to `result`.
  static void importFile(const std::filesystem::path& path, const std::string& reportedName, ImportResult& result);
  /// The manifest files under a directory, sorted (meshstudio.yaml and kustomization.yaml excluded).
  static std::vector<std::filesystem::path> manifestFilesUnder(const std::filesystem::path& directory);
};

}  // namespace meshstudio::model
