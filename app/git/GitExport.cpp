#include "app/git/GitExport.h"

#include <git2.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <system_error>

#include "model/YamlReader.h"

namespace meshstudio::app {
namespace {

template <typename T, void (*Free)(T*)>
struct GitDeleter {
  void operator()(T* object) const { Free(object); }
};
template <typename T, void (*Free)(T*)>
using GitOwned = std::unique_ptr<T, GitDeleter<T, Free>>;

using Commit = GitOwned<git_commit, git_commit_free>;
using Tree = GitOwned<git_tree, git_tree_free>;
using Index = GitOwned<git_index, git_index_free>;
using Diff = GitOwned<git_diff, git_diff_free>;
using StatusList = GitOwned<git_status_list, git_status_list_free>;
using Signature = GitOwned<git_signature, git_signature_free>;

/// A git_strarray over strings that outlive it, for pathspecs.
class PathArray {
 public:
  explicit PathArray(const std::vector<std::string>& paths) {
    for (const std::string& path : paths) pointers_.push_back(const_cast<char*>(path.c_str()));
    array_.strings = pointers_.data();
    array_.count = pointers_.size();
  }
  const git_strarray& array() const { return array_; }

 private:
  std::vector<char*> pointers_;
  git_strarray array_{};
};

std::string readText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// A path the split layout writes for a resource: `<namespace>/<kind>-<name>.yaml`, one safe
/// segment each. Anything else in an old kustomization is not ours to delete.
bool isSplitResourcePath(const std::string& path) {
  const std::size_t slash = path.find('/');
  if (slash == std::string::npos || slash == 0 || path.find('/', slash + 1) != std::string::npos) return false;
  const std::string ns = path.substr(0, slash);
  const std::string file = path.substr(slash + 1);
  if (ns == "." || ns == ".." || !file.ends_with(".yaml") || file.size() <= 5) return false;
  return std::all_of(path.begin(), path.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_' || c == '/';
  });
}

/// The resource files listed by the folder's kustomization.yaml when it has exactly the shape
/// the split export writes; empty otherwise (a hand-written kustomization owns nothing of ours).
std::vector<std::string> previouslyExported(const std::filesystem::path& folder) {
  const std::filesystem::path file = folder / "kustomization.yaml";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return {};
  model::ParseResult parsed = model::YamlReader::parse(readText(file), file.string());
  if (parsed.documents.size() != 1 || !parsed.documents.front().value) return {};
  const model::Value& document = *parsed.documents.front().value;
  if (!document.isMap() || document.size() != 3) return {};
  const model::Value* apiVersion = document.find("apiVersion");
  const model::Value* kind = document.find("kind");
  const model::Value* resources = document.find("resources");
  if (!apiVersion || !kind || !resources || !resources->isSeq()) return {};
  if (kind->toString() != "Kustomization" || !apiVersion->text().starts_with("kustomize.config.k8s.io/")) return {};
  std::vector<std::string> paths;
  for (const model::Value& item : resources->items()) {
    std::optional<std::string> path = item.toString();
    if (!path || !isSplitResourcePath(*path)) return {};
    paths.push_back(*path);
  }
  return paths;
}

/// The commit `reference` points at (resolving symbolic references), or null when it does not
/// exist or is unborn. `error` is set only for real failures.
Commit commitAt(git_repository* repository, const std::string& reference, std::string& error) {
  git_oid id;
  int rc = git_reference_name_to_id(&id, repository, reference.c_str());
  if (rc == GIT_ENOTFOUND || rc == GIT_EUNBORNBRANCH) return nullptr;
  if (rc != 0) {
    error = GitRepository::lastError("reading " + reference);
    return nullptr;
  }
  git_commit* commit = nullptr;
  if (git_commit_lookup(&commit, repository, &id) != 0) {
    error = GitRepository::lastError("reading the commit of " + reference);
    return nullptr;
  }
  return Commit(commit);
}

Tree treeOf(const git_commit* commit, std::string& error) {
  git_tree* tree = nullptr;
  if (commit && git_commit_tree(&tree, commit) != 0) error = GitRepository::lastError("reading a commit's tree");
  return Tree(tree);
}

/// The two-letter code of `git status --short`.
std::string shortStatus(unsigned int flags) {
  if ((flags & GIT_STATUS_WT_NEW) && !(flags & (GIT_STATUS_INDEX_NEW | GIT_STATUS_INDEX_MODIFIED))) return "??";
  char index = ' ';
  if (flags & GIT_STATUS_INDEX_NEW) index = 'A';
  if (flags & GIT_STATUS_INDEX_MODIFIED) index = 'M';
  if (flags & GIT_STATUS_INDEX_DELETED) index = 'D';
  if (flags & GIT_STATUS_INDEX_RENAMED) index = 'R';
  if (flags & GIT_STATUS_INDEX_TYPECHANGE) index = 'T';
  char workdir = ' ';
  if (flags & GIT_STATUS_WT_MODIFIED) workdir = 'M';
  if (flags & GIT_STATUS_WT_DELETED) workdir = 'D';
  if (flags & GIT_STATUS_WT_RENAMED) workdir = 'R';
  if (flags & GIT_STATUS_WT_TYPECHANGE) workdir = 'T';
  if (flags & GIT_STATUS_CONFLICTED) index = workdir = 'U';
  return std::string{index, workdir};
}

int appendDiffLine(const git_diff_delta*, const git_diff_hunk*, const git_diff_line* line, void* payload) {
  auto& text = *static_cast<std::string*>(payload);
  if (line->origin == GIT_DIFF_LINE_CONTEXT || line->origin == GIT_DIFF_LINE_ADDITION ||
      line->origin == GIT_DIFF_LINE_DELETION)
    text += line->origin;
  text.append(line->content, line->content_len);
  return 0;
}

/// Stages the plan's paths in the repository's own index as they are in the work tree, and
/// nothing else; used after committing to the checked-out branch so that `git status` is clean.
std::string stageInRepositoryIndex(git_repository* repository, const GitExportPlan& plan) {
  git_index* raw = nullptr;
  if (git_repository_index(&raw, repository) != 0) return GitRepository::lastError("opening the index");
  Index index(raw);
  // The repository object caches its index: re-read it, or staging done meanwhile (`git add` in a
  // terminal while the dialog is open) would be overwritten when we write it back.
  if (git_index_read(index.get(), 0) != 0) return GitRepository::lastError("reading the index");
  for (const model::RenderedFile& file : plan.files) {
    const std::string path = plan.prefix + file.relativePath;
    if (git_index_add_bypath(index.get(), path.c_str()) != 0) return GitRepository::lastError("staging " + path);
  }
  for (const std::string& obsolete : plan.obsolete) {
    const std::string path = plan.prefix + obsolete;
    if (git_index_get_bypath(index.get(), path.c_str(), 0) && git_index_remove_bypath(index.get(), path.c_str()) != 0)
      return GitRepository::lastError("unstaging " + path);
  }
  if (git_index_write(index.get()) != 0) return GitRepository::lastError("writing the index");
  return {};
}

Signature signatureFor(git_repository* repository) {
  git_signature* signature = nullptr;
  // user.name/user.email from the repository's, the user's or the system's configuration.
  if (git_signature_default(&signature, repository) == 0) return Signature(signature);
  if (git_signature_now(&signature, "Mesh Studio", "meshstudio@localhost") == 0) return Signature(signature);
  return nullptr;
}

}  // namespace

