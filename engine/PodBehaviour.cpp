#include "engine/PodBehaviour.h"

#include <charconv>
#include <cmath>
#include <string_view>

#include "model/Text.h"

namespace meshstudio::engine {
namespace {

using std::chrono::milliseconds;

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::string problem(const SimulatedPod& pod, const char* annotation, std::string_view value, std::string_view why) {
  return "pod " + pod.name + ": " + annotation + " " + quoted(value) + ": " + std::string(why);
}

/// A plain decimal (`25`, `1.5`, `.5`): no sign, exponent, hex or spaces, which from_chars
/// alone would accept or which would only confuse a reader of the annotation.
std::optional<double> parseDecimal(std::string_view text) {
  if (text.empty()) return std::nullopt;
  bool digits = false;
  bool dot = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digits = true;
    } else if (c == '.' && !dot) {
      dot = true;
    } else {
      return std::nullopt;
    }
  }
  if (!digits) return std::nullopt;
  std::string normalized = text.front() == '.' ? "0" + std::string(text) : std::string(text);
  double value = 0;
  auto [end, error] = std::from_chars(normalized.data(), normalized.data() + normalized.size(), value);
  if (error != std::errc() || end != normalized.data() + normalized.size()) return std::nullopt;
  return value;
}

/// `25ms`, `1.5s`, or a bare `0`. Rounded to whole milliseconds, the resolution of the simulation.
std::optional<milliseconds> parseDuration(std::string_view text) {
  double scale = 0;
  if (text.ends_with("ms")) {
    scale = 1;
    text.remove_suffix(2);
  } else if (text.ends_with('s')) {
    scale = 1000;
    text.remove_suffix(1);
  } else if (text == "0") {
    return milliseconds(0);
  } else {
    return std::nullopt;
  }
  auto number = parseDecimal(text);
  if (!number) return std::nullopt;
  double ms = *number * scale;
  // Clamped as a double first so that an absurd value cannot overflow the conversion; anything
  // above the limit is reported by the caller.
  if (ms > static_cast<double>(PodBehaviour::kMaxLatency.count()) + 1)
    return PodBehaviour::kMaxLatency + milliseconds(1);
  return milliseconds(std::llround(ms));
}

void parseLatency(const SimulatedPod& pod, std::string_view raw, PodBehaviour& behaviour,
                  std::vector<std::string>& problems) {
  const char* name = PodBehaviour::kLatencyAnnotation;
  std::string value = model::trimBlanks(raw);
  std::string_view text = value;
  auto dash = text.find('-');
  std::string_view first = text.substr(0, dash);
  std::string_view second = dash == std::string_view::npos ? first : text.substr(dash + 1);
  auto low = parseDuration(model::trimBlanks(first));
  auto high = parseDuration(model::trimBlanks(second));
  if (!low || !high) {
    std::string why = "not a duration; write a fixed latency such as 25ms or 1.5s, or a range such as 10ms-80ms";
    // `10-80ms` reads naturally but is ambiguous; say exactly what to write instead.
    if (dash != std::string_view::npos && !low && high && parseDecimal(model::trimBlanks(first)))
      why = "each end of a range needs its unit, as in 10ms-80ms";
    problems.push_back(problem(pod, name, raw, why));
    return;
  }
  if (*low > PodBehaviour::kMaxLatency || *high > PodBehaviour::kMaxLatency) {
    problems.push_back(problem(pod, name, raw, "longer than the 60s limit of a simulated latency"));
    return;
  }
  if (*low > *high) {
    problems.push_back(problem(pod, name, raw, "the range starts above its end; write the smaller latency first"));
    return;
  }
  behaviour.latencyMin = *low;
  behaviour.latencyMax = *high;
}

void parseErrorRate(const SimulatedPod& pod, std::string_view raw, PodBehaviour& behaviour,
                    std::vector<std::string>& problems) {
  std::string value = model::trimBlanks(raw);
  std::string_view text = value;
  bool percent = text.ends_with('%');
  if (percent) text.remove_suffix(1);
  auto number = parseDecimal(model::trimBlanks(text));
  if (!number) {
    problems.push_back(problem(pod, PodBehaviour::kErrorRateAnnotation, raw,
                               "not a fraction; write a number from 0 to 1 such as 0.05 (or a percentage such as 5%)"));
    return;
  }
  double rate = percent ? *number / 100 : *number;
  if (rate > 1) {
    problems.push_back(problem(pod, PodBehaviour::kErrorRateAnnotation, raw,
                               percent ? "above 100%" : "above 1; a rate is a fraction such as 0.05 (or write 5%)"));
    return;
  }
  behaviour.errorRate = rate;
}

