#include "engine/PodSimulator.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/Text.h"

namespace meshstudio::engine {
namespace {

// ordered_json keeps the documented field order and the order headers and labels arrived in.
using Json = nlohmann::ordered_json;
using std::chrono::milliseconds;

constexpr std::string_view kJson = "application/json";

/// The path of an origin-form (`/a?b`) or absolute-form (`http://h/a?b`) request target.
std::string_view pathOf(std::string_view target, std::string_view& query) {
  query = {};
  if (auto scheme = target.find("://"); scheme != std::string_view::npos && !target.starts_with('/')) {
    auto slash = target.find('/', scheme + 3);
    target = slash == std::string_view::npos ? std::string_view("/") : target.substr(slash);
  }
  auto mark = target.find('?');
  if (mark != std::string_view::npos) {
    query = target.substr(mark + 1);
    target = target.substr(0, mark);
  }
  if (auto hash = query.find('#'); hash != std::string_view::npos) query = query.substr(0, hash);
  return target;
}

int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// application/x-www-form-urlencoded decoding, as httpbin's `args`: `+` is a space, `%XX` a
/// byte; a malformed escape stays as written rather than failing the request.
std::string formDecode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+') {
      out += ' ';
    } else if (c == '%' && i + 2 < text.size() && hexDigit(text[i + 1]) >= 0 && hexDigit(text[i + 2]) >= 0) {
      out += static_cast<char>(hexDigit(text[i + 1]) * 16 + hexDigit(text[i + 2]));
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

Json queryObject(std::string_view query) {
  Json args = Json::object();
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    auto equals = pair.find('=');
    std::string name = formDecode(pair.substr(0, equals));
    std::string value = equals == std::string_view::npos ? std::string() : formDecode(pair.substr(equals + 1));
    auto existing = args.find(name);
    if (existing == args.end()) {
      args[name] = value;
    } else {
      if (!existing->is_array()) *existing = Json::array({*existing});
      existing->push_back(value);
    }
  }
  return args;
}

Json headerObject(const Request& request) {
  Json headers = Json::object();
  for (const auto& field : request) {
    std::string name(field.name_string());
    std::string key = model::lowercase(name);
    std::string value(field.value());
    bool merged = false;
    // Header names are case-insensitive: `X-A` and `x-a` are one header, shown as first spelled.
    for (auto& entry : headers.items()) {
      if (model::lowercase(entry.key()) == key) {
        entry.value() = entry.value().get<std::string>() + ", " + value;
        merged = true;
        break;
      }
    }
    if (!merged) headers[name] = value;
  }
  return headers;
}

Json labelObject(const SimulatedPod& pod) {
  Json labels = Json::object();
  for (const auto& [name, value] : pod.labels) labels[name] = value;
  return labels;
}

std::string dump(const Json& json) {
  // Header values and paths are bytes from the network: never let invalid UTF-8 throw.
  return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

Response respond(const SimulatedPod& pod, const Request& request, unsigned status, std::string body,
                 std::string_view contentType) {
  Response response;
  response.version(request.version());
  response.result(status);
  response.keep_alive(request.keep_alive());
  response.set("x-meshstudio-pod", pod.name);
  if (!contentType.empty()) response.set(http::field::content_type, contentType);
  bool bodiless = status < 200 || status == 204 || status == 304;
  if (bodiless) return response;  // RFC 9110: no body and no Content-Length
  response.content_length(body.size());
  // A HEAD response announces the length of the body it would have sent, and sends none.
  if (request.method() != http::verb::head) response.body() = std::move(body);
  return response;
}

Response echo(const SimulatedPod& pod, const Request& request, std::string_view path, std::string_view query) {
  Json out;
  out["pod"] = pod.name;
  out["deployment"] = pod.deployment.empty() ? Json(nullptr) : Json(pod.deployment);
  out["namespace"] = pod.namespaceName;
  out["labels"] = labelObject(pod);
  out["method"] = std::string(request.method_string());
  out["path"] = std::string(path);
  out["query"] = queryObject(query);
  out["headers"] = headerObject(request);
  out["bodySize"] = request.body().size();
  return respond(pod, request, 200, dump(out), kJson);
}

std::optional<double> parseNumber(std::string_view text) {
  if (text.empty() || text.front() == '+' || text.front() == '-') return std::nullopt;
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

/// `/status/503`, `/status/200,503` (uniform) or `/status/200:0.9,503:0.1` (weighted).
std::optional<unsigned> chooseStatus(std::string_view spec, RandomSource& random) {
  struct Choice {
    unsigned code;
    double weight;
  };
  std::vector<Choice> choices;
  double total = 0;
  while (true) {
    auto comma = spec.find(',');
    std::string_view item = spec.substr(0, comma);
    auto colon = item.find(':');
    std::string_view code = item.substr(0, colon);
    unsigned value = 0;
    auto [end, error] = std::from_chars(code.data(), code.data() + code.size(), value);
    if (code.empty() || error != std::errc() || end != code.data() + code.size() || value < 200 || value > 599)
      return std::nullopt;
    double weight = 1;
    if (colon != std::string_view::npos) {
      auto parsed = parseNumber(item.substr(colon + 1));
      if (!parsed) return std::nullopt;
      weight = *parsed;
    }
    choices.push_back({value, weight});
    total += weight;
    if (comma == std::string_view::npos) break;
    spec.remove_prefix(comma + 1);
  }
  if (choices.size() == 1) return choices.front().code;
  if (total <= 0) return std::nullopt;
  double point = random.unit() * total;
  for (const Choice& choice : choices) {
    if (point < choice.weight) return choice.code;
    point -= choice.weight;
  }
  return choices.back().code;  // rounding at the very top of the range
}

Response statusAnswer(const SimulatedPod& pod, const Request& request, unsigned status) {
  Response response = respond(pod, request, status, {}, {});
  // The headers httpbin sends with these codes, so clients see a well-formed answer.
  if (status == 301 || status == 302 || status == 303 || status == 305 || status == 307)
    response.set(http::field::location, "/redirect/1");
  if (status == 401) response.set(http::field::www_authenticate, "Basic realm=\"Fake Realm\"");
  return response;
}

Response badRequest(const SimulatedPod& pod, const Request& request, std::string message) {
  return respond(pod, request, 400, std::move(message) + "\n", "text/plain; charset=utf-8");
}

}  // namespace

PodAnswer answerAsPod(const SimulatedPod& pod, const PodBehaviour& behaviour, const Request& request,
                      RandomSource& random) {
  PodAnswer answer;
  answer.delay = behaviour.drawLatency(random);

  if (behaviour.errorRate > 0 && random.unit() < behaviour.errorRate) {
    Json body;
    body["pod"] = pod.name;
    body["error"] = "injected by meshstudio.dev/error-rate";
    answer.response = respond(pod, request, behaviour.errorStatus, dump(body), kJson);
    return answer;
  }

  std::string_view query;
  std::string_view path = pathOf(request.target(), query);

  if (path.starts_with("/status/")) {
    auto status = chooseStatus(path.substr(8), random);
    answer.response = status ? statusAnswer(pod, request, *status)
                             : badRequest(pod, request,
                                          "invalid status code: write /status/503, /status/200,503 "
                                          "or /status/200:0.9,503:0.1 with codes from 200 to 599");
    return answer;
  }
  if (path.starts_with("/delay/")) {
    auto seconds = parseNumber(path.substr(7));
    if (!seconds) {
      answer.response =
          badRequest(pod, request, "invalid delay: write /delay/<seconds> such as /delay/2 or /delay/0.5");
      return answer;
    }
    auto wait = milliseconds(std::llround(std::min(*seconds, 10.0) * 1000));
    answer.delay += std::min(wait, kMaxDelayPath);
    answer.response = echo(pod, request, path, query);
    return answer;
  }
  if (path == "/headers") {
    Json body;
    body["headers"] = headerObject(request);
    answer.response = respond(pod, request, 200, dump(body), kJson);
    return answer;
  }
  answer.response = echo(pod, request, path, query);
  return answer;
}

}  // namespace meshstudio::engine
