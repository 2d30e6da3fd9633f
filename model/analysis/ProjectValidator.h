#pragma once

#include <cstddef>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "model/Diagnostic.h"
#include "model/Resource.h"
#include "model/analysis/ProjectIndex.h"

namespace meshstudio::model::analysis {

struct ValidatorSettings {
  std::string defaultNamespace = "default";
  /// Codes ignored project-wide: `analysis: {ignore: [IST0102, MS2001]}` in meshstudio.yaml.
  std::set<std::string, std::less<>> ignoredCodes;
  bool runSchemaChecks = true;

  static ValidatorSettings fromProjectSettings(const Value& settings);
};

/// Validates a whole project — CRD schema checks plus every analyzer — and keeps the
/// result, so that after an edit only the resources that can be affected are analysed again.
///
/// Two resources affect each other's findings only through shared topics (a host, a gateway,
/// the workloads of a namespace, a secret), so an edit re-analyses the edited resource and
/// those whose topics overlap its old or new topics.
class ProjectValidator {
 public:
  explicit ProjectValidator(ValidatorSettings settings = {});

  /// Full validation of `resources`.
  void reset(const std::vector<Resource>& resources);
  /// The resource at `index` was replaced (after an edit).
  void replace(std::size_t index, const Resource& resource);
  void insert(std::size_t index, const Resource& resource);
  void remove(std::size_t index);

  /// Every finding, in resource order, with suppressions applied.
  Diagnostics diagnostics() const;
  /// Findings for one resource.
  const Diagnostics& diagnosticsFor(std::size_t index) const { return results_.at(index); }
  /// How many resources the last reset/replace/insert/remove analysed.
  std::size_t lastAnalysedCount() const { return lastAnalysed_; }

  /// One-shot: validate and return the findings.
  static Diagnostics validate(const std::vector<Resource>& resources, const ValidatorSettings& settings = {});

 private:
  void rebuildIndex();
  void analyse(const std::vector<std::size_t>& indices);
  void analyseAll();
  void reanalyseAround(const std::set<std::string>& topics, std::size_t changed);
  Diagnostics analyseOne(std::size_t index) const;

  ValidatorSettings settings_;
  std::vector<std::shared_ptr<const IndexedResource>> entries_;
  std::vector<Diagnostics> schema_;   ///< per entry: schema findings (only redone when the entry changes)
  std::vector<Diagnostics> results_;  ///< per entry: schema + analyzer findings, suppressions applied
  std::unique_ptr<ProjectIndex> index_;
  std::size_t lastAnalysed_ = 0;
};

/// The codes `galley.istio.io/analyze-suppress` lists on a resource (`*` suppresses all).
std::set<std::string, std::less<>> suppressedCodes(const ObjectMeta& metadata);

}  // namespace meshstudio::model::analysis
