#include "model/analysis/Analyzer.h"

namespace meshstudio::model::analysis {

void addReferenceAnalyzers(std::vector<Analyzer>&) {}

}  // namespace meshstudio::model::analysis
