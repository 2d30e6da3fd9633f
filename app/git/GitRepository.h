#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

struct git_repository;

namespace meshstudio::app {

/// One open git repository (libgit2), for export to git. Owns its `git_repository*`; libgit2
/// itself is initialised once per process, on first use, and shut down at exit.
///
/// Errors are returned as messages (libgit2's own, from `git_error_last()`), never thrown.
class GitRepository {
 public:
  /// Opens the repository whose work tree contains `folder`, searching upwards as git does
  /// (`git_repository_open_ext`). `folder` need not exist yet: the search starts at its nearest
  /// existing parent. Null with `error` set when there is none or it is bare.
  static std::unique_ptr<GitRepository> openContaining(const std::filesystem::path& folder, std::string& error);

  ~GitRepository();
  GitRepository(const GitRepository&) = delete;
  GitRepository& operator=(const GitRepository&) = delete;

  git_repository* raw() const { return repository_; }
  /// The work tree's root, absolute and canonical (no trailing slash).
  const std::filesystem::path& workdir() const { return workdir_; }
  /// The checked-out branch's short name (`main`), also while HEAD is unborn (an empty
  /// repository); empty when HEAD is detached.
  std::string currentBranch() const;
  /// The local branches' short names, sorted.
  std::vector<std::string> branches(std::string& error) const;

  /// "`context`: libgit2's last error message", for the error a libgit2 call just returned.
  static std::string lastError(const std::string& context);
  /// Makes sure libgit2 is initialised (GitRepository does it itself; for code that calls
  /// libgit2 before opening a repository, such as tests building fixtures).
  static void initLibrary();
  /// `path` absolute, with symbolic links resolved as far as it exists and no trailing `/`, so
  /// that a folder and the work tree compare.
  static std::filesystem::path absolutePath(const std::filesystem::path& path);

 private:
  GitRepository(git_repository* repository, std::filesystem::path workdir);

  git_repository* repository_;
  std::filesystem::path workdir_;
};

}  // namespace meshstudio::app
