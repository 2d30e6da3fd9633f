#pragma once

// What the studio applied to clusters, kept in the project folder under
// `.meshstudio/history/`, one YAML file per apply, prune or rollback: when, which context
// and server, with what result per resource, and the manifests exactly as applied (what a
// rollback re-applies, and how prune knows what the project applied before). Context and
// server names only: never a credential. The project importer skips dot-folders, so these
// files are never mistaken for manifests. Qt-free.

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "model/Value.h"

namespace meshstudio::cluster {

struct HistoryResource {
  std::string resource;  ///< `VirtualService shop/reviews`
  std::string apiVersion;
  std::string action;  ///< created, configured, unchanged, pruned, restored, failed, skipped
  std::string resourceVersion;
  std::string message;
};

struct HistoryEntry {
  std::string id;         ///< the file's name without `.yaml`: `20261127T142501Z-apply`
  std::string time;       ///< RFC 3339, UTC
  std::string operation;  ///< apply, rollback, rollout
  std::string context;
  std::string server;
  std::string fieldManager;
  std::string result;        ///< succeeded, failed; for a rollout: promoted, rolled back, failed
  std::string rolledBackTo;  ///< for a rollback: the entry it went back to
  std::vector<HistoryResource> resources;
  std::vector<model::Value> manifests;  ///< as applied
  model::Value details;                 ///< what else the operation records (a rollout: its plan and every decision)

  /// True when `resource` was applied by this entry (created, configured or unchanged).
  bool applied(const std::string& resource) const;
};

class ApplyHistory {
 public:
  static constexpr const char* kFolder = ".meshstudio/history";

  explicit ApplyHistory(std::filesystem::path projectFolder);

  /// Every entry, newest first. Files that do not parse are skipped and listed in `problems`.
  std::vector<HistoryEntry> entries(std::vector<std::string>* problems = nullptr) const;
  /// Writes `entry` atomically; fills in `id` (from `time`, made unique) and returns an error message or "".
  std::string record(HistoryEntry& entry) const;

  /// RFC 3339 UTC with seconds: `2026-11-27T14:25:01Z`.
  static std::string timestamp(std::chrono::system_clock::time_point when);

  static model::Value toValue(const HistoryEntry& entry);
  static HistoryEntry fromValue(const model::Value& value);

 private:
  std::filesystem::path folder_;
};

}  // namespace meshstudio::cluster
