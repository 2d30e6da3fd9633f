#pragma once

// The admin listener's pages, like Envoy's admin interface: /ready, /stats,
// /stats/prometheus, /config_dump (the compiled route tables and clusters as JSON) and
// /clusters (endpoints and their state). A free function over the engine's read-only state.

#include "engine/HttpTypes.h"

namespace meshstudio::engine {

class Engine;

Response handleAdminRequest(const Request& request, Engine& engine);

}  // namespace meshstudio::engine
