#include "app/cluster/ClusterSync.h"

#include <algorithm>
#include <map>

namespace meshstudio::cluster {
namespace {

using model::Value;

std::string resourceVersionOf(const Value& object) {
  const Value* version = object.at("metadata.resourceVersion");
  return version && version->isScalar() ? version->text() : std::string();
}

bool managedBy(const Value& live, const std::string& manager) {
  const Value* managed = live.at("metadata.managedFields");
  if (!managed || !managed->isSeq()) return false;
  return std::any_of(managed->items().begin(), managed->items().end(), [&](const Value& entry) {
    const Value* name = entry.find("manager");
    return name && name->isString() && name->text() == manager;
  });
}

/// The live object as a manifest in the studio's key order, for a side-by-side view.
Value canonicalLive(const Value& live) {
  return model::Resource::fromDocument(ClusterDiff::withoutServerFields(live), {}).canonicalDocument();
}

/// apiVersion, kind and identity only: applying it releases every field the manager owned.
Value releasingDocument(const ObjectRef& ref) {
  Value document = Value::map();
  document.set("apiVersion", Value::string(ref.apiVersion));
  document.set("kind", Value::string(ref.type.kind));
  Value metadata = Value::map();
  metadata.set("name", Value::string(ref.name));
  metadata.set("namespace", Value::string(ref.namespaceName));
  document.set("metadata", std::move(metadata));
  return document;
}

ResourceOutcome outcome(const ObjectRef& ref, ResourceOutcome::Action action) {
  ResourceOutcome result;
  result.ref = ref;
  result.action = action;
  return result;
}

void report(const ClusterSync::Progress& progress, int done, int total, const std::string& step) {
  if (progress) progress(done, total, step);
}

}  // namespace

const char* actionName(ResourceOutcome::Action action) {
  switch (action) {
    case ResourceOutcome::Action::Created:
      return "created";
    case ResourceOutcome::Action::Configured:
      return "configured";
    case ResourceOutcome::Action::Unchanged:
      return "unchanged";
    case ResourceOutcome::Action::Pruned:
      return "pruned";
    case ResourceOutcome::Action::Restored:
      return "restored";
    case ResourceOutcome::Action::Failed:
      return "failed";
    case ResourceOutcome::Action::Skipped:
      return "skipped";
  }
  return "skipped";
}

bool ShipReport::succeeded() const {
  return std::none_of(outcomes.begin(), outcomes.end(),
                      [](const ResourceOutcome& o) { return o.action == ResourceOutcome::Action::Failed; });
}

ClusterSync::ClusterSync(KubeApi& api, std::string defaultNamespace)
    : api_(api),
      defaultNamespace_(std::move(defaultNamespace)),
      clock_([] { return std::chrono::system_clock::now(); }) {}

std::vector<ShipTarget> ClusterSync::targetsOf(const std::vector<model::Resource>& resources,
                                               const std::string& defaultNamespace) {
  std::vector<ShipTarget> targets;
  for (const model::Resource& resource : resources) {
    if (resource.isUnparsed() || !resource.isIstio()) continue;
    Value document = resource.canonicalDocument();
    std::optional<ObjectRef> ref = KubeApi::refOf(document, defaultNamespace);
    if (!ref || !ref->type.shippable) continue;
    // Say the namespace outright: the diff then compares like with like, and the manifest
    // kept in the history means the same thing whatever the default is next time.
    if (Value* metadata = document.find("metadata")) metadata->set("namespace", Value::string(ref->namespaceName));
    targets.push_back({*ref, std::move(document)});
  }
  return targets;
}

std::vector<ResourceDiff> ClusterSync::diff(const std::vector<ShipTarget>& targets, const Progress& progress) {
  std::vector<ResourceDiff> diffs;
  int done = 0;
  for (const ShipTarget& target : targets) {
    report(progress, done, static_cast<int>(targets.size()), "Reading " + target.ref.displayName());
    ResourceDiff diff;
    diff.ref = target.ref;
    diff.local = target.document;
    KubeResult<std::optional<Value>> live = api_.get(target.ref);
    if (!live.ok()) {
      diff.state = ResourceDiff::State::Failed;
      diff.problem = live.problem;
    } else if (!live.value) {
      diff.state = ResourceDiff::State::New;
      for (const Value::Entry& entry : target.document.entries())
        diff.changes.push_back({FieldChange::Kind::Added, entry.key, entry.value, std::nullopt, {}});
    } else {
      diff.changes = ClusterDiff::compare(target.document, *live.value, KubeApi::kFieldManager);
      diff.state =
          ClusterDiff::isUnchanged(diff.changes) ? ResourceDiff::State::Unchanged : ResourceDiff::State::Changed;
      diff.live = canonicalLive(*live.value);
    }
    diffs.push_back(std::move(diff));
    ++done;
  }
  report(progress, done, static_cast<int>(targets.size()), "Diff complete");
  return diffs;
}

ShipReport ClusterSync::apply(const std::vector<ShipTarget>& targets, const ShipOptions& options,
                              const ApplyHistory* history, const Progress& progress) {
  return run(targets, options, history, progress, "apply", {});
}

ShipReport ClusterSync::rollback(const HistoryEntry& entry, const ShipOptions& options, const ApplyHistory* history,
                                 const Progress& progress) {
  std::vector<ShipTarget> targets;
  for (const Value& manifest : entry.manifests)
    if (std::optional<ObjectRef> ref = KubeApi::refOf(manifest, defaultNamespace_)) targets.push_back({*ref, manifest});
  return run(targets, options, history, progress, "rollback", entry.id);
}

ShipReport ClusterSync::run(const std::vector<ShipTarget>& targets, const ShipOptions& options,
                            const ApplyHistory* history, const Progress& progress, const std::string& operation,
                            const std::string& rolledBackTo) {
  ShipReport result;
  result.dryRun = options.dryRun;
  const int total = static_cast<int>(targets.size()) * (options.dryRun ? 2 : 3);
  int done = 0;
  auto skipRest = [&](std::size_t from, const std::string& why) {
    for (std::size_t j = from; j < targets.size(); ++j) {
      ResourceOutcome skipped = outcome(targets[j].ref, ResourceOutcome::Action::Skipped);
      skipped.note = why;
      result.outcomes.push_back(std::move(skipped));
    }
  };
  auto finish = [&]() -> ShipReport& {
    if (!options.dryRun && history) record(result, targets, *history, operation, rolledBackTo);
    report(progress, total, total, result.succeeded() ? "Done" : "Failed");
    return result;
  };

  // 1. The live state before anything changes: created vs configured, and what to put back.
  std::vector<std::optional<Value>> before;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    report(progress, done++, total, "Reading " + targets[i].ref.displayName());
    KubeResult<std::optional<Value>> live = api_.get(targets[i].ref);
    if (!live.ok()) {
      ResourceOutcome failed = outcome(targets[i].ref, ResourceOutcome::Action::Failed);
      failed.problem = live.problem;
      result.outcomes.push_back(std::move(failed));
      skipRest(i + 1, "not applied: reading another resource failed");
      return finish();
    }
    before.push_back(std::move(live.value));
  }

