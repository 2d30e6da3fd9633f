#pragma once

// The compiled Snapshot as JSON, for the admin /config_dump page and for tools: listeners,
// virtual hosts with their routes in evaluation order, and clusters with their endpoints.

#include <nlohmann/json_fwd.hpp>

namespace meshstudio::engine {

struct Snapshot;

nlohmann::json configDump(const Snapshot& snapshot);

}  // namespace meshstudio::engine
