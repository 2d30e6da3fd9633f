#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "model/Exporter.h"

namespace meshstudio::app {

/// `meshstudio-cli export --out DIR --git-branch B --message M`: the export written into a git
/// work tree and committed to branch B (see `GitExport`). Prints what it wrote and removed,
/// `git status --short` of those files, then the commit (short id and branch) or "nothing to
/// commit". Exit codes: 0 committed or nothing to commit, 1 a git error (with its reason), 2 DIR
/// not inside a git work tree, an invalid branch name or files that cannot be written.
class CliGitExport {
 public:
  static int run(const std::vector<model::RenderedFile>& files, std::size_t resourceCount, model::ExportLayout layout,
                 const std::string& outDir, const std::string& branch, const std::string& message, std::ostream& out,
                 std::ostream& err);
};

}  // namespace meshstudio::app