  // 2. A dry run of every resource: the server's validation, admission and conflicts, and
  // its warnings, before anything is sent for real.
  std::vector<ResourceOutcome> dryRuns;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    report(progress, done++, total, "Dry run " + targets[i].ref.displayName());
    KubeResult<Value> answer = api_.apply(targets[i].ref, targets[i].document, {true, options.force});
    ResourceOutcome dry = outcome(targets[i].ref, ResourceOutcome::Action::Failed);
    dry.warnings = answer.warnings;
    if (!answer.ok()) {
      dry.problem = answer.problem;
    } else if (!before[i]) {
      dry.action = ResourceOutcome::Action::Created;
    } else {
      // Compared by meaning, not key order: the dry run's answer against the object as it is.
      bool same = ClusterDiff::compare(ClusterDiff::withoutServerFields(answer.value), *before[i], {}).empty();
      dry.action = same ? ResourceOutcome::Action::Unchanged : ResourceOutcome::Action::Configured;
      dry.resourceVersion = resourceVersionOf(*before[i]);
    }
    dryRuns.push_back(std::move(dry));
  }
  bool dryRunFailed = std::any_of(dryRuns.begin(), dryRuns.end(),
                                  [](const ResourceOutcome& o) { return o.action == ResourceOutcome::Action::Failed; });
  if (options.dryRun || dryRunFailed) {
    if (!options.dryRun) {
      for (ResourceOutcome& dry : dryRuns)
        if (dry.action != ResourceOutcome::Action::Failed) {
          dry.action = ResourceOutcome::Action::Skipped;
          dry.note = "not applied: another resource failed its dry run";
        }
    }
    result.outcomes = std::move(dryRuns);
    if (options.dryRun && options.prune && history) prune(targets, options, *history, result.outcomes);
    return finish();
  }

  // 3. The real apply, one resource at a time; a failure puts back what went before it.
  std::vector<ResourceOutcome> applied;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    report(progress, done++, total, "Applying " + targets[i].ref.displayName());
    KubeResult<Value> answer = api_.apply(targets[i].ref, targets[i].document, {false, options.force});
    if (!answer.ok()) {
      restore(applied, before, history, result.outcomes);
      ResourceOutcome failed = outcome(targets[i].ref, ResourceOutcome::Action::Failed);
      failed.problem = answer.problem;
      result.outcomes.push_back(std::move(failed));
      skipRest(i + 1, "not applied: an earlier resource failed");
      return finish();
    }
    ResourceOutcome done = outcome(targets[i].ref, ResourceOutcome::Action::Configured);
    done.resourceVersion = resourceVersionOf(answer.value);
    done.warnings = answer.warnings;
    if (!before[i])
      done.action = ResourceOutcome::Action::Created;
    else if (resourceVersionOf(*before[i]) == done.resourceVersion)
      done.action = ResourceOutcome::Action::Unchanged;
    applied.push_back(std::move(done));
  }
  result.outcomes = std::move(applied);
  if (options.prune && history) prune(targets, options, *history, result.outcomes);
  return finish();
}

