#pragma once

// What `explain` tells the user about one request: which virtual host, which rules and blocks
// were considered and why each did or did not match (field, expected, actual), the weight
// draw, the rewritten request and the policies that will apply. Recorded only when asked for,
// so the data path pays nothing for it.

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace meshstudio::engine {

struct TraceStep {
  enum class Kind { Listener, VirtualHost, Block, Fault, Cors, Destination, Rewrite, Header, Policy, Outcome };
  Kind kind;
  bool ok = true;
  std::string text;    ///< one line, for people
  std::string origin;  ///< `VirtualService shop/reviews spec.http[0].match[0] (routing.yaml:52)`
};

struct RouteTrace {
  std::vector<TraceStep> steps;

  void add(TraceStep::Kind kind, bool ok, std::string text, std::string origin = {}) {
    steps.push_back(TraceStep{kind, ok, std::move(text), std::move(origin)});
  }
  /// Indented text, one step per line, the way the CLI prints it.
  std::string render() const;
  nlohmann::json toJson() const;
};

}  // namespace meshstudio::engine
