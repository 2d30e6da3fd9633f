#include "model/analysis/ProjectValidator.h"

#include <algorithm>
#include <optional>

#include "model/ParallelFor.h"
#include "model/SchemaCheck.h"
#include "model/Text.h"
#include "model/analysis/Analyzer.h"

namespace meshstudio::model::analysis {
namespace {

constexpr std::string_view kSuppressAnnotation = "galley.istio.io/analyze-suppress";

/// Some analyzers speak only when the project holds any Service, TLS Secret or Gateway at all
/// (to stay quiet on pure-config projects). Adding or removing such a resource can change
/// findings anywhere, so it gets a full analysis: rare, and a full run takes tens of ms.
bool changesProjectWideFacts(std::optional<ResourceKind> before, std::optional<ResourceKind> after) {
  auto matters = [](std::optional<ResourceKind> kind) {
    return kind == ResourceKind::Service || kind == ResourceKind::Secret || kind == ResourceKind::Gateway;
  };
  return before != after && (matters(before) || matters(after));
}

bool runsOn(const Analyzer& analyzer, ResourceKind kind) {
  return std::find(analyzer.kinds.begin(), analyzer.kinds.end(), kind) != analyzer.kinds.end();
}

}  // namespace

std::set<std::string, std::less<>> suppressedCodes(const ObjectMeta& metadata) {
  std::set<std::string, std::less<>> codes;
  const std::string* list = metadata.annotations.find(kSuppressAnnotation);
  if (!list) return codes;
  std::string_view rest = *list;
  while (!rest.empty()) {
    auto comma = rest.find(',');
    std::string code = trimBlanks(rest.substr(0, comma));
    if (!code.empty()) codes.insert(code);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
  }
  return codes;
}

ValidatorSettings ValidatorSettings::fromProjectSettings(const Value& settings) {
  ValidatorSettings out;
  if (const Value* ns = settings.find("defaultNamespace"); ns && ns->isString() && !ns->text().empty())
    out.defaultNamespace = ns->text();
  if (const Value* ignore = settings.at("analysis.ignore"); ignore && ignore->isSeq())
    for (const Value& code : ignore->items())
      if (code.isString()) out.ignoredCodes.insert(code.text());
  return out;
}

ProjectValidator::ProjectValidator(ValidatorSettings settings) : settings_(std::move(settings)) {}

void ProjectValidator::reset(const std::vector<Resource>& resources) {
  entries_.assign(resources.size(), nullptr);
  schema_.assign(resources.size(), {});
  results_.assign(resources.size(), {});
  parallelFor(resources.size(), 64, [&](std::size_t i) {
    entries_[i] = IndexedResource::make(resources[i], settings_.defaultNamespace);
    if (settings_.runSchemaChecks) schema_[i] = SchemaCheck::check(resources[i]);
  });
  rebuildIndex();
  analyseAll();
}

void ProjectValidator::replace(std::size_t index, const Resource& resource) {
  ResourceKind before = entries_.at(index)->resource.kind();
  std::set<std::string> topics = entries_.at(index)->topics;
  entries_[index] = IndexedResource::make(resource, settings_.defaultNamespace);
  schema_[index] = settings_.runSchemaChecks ? SchemaCheck::check(resource) : Diagnostics{};
  topics.insert(entries_[index]->topics.begin(), entries_[index]->topics.end());
  rebuildIndex();
  if (changesProjectWideFacts(before, resource.kind()))
    analyseAll();
  else
    reanalyseAround(topics, index);
}

void ProjectValidator::insert(std::size_t index, const Resource& resource) {
  auto position = static_cast<std::ptrdiff_t>(index);
  entries_.insert(entries_.begin() + position, IndexedResource::make(resource, settings_.defaultNamespace));
  schema_.insert(schema_.begin() + position, settings_.runSchemaChecks ? SchemaCheck::check(resource) : Diagnostics{});
  results_.insert(results_.begin() + position, Diagnostics{});
  rebuildIndex();
  if (changesProjectWideFacts(std::nullopt, resource.kind()))
    analyseAll();
  else
    reanalyseAround(entries_[index]->topics, index);
}

void ProjectValidator::remove(std::size_t index) {
  ResourceKind before = entries_.at(index)->resource.kind();
  std::set<std::string> topics = entries_.at(index)->topics;
  auto position = static_cast<std::ptrdiff_t>(index);
  entries_.erase(entries_.begin() + position);
  schema_.erase(schema_.begin() + position);
  results_.erase(results_.begin() + position);
  rebuildIndex();
  if (changesProjectWideFacts(before, std::nullopt))
    analyseAll();
  else
    reanalyseAround(topics, entries_.size());
}

void ProjectValidator::analyseAll() {
  std::vector<std::size_t> all(entries_.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  analyse(all);
}

void ProjectValidator::rebuildIndex() { index_ = std::make_unique<ProjectIndex>(entries_, settings_.defaultNamespace); }

void ProjectValidator::reanalyseAround(const std::set<std::string>& topics, std::size_t changed) {
  std::vector<std::size_t> affected;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    auto touches = [&](const std::set<std::string>& own) {
      return std::any_of(own.begin(), own.end(), [&](const std::string& t) { return topics.count(t) > 0; });
    };
    bool overlaps = i == changed || touches(entries_[i]->topics) || touches(entries_[i]->watches);
    if (overlaps) affected.push_back(i);
  }
  analyse(affected);
}

void ProjectValidator::analyse(const std::vector<std::size_t>& indices) {
  parallelFor(indices.size(), 128, [&](std::size_t k) { results_[indices[k]] = analyseOne(indices[k]); });
  lastAnalysed_ = indices.size();
}

Diagnostics ProjectValidator::analyseOne(std::size_t index) const {
  const IndexedResource& subject = *entries_[index];
  Diagnostics found = schema_[index];
  AnalysisContext ctx(subject, *index_, found);
  for (const Analyzer& analyzer : allAnalyzers())
    if (runsOn(analyzer, subject.resource.kind())) analyzer.run(ctx);

  auto suppressed = suppressedCodes(subject.metadata);
  bool all = suppressed.count("*") > 0;
  std::erase_if(found, [&](const Diagnostic& d) {
    return all || suppressed.count(d.code) > 0 || settings_.ignoredCodes.count(d.code) > 0;
  });
  return found;
}

Diagnostics ProjectValidator::diagnostics() const {
  Diagnostics all;
  for (const Diagnostics& one : results_) all.insert(all.end(), one.begin(), one.end());
  return all;
}

Diagnostics ProjectValidator::validate(const std::vector<Resource>& resources, const ValidatorSettings& settings) {
  ProjectValidator validator(settings);
  validator.reset(resources);
  return validator.diagnostics();
}

}  // namespace meshstudio::model::analysis
