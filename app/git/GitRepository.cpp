#include "app/git/GitRepository.h"

#include <git2.h>

#include <algorithm>
#include <system_error>

namespace meshstudio::app {
namespace {

/// git_libgit2_init/shutdown are reference counted; one process-wide pair is enough, and a
/// function-local static makes the first use thread-safe.
struct Libgit2Lifetime {
  Libgit2Lifetime() { git_libgit2_init(); }
  ~Libgit2Lifetime() { git_libgit2_shutdown(); }
  Libgit2Lifetime(const Libgit2Lifetime&) = delete;
  Libgit2Lifetime& operator=(const Libgit2Lifetime&) = delete;
};

}  // namespace

std::filesystem::path GitRepository::absolutePath(const std::filesystem::path& path) {
  std::error_code ec;
  std::filesystem::path result = std::filesystem::weakly_canonical(std::filesystem::absolute(path, ec), ec);
  if (ec) result = std::filesystem::absolute(path, ec).lexically_normal();
  // weakly_canonical keeps a trailing separator ("a/b/"); drop it so paths compare.
  if (!result.has_filename() && result.has_parent_path() && result != result.root_path()) result = result.parent_path();
  return result;
}

void GitRepository::initLibrary() { static Libgit2Lifetime lifetime; }

std::string GitRepository::lastError(const std::string& context) {
  const git_error* error = git_error_last();
  std::string message = error && error->message ? error->message : "unknown libgit2 error";
  return context.empty() ? message : context + ": " + message;
}

GitRepository::GitRepository(git_repository* repository, std::filesystem::path workdir)
    : repository_(repository), workdir_(std::move(workdir)) {}

GitRepository::~GitRepository() { git_repository_free(repository_); }

std::unique_ptr<GitRepository> GitRepository::openContaining(const std::filesystem::path& folder, std::string& error) {
  initLibrary();
  std::filesystem::path start = absolutePath(folder);
  std::error_code ec;
  while (!std::filesystem::is_directory(start, ec) && start.has_parent_path() && start != start.parent_path())
    start = start.parent_path();
  git_repository* repository = nullptr;
  if (git_repository_open_ext(&repository, start.c_str(), 0, nullptr) != 0) {
    error = folder.string() + " is not inside a git work tree (" + lastError("") + ")";
    return nullptr;
  }
  const char* workdir = git_repository_workdir(repository);
  if (!workdir) {
    git_repository_free(repository);
    error = "the repository of " + folder.string() + " is bare: it has no work tree to export into";
    return nullptr;
  }
  return std::unique_ptr<GitRepository>(new GitRepository(repository, absolutePath(workdir)));
}

std::string GitRepository::currentBranch() const {
  // HEAD itself, not git_repository_head(): that fails on an unborn HEAD, which still names
  // the branch the first commit will create.
  git_reference* head = nullptr;
  if (git_reference_lookup(&head, repository_, "HEAD") != 0) return {};
  std::string branch;
  if (git_reference_type(head) == GIT_REFERENCE_SYMBOLIC) {
    std::string target = git_reference_symbolic_target(head);
    const std::string prefix = "refs/heads/";
    if (target.starts_with(prefix)) branch = target.substr(prefix.size());
  }
  git_reference_free(head);
  return branch;
}

std::vector<std::string> GitRepository::branches(std::string& error) const {
  std::vector<std::string> names;
  git_branch_iterator* iterator = nullptr;
  if (git_branch_iterator_new(&iterator, repository_, GIT_BRANCH_LOCAL) != 0) {
    error = lastError("listing branches");
    return names;
  }
  git_reference* reference = nullptr;
  git_branch_t type;
  while (git_branch_next(&reference, &type, iterator) == 0) {
    const char* name = nullptr;
    if (git_branch_name(&name, reference) == 0 && name) names.emplace_back(name);
    git_reference_free(reference);
  }
  git_branch_iterator_free(iterator);
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace meshstudio::app
