#pragma once

// Where the engine's configuration comes from outside the studio: manifest files and folders
// (a project folder's meshstudio.yaml included), read, compiled, and watched for changes so
// `serve` can hot-reload. Compiling happens on the caller's thread, never on an I/O thread.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "engine/Snapshot.h"
#include "model/Diagnostic.h"

namespace meshstudio::engine {

struct LoadedConfig {
  std::shared_ptr<const Snapshot> snapshot;  ///< null only when nothing could be read
  model::Diagnostics diagnostics;            ///< YAML problems and the settings file's
  std::size_t resourceCount = 0;
  bool unreadable = false;  ///< a path was missing or unreadable
};

class ConfigSource {
 public:
  explicit ConfigSource(std::vector<std::filesystem::path> paths) : paths_(std::move(paths)) {}

  /// Imports every manifest under the paths and compiles a Snapshot. The first folder's
  /// meshstudio.yaml supplies the settings.
  LoadedConfig load() const;

  /// Names, sizes and modification times of every input file: a change means reload.
  std::string fingerprint() const;

  const std::vector<std::filesystem::path>& paths() const { return paths_; }

 private:
  std::vector<std::filesystem::path> paths_;
};

}  // namespace meshstudio::engine
