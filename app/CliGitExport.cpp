#include "app/CliGitExport.h"

#include <ostream>

#include "app/CliCommands.h"
#include "app/git/GitExport.h"

namespace meshstudio::app {

int CliGitExport::run(const std::vector<model::RenderedFile>& files, std::size_t resourceCount,
                      model::ExportLayout layout, const std::string& outDir, const std::string& branch,
                      const std::string& message, std::ostream& out, std::ostream& err) {
  const char* prefix = "meshstudio-cli export: ";
  // Both checks come before anything is written: a refused export leaves the tree as it was.
  std::string error;
  std::unique_ptr<GitExport> exporter = GitExport::open(outDir, error);
  if (!exporter) {
    err << prefix << error << "\n";
    return CliCommands::kUsage;
  }
  if (!GitExport::isValidBranchName(branch)) {
    err << prefix << "\"" << branch << "\" is not a valid branch name\n";
    return CliCommands::kUsage;
  }

  const GitExportPlan plan = exporter->plan(files, layout);
  error = exporter->write(plan);
  if (!error.empty()) {
    err << prefix << error << "\n";
    return CliCommands::kUsage;
  }
  out << "wrote " << resourceCount << " resources to " << files.size() << (files.size() == 1 ? " file" : " files")
      << " in " << outDir << "\n";
  for (const std::string& obsolete : plan.obsolete) out << "removed " << plan.prefix << obsolete << "\n";

  const std::vector<GitStatusLine> status = exporter->status(plan, error);
  if (!error.empty()) {
    err << prefix << error << "\n";
    return CliCommands::kFindings;
  }
  for (const GitStatusLine& line : status) out << line.code << " " << line.path << "\n";

  const GitCommitOutcome outcome = exporter->commit(plan, branch, message);
  if (!outcome.error.empty()) {
    err << prefix << outcome.error << "\n";
    return CliCommands::kFindings;
  }
  if (outcome.committed)
    out << "committed " << outcome.shortId << " to branch " << outcome.branch
        << (outcome.createdBranch ? " (new branch)" : "") << "\n";
  else
    out << "nothing to commit: branch " << outcome.branch << " already has these files\n";
  return CliCommands::kOk;
}

}  // namespace meshstudio::app
