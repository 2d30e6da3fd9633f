#pragma once

// The Kubernetes API test server's storage: namespaces and namespaced objects, one copy each
// whatever version path wrote it, a global resourceVersion counter, server-side apply under one
// mutex (the test thread seeds and inspects while the server thread serves).

#include <nlohmann/json.hpp>

#include <compare>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "cluster/ServerSideApply.h"

namespace meshstudio::test {

struct ObjectKey {
  std::string group;  ///< "" for the core group
  std::string namespaceName;
  std::string plural;
  std::string name;
  auto operator<=>(const ObjectKey&) const = default;
};

struct StoreApplyResult {
  enum class Status { Created, Updated, Unchanged, Conflict, StaleResourceVersion };
  Status status = Status::Unchanged;
  nlohmann::json object;                 ///< the result (as stored, or as it would be with dryRun)
  std::vector<ApplyConflict> conflicts;  ///< with Conflict
};

class ObjectStore {
 public:
  using json = nlohmann::json;

  /// Starts with the namespace `default`, as every cluster has it.
  ObjectStore();

  void addNamespace(const std::string& name);
  bool hasNamespace(const std::string& name) const;
  std::optional<json> namespaceObject(const std::string& name) const;
  std::vector<json> namespaces() const;

  /// Stores `object` as the server's own write: no field manager, its managedFields (if any)
  /// kept as given. Fills metadata name/namespace from `key`, uid, creationTimestamp and
  /// generation when missing; always a new resourceVersion. Creates the namespace if needed.
  json put(const ObjectKey& key, json object);
  std::optional<json> get(const ObjectKey& key) const;
  /// Objects of one type, ordered by namespace and name; `key.namespaceName` empty: all
  /// namespaces (`key.name` is ignored).
  std::vector<json> list(const ObjectKey& key) const;
  /// The removed object, nullopt when there was none. `dryRun`: nothing is removed.
  std::optional<json> remove(const ObjectKey& key, bool dryRun);
  /// Server-side apply of `applied` (see ServerSideApply) as `manager`. A change bumps
  /// resourceVersion (and `metadata.generation` when more than metadata changed); creation sets
  /// uid, creationTimestamp, resourceVersion and generation 1. `dryRun`: computed, not stored,
  /// and no resourceVersion is used up (a dry-run creation has none).
  StoreApplyResult apply(const ObjectKey& key, const json& applied, const std::string& manager,
                         const std::string& apiVersion, bool force, bool dryRun);

  /// The current value of the global resourceVersion counter (a LIST's resourceVersion).
  std::string resourceVersion() const;
  /// Now, in RFC 3339 (UTC, seconds), as the API server writes timestamps.
  static std::string timestamp();

 private:
  std::string newUid();
  std::string nextResourceVersion() { return std::to_string(++revision_); }
  void addNamespaceLocked(const std::string& name);

  mutable std::mutex mutex_;
  std::map<ObjectKey, json> objects_;
  std::map<std::string, json> namespaces_;
  std::uint64_t revision_ = 1000;
  std::mt19937_64 random_{std::random_device{}()};
};

}  // namespace meshstudio::test
