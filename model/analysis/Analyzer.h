#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/Diagnostic.h"
#include "model/analysis/ProjectIndex.h"

namespace meshstudio::model::analysis {

/// What an analyzer sees: the resource under analysis, the whole project's index, and a
/// sink that places each finding at the resource's file:line:column.
class AnalysisContext {
 public:
  AnalysisContext(const IndexedResource& subject, const ProjectIndex& index, Diagnostics& out)
      : subject_(subject), index_(index), out_(out) {}

  const IndexedResource& subject() const { return subject_; }
  const ProjectIndex& index() const { return index_; }
  const std::string& namespaceName() const { return subject_.namespaceName; }

  /// Reports a finding at `path` (`spec.http[1].route[0].destination.subset`) of the subject.
  /// `message` says what is wrong and what to do about it.
  Diagnostic& report(Severity severity, std::string code, std::string path, std::string message);
  Diagnostic& error(std::string code, std::string path, std::string message) {
    return report(Severity::Error, std::move(code), std::move(path), std::move(message));
  }
  Diagnostic& warning(std::string code, std::string path, std::string message) {
    return report(Severity::Warning, std::move(code), std::move(path), std::move(message));
  }
  Diagnostic& info(std::string code, std::string path, std::string message) {
    return report(Severity::Info, std::move(code), std::move(path), std::move(message));
  }

 private:
  const IndexedResource& subject_;
  const ProjectIndex& index_;
  Diagnostics& out_;
};

/// One check. `kinds` says which resources it runs on; `run` inspects ctx.subject() (and may
/// look up anything in ctx.index()) and reports through ctx. Analyzers are pure functions of
/// the index: no state, no I/O, safe to run in parallel.
struct Analyzer {
  std::string_view name;  ///< e.g. "vs.destination-subset-exists"
  std::vector<ResourceKind> kinds;
  void (*run)(AnalysisContext& ctx);
};

/// Every analyzer, grouped by file under model/analysis/analyzers/.
const std::vector<Analyzer>& allAnalyzers();

// Each group appends its analyzers; defined in analyzers/<Group>.cpp.
void addAdmissionAnalyzers(std::vector<Analyzer>& out);
void addReferenceAnalyzers(std::vector<Analyzer>& out);
void addConflictAnalyzers(std::vector<Analyzer>& out);
void addReachabilityAnalyzers(std::vector<Analyzer>& out);
void addAdviceAnalyzers(std::vector<Analyzer>& out);

}  // namespace meshstudio::model::analysis
