#include "model/analysis/Analyzer.h"

namespace meshstudio::model::analysis {

Diagnostic& AnalysisContext::report(Severity severity, std::string code, std::string path, std::string message) {
  Diagnostic d;
  d.severity = severity;
  d.code = std::move(code);
  d.message = std::move(message);
  d.resource = subject_.resource.displayName();
  d.file = subject_.resource.source().file;
  SourceMark mark = subject_.resource.locate(path);
  d.line = mark.line;
  d.column = mark.column;
  d.path = std::move(path);
  out_.push_back(std::move(d));
  return out_.back();
}

const std::vector<Analyzer>& allAnalyzers() {
  static const std::vector<Analyzer> analyzers = [] {
    std::vector<Analyzer> all;
    addAdmissionAnalyzers(all);
    addReferenceAnalyzers(all);
    addConflictAnalyzers(all);
    addReachabilityAnalyzers(all);
    addAdviceAnalyzers(all);
    return all;
  }();
  return analyzers;
}

}  // namespace meshstudio::model::analysis
