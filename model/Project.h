#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "model/Diagnostic.h"
#include "model/Resource.h"
#include "model/Value.h"

namespace meshstudio::model {

/// A project is a folder of manifests plus `meshstudio.yaml` (studio settings), so that it is
/// already a git-friendly manifest directory. Resources remember their file; saving writes
/// back only the files whose resources changed, each atomically.
class Project {
 public:
  static constexpr const char* kSettingsFile = "meshstudio.yaml";

  /// Loads every manifest under `folder`; problems are reported, never thrown.
  static Project load(const std::filesystem::path& folder, Diagnostics& diagnostics);

  /// Starts a project in `folder` (created when missing): writes a `meshstudio.yaml` naming it
  /// `name` with `defaultNamespace`, and returns the empty project. Refuses, with a diagnostic
  /// and an empty folder() in the result, a folder that already holds manifests or settings:
  /// a new project must not adopt files it did not write.
  static Project create(const std::filesystem::path& folder, const std::string& name,
                        const std::string& defaultNamespace, Diagnostics& diagnostics);
  /// True when `folder` holds no manifests and no `meshstudio.yaml` (or does not exist): a
  /// place where create() or a Save As may start a project.
  static bool isFreeForProject(const std::filesystem::path& folder);

  /// Only the folder's `meshstudio.yaml` (an empty map when there is none), for tools that
  /// have read the manifests themselves.
  static Value loadSettings(const std::filesystem::path& folder, Diagnostics& diagnostics);
  /// The settings of the first of `paths` that is a project folder (has a meshstudio.yaml), for
  /// tools given several manifest paths; an empty map when none is.
  static Value loadSettingsOfFirstProject(const std::vector<std::filesystem::path>& paths, Diagnostics& diagnostics);

  const std::filesystem::path& folder() const { return folder_; }
  const std::vector<Resource>& resources() const { return resources_; }
  /// The studio settings (`meshstudio.yaml`), kept whole; unknown keys survive a save.
  const Value& settings() const { return settings_; }
  void setSettings(Value settings);

  /// Adds a resource; without a source file it goes to `<namespace>/<kind>-<name>.yaml`.
  void addResource(Resource resource);
  /// Inserts a resource at `index` (0..size); like addResource for one without a source file.
  /// Undoing a removal puts the resource back where it was, with its file and position.
  void insertResource(std::size_t index, Resource resource);
  void replaceResource(std::size_t index, Resource resource);
  void removeResource(std::size_t index);
  bool isModified() const;

  /// Writes changed files (and `meshstudio.yaml` when changed) atomically into `folder` (the
  /// project's own when empty). Save As passes another folder: then every file and the
  /// settings are written there, the files the old folder lost are left alone, and on success
  /// folder() becomes the new one. Returns per-file errors.
  Diagnostics save(const std::filesystem::path& folder = {});

 private:
  std::filesystem::path folder_;
  std::vector<Resource> resources_;
  std::vector<bool> dirty_;               ///< parallel to resources_
  std::vector<std::string> removedFrom_;  ///< files that lost a resource since the last save
  Value settings_ = Value::map();
  bool settingsDirty_ = false;
};

}  // namespace meshstudio::model
