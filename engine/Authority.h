#pragma once

// Reading an HTTP authority (`reviews.shop:9080`, `[::1]:8080`): the one place that splits a
// host from its port, so that Service resolution, virtual-host selection, routing and listener
// choice agree on what the host and the port of a request are.

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "model/Text.h"

namespace meshstudio::engine {

/// A decimal port, 0–65535; nullopt for anything else.
inline std::optional<std::uint16_t> parsePort(std::string_view text) {
  unsigned value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value > 65535) return std::nullopt;
  return static_cast<std::uint16_t>(value);
}

/// {host, port} of an authority; the port is empty when none is written. A bracketed IPv6
/// literal is returned whole, and a suffix that is not a number is part of the host.
inline std::pair<std::string_view, std::string_view> splitAuthority(std::string_view authority) {
  auto colon = authority.rfind(':');
  if (colon == std::string_view::npos || authority.find(']') != std::string_view::npos) return {authority, {}};
  std::string_view port = authority.substr(colon + 1);
  for (char c : port)
    if (c < '0' || c > '9') return {authority, {}};
  return {authority.substr(0, colon), port};
}

/// The authority's host as names are looked up: lower case, without port or trailing dot.
inline std::string hostOf(std::string_view authority) {
  std::string host = model::lowercase(splitAuthority(authority).first);
  if (host.ends_with('.')) host.pop_back();  // an absolute DNS name
  return host;
}

}  // namespace meshstudio::engine
