#include "engine/RouteTrace.h"

#include <nlohmann/json.hpp>

namespace meshstudio::engine {
namespace {

const char* kindName(TraceStep::Kind kind) {
  switch (kind) {
    case TraceStep::Kind::Listener:
      return "listener";
    case TraceStep::Kind::VirtualHost:
      return "virtual host";
    case TraceStep::Kind::Block:
      return "match";
    case TraceStep::Kind::Fault:
      return "fault";
    case TraceStep::Kind::Cors:
      return "cors";
    case TraceStep::Kind::Destination:
      return "destination";
    case TraceStep::Kind::Rewrite:
      return "rewrite";
    case TraceStep::Kind::Header:
      return "header";
    case TraceStep::Kind::Policy:
      return "policy";
    case TraceStep::Kind::Outcome:
      return "outcome";
  }
  return "";
}

}  // namespace

std::string RouteTrace::render() const {
  std::string out;
  for (const TraceStep& step : steps) {
    const bool nested = step.kind == TraceStep::Kind::Block || step.kind == TraceStep::Kind::Header;
    std::string label = kindName(step.kind);
    out += nested ? "    " : "";
    if (step.kind == TraceStep::Kind::Block)
      out += step.ok ? "✓ " : "✗ ";
    else
      out += label + ": ";
    out += step.text;
    if (!step.origin.empty()) out += "\n" + std::string(nested ? 8 : 4, ' ') + "at " + step.origin;
    out += '\n';
  }
  return out;
}

nlohmann::json RouteTrace::toJson() const {
  nlohmann::json out = nlohmann::json::array();
  for (const TraceStep& step : steps) {
    nlohmann::json entry{{"kind", kindName(step.kind)}, {"ok", step.ok}, {"text", step.text}};
    if (!step.origin.empty()) entry["origin"] = step.origin;
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace meshstudio::engine
