#include "engine/LoadOptions.h"

#include <cctype>
#include <charconv>
#include <cmath>

namespace meshstudio::engine {

bool LoadTarget::fromUrl(std::string_view url, LoadTarget& out, std::string& error) {
  std::string_view rest = url;
  if (auto scheme = rest.find("://"); scheme != std::string_view::npos) {
    std::string name(rest.substr(0, scheme));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name != "http") {
      error = "only http:// URLs are supported, got \"" + std::string(url) + "\"";
      return false;
    }
    rest.remove_prefix(scheme + 3);
  }
  const auto pathStart = rest.find_first_of("/?");
  const std::string_view authority = rest.substr(0, pathStart);
  if (authority.empty()) {
    error = "the URL \"" + std::string(url) + "\" names no host";
    return false;
  }
  LoadTarget target;
  target.authority = std::string(authority);
  std::string_view host = authority, port;
  if (authority.front() == '[') {  // [::1]:8080
    const auto close = authority.find(']');
    if (close == std::string_view::npos) {
      error = "unbalanced [ in \"" + std::string(url) + "\"";
      return false;
    }
    host = authority.substr(1, close - 1);
    if (close + 1 < authority.size() && authority[close + 1] == ':') port = authority.substr(close + 2);
  } else if (auto colon = authority.rfind(':'); colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
  }
  if (!port.empty()) {
    unsigned value = 0;
    auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (ec != std::errc() || end != port.data() + port.size() || value == 0 || value > 65535) {
      error = "bad port in \"" + std::string(url) + "\"";
      return false;
    }
    target.dialPort = static_cast<std::uint16_t>(value);
  }
  target.dialHost = std::string(host);
  if (pathStart != std::string_view::npos) {
    target.path = std::string(rest.substr(pathStart));
    if (target.path.front() == '?') target.path.insert(target.path.begin(), '/');
  }
  out = std::move(target);
  return true;
}

std::string LoadOptions::validate() const {
  if (target.dialHost.empty()) return "no URL to send to";
  if (connections < 1) return "-c must be at least 1";
  if (!(qps >= 0) || !std::isfinite(qps)) return "-qps must be 0 (as fast as possible) or a positive rate";
  if (requests == 0 && duration.count() <= 0) return "-n or -t must be positive";
  if (timeout.count() <= 0) return "--timeout must be positive";
  if (threads < 1) return "--threads must be at least 1";
  if (method.empty() || method.find_first_of(" \t\r\n") != std::string::npos) return "bad method \"" + method + "\"";
  return {};
}

std::optional<std::chrono::nanoseconds> parseLoadDuration(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::size_t numberEnd = 0;
  while (numberEnd < text.size() &&
         (std::isdigit(static_cast<unsigned char>(text[numberEnd])) || text[numberEnd] == '.'))
    ++numberEnd;
  if (numberEnd == 0) return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + numberEnd, value);
  if (ec != std::errc() || end != text.data() + numberEnd || value < 0) return std::nullopt;
  const std::string_view unit = text.substr(numberEnd);
  double nanosPerUnit = 0;
  if (unit.empty() || unit == "s")
    nanosPerUnit = 1e9;
  else if (unit == "ms")
    nanosPerUnit = 1e6;
  else if (unit == "us" || unit == "µs")
    nanosPerUnit = 1e3;
  else if (unit == "ns")
    nanosPerUnit = 1;
  else if (unit == "m")
    nanosPerUnit = 60e9;
  else if (unit == "h")
    nanosPerUnit = 3600e9;
  else
    return std::nullopt;
  const double nanos = value * nanosPerUnit;
  if (nanos > 1e18) return std::nullopt;
  return std::chrono::nanoseconds(static_cast<std::int64_t>(std::llround(nanos)));
}

}  // namespace meshstudio::engine
