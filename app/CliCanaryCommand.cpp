#include "app/CliCanaryCommand.h"

#include <signal.h>
#include <time.h>

#include <QCoreApplication>
#include <charconv>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>

#include "app/CliArguments.h"
#include "app/CliClusterInput.h"
#include "app/cluster/ClusterSync.h"
#include "app/rollout/CanaryRollout.h"
#include "app/rollout/CanaryWeights.h"
#include "app/rollout/ClusterWeightTarget.h"
#include "app/rollout/PrometheusMetricsSource.h"
#include "app/rollout/RolloutRehearsal.h"
#include "app/rollout/RolloutReport.h"
#include "engine/LoadOptions.h"
#include "model/Importer.h"
#include "model/Project.h"

namespace meshstudio::app {
namespace {

constexpr int kPromoted = 0, kRolledBack = 1, kTrouble = 2;

const std::vector<std::string> kOptions = {
    "route", "stable", "canary",     "steps", "interval", "max-error-rate", "max-p99",    "min-requests", "max-wait",
    "qps",   "url",    "prometheus", "admin", "context",  "namespace",      "kubeconfig", "on-interrupt"};

std::optional<std::vector<int>> parseSteps(const std::string& text) {
  std::vector<int> steps;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    std::string part = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    int value = 0;
    auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
    if (ec != std::errc() || end != part.data() + part.size()) return std::nullopt;
    steps.push_back(value);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return steps;
}

std::optional<double> parseNumber(const std::string& text) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

/// Reads the plan from the options; empty on success, else what is wrong.
std::string readPlan(const CliArguments& parsed, rollout::RolloutPlan& plan) {
  plan.stableSubset = parsed.option("stable", "");
  plan.canarySubset = parsed.option("canary", "");
  if (parsed.has("steps")) {
    auto steps = parseSteps(parsed.option("steps", ""));
    if (!steps) return "--steps takes weights like 5,10,25,50,75,100";
    plan.steps = *steps;
  }
  if (parsed.has("interval")) {
    auto interval = engine::parseLoadDuration(parsed.option("interval", ""));
    if (!interval) return "--interval takes a duration like 30s";
    plan.interval = std::chrono::duration_cast<std::chrono::milliseconds>(*interval);
  }
  if (parsed.has("max-error-rate")) {
    std::string value = parsed.option("max-error-rate", "");
    auto rate = parseNumber(value);
    if (value == "off")
      plan.gates.maxErrorRate.reset();
    else if (!rate)
      return "--max-error-rate takes a share like 0.01, or off";
    else
      plan.gates.maxErrorRate = *rate;
  }
  if (parsed.has("max-p99")) {
    std::string value = parsed.option("max-p99", "");
    auto p99 = engine::parseLoadDuration(value);
    if (value == "off")
      plan.gates.maxP99Ms.reset();
    else if (!p99)
      return "--max-p99 takes a duration like 500ms, or off";
    else
      plan.gates.maxP99Ms = std::chrono::duration<double, std::milli>(*p99).count();
  }
  if (parsed.has("min-requests")) {
    auto minimum = parseNumber(parsed.option("min-requests", ""));
    if (!minimum || *minimum < 0) return "--min-requests takes a count";
    plan.gates.minRequests = static_cast<std::uint64_t>(*minimum);
  }
  if (parsed.has("max-wait")) {
    auto waits = parseNumber(parsed.option("max-wait", ""));
    if (!waits || *waits < 0) return "--max-wait takes a number of periods";
    plan.maxWaitIntervals = static_cast<int>(*waits);
  }
  return {};
}

/// Runs the rollout to its end, printing each event as it happens. SIGINT/SIGTERM stop it and,
/// as --on-interrupt says, roll back (the default) or leave the weights, and say which.
void drive(rollout::CanaryRollout& rollout, bool rollBackOnInterrupt, std::ostream& out, std::ostream& err) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::size_t printed = 0;
  auto print = [&] {
    for (; printed < rollout.events().size(); ++printed)
      out << rollout::RolloutReport::eventLine(rollout.events()[printed]) << "\n" << std::flush;
  };
  rollout.start();
  while (!rollout.finished()) {
    print();
    timespec wait{0, 100'000'000};
    siginfo_t info;
    if (sigtimedwait(&signals, &info, &wait) > 0) {
      if (rollBackOnInterrupt) {
        err << "interrupted: rolling back (stable gets 100 %)\n";
        rollout.rollbackNow("interrupted");
      } else {
        err << "interrupted: the weights stay as they are: canary " << rollout.canaryWeight() << " %\n";
        break;
      }
    }
    rollout.poll();
  }
  print();
}

}  // namespace

