#include "app/CliClusterCommands.h"

#include <QCoreApplication>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>

#include "app/CliArguments.h"
#include "app/CliClusterInput.h"
#include "app/cluster/ClusterSync.h"
#include "model/Importer.h"
#include "model/Project.h"

namespace meshstudio::app {
namespace {

constexpr int kOk = 0, kRefused = 1, kTrouble = 2;

const std::vector<std::string> kOptions = {"context", "namespace", "kubeconfig", "timeout", "to"};
const std::vector<std::string> kFlags = {"dry-run", "force", "prune"};

/// Everything a cluster command works with: the connection, the API, the project's input.
struct Session {
  std::unique_ptr<QCoreApplication> application;
  std::unique_ptr<cluster::KubeTransport> transport;
  std::unique_ptr<cluster::KubeApi> api;
  std::unique_ptr<cluster::ClusterSync> sync;
  std::filesystem::path projectFolder;
  std::vector<model::Resource> resources;
  std::string namespaceName;
};

std::filesystem::path projectFolderOf(const std::vector<std::string>& paths) {
  for (const std::string& path : paths)
    if (std::filesystem::is_directory(path)) return path;
  return paths.empty() ? std::filesystem::path(".") : std::filesystem::path(paths.front()).parent_path();
}

/// Reads the input and the kubeconfig and connects; on failure prints why and returns nullopt.
std::optional<Session> open(const CliArguments& parsed, const char* command, bool readManifests, std::ostream& err) {
  Session session;
  session.projectFolder = projectFolderOf(parsed.positional);
  model::Diagnostics problems;
  if (readManifests) {
    model::ImportResult imported = model::Importer::importPaths(CliArguments::paths(parsed.positional));
    if (model::hasErrors(imported.diagnostics)) {
      for (const model::Diagnostic& d : imported.diagnostics) err << model::formatDiagnostic(d) << "\n";
      err << "meshstudio-cli " << command << ": nothing sent; fix the errors above first\n";
      return std::nullopt;
    }
    session.resources = std::move(imported.resources);
  }

  std::optional<cluster::ClusterConnection> connection = CliClusterInput::connection(parsed, command, err);
  if (!connection) return std::nullopt;
  session.namespaceName = CliClusterInput::namespaceFor(
      parsed, model::Project::loadSettingsOfFirstProject(CliArguments::paths(parsed.positional), problems),
      connection->namespaceName);

  session.application = CliClusterInput::ensureApplication();
  session.transport = std::make_unique<cluster::KubeTransport>(*connection);
  if (!session.transport->verifiesTls())
    err << "warning: context \"" << connection->contextName
        << "\" sets insecure-skip-tls-verify: the server's certificate is not checked\n";
  session.api = std::make_unique<cluster::KubeApi>(*session.transport);
  session.sync = std::make_unique<cluster::ClusterSync>(*session.api, session.namespaceName);
  return session;
}

bool unreachable(const cluster::ClusterProblem& problem) {
  return problem.kind == cluster::ClusterProblem::Kind::Unreachable ||
         problem.kind == cluster::ClusterProblem::Kind::Unauthorized;
}

void printProblem(const cluster::ClusterProblem& problem, std::ostream& err) {
  err << "  " << problem.message << "\n";
  for (const cluster::FieldCause& cause : problem.causes)
    if (!cause.field.empty()) err << "    " << cause.field << ": " << cause.message << "\n";
}

int printReport(const cluster::ShipReport& report, std::ostream& out, std::ostream& err) {
  bool trouble = false;
  for (const cluster::ResourceOutcome& outcome : report.outcomes) {
    out << outcome.ref.displayName() << " " << cluster::actionName(outcome.action)
        << (report.dryRun ? " (dry run)" : "") << (outcome.note.empty() ? "" : ": " + outcome.note) << "\n";
    for (const std::string& warning : outcome.warnings)
      err << "warning: " << outcome.ref.displayName() << ": " << warning << "\n";
    if (outcome.action == cluster::ResourceOutcome::Action::Failed) {
      printProblem(outcome.problem, err);
      trouble = trouble || unreachable(outcome.problem);
    }
  }
  if (!report.historyId.empty()) out << "recorded as " << report.historyId << "\n";
  if (!report.historyError.empty())
    err << "warning: the history entry was not written: " << report.historyError << "\n";
  if (trouble) return kTrouble;
  return report.succeeded() ? kOk : kRefused;
}

CliArguments parse(const std::vector<std::string>& arguments, const char* command, std::ostream& err) {
  CliArguments parsed = CliArguments::parse(arguments, kOptions, 1, {{"n", "namespace"}}, kFlags);
  if (!parsed.error.empty())
    err << "meshstudio-cli " << command << ": " << parsed.error << "\n\n" << CliClusterCommands::usage();
  return parsed;
}

cluster::ShipOptions shipOptions(const CliArguments& parsed) {
  return {parsed.has("dry-run"), parsed.has("force"), parsed.has("prune")};
}

}  // namespace

const char* CliClusterCommands::usage() {
  return "  diff [--context C] [--namespace N] [--kubeconfig FILE] PATH...\n"
         "      Compare the project's Istio resources with the cluster's, field by field (server-set\n"
         "      fields ignored). Exit code 0 no differences, 1 differences, 2 error.\n"
         "  apply [--context C] [--namespace N] [--kubeconfig FILE] [--dry-run] [--force] [--prune] PATH...\n"
         "      Server-side apply (fieldManager=meshstudio) after a dry run of every resource; nothing is\n"
         "      sent when one fails. --force takes over fields other managers own; --prune deletes what\n"
         "      earlier applies of this project created and it no longer has. Recorded in the project's\n"
         "      .meshstudio/history. Exit code 0 applied, 1 refused (conflict, invalid, RBAC), 2 error.\n"
         "  history PATH\n"
         "      List the applies recorded in the project's .meshstudio/history, newest first.\n"
         "  rollback --to ID [--context C] [--dry-run] [--force] [--prune] PATH\n"
         "      Apply again what history entry ID applied (with --prune, delete what later applies added).\n";
}

int CliClusterCommands::diff(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
  CliArguments parsed = parse(arguments, "diff", err);
  if (!parsed.error.empty()) return kTrouble;
  std::optional<Session> session = open(parsed, "diff", true, err);
  if (!session) return kTrouble;
  auto targets = cluster::ClusterSync::targetsOf(session->resources, session->namespaceName);
  bool differs = false, trouble = false;
  for (const cluster::ResourceDiff& diff : session->sync->diff(targets)) {
    switch (diff.state) {
      case cluster::ResourceDiff::State::Failed:
        out << diff.ref.displayName() << ": not compared\n";
        printProblem(diff.problem, err);
        trouble = true;
        continue;
      case cluster::ResourceDiff::State::New:
        out << diff.ref.displayName() << ": not in the cluster (apply creates it)\n";
        differs = true;
        continue;
      case cluster::ResourceDiff::State::Unchanged:
        out << diff.ref.displayName() << ": unchanged\n";
        break;
      case cluster::ResourceDiff::State::Changed:
        out << diff.ref.displayName() << ": differs\n";
        differs = true;
        break;
    }
    for (const cluster::FieldChange& change : diff.changes)
      out << "  " << cluster::ClusterDiff::describe(change) << "\n";
  }
  if (trouble) return kTrouble;
  return differs ? kRefused : kOk;
}

int CliClusterCommands::apply(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
  CliArguments parsed = parse(arguments, "apply", err);
  if (!parsed.error.empty()) return kTrouble;
  std::optional<Session> session = open(parsed, "apply", true, err);
  if (!session) return kTrouble;
  auto targets = cluster::ClusterSync::targetsOf(session->resources, session->namespaceName);
  cluster::ApplyHistory history(session->projectFolder);
  return printReport(session->sync->apply(targets, shipOptions(parsed), &history), out, err);
}

int CliClusterCommands::history(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
  CliArguments parsed = parse(arguments, "history", err);
  if (!parsed.error.empty()) return kTrouble;
  std::vector<std::string> problems;
  for (const cluster::HistoryEntry& entry :
       cluster::ApplyHistory(projectFolderOf(parsed.positional)).entries(&problems)) {
    out << entry.id << "  " << entry.time << "  " << entry.operation << "  " << entry.result << "  context "
        << entry.context << "  " << entry.resources.size() << " resources"
        << (entry.rolledBackTo.empty() ? "" : "  (back to " + entry.rolledBackTo + ")") << "\n";
  }
  for (const std::string& problem : problems) err << "warning: " << problem << "\n";
  return kOk;
}

int CliClusterCommands::rollback(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
  CliArguments parsed = parse(arguments, "rollback", err);
  if (!parsed.error.empty()) return kTrouble;
  std::string id = parsed.option("to", "");
  cluster::ApplyHistory history(projectFolderOf(parsed.positional));
  std::optional<cluster::HistoryEntry> target;
  for (cluster::HistoryEntry& entry : history.entries())
    if (entry.id == id) target = std::move(entry);
  if (!target) {
    err << "meshstudio-cli rollback: no history entry \"" << id << "\" (see meshstudio-cli history)\n";
    return kTrouble;
  }
  std::optional<Session> session = open(parsed, "rollback", false, err);
  if (!session) return kTrouble;
  return printReport(session->sync->rollback(*target, shipOptions(parsed), &history), out, err);
}

}  // namespace meshstudio::app