std::vector<std::string> GitExportPlan::repositoryPaths() const {
  std::vector<std::string> paths;
  for (const model::RenderedFile& file : files) paths.push_back(prefix + file.relativePath);
  for (const std::string& path : obsolete) paths.push_back(prefix + path);
  return paths;
}

GitExport::GitExport(std::unique_ptr<GitRepository> repository, std::filesystem::path folder, std::string prefix)
    : repository_(std::move(repository)), folder_(std::move(folder)), prefix_(std::move(prefix)) {}

std::unique_ptr<GitExport> GitExport::open(const std::filesystem::path& folder, std::string& error) {
  std::unique_ptr<GitRepository> repository = GitRepository::openContaining(folder, error);
  if (!repository) return nullptr;
  const std::filesystem::path absolute = GitRepository::absolutePath(folder);
  const std::filesystem::path relative = absolute.lexically_relative(repository->workdir());
  if (relative.empty() || *relative.begin() == "..") {
    error = absolute.string() + " is not inside the work tree " + repository->workdir().string();
    return nullptr;
  }
  if (*relative.begin() == ".git") {
    error = absolute.string() + " is inside the repository's .git folder";
    return nullptr;
  }
  std::string prefix = relative == "." ? std::string() : relative.generic_string() + "/";
  return std::unique_ptr<GitExport>(new GitExport(std::move(repository), absolute, std::move(prefix)));
}

