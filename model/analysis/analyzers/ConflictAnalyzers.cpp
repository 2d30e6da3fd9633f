#include "model/analysis/Analyzer.h"

namespace meshstudio::model::analysis {

void addConflictAnalyzers(std::vector<Analyzer>&) {}

}  // namespace meshstudio::model::analysis
