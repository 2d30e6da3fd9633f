#pragma once

#include <vector>

#include "model/Diagnostic.h"
#include "model/Resource.h"

namespace meshstudio::model {

/// Runs the CRD schema checks on resources and places each finding at file:line:column.
class SchemaCheck {
 public:
  static Diagnostics check(const Resource& resource);
  static Diagnostics check(const std::vector<Resource>& resources);
};

}  // namespace meshstudio::model
