#include "model/Project.h"

#include <algorithm>
#include <map>
#include <set>

#include "model/AtomicFile.h"
#include "model/Exporter.h"
#include "model/Importer.h"
#include "model/SourcePatch.h"
#include "model/YamlReader.h"
#include "model/YamlWriter.h"

namespace meshstudio::model {
namespace {

Diagnostic saveError(const std::filesystem::path& file, std::string message) {
  Diagnostic d;
  d.code = "MS0009";
  d.file = file.string();
  d.message = std::move(message);
  return d;
}

}  // namespace

Project Project::load(const std::filesystem::path& folder, Diagnostics& diagnostics) {
  Project project;
  project.folder_ = folder;
  ImportResult imported;
  for (const std::filesystem::path& file : Importer::manifestFilesUnder(folder))
    Importer::importFile(file, std::filesystem::relative(file, folder).generic_string(), imported);
  project.resources_ = std::move(imported.resources);
  project.dirty_.assign(project.resources_.size(), false);
  std::move(imported.diagnostics.begin(), imported.diagnostics.end(), std::back_inserter(diagnostics));

  project.settings_ = loadSettings(folder, diagnostics);
  return project;
}

Project Project::create(const std::filesystem::path& folder, const std::string& name,
                        const std::string& defaultNamespace, Diagnostics& diagnostics) {
  Project project;
  if (!isFreeForProject(folder)) {
    diagnostics.push_back(saveError(folder, "already holds manifests or a " + std::string(kSettingsFile) +
                                                "; a new project needs an empty folder"));
    return project;
  }
  Value settings = Value::map();
  settings.set("apiVersion", Value::string("meshstudio.dev/v1alpha1"));
  settings.set("kind", Value::string("Project"));
  settings.set("name", Value::string(name));
  settings.set("defaultNamespace", Value::string(defaultNamespace));
  if (std::string error = AtomicFile::write(folder / kSettingsFile, YamlWriter::write(settings)); !error.empty()) {
    diagnostics.push_back(saveError(folder / kSettingsFile, error));
    return project;
  }
  project.folder_ = folder;
  project.settings_ = std::move(settings);
  return project;
}

bool Project::isFreeForProject(const std::filesystem::path& folder) {
  std::error_code ec;
  if (!std::filesystem::exists(folder, ec)) return true;
  if (!std::filesystem::is_directory(folder, ec)) return false;
  if (std::filesystem::exists(folder / kSettingsFile, ec)) return false;
  return Importer::manifestFilesUnder(folder).empty();
}

Value Project::loadSettingsOfFirstProject(const std::vector<std::filesystem::path>& paths, Diagnostics& diagnostics) {
  for (const std::filesystem::path& path : paths) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(path / kSettingsFile, ec)) return loadSettings(path, diagnostics);
  }
  return Value::map();
}

Value Project::loadSettings(const std::filesystem::path& folder, Diagnostics& diagnostics) {
  std::filesystem::path settingsPath = folder / kSettingsFile;
  std::error_code ec;
  if (!std::filesystem::exists(settingsPath, ec)) return Value::map();
  std::string text;
  if (std::string error = AtomicFile::read(settingsPath, text); !error.empty()) {
    diagnostics.push_back(saveError(settingsPath, error));
    return Value::map();
  }
  ParseResult parsed = YamlReader::parse(text, kSettingsFile);
  std::move(parsed.diagnostics.begin(), parsed.diagnostics.end(), std::back_inserter(diagnostics));
  if (!parsed.documents.empty() && parsed.documents.front().value && parsed.documents.front().value->isMap())
    return *parsed.documents.front().value;
  return Value::map();
}

void Project::setSettings(Value settings) {
  settings_ = std::move(settings);
  settingsDirty_ = true;
}

void Project::addResource(Resource resource) { insertResource(resources_.size(), std::move(resource)); }