bool GitExport::isValidBranchName(const std::string& branch) {
  GitRepository::initLibrary();
  int valid = 0;
  return !branch.empty() && git_branch_name_is_valid(&valid, branch.c_str()) == 0 && valid;
}

GitExportPlan GitExport::plan(std::vector<model::RenderedFile> files, model::ExportLayout layout) const {
  GitExportPlan plan;
  plan.folder = folder_;
  plan.prefix = prefix_;
  plan.files = std::move(files);
  if (layout == model::ExportLayout::Split) {
    std::set<std::string> written;
    for (const model::RenderedFile& file : plan.files) written.insert(file.relativePath);
    std::error_code ec;
    for (const std::string& path : previouslyExported(folder_))
      if (!written.contains(path) && std::filesystem::is_regular_file(folder_ / path, ec))
        plan.obsolete.push_back(path);
  }
  return plan;
}

std::string GitExport::write(const GitExportPlan& plan) const {
  model::Diagnostics errors = model::Exporter::write(plan.folder, plan.files);
  if (!errors.empty()) return model::formatDiagnostic(errors.front());
  for (const std::string& obsolete : plan.obsolete) {
    const std::filesystem::path file = plan.folder / obsolete;
    std::error_code ec;
    std::filesystem::remove(file, ec);
    if (ec) return "cannot remove " + file.string() + ": " + ec.message();
    // The namespace folder, when that was its last file; a folder with other files stays.
    if (std::filesystem::is_empty(file.parent_path(), ec) && !ec) std::filesystem::remove(file.parent_path(), ec);
  }
  return {};
}

std::vector<GitStatusLine> GitExport::status(const GitExportPlan& plan, std::string& error) const {
  const std::vector<std::string> paths = plan.repositoryPaths();
  if (paths.empty()) return {};  // an empty pathspec would mean every file
  PathArray pathspec(paths);
  git_status_options options = GIT_STATUS_OPTIONS_INIT;
  options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
  options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
                  GIT_STATUS_OPT_DISABLE_PATHSPEC_MATCH | GIT_STATUS_OPT_SORT_CASE_SENSITIVELY;
  options.pathspec = pathspec.array();
  git_status_list* raw = nullptr;
  if (git_status_list_new(&raw, repository_->raw(), &options) != 0) {
    error = GitRepository::lastError("git status");
    return {};
  }
  StatusList list(raw);
  std::vector<GitStatusLine> lines;
  for (std::size_t i = 0, count = git_status_list_entrycount(list.get()); i < count; ++i) {
    const git_status_entry* entry = git_status_byindex(list.get(), i);
    if (entry->status == GIT_STATUS_CURRENT || (entry->status & GIT_STATUS_IGNORED)) continue;
    const git_diff_delta* delta = entry->index_to_workdir ? entry->index_to_workdir : entry->head_to_index;
    if (!delta) continue;
    const char* path = delta->new_file.path ? delta->new_file.path : delta->old_file.path;
    lines.push_back(GitStatusLine{shortStatus(entry->status), path});
  }
  return lines;
}

std::string GitExport::diff(const GitExportPlan& plan, std::string& error) const {
  const std::vector<std::string> paths = plan.repositoryPaths();
  if (paths.empty()) return {};
  Commit head = commitAt(repository_->raw(), "HEAD", error);
  if (!error.empty()) return {};
  Tree headTree = treeOf(head.get(), error);  // null for an unborn HEAD: everything is new
  if (!error.empty()) return {};
  PathArray pathspec(paths);
  git_diff_options options = GIT_DIFF_OPTIONS_INIT;
  options.flags = GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS | GIT_DIFF_SHOW_UNTRACKED_CONTENT |
                  GIT_DIFF_DISABLE_PATHSPEC_MATCH;
  options.pathspec = pathspec.array();
  git_diff* raw = nullptr;
  if (git_diff_tree_to_workdir_with_index(&raw, repository_->raw(), headTree.get(), &options) != 0) {
    error = GitRepository::lastError("git diff HEAD");
    return {};
  }
  Diff diff(raw);
  std::string text;
  if (git_diff_print(diff.get(), GIT_DIFF_FORMAT_PATCH, appendDiffLine, &text) != 0) {
    error = GitRepository::lastError("printing the diff");
    return {};
  }
  return text;
}