const char* CliCanaryCommand::usage() {
  return "  canary --route VS[/ROUTE] --stable SUBSET --canary SUBSET [--steps 5,10,25,50,75,100]\n"
         "         [--interval 30s] [--max-error-rate 0.01|off] [--max-p99 500ms|off] [--min-requests 20]\n"
         "         [--max-wait 10] [--prometheus URL] [--qps 50] [--url URL] [--admin ADDR:PORT]\n"
         "         [--context C] [--namespace N] [--kubeconfig FILE] [--on-interrupt rollback|leave] PATH...\n"
         "      A progressive canary rollout of one route (VS is namespace/name; ROUTE an index or a route\n"
         "      name, default 0): each step sets the canary's weight, waits --interval and checks the\n"
         "      canary's error rate and p99; a failed gate rolls back (stable 100). Too few requests\n"
         "      (--min-requests) or no data make a step wait, at most --max-wait periods. Without\n"
         "      --context it rehearses on the embedded engine with --qps of generated traffic to --url,\n"
         "      measured by the engine (or by --prometheus scraping --admin); with --context each step is\n"
         "      a server-side apply and --prometheus is required. Recorded in .meshstudio/history.\n"
         "      Exit code 0 promoted, 1 rolled back, 2 error.\n";
}

int CliCanaryCommand::run(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
  CliArguments parsed = CliArguments::parse(arguments, kOptions, 1);
  rollout::RolloutPlan plan;
  std::string error = parsed.error;
  if (error.empty() && !parsed.has("route")) error = "--route VS[/ROUTE] is required";
  if (error.empty()) error = readPlan(parsed, plan);
  const std::string onInterrupt = parsed.option("on-interrupt", "rollback");
  if (error.empty() && onInterrupt != "rollback" && onInterrupt != "leave")
    error = "--on-interrupt must be rollback or leave";
  const bool onCluster = parsed.has("context");
  if (error.empty() && onCluster && !parsed.has("prometheus"))
    error = "a rollout on a cluster needs --prometheus URL for its numbers";
  if (!error.empty()) {
    err << "meshstudio-cli canary: " << error << "\n\n" << usage();
    return kTrouble;
  }

  model::ImportResult imported = model::Importer::importPaths(CliArguments::paths(parsed.positional));
  if (model::hasErrors(imported.diagnostics)) {
    for (const model::Diagnostic& d : imported.diagnostics) err << model::formatDiagnostic(d) << "\n";
    return kTrouble;
  }
  model::Diagnostics problems;
  model::Value settings = model::Project::loadSettingsOfFirstProject(CliArguments::paths(parsed.positional), problems);
  const std::string namespaceName = CliClusterInput::namespaceFor(parsed, settings, "default");
  auto selector = rollout::RouteSelector::parse(parsed.option("route", ""), namespaceName);
  std::optional<std::size_t> vsIndex;
  for (std::size_t i = 0; selector && i < imported.resources.size(); ++i) {
    const model::Resource& resource = imported.resources[i];
    std::string ns = resource.namespaceName().empty() ? namespaceName : resource.namespaceName();
    if (resource.kind() == model::ResourceKind::VirtualService &&
        ns + "/" + resource.name() == selector->virtualService)
      vsIndex = i;
  }
  if (!vsIndex) {
    err << "meshstudio-cli canary: no VirtualService "
        << (selector ? selector->virtualService : parsed.option("route", "")) << " in the input\n";
    return kTrouble;
  }
  const model::Resource& vs = imported.resources[*vsIndex];
  plan.virtualService = selector->virtualService;
  plan.routeIndex = selector->routeIndex.value_or(0);
  if (!selector->routeName.empty()) {
    auto index = rollout::CanaryWeights::routeNamed(vs.document(), selector->routeName);
    if (!index) {
      err << "meshstudio-cli canary: " << plan.virtualService << " has no HTTP route named " << selector->routeName
          << "\n";
      return kTrouble;
    }
    plan.routeIndex = *index;
  }
  if (std::string problem = plan.validate(); !problem.empty()) {
    err << "meshstudio-cli canary: " << problem << "\n";
    return kTrouble;
  }

  std::filesystem::path projectFolder = parsed.positional.empty() ? "." : parsed.positional.front();
  if (!std::filesystem::is_directory(projectFolder)) projectFolder = projectFolder.parent_path();
  std::string target = "engine (rehearsal)", server;

  std::unique_ptr<rollout::RolloutRehearsal> rehearsal;
  std::unique_ptr<QCoreApplication> application;
  std::unique_ptr<cluster::KubeTransport> transport;
  std::unique_ptr<cluster::KubeApi> api;
  std::unique_ptr<rollout::WeightTarget> clusterWeights;
  std::unique_ptr<rollout::MetricsSource> prometheus;
  rollout::WeightTarget* weights = nullptr;
  rollout::MetricsSource* metrics = nullptr;

  if (!onCluster) {
    rollout::RehearsalOptions options;
    if (parsed.has("qps")) options.qps = parseNumber(parsed.option("qps", "")).value_or(-1);
    if (options.qps <= 0) {
      err << "meshstudio-cli canary: --qps takes a positive rate\n";
      return kTrouble;
    }
    options.url = parsed.option("url", "");
    options.prometheusUrl = parsed.option("prometheus", "");
    if (parsed.has("admin")) {
      engine::ListenAddress admin;
      if (!engine::ListenAddress::parse(parsed.option("admin", ""), admin)) {
        err << "meshstudio-cli canary: --admin takes ADDR:PORT\n";
        return kTrouble;
      }
      options.admin = admin;
    }
    rehearsal = rollout::RolloutRehearsal::start(imported.resources, settings, *vsIndex, plan, options, error);
    if (!rehearsal) {
      err << "meshstudio-cli canary: " << error << "\n";
      return kTrouble;
    }
    err << "rehearsing on the embedded engine: mesh 127.0.0.1:" << rehearsal->engine().meshPort()
        << ", admin 127.0.0.1:" << rehearsal->engine().adminPort() << ", " << options.qps << " requests a second\n";
    weights = &rehearsal->weights();
    metrics = &rehearsal->metrics();
  } else {
    auto connection = CliClusterInput::connection(parsed, "canary", err);
    if (!connection) return kTrouble;
    application = CliClusterInput::ensureApplication();
    target = "context " + connection->contextName;
    server = connection->server;
    transport = std::make_unique<cluster::KubeTransport>(*connection);
    api = std::make_unique<cluster::KubeApi>(*transport);
    auto targets = cluster::ClusterSync::targetsOf({vs}, namespaceName);
    clusterWeights = std::make_unique<rollout::ClusterWeightTarget>(*api, targets.front().document, plan.routeIndex,
                                                                    plan.stableSubset, plan.canarySubset);
    rollout::PrometheusQuery query;
    if (!query.setBaseUrl(parsed.option("prometheus", ""))) {
      err << "meshstudio-cli canary: --prometheus takes an http:// URL\n";
      return kTrouble;
    }
    std::string host =
        vs.document().stringAt("spec.http[" + std::to_string(plan.routeIndex) + "].route[0].destination.host");
    prometheus = std::make_unique<rollout::PrometheusMetricsSource>(query, rollout::PromQlTemplates::defaults(),
                                                                    rollout::serviceFqdn(host, namespaceName),
                                                                    plan.stableSubset, plan.canarySubset);
    weights = clusterWeights.get();
    metrics = prometheus.get();
  }

  rollout::CanaryRollout rollout(plan, *weights, *metrics, [] { return std::chrono::steady_clock::now(); });
  drive(rollout, onInterrupt == "rollback", out, err);
  if (rehearsal) rehearsal->stop();

  cluster::HistoryEntry entry = rollout::RolloutReport::historyEntry(
      rollout, target, server, cluster::ApplyHistory::timestamp(std::chrono::system_clock::now()));
  if (std::string problem = cluster::ApplyHistory(projectFolder).record(entry); !problem.empty())
    err << "warning: the rollout was not recorded: " << problem << "\n";
  out << "rollout " << rollout::RolloutReport::outcome(rollout)
      << (rollout.verdict().empty() ? "" : ": " + rollout.verdict()) << "\n";
  switch (rollout.state()) {
    case rollout::RolloutState::Promoted:
      return kPromoted;
    case rollout::RolloutState::RolledBack:
      return kRolledBack;
    default:
      return kTrouble;
  }
}

}  // namespace meshstudio::app
