#pragma once

#include <vector>

#include "model/Diagnostic.h"
#include "model/Resource.h"

namespace meshstudio::model::analysis {

/// Applies a quick fix to a project's resources: each edit replaces the resource named by its
/// target (`Kind namespace/name`), keeping the resource's file, or adds a new resource.
/// All or nothing: returns false and changes nothing when a target does not exist.
bool applyQuickFix(std::vector<Resource>& resources, const QuickFix& fix);

}  // namespace meshstudio::model::analysis