GitCommitOutcome GitExport::commit(const GitExportPlan& plan, const std::string& branch,
                                   const std::string& message) const {
  GitCommitOutcome outcome;
  outcome.branch = branch;
  if (!isValidBranchName(branch)) {
    outcome.error = "\"" + branch + "\" is not a valid branch name";
    return outcome;
  }
  if (message.find_first_not_of(" \t\r\n") == std::string::npos) {
    outcome.error = "a commit needs a message";
    return outcome;
  }
  git_repository* repository = repository_->raw();
  const std::string reference = "refs/heads/" + branch;

  // The parent: the branch's tip, or HEAD's commit for a new branch (none in an empty repository).
  Commit parent = commitAt(repository, reference, outcome.error);
  if (!outcome.error.empty()) return outcome;
  outcome.createdBranch = !parent;
  if (!parent) parent = commitAt(repository, "HEAD", outcome.error);
  if (!outcome.error.empty()) return outcome;
  Tree baseTree = treeOf(parent.get(), outcome.error);
  if (!outcome.error.empty()) return outcome;

  // The new tree: the parent's plus the exported files, in an index of its own, so the work
  // tree and the user's index play no part (the branch may not be checked out).
  git_index* rawIndex = nullptr;
  if (git_index_new(&rawIndex) != 0) {
    outcome.error = GitRepository::lastError("creating an index");
    return outcome;
  }
  Index index(rawIndex);
  if (baseTree && git_index_read_tree(index.get(), baseTree.get()) != 0) {
    outcome.error = GitRepository::lastError("reading " + branch + "'s tree");
    return outcome;
  }
  for (const model::RenderedFile& file : plan.files) {
    const std::string path = plan.prefix + file.relativePath;
    git_index_entry entry{};
    if (git_blob_create_from_workdir(&entry.id, repository, path.c_str()) != 0) {
      outcome.error = GitRepository::lastError("reading " + path + " (write the files first)");
      return outcome;
    }
    entry.mode = GIT_FILEMODE_BLOB;
    entry.path = path.c_str();
    if (git_index_add(index.get(), &entry) != 0) {
      outcome.error = GitRepository::lastError("adding " + path);
      return outcome;
    }
  }
  for (const std::string& obsolete : plan.obsolete) {
    const std::string path = plan.prefix + obsolete;
    if (git_index_get_bypath(index.get(), path.c_str(), 0) && git_index_remove(index.get(), path.c_str(), 0) != 0) {
      outcome.error = GitRepository::lastError("removing " + path);
      return outcome;
    }
  }
  git_oid treeId;
  if (git_index_write_tree_to(&treeId, index.get(), repository) != 0) {
    outcome.error = GitRepository::lastError("writing the tree");
    return outcome;
  }

  const bool checkedOut = repository_->currentBranch() == branch;
  const bool unchanged =
      baseTree ? git_oid_equal(&treeId, git_tree_id(baseTree.get())) != 0 : git_index_entrycount(index.get()) == 0;
  if (unchanged) {
    outcome.createdBranch = false;
    // The files match the branch: still refresh their index entries, so status is clean.
    if (checkedOut) outcome.error = stageInRepositoryIndex(repository, plan);
    return outcome;
  }

  git_tree* rawTree = nullptr;
  if (git_tree_lookup(&rawTree, repository, &treeId) != 0) {
    outcome.error = GitRepository::lastError("reading the new tree");
    return outcome;
  }
  Tree tree(rawTree);
  Signature signature = signatureFor(repository);
  if (!signature) {
    outcome.error = GitRepository::lastError("creating a signature");
    return outcome;
  }
  std::string text = message;
  if (!text.ends_with('\n')) text += '\n';
  const git_commit* parents[] = {parent.get()};
  git_oid commitId;
  // Updating the branch's reference checks that its tip is still `parent`: a concurrent commit
  // makes this fail instead of being lost.
  if (git_commit_create(&commitId, repository, reference.c_str(), signature.get(), signature.get(), nullptr,
                        text.c_str(), tree.get(), parent ? 1 : 0, parents) != 0) {
    outcome.error = GitRepository::lastError("committing to " + branch);
    return outcome;
  }
  char id[GIT_OID_HEXSZ + 1];
  git_oid_tostr(id, sizeof id, &commitId);
  outcome.id = id;
  outcome.shortId = outcome.id.substr(0, 7);
  outcome.committed = true;
  if (checkedOut) outcome.error = stageInRepositoryIndex(repository, plan);
  return outcome;
}

}  // namespace meshstudio::app