void ClusterSync::restore(const std::vector<ResourceOutcome>& applied, const std::vector<std::optional<Value>>& before,
                          const ApplyHistory* history, std::vector<ResourceOutcome>& outcomes) {
  std::vector<HistoryEntry> entries = history ? history->entries() : std::vector<HistoryEntry>{};
  for (std::size_t i = 0; i < applied.size(); ++i) {
    ResourceOutcome put = applied[i];
    if (put.action == ResourceOutcome::Action::Unchanged) {
      outcomes.push_back(std::move(put));
      continue;
    }
    const std::string name = put.ref.displayName();
    bool ok = false;
    if (!before[i]) {
      ok = api_.remove(put.ref, false).ok();
      put.note = ok ? "created, then deleted again because a later resource failed"
                    : "created; deleting it again failed: remove it by hand";
    } else {
      // The manifest the studio applied last, else a document that gives up the studio's fields.
      Value previous = releasingDocument(put.ref);
      for (const HistoryEntry& entry : entries) {
        if (!entry.applied(name)) continue;
        for (const Value& manifest : entry.manifests) {
          std::optional<ObjectRef> ref = KubeApi::refOf(manifest, defaultNamespace_);
          if (ref && ref->displayName() == name) previous = manifest;
        }
        break;
      }
      ok = api_.apply(put.ref, previous, {false, false}).ok();
      put.note = ok ? "configured, then put back because a later resource failed"
                    : "configured; putting it back failed: check it by hand";
    }
    put.action = ok ? ResourceOutcome::Action::Restored : ResourceOutcome::Action::Failed;
    if (!ok) {
      put.problem.kind = ClusterProblem::Kind::Other;
      put.problem.message = put.note;
    }
    outcomes.push_back(std::move(put));
  }
}

