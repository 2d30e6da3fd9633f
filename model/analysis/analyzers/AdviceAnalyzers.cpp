#include "model/analysis/Analyzer.h"

namespace meshstudio::model::analysis {

void addAdviceAnalyzers(std::vector<Analyzer>&) {}

}  // namespace meshstudio::model::analysis