void Project::insertResource(std::size_t index, Resource resource) {
  if (index > resources_.size()) index = resources_.size();
  if (resource.source().file.empty()) {
    SourceLocation location;
    location.file = Exporter::splitPath(resource);
    resource.setSource(location);
  }
  resources_.insert(resources_.begin() + static_cast<std::ptrdiff_t>(index), std::move(resource));
  dirty_.insert(dirty_.begin() + static_cast<std::ptrdiff_t>(index), true);
}

void Project::replaceResource(std::size_t index, Resource resource) {
  resource.setSource(resources_.at(index).source());
  resources_[index] = std::move(resource);
  dirty_[index] = true;
}

void Project::removeResource(std::size_t index) {
  removedFrom_.push_back(resources_.at(index).source().file);
  resources_.erase(resources_.begin() + static_cast<std::ptrdiff_t>(index));
  dirty_.erase(dirty_.begin() + static_cast<std::ptrdiff_t>(index));
}

bool Project::isModified() const {
  return settingsDirty_ || !removedFrom_.empty() || std::find(dirty_.begin(), dirty_.end(), true) != dirty_.end();
}

Diagnostics Project::save(const std::filesystem::path& folder) {
  std::filesystem::path target = folder.empty() ? folder_ : folder;
  bool saveAs = target != folder_;
  Diagnostics errors;

  // Group by file, keeping each file's document order; a file is rewritten only when one of
  // its resources changed (or all files, for Save As), so untouched files keep their bytes.
  std::map<std::string, std::vector<std::size_t>> byFile;
  for (std::size_t i = 0; i < resources_.size(); ++i) byFile[resources_[i].source().file].push_back(i);
  std::set<std::string> changedFiles(removedFrom_.begin(), removedFrom_.end());
  for (std::size_t i = 0; i < resources_.size(); ++i)
    if (dirty_[i] || saveAs) changedFiles.insert(resources_[i].source().file);

  for (const std::string& file : changedFiles) {
    auto found = byFile.find(file);
    std::filesystem::path path = target / file;
    if (found == byFile.end()) {  // its last resource was deleted
      std::error_code ec;
      if (!saveAs) std::filesystem::remove(path, ec);
      if (ec) errors.push_back(saveError(path, "cannot remove: " + ec.message()));
      continue;
    }
    std::vector<std::size_t>& indices = found->second;
    std::stable_sort(indices.begin(), indices.end(), [&](std::size_t a, std::size_t b) {
      const SourceLocation& la = resources_[a].source();
      const SourceLocation& lb = resources_[b].source();
      return std::tie(la.documentIndex, la.listItem) < std::tie(lb.documentIndex, lb.listItem);
    });
    std::string content;
    // A file edited in place keeps every byte the edit did not touch (comments, order, style):
    // only the scalars that changed are rewritten. Anything more is written canonically.
    if (std::string onDisk; !saveAs && AtomicFile::read(path, onDisk).empty()) {
      std::vector<const Resource*> saved;
      for (std::size_t index : indices) saved.push_back(&resources_[index]);
      if (auto patched = SourcePatch::rewrite(onDisk, file, saved)) content = std::move(*patched);
    }
    if (content.empty()) {
      std::vector<std::string> documents;
      for (std::size_t index : indices) documents.push_back(Exporter::renderResource(resources_[index]));
      content = YamlWriter::joinDocuments(documents);
    }
    std::string error = AtomicFile::write(path, content);
    if (!error.empty()) errors.push_back(saveError(path, error));
  }
  if (settingsDirty_ || saveAs) {
    std::string error = AtomicFile::write(target / kSettingsFile, YamlWriter::write(settings_));
    if (!error.empty()) errors.push_back(saveError(target / kSettingsFile, error));
  }
  if (!errors.empty()) return errors;  // keep the dirty state: nothing is marked saved that was not
  folder_ = target;
  std::fill(dirty_.begin(), dirty_.end(), false);
  removedFrom_.clear();
  settingsDirty_ = false;
  return errors;
}

}  // namespace meshstudio::model
