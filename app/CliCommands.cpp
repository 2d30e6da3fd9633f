#include "app/CliCommands.h"

#include <algorithm>
#include <filesystem>
#include <ostream>

#include "app/CliArguments.h"
#include "app/CliCanaryCommand.h"
#include "app/CliClusterCommands.h"
#include "app/CliEngineCommands.h"
#include "app/CliGitExport.h"
#include "app/CliLoadCommand.h"
#include "app/CliReport.h"
#include "model/Exporter.h"
#include "model/Importer.h"
#include "model/Project.h"
#include "model/analysis/ProjectValidator.h"

namespace meshstudio::app {
namespace {

using model::Diagnostic;
using model::Diagnostics;

constexpr const char* kUsageText =
    "usage: meshstudio-cli <command> [options] PATH...\n"
    "\n"
    "commands:\n"
    "  validate [--format text|json|sarif] [--fail-on error|warning] PATH...\n"
    "      Check manifests (files or folders): YAML, CRD schemas and every analyzer.\n"
    "      Exit code: 0 clean, 1 findings at or above --fail-on (default: error), 2 unreadable\n"
    "      input or bad usage. A folder's meshstudio.yaml sets defaultNamespace and analysis.ignore.\n"
    "  export --out DIR [--layout single|split] [--git-branch B --message M] PATH...\n"
    "      Write canonical, deterministic YAML: one manifests.yaml (single, the default), or\n"
    "      <namespace>/<kind>-<name>.yaml per resource plus kustomization.yaml (split).\n"
    "      With --git-branch, DIR must be inside a git work tree: prints git status of the files\n"
    "      written and commits exactly them to branch B (created from HEAD when missing) with\n"
    "      message M. Exit code 1 on a git error; no change is \"nothing to commit\", exit 0.\n"
    "  load [-c N] [-qps RATE] [-n COUNT | -t DURATION] [-X METHOD] [-H 'name: value']...\n"
    "       [--body TEXT | --body-file FILE] [--timeout 30s] [--threads N] [-r 1ms] [--gateway PORT]\n"
    "       [--admin ADDR:PORT] [--json] [--quiet] [PROJECT...] URL\n"
    "      fortio-style load: -c kept-alive connections at a total of -qps requests a second (0: as\n"
    "      fast as possible; default 8), for -n requests or -t time (default 5s). At a fixed rate\n"
    "      latency counts from each request's scheduled send time (coordinated omission).\n"
    "      With PROJECT, an engine runs it in this process and the requests go to its mesh listener\n"
    "      (or --gateway PORT's) with the URL's authority as Host, as from a pod in the mesh.\n"
    "      Without, the URL is dialled as is; --admin reads an engine's per-destination counters.\n"
    "      Prints response codes, latency percentiles and histogram (ms), qps, per-destination\n"
    "      counts; --json as one object. Exit code 1 when no connection could be made.\n";

bool isUnreadable(const Diagnostic& d) { return d.code == "MS0003" || d.code == "MS0004"; }

/// The analysis settings of the first project folder among `paths` (its meshstudio.yaml), else defaults.
model::analysis::ValidatorSettings settingsFor(const std::vector<std::string>& paths, std::ostream& err) {
  // The manifests were imported already; read only the settings, not the whole project again.
  model::Diagnostics problems;
  model::Value settings = model::Project::loadSettingsOfFirstProject(CliArguments::paths(paths), problems);
  for (const Diagnostic& d : problems) err << model::formatDiagnostic(d) << "\n";
  return model::analysis::ValidatorSettings::fromProjectSettings(settings);
}

}  // namespace

int CliCommands::run(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err, bool colour) {
  if (arguments.empty() || arguments[0] == "--help" || arguments[0] == "-h" || arguments[0] == "help") {
    (arguments.empty() ? err : out) << kUsageText << CliEngineCommands::usage() << CliClusterCommands::usage()
                                    << CliCanaryCommand::usage();
    return arguments.empty() ? kUsage : kOk;
  }
  std::vector<std::string> rest(arguments.begin() + 1, arguments.end());
  if (std::find(rest.begin(), rest.end(), "--help") != rest.end()) {
    out << kUsageText << CliEngineCommands::usage() << CliClusterCommands::usage() << CliCanaryCommand::usage();
    return kOk;
  }
  if (arguments[0] == "validate") return validate(rest, out, err, colour);
  if (arguments[0] == "export") return exportManifests(rest, out, err);
  if (arguments[0] == "route") return CliEngineCommands::route(rest, out, err);
  if (arguments[0] == "test") return CliEngineCommands::test(rest, out, err);
  if (arguments[0] == "serve") return CliEngineCommands::serve(rest, out, err);
  if (arguments[0] == "load") return CliLoadCommand::run(rest, out, err);
  if (arguments[0] == "canary") return CliCanaryCommand::run(rest, out, err);
  if (arguments[0] == "diff") return CliClusterCommands::diff(rest, out, err);
  if (arguments[0] == "apply") return CliClusterCommands::apply(rest, out, err);
  if (arguments[0] == "history") return CliClusterCommands::history(rest, out, err);
  if (arguments[0] == "rollback") return CliClusterCommands::rollback(rest, out, err);
  err << "meshstudio-cli: unknown command \"" << arguments[0] << "\"\n\n"
      << kUsageText << CliEngineCommands::usage() << CliClusterCommands::usage() << CliCanaryCommand::usage();
  return kUsage;
}

int CliCommands::validate(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err,
                          bool colour) {
  CliArguments parsed = CliArguments::parse(arguments, {"format", "fail-on"});
  std::string format = parsed.option("format", "text");
  std::string failOn = parsed.option("fail-on", "error");
  if (parsed.error.empty() && format != "text" && format != "json" && format != "sarif")
    parsed.error = "--format must be text, json or sarif";
  if (parsed.error.empty() && failOn != "error" && failOn != "warning")
    parsed.error = "--fail-on must be error or warning";
  if (!parsed.error.empty()) {
    err << "meshstudio-cli validate: " << parsed.error << "\n\n" << kUsageText;
    return kUsage;
  }

  model::ImportResult imported = model::Importer::importPaths(CliArguments::paths(parsed.positional));
  Diagnostics diagnostics = imported.diagnostics;
  Diagnostics analysis =
      model::analysis::ProjectValidator::validate(imported.resources, settingsFor(parsed.positional, err));
  diagnostics.insert(diagnostics.end(), analysis.begin(), analysis.end());

  if (format == "json") {
    CliReport::json(diagnostics, out);
  } else if (format == "sarif") {
    CliReport::sarif(diagnostics, MESHSTUDIO_VERSION, out);
  } else {
    CliReport::text(diagnostics, colour, out);
    CliReport::summary(diagnostics, imported.resources.size(), imported.files.size(), out);
  }
  bool unreadable = imported.hasUnreadableInput || std::any_of(diagnostics.begin(), diagnostics.end(), isUnreadable);
  if (unreadable) return kUsage;
  bool failing = std::any_of(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) {
    return d.severity == model::Severity::Error || (failOn == "warning" && d.severity == model::Severity::Warning);
  });
  return failing ? kFindings : kOk;
}

