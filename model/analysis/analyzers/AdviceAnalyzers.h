#pragma once

// Shared by the operational-advice analyzers (AdviceAnalyzers.cpp, AdviceRouteAnalyzers.cpp,
// AdviceDestinationRuleAnalyzers.cpp): checks that flag configuration Istio accepts but that
// does not do what it looks like it does once Envoy runs it.

#include <optional>
#include <string>
#include <vector>

#include "model/analysis/AnalyzerSupport.h"

namespace meshstudio::model::analysis::advice {

void addRouteAnalyzers(std::vector<Analyzer>& out);
void addDestinationRuleAnalyzers(std::vector<Analyzer>& out);

/// `1500000000` ns → "1.5s", `300000000` → "300ms".
std::string formatDuration(double nanoseconds);

/// A number without a needless fraction: 33.333 → "33.3", 50 → "50".
std::string formatNumber(double value, int decimals = 1);

}  // namespace meshstudio::model::analysis::advice
