#include "model/analysis/Analyzer.h"

namespace meshstudio::model::analysis {

void addAdmissionAnalyzers(std::vector<Analyzer>&) {}

}  // namespace meshstudio::model::analysis
