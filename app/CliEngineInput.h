#pragma once

// Input handling the engine commands share (route, serve, load): reading and compiling a project
// with its problems reported the same way, and curl-style `-H 'name: value'` headers.

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "engine/ConfigSource.h"
#include "engine/HttpTypes.h"

namespace meshstudio::app {

class CliEngineInput {
 public:
  /// Loads and compiles the configuration; prints what went wrong. Null when nothing usable was read.
  static std::shared_ptr<const engine::Snapshot> loadOrReport(const engine::ConfigSource& source, const char* command,
                                                              std::ostream& err, bool* unreadable = nullptr);
  /// `name: value` strings as a header list; `error` names the first malformed one.
  static engine::HeaderList parseHeaders(const std::vector<std::string>& values, std::string& error);
  /// `host:port` of a URL (the scheme may be left out).
  static std::string authorityOf(const std::string& url);
};

}  // namespace meshstudio::app