void parseErrorStatus(const SimulatedPod& pod, std::string_view raw, PodBehaviour& behaviour,
                      std::vector<std::string>& problems) {
  std::string value = model::trimBlanks(raw);
  unsigned status = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), status);
  if (value.empty() || error != std::errc() || end != value.data() + value.size() || status < 400 || status > 599) {
    problems.push_back(problem(pod, PodBehaviour::kErrorStatusAnnotation, raw,
                               "not an HTTP error status; write a code from 400 to 599 such as 503"));
    return;
  }
  behaviour.errorStatus = status;
}

/// `host:port` or `[ipv6]:port`; the reason it is not, otherwise.
std::optional<Endpoint> parseEndpoint(std::string_view text, std::string& why) {
  if (text.find("://") != std::string_view::npos) {
    why = "write host:port without a scheme, such as 127.0.0.1:9081";
    return std::nullopt;
  }
  std::string_view host;
  std::string_view port;
  if (text.starts_with('[')) {
    auto close = text.find(']');
    if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':') {
      why = "an IPv6 address is written [::1]:9081";
      return std::nullopt;
    }
    host = text.substr(1, close - 1);
    port = text.substr(close + 2);
  } else {
    auto colon = text.rfind(':');
    if (colon == std::string_view::npos) {
      why = "no port; write host:port such as 127.0.0.1:9081";
      return std::nullopt;
    }
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
    if (host.find(':') != std::string_view::npos) {
      why = "an IPv6 address is written [::1]:9081";
      return std::nullopt;
    }
  }
  unsigned number = 0;
  auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), number);
  if (host.empty() || port.empty() || error != std::errc() || end != port.data() + port.size() || number == 0 ||
      number > 65535) {
    why = "write host:port with a port from 1 to 65535, such as 127.0.0.1:9081";
    return std::nullopt;
  }
  return Endpoint{std::string(host), static_cast<std::uint16_t>(number)};
}

void parseUpstream(const SimulatedPod& pod, std::string_view raw, PodBehaviour& behaviour,
                   std::vector<std::string>& problems) {
  std::vector<std::string> entries;
  std::string_view rest = raw;
  while (true) {
    auto comma = rest.find(',');
    entries.push_back(model::trimBlanks(rest.substr(0, comma)));
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  // Replica i is process i: wrapping around would silently make two pods one process, and
  // every per-pod observation (load balancing, outlier ejection) would be about a fiction.
  if (pod.replica >= entries.size()) {
    problems.push_back(problem(pod, PodBehaviour::kUpstreamAnnotation, raw,
                               "lists " + std::to_string(entries.size()) + " address" +
                                   (entries.size() == 1 ? "" : "es") + " but this is replica " +
                                   std::to_string(pod.replica) +
                                   "; give one address per replica. The pod stays simulated"));
    return;
  }
  const std::string& entry = entries[pod.replica];
  std::string why;
  if (entry.empty()) {
    why = "entry " + std::to_string(pod.replica) + " (this replica's) is empty";
  } else if (auto endpoint = parseEndpoint(entry, why)) {
    behaviour.upstream = std::move(*endpoint);
    return;
  } else if (entries.size() > 1) {
    why = "entry " + std::to_string(pod.replica) + " " + quoted(entry) + ": " + why;
  }
  problems.push_back(problem(pod, PodBehaviour::kUpstreamAnnotation, raw, why + ". The pod stays simulated"));
}

}  // namespace

PodBehaviour PodBehaviour::parse(const SimulatedPod& pod, std::vector<std::string>& problems) {
  PodBehaviour behaviour;
  if (const std::string* value = pod.annotations.find(kLatencyAnnotation))
    parseLatency(pod, *value, behaviour, problems);
  if (const std::string* value = pod.annotations.find(kErrorRateAnnotation))
    parseErrorRate(pod, *value, behaviour, problems);
  if (const std::string* value = pod.annotations.find(kErrorStatusAnnotation))
    parseErrorStatus(pod, *value, behaviour, problems);
  if (const std::string* value = pod.annotations.find(kHandshakeAnnotation)) {
    auto handshake = parseDuration(model::trimBlanks(*value));
    if (handshake && *handshake <= kMaxLatency)
      behaviour.handshake = *handshake;
    else
      problems.push_back(problem(pod, kHandshakeAnnotation, *value, "not a duration such as 1ms (at most 60s)"));
  }
  if (const std::string* value = pod.annotations.find(kUpstreamAnnotation))
    parseUpstream(pod, *value, behaviour, problems);
  return behaviour;
}

std::chrono::milliseconds PodBehaviour::drawLatency(RandomSource& random) const {
  if (!hasLatencyRange()) return latencyMin;
  auto span = static_cast<double>((latencyMax - latencyMin).count() + 1);
  auto offset = static_cast<std::int64_t>(random.unit() * span);  // unit() < 1, so offset <= span - 1
  return std::min(latencyMin + milliseconds(offset), latencyMax);
}

}  // namespace meshstudio::engine
