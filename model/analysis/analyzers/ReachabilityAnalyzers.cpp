#include "model/analysis/Analyzer.h"

namespace meshstudio::model::analysis {

void addReachabilityAnalyzers(std::vector<Analyzer>&) {}

}  // namespace meshstudio::model::analysis
