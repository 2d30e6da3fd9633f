#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "app/git/GitRepository.h"
#include "model/Exporter.h"

namespace meshstudio::app {

/// What one export into a git work tree writes and removes. Paths in `files` and `obsolete`
/// are relative to the export folder, as `model::Exporter::render` makes them.
struct GitExportPlan {
  std::filesystem::path folder;  ///< the export folder, absolute and canonical
  std::string prefix;            ///< the folder relative to the work tree, with a trailing `/`; empty at its root
  std::vector<model::RenderedFile> files;  ///< what this export writes
  /// Files an earlier split export wrote (its `kustomization.yaml` lists them) that this one no
  /// longer writes: the resource was deleted or renamed. They are removed; nothing else is.
  std::vector<std::string> obsolete;

  /// Every path this export owns, relative to the work tree: `files`, then `obsolete`.
  std::vector<std::string> repositoryPaths() const;
};

/// One line of `git status --short`, limited to the export's paths: `??` untracked, `A ` added
/// to the index, ` M` modified, ` D` deleted, and so on (index column, then work tree column).
struct GitStatusLine {
  std::string code;
  std::string path;  ///< relative to the work tree
};

struct GitCommitOutcome {
  bool committed = false;  ///< false with an empty `error`: nothing to commit
  bool createdBranch = false;
  std::string branch;
  std::string id;       ///< the new commit's full id
  std::string shortId;  ///< its first 7 characters, as git shows it
  std::string error;    ///< empty on success
};

/// Export to git (issue 8): write the rendered manifests into a folder of a work tree, show
/// `git status` and the diff against HEAD for exactly those files, and commit them to a branch.
///
/// It never touches what it did not write: status, diff, the commit and the index update are
/// all limited to the plan's paths, so other dirty or staged files of the work tree stay as
/// they are. A commit is built from the branch's tip tree plus the exported files (an index in
/// memory), so committing to a branch that is not checked out changes neither the work tree
/// nor the user's index; committing to the checked-out branch also stages the exported paths,
/// leaving `git status` clean for them. Rendering is `model::Exporter`'s, deterministic, so an
/// unchanged project gives no diff and "nothing to commit".
class GitExport {
 public:
  static constexpr const char* kDefaultMessage = "Update Istio traffic configuration";

  /// The export into `folder` (which need not exist yet); null with `error` set when it is not
  /// inside a git work tree, or inside the repository's `.git`.
  static std::unique_ptr<GitExport> open(const std::filesystem::path& folder, std::string& error);

  const GitRepository& repository() const { return *repository_; }
  const std::filesystem::path& folder() const { return folder_; }

  /// What exporting `files` (rendered in `layout`) does here. In the split layout the folder's
  /// current `kustomization.yaml`, when it is one this export wrote (only `apiVersion`, `kind:
  /// Kustomization` and `resources` of `<namespace>/<file>.yaml` paths), tells which old files
  /// are ours to remove. The single layout owns `manifests.yaml` only.
  GitExportPlan plan(std::vector<model::RenderedFile> files, model::ExportLayout layout) const;
  /// Writes the plan's files (atomically, `model::Exporter::write`) and removes its obsolete
  /// files, and the namespace folders that leaves empty. Empty on success, else the reason.
  std::string write(const GitExportPlan& plan) const;
  /// `git status` of the plan's paths (untracked files listed one by one).
  std::vector<GitStatusLine> status(const GitExportPlan& plan, std::string& error) const;
  /// The unified diff (`git diff HEAD`, untracked files included) of the plan's paths; empty when
  /// they match HEAD. An unborn HEAD diffs against nothing: every file is new.
  std::string diff(const GitExportPlan& plan, std::string& error) const;
  /// Commits the plan's files as they are in the work tree (and the removal of its obsolete
  /// files) to `branch` with `message`. A missing branch is created from HEAD (or as the first
  /// commit of an empty repository). Author and committer come from git's configuration
  /// (`user.name`, `user.email`), else "Mesh Studio <meshstudio@localhost>". When the branch's
  /// tree would not change, nothing is committed (and a missing branch is not created).
  GitCommitOutcome commit(const GitExportPlan& plan, const std::string& branch, const std::string& message) const;

  /// A name git accepts for a local branch (`git check-ref-format --branch`).
  static bool isValidBranchName(const std::string& branch);

 private:
  GitExport(std::unique_ptr<GitRepository> repository, std::filesystem::path folder, std::string prefix);

  std::unique_ptr<GitRepository> repository_;
  std::filesystem::path folder_;
  std::string prefix_;
};

}  // namespace meshstudio::app