std::vector<ObjectRef> ClusterSync::pruneCandidates(const std::vector<ShipTarget>& targets,
                                                    const ApplyHistory& history) const {
  // Newest first: an object's latest recorded action decides whether the project still has it live.
  std::map<std::string, std::optional<ObjectRef>> latest;
  const std::string& server = api_.transport().connection().server;
  for (const HistoryEntry& entry : history.entries()) {
    if (entry.server != server) continue;
    for (const HistoryResource& resource : entry.resources) {
      if (latest.count(resource.resource)) continue;
      std::optional<ObjectRef> ref;
      if (entry.applied(resource.resource))
        for (const Value& manifest : entry.manifests)
          if (auto candidate = KubeApi::refOf(manifest, defaultNamespace_);
              candidate && candidate->displayName() == resource.resource)
            ref = candidate;
      if (resource.action == "failed" || resource.action == "skipped") continue;  // says nothing new
      latest[resource.resource] = ref;
    }
  }
  std::vector<ObjectRef> candidates;
  for (const auto& [name, ref] : latest) {
    if (!ref) continue;
    bool kept = std::any_of(targets.begin(), targets.end(),
                            [&](const ShipTarget& target) { return target.ref.displayName() == name; });
    if (!kept) candidates.push_back(*ref);
  }
  return candidates;
}

void ClusterSync::prune(const std::vector<ShipTarget>& targets, const ShipOptions& options, const ApplyHistory& history,
                        std::vector<ResourceOutcome>& outcomes) {
  for (const ObjectRef& ref : pruneCandidates(targets, history)) {
    KubeResult<std::optional<Value>> live = api_.get(ref);
    if (live.ok() && !live.value) continue;  // gone already
    ResourceOutcome pruned = outcome(ref, ResourceOutcome::Action::Skipped);
    if (!live.ok()) {
      pruned.action = ResourceOutcome::Action::Failed;
      pruned.problem = live.problem;
    } else if (!managedBy(*live.value, KubeApi::kFieldManager)) {
      pruned.note = "not pruned: meshstudio no longer manages it";
    } else if (KubeResult<bool> removed = api_.remove(ref, options.dryRun); removed.ok()) {
      pruned.action = ResourceOutcome::Action::Pruned;
      pruned.warnings = removed.warnings;
    } else {
      pruned.action = ResourceOutcome::Action::Failed;
      pruned.problem = removed.problem;
    }
    outcomes.push_back(std::move(pruned));
  }
}

void ClusterSync::record(ShipReport& report, const std::vector<ShipTarget>& targets, const ApplyHistory& history,
                         const std::string& operation, const std::string& rolledBackTo) {
  const ClusterConnection& connection = api_.transport().connection();
  HistoryEntry entry;
  entry.time = ApplyHistory::timestamp(clock_());
  entry.operation = operation;
  entry.context = connection.contextName;
  entry.server = connection.server;
  entry.fieldManager = KubeApi::kFieldManager;
  entry.result = report.succeeded() ? "succeeded" : "failed";
  entry.rolledBackTo = rolledBackTo;
  for (const ResourceOutcome& outcome : report.outcomes)
    entry.resources.push_back({outcome.ref.displayName(), outcome.ref.apiVersion, actionName(outcome.action),
                               outcome.resourceVersion,
                               outcome.problem.message.empty() ? outcome.note : outcome.problem.message});
  for (const ShipTarget& target : targets) entry.manifests.push_back(target.document);
  report.historyError = history.record(entry);
  report.historyId = entry.id;
}

KubeResult<std::vector<Value>> ClusterSync::importNamespace(const std::string& namespaceName) {
  KubeResult<std::vector<Value>> result;
  KubeResult<IstioSupport> istio = api_.istioSupport();
  if (!istio.ok()) {
    result.problem = istio.problem;
    return result;
  }
  for (const KubeResourceType& type : KubeResourceType::all()) {
    std::string apiVersion = type.group.empty() ? "v1" : type.group + "/v1";
    if (type.group == "networking.istio.io") {
      if (!istio.value.installed()) continue;
      const std::vector<std::string>& versions = istio.value.versions;
      // EnvoyFilter is served as v1alpha3 only.
      std::string version = type.kind == "EnvoyFilter" ? "v1alpha3" : istio.value.preferredVersion;
      if (std::find(versions.begin(), versions.end(), version) == versions.end()) continue;
      apiVersion = type.group + "/" + version;
    }
    KubeResult<std::vector<Value>> listed = api_.list(type, apiVersion, namespaceName);
    if (!listed.ok()) {
      if (listed.problem.kind == ClusterProblem::Kind::NotInstalled) continue;
      result.problem = listed.problem;
      return result;
    }
    for (const Value& object : listed.value) result.value.push_back(canonicalLive(object));
  }
  return result;
}

}  // namespace meshstudio::cluster
