#include "model/analysis/QuickFixes.h"

#include <algorithm>

namespace meshstudio::model::analysis {

bool applyQuickFix(std::vector<Resource>& resources, const QuickFix& fix) {
  std::vector<Resource> result = resources;
  for (const ResourceEdit& edit : fix.edits) {
    if (edit.target.empty()) {
      result.push_back(Resource::fromDocument(edit.document, {}));
      continue;
    }
    auto target =
        std::find_if(result.begin(), result.end(), [&](const Resource& r) { return r.displayName() == edit.target; });
    if (target == result.end()) return false;
    SourceLocation source = target->source();
    *target = Resource::fromDocument(edit.document, source);
  }
  resources = std::move(result);
  return true;
}

}  // namespace meshstudio::model::analysis