int CliCommands::exportManifests(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
  CliArguments parsed = CliArguments::parse(arguments, {"out", "layout", "git-branch", "message"});
  std::string outDir = parsed.option("out", "");
  std::string layoutName = parsed.option("layout", "single");
  const bool toGit = !parsed.all("git-branch").empty();
  if (parsed.error.empty() && outDir.empty()) parsed.error = "--out DIR is required";
  if (parsed.error.empty() && layoutName != "single" && layoutName != "split")
    parsed.error = "--layout must be single or split";
  const bool hasMessage = !parsed.all("message").empty();
  if (parsed.error.empty() && toGit && !hasMessage) parsed.error = "--message M is required with --git-branch";
  if (parsed.error.empty() && !toGit && hasMessage) parsed.error = "--message is only used with --git-branch";
  if (parsed.error.empty() && toGit && parsed.option("message", "").empty())
    parsed.error = "--message must not be empty";
  if (!parsed.error.empty()) {
    err << "meshstudio-cli export: " << parsed.error << "\n\n" << kUsageText;
    return kUsage;
  }

  model::ImportResult imported = model::Importer::importPaths(CliArguments::paths(parsed.positional));
  // Exporting half-read input into a GitOps tree would silently drop what failed to parse.
  if (model::hasErrors(imported.diagnostics)) {
    for (const Diagnostic& d : imported.diagnostics) err << model::formatDiagnostic(d) << "\n";
    err << "meshstudio-cli export: nothing written; fix the errors above first\n";
    return imported.hasUnreadableInput ? kUsage : kFindings;
  }
  auto layout = layoutName == "split" ? model::ExportLayout::Split : model::ExportLayout::Single;
  std::vector<model::RenderedFile> files = model::Exporter::render(imported.resources, layout);
  if (toGit)
    return CliGitExport::run(files, imported.resources.size(), layout, outDir, parsed.option("git-branch", ""),
                             parsed.option("message", ""), out, err);
  Diagnostics writeErrors = model::Exporter::write(outDir, files);
  for (const Diagnostic& d : writeErrors) err << model::formatDiagnostic(d) << "\n";
  if (!writeErrors.empty()) return kUsage;
  out << "wrote " << imported.resources.size() << " resources to " << files.size()
      << (files.size() == 1 ? " file" : " files") << " in " << outDir << "\n";
  return kOk;
}

}  // namespace meshstudio::app
