#include "engine/ConfigSource.h"

#include "model/Importer.h"
#include "model/Project.h"

namespace meshstudio::engine {

namespace fs = std::filesystem;

LoadedConfig ConfigSource::load() const {
  LoadedConfig out;
  model::ImportResult imported = model::Importer::importPaths(paths_);
  out.diagnostics = std::move(imported.diagnostics);
  out.unreadable = imported.hasUnreadableInput;
  out.resourceCount = imported.resources.size();
  const model::Value settings = model::Project::loadSettingsOfFirstProject(paths_, out.diagnostics);
  out.snapshot = Snapshot::compile(imported.resources, settings);
  return out;
}

std::string ConfigSource::fingerprint() const {
  std::string out;
  auto add = [&out](const fs::path& file) {
    std::error_code ec;
    auto size = fs::file_size(file, ec);
    auto time = fs::last_write_time(file, ec);
    out += file.string() + "|" + std::to_string(ec ? 0 : size) + "|" +
           std::to_string(ec ? 0 : time.time_since_epoch().count()) + "\n";
  };
  for (const fs::path& path : paths_) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      for (const fs::path& file : model::Importer::manifestFilesUnder(path)) add(file);
      add(path / model::Project::kSettingsFile);
    } else {
      add(path);
    }
  }
  return out;
}

}  // namespace meshstudio::engine
