#include "engine/RouteTestFile.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <system_error>
#include <tuple>

#include "model/FieldCodec.h"
#include "model/JsonConversion.h"
#include "model/Text.h"
#include "model/YamlReader.h"

namespace meshstudio::engine {
namespace {

using model::SourceMark;
using model::Value;

std::string code(std::string_view text) { return "`" + std::string(text) + "`"; }

// --- where errors go ---------------------------------------------------------------------------

struct Problems {
  const std::string& file;
  std::vector<std::string>& errors;
  void add(SourceMark mark, const std::string& message) const {
    std::string where = file.empty() ? std::string("<input>") : file;
    if (mark.isKnown()) where += ":" + std::to_string(mark.line) + ":" + std::to_string(mark.column);
    errors.push_back(where + ": " + message);
  }
};

SourceMark markOf(const Value::Entry& entry) { return entry.keyMark.isKnown() ? entry.keyMark : entry.value.mark(); }

/// `redirect_code` → `redirectCode`: protobuf's JSON reader accepts both, the studio writes
/// the second, so an unknown snake_case key gets that hint.
std::string camelCase(std::string_view key) {
  std::string out;
  bool upper = false;
  for (char c : key) {
    if (c == '_') {
      upper = true;
    } else {
      out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
      upper = false;
    }
  }
  return out;
}

// --- typed sections: VirtualService types, checked for what they could not decode -------------

template <class T>
std::vector<std::string_view> fieldNames() {
  std::vector<std::string_view> names;
  std::apply([&](const auto&... f) { (names.push_back(f.key), ...); }, T::fields());
  return names;
}

template <class T>
void checkDecoded(const T& typed, const std::string& path, const Problems& problems);

template <class M>
void checkMember(const M&, const std::string&, const Problems&) {}
template <class U>
void checkMember(const std::optional<U>& member, const std::string& path, const Problems& problems) {
  if (member) checkDecoded(*member, path, problems);
}
template <class U>
void checkMember(const model::List<U>& member, const std::string& path, const Problems& problems) {
  for (std::size_t i = 0; i < member.size(); ++i)
    checkDecoded(member[i], path + "[" + std::to_string(i) + "]", problems);
}
template <class U>
void checkMember(const model::OrderedMap<U>& member, const std::string& path, const Problems& problems) {
  for (const auto& [key, value] : member) checkDecoded(value, path + "." + key, problems);
}

/// FieldCodec keeps what it could not decode in `extras`: unknown keys, and known keys whose
/// value has the wrong type. Both are errors in a test file, where a typo would silently make
/// an assertion test less than it says.
template <class T>
void checkDecoded(const T& typed, const std::string& path, const Problems& problems) {
  if constexpr (model::Reflected<T>) {
    auto names = fieldNames<T>();
    for (const Value::Entry& extra : typed.extras) {
      if (std::find(names.begin(), names.end(), extra.key) != names.end()) {
        std::string hint = extra.key == "port" ? "; write port: {number: 80}" : "";
        problems.add(extra.value.mark().isKnown() ? extra.value.mark() : extra.keyMark,
                     code(path + "." + extra.key) + " has the wrong type" + hint);
        continue;
      }
      std::string known;
      for (std::string_view name : names) known += (known.empty() ? "" : ", ") + std::string(name);
      std::string camel = camelCase(extra.key);
      std::string hint = camel != extra.key && std::find(names.begin(), names.end(), camel) != names.end()
                             ? " (write " + code(camel) + ")"
                             : "";
      problems.add(extra.keyMark,
                   "unknown field " + code(extra.key) + " in " + code(path) + hint + "; known: " + known);
    }
    std::apply(
        [&](const auto&... f) { (checkMember(typed.*(f.member), path + "." + std::string(f.key), problems), ...); },
        T::fields());
  }
}

template <class T>
std::optional<T> decodeSection(const Value& value, const std::string& path, const Problems& problems) {
  if (!value.isMap()) {
    problems.add(value.mark(), code(path) + " must be a map, written as in a VirtualService rule");
    return std::nullopt;
  }
  auto typed = model::decodeAs<T>(value);
  if (typed) checkDecoded(*typed, path, problems);
  return typed;
}

// --- protobuf equality over Values ------------------------------------------------------------

/// istio-config-validator compares decoded protobuf messages with reflect.DeepEqual, where an
/// absent field and its zero value (``, 0, false, an empty list or map, an enum's first value)
/// are the same thing. So both sides drop those before comparing.
bool isZero(const Value& value, std::string_view key) {
  switch (value.type()) {
    case Value::Type::Null:
      return true;
    case Value::Type::Bool:
      return value.toBool() == false;
    case Value::Type::Int:
    case Value::Type::Float:
      return value.toDouble() == 0.0;
    case Value::Type::String:
      return value.text().empty() || (key == "derivePort" && value.text() == "FROM_PROTOCOL_DEFAULT");
    case Value::Type::Map:
    case Value::Type::Seq:
      return value.size() == 0;
  }
  return false;
}

Value normalized(const Value& value) {
  if (value.isSeq()) {
    Value out = Value::seq();
    for (const Value& item : value.items()) out.append(normalized(item));
    return out;
  }
  if (!value.isMap()) return value;
  Value out = Value::map();
  for (const Value::Entry& entry : value.entries()) {
    Value child = normalized(entry.value);
    if (!isZero(child, entry.key)) out.entries().push_back(Value::Entry{entry.key, std::move(child), entry.keyMark});
  }
  return out;
}

/// `5s`, `0.5s`, `500ms`: protobuf Durations compare by value, not by spelling.
std::optional<double> durationSeconds(const std::string& text) {
  std::string_view number = text;
  double scale = 1;
  if (number.ends_with("ms")) {
    scale = 0.001;
    number.remove_suffix(2);
  } else if (number.ends_with('s')) {
    number.remove_suffix(1);
  } else {
    return std::nullopt;
  }
  double value = 0;
  auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (number.empty() || error != std::errc() || end != number.data() + number.size()) return std::nullopt;
  return value * scale;
}

bool sameValue(const Value& a, const Value& b, std::string_view key) {
  if (a.isMap() && b.isMap()) {
    if (a.size() != b.size()) return false;
    // Messages and protobuf maps are unordered.
    for (const Value::Entry& entry : a.entries()) {
      const Value* other = b.find(entry.key);
      if (!other || !sameValue(entry.value, *other, entry.key)) return false;
    }
    return true;
  }
  if (a.isSeq() && b.isSeq()) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (!sameValue(a.items()[i], b.items()[i], key)) return false;
    return true;
  }
  if (a.isNumber() && b.isNumber()) return a.toDouble() == b.toDouble();
  if (a.isString() && b.isString()) {
    if (a.text() == b.text()) return true;
    if (key == "fixedDelay" || key == "exponentialDelay") {
      auto x = durationSeconds(a.text());
      auto y = durationSeconds(b.text());
      return x && y && *x == *y;
    }
    return false;
  }
  if (a.isBool() && b.isBool()) return a.toBool() == b.toBool();
  return false;
}

template <class T>
Value normalizedOf(const T& typed) {
  return normalized(model::encode(typed));
}

/// A written message against the rule's: a rule without the field never equals one written.
template <class T>
bool sameMessage(const std::optional<T>& actual, const T& expected) {
  return actual && sameValue(normalizedOf(*actual), normalizedOf(expected), {});
}

bool sameHeaders(const std::optional<model::Headers>& a, const std::optional<model::Headers>& b) {
  Value x = a ? normalizedOf(*a) : Value::map();
  Value y = b ? normalizedOf(*b) : Value::map();
  return sameValue(x, y, {});
}

bool sameDestination(const RouteExpectation& a, const RouteExpectation& b) {
  return a.host == b.host && a.subset == b.subset && a.port.value_or(0) == b.port.value_or(0) &&
         a.weight.value_or(0) == b.weight.value_or(0) && sameHeaders(a.headers, b.headers);
}

bool sameRoute(const std::vector<RouteExpectation>& actual, const std::vector<RouteExpectation>& expected) {
  return actual.size() == expected.size() &&
         std::equal(actual.begin(), actual.end(), expected.begin(), sameDestination);
}

// --- descriptions for messages -------------------------------------------------------------------

std::string describeRoute(const std::vector<RouteExpectation>& route) {
  if (route.empty()) return "no route";
  std::string out = "[";
  for (std::size_t i = 0; i < route.size(); ++i) out += (i ? ", " : "") + route[i].describe();
  return out + "]";
}

template <class T>
std::string describeMessage(const std::optional<T>& message) {
  if (!message) return "none";
  return model::toJson(model::encode(*message)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

/// `reviews` against `reviews.shop.svc.cluster.local`: the same Service, but not the same text.
bool differOnlyByHostForm(const std::vector<RouteExpectation>& a, const std::vector<RouteExpectation>& b) {
  if (a.size() != b.size()) return false;
  bool any = false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::string& x = a[i].host;
    const std::string& y = b[i].host;
    if (x == y) continue;
    const std::string& shorter = x.size() < y.size() ? x : y;
    const std::string& longer = x.size() < y.size() ? y : x;
    if (!longer.starts_with(shorter + ".")) return false;
    any = true;
  }
  return any;
}

// --- the test file -------------------------------------------------------------------------------

/// The outer structs of istio-config-validator are decoded by Go's encoding/json, which matches
/// keys case-insensitively (its own test data writes `TestCases:`); the VirtualService types
/// inside are protobuf messages and are matched exactly.
bool keyIs(const Value::Entry& entry, std::string_view name) { return model::lowercase(entry.key) == name; }

/// `/users?id=1#top` → `/users` and `id=1`; `http://host/users` → `/users`.
std::pair<std::string, std::string> splitUri(std::string_view uri) {
  if (auto hash = uri.find('#'); hash != std::string_view::npos) uri = uri.substr(0, hash);
  if (auto scheme = uri.find("://"); scheme != std::string_view::npos && !uri.starts_with('/')) {
    auto slash = uri.find_first_of("/?", scheme + 3);
    uri = slash == std::string_view::npos ? std::string_view() : uri.substr(slash);
  }
  std::string_view query;
  if (auto mark = uri.find('?'); mark != std::string_view::npos) {
    query = uri.substr(mark + 1);
    uri = uri.substr(0, mark);
  }
  return {uri.empty() ? std::string("/") : std::string(uri), std::string(query)};
}

class CaseParser {
 public:
  CaseParser(RouteTestSuite& suite, const Problems& problems) : suite_(suite), problems_(problems) {}

  void parseCase(const Value& item, const std::string& path) {
    if (!item.isMap()) {
      problems_.add(item.mark(), code(path) + " must be a map with description, request and assertions");
      return;
    }
    std::size_t errorsBefore = suite_.errors.size();
    RouteTestCase testCase;
    testCase.file = suite_.file;
    testCase.mark = item.entries().empty() ? item.mark() : markOf(item.entries().front());
    bool sawRequest = false;
    for (const Value::Entry& entry : item.entries()) {
      const Value& value = entry.value;
      std::string at = path + "." + entry.key;
      if (keyIs(entry, "description")) {
        if (value.isScalar() && !value.isNull())
          testCase.description = value.text();
        else
          problems_.add(value.mark(), code(at) + " must be a string");
      } else if (keyIs(entry, "wantmatch")) {
        auto flag = value.isBool() ? value.toBool() : std::nullopt;
        if (flag) {
          testCase.wantMatch = *flag;
          testCase.wantMatchWritten = true;
        } else {
          problems_.add(value.mark(), code(at) + " must be true or false");
        }
      } else if (keyIs(entry, "request")) {
        sawRequest = true;
        parseRequest(value, at, testCase);
      } else if (keyIs(entry, "route")) {
        parseRoute(value, at, testCase);
      } else if (keyIs(entry, "rewrite")) {
        testCase.rewrite = decodeSection<model::HTTPRewrite>(value, at, problems_);
      } else if (keyIs(entry, "redirect")) {
        testCase.redirect = decodeSection<model::HTTPRedirect>(value, at, problems_);
      } else if (keyIs(entry, "fault")) {
        testCase.fault = decodeSection<model::HTTPFaultInjection>(value, at, problems_);
      } else if (keyIs(entry, "headers")) {
        testCase.headerOperations = decodeSection<model::Headers>(value, at, problems_);
      } else if (keyIs(entry, "delegate")) {
        testCase.delegate = decodeSection<model::Delegate>(value, at, problems_);
      } else {
        problems_.add(entry.keyMark, "unknown field " + code(entry.key) + " in " + code(path) +
                                         "; known: description, wantMatch, request, route, redirect, rewrite, fault, "
                                         "headers, delegate");
      }
    }
    if (!sawRequest) problems_.add(testCase.mark, code(path) + " has no `request`");
    if (suite_.errors.size() != errorsBefore) return;  // a case that says less than it means is not run

    std::string where = describeCase(testCase);
    if (!testCase.wantMatchWritten)
      suite_.warnings.push_back(where +
                                "`wantMatch` is not written, so the case expects a match; istio-config-validator "
                                "would read it as false (write `wantMatch: true` to mean the same in both)");
    if (!testCase.assertsSomething())
      suite_.warnings.push_back(where + "asserts nothing (no route, rewrite, redirect, fault, headers or delegate)");
    suite_.cases.push_back(std::move(testCase));
  }

 private:
  std::string describeCase(const RouteTestCase& testCase) const {
    std::string out = suite_.file.empty() ? std::string("<input>") : suite_.file;
    if (testCase.mark.isKnown()) out += ":" + std::to_string(testCase.mark.line);
    out += ": ";
    if (!testCase.description.empty()) out += testCase.description + ": ";
    return out;
  }

  void parseList(const Value& value, const std::string& at, const char* example, std::vector<std::string>& out) {
    if (!value.isSeq()) {
      problems_.add(value.mark(), code(at) + " must be a list, such as [" + example + "]");
      return;
    }
    for (const Value& item : value.items()) {
      if (!item.isScalar() || item.isNull() || item.text().empty()) {
        problems_.add(item.mark(), code(at) + " must list non-empty strings, such as [" + example + "]");
        continue;
      }
      out.push_back(item.text());
    }
  }

  void parseRequest(const Value& value, const std::string& path, RouteTestCase& testCase) {
    if (!value.isMap()) {
      problems_.add(value.mark(), code(path) + " must be a map with authority, method, uri and headers");
      return;
    }
    // Where each list was written, for "list is empty"; the request itself when it was not.
    SourceMark authorityMark = value.mark(), methodMark = value.mark(), uriMark = value.mark();
    for (const Value::Entry& entry : value.entries()) {
      std::string at = path + "." + entry.key;
      if (keyIs(entry, "authority")) {
        authorityMark = entry.value.mark();
        parseList(entry.value, at, "\"www.example.com\"", testCase.authorities);
      } else if (keyIs(entry, "method")) {
        methodMark = entry.value.mark();
        parseList(entry.value, at, "\"GET\"", testCase.methods);
      } else if (keyIs(entry, "uri")) {
        uriMark = entry.value.mark();
        parseList(entry.value, at, "\"/users\"", testCase.uris);
      } else if (keyIs(entry, "headers")) {
        if (!entry.value.isMap()) {
          problems_.add(entry.value.mark(), code(at) + " must be a map of header names to values");
          continue;
        }
        for (const Value::Entry& header : entry.value.entries()) {
          if (!header.value.isScalar() || header.value.isNull())
            problems_.add(header.value.mark(), code(at + "." + header.key) + " must be a string");
          else
            testCase.headers.emplace_back(header.key, header.value.text());
        }
      } else {
        // istio-config-validator ignores these outside its strict mode, so a test relying on
        // `scheme` or `queryParams` silently tests a different request there.
        problems_.add(entry.keyMark, "unknown field " + code(entry.key) + " in " + code(path) +
                                         "; known: authority, method, uri, headers");
      }
    }
    // The same three checks, with the same words, as istio-config-validator's Unfold.
    if (testCase.authorities.empty())
      problems_.add(authorityMark,
                    "authority list is empty: " + code(path + ".authority") + " needs at least one host");
    if (testCase.methods.empty())
      problems_.add(methodMark, "method list is empty: " + code(path + ".method") + " needs at least one method");
    if (testCase.uris.empty())
      problems_.add(uriMark, "URI list is empty: " + code(path + ".uri") + " needs at least one path");
  }

  void parseRoute(const Value& value, const std::string& path, RouteTestCase& testCase) {
    if (!value.isSeq()) {
      problems_.add(value.mark(), code(path) + " must be a list of destinations, as in a VirtualService rule");
      return;
    }
    std::vector<RouteExpectation> route;
    for (std::size_t i = 0; i < value.size(); ++i) {
      const Value& item = value.items()[i];
      std::string at = path + "[" + std::to_string(i) + "]";
      auto destination = decodeSection<model::HTTPRouteDestination>(item, at, problems_);
      if (!destination) continue;
      if (!destination->destination || !destination->destination->host || destination->destination->host->empty()) {
        problems_.add(item.mark(), code(at + ".destination.host") + " is required");
        continue;
      }
      route.push_back(RouteExpectation::fromModel(*destination));
    }
    testCase.route = std::move(route);
  }

  RouteTestSuite& suite_;
  const Problems& problems_;
};

std::string describeDiagnostic(const model::Diagnostic& diagnostic) {
  std::string out = diagnostic.file.empty() ? std::string("<input>") : diagnostic.file;
  if (diagnostic.line > 0) out += ":" + std::to_string(diagnostic.line) + ":" + std::to_string(diagnostic.column);
  return out + ": " + diagnostic.message;
}

}  // namespace

// --- public API ---------------------------------------------------------------------------------

RouteExpectation RouteExpectation::fromModel(const model::HTTPRouteDestination& route) {
  RouteExpectation out;
  if (route.destination) {
    out.host = route.destination->host.value_or("");
    out.subset = route.destination->subset.value_or("");
    if (route.destination->port) out.port = route.destination->port->number;
  }
  out.weight = route.weight;
  out.headers = route.headers;
  return out;
}

std::string RouteExpectation::describe() const {
  std::string out = host;
  if (port.value_or(0) != 0) out += ":" + std::to_string(*port);
  std::string details;
  if (!subset.empty()) details += "subset " + subset;
  if (weight.value_or(0) != 0)
    details += (details.empty() ? "" : ", ") + std::string("weight ") + std::to_string(*weight);
  if (headers && normalizedOf(*headers).size() != 0)
    details += (details.empty() ? "" : ", ") + std::string("headers ") + describeMessage(headers);
  return details.empty() ? out : out + " (" + details + ")";
}

std::string RouteTestRequest::describe() const {
  std::string out = method + " " + authority + uri;
  if (!query.empty()) out += "?" + query;
  return out;
}

RouteOutcome RouteOutcome::fromRule(const model::HTTPRoute& rule, std::string summary) {
  RouteOutcome outcome;
  outcome.routed = true;
  for (const model::HTTPRouteDestination& destination : rule.route)
    outcome.destinations.push_back(RouteExpectation::fromModel(destination));
  outcome.rewrite = rule.rewrite;
  outcome.redirect = rule.redirect;
  outcome.fault = rule.fault;
  outcome.headers = rule.headers;
  outcome.summary = std::move(summary);
  return outcome;
}

RouteTestSuite parseRouteTests(std::string_view text, const std::string& fileName) {
  RouteTestSuite suite;
  suite.file = fileName;
  Problems problems{suite.file, suite.errors};
  model::ParseResult parsed = model::YamlReader::parse(text, fileName);
  for (const model::Diagnostic& diagnostic : parsed.diagnostics) suite.errors.push_back(describeDiagnostic(diagnostic));

  CaseParser parser(suite, problems);
  bool sawTestCases = false;
  // Several `---` documents may each hold testCases, as istio-config-validator reads them.
  for (const model::ParsedDocument& document : parsed.documents) {
    if (!document.value) continue;
    const Value& root = *document.value;
    if (!root.isMap()) {
      problems.add(root.mark(), "a route test document is a map with `testCases`");
      continue;
    }
    for (const Value::Entry& entry : root.entries()) {
      if (!keyIs(entry, "testcases")) {
        problems.add(entry.keyMark, "unknown field " + code(entry.key) + "; a route test file holds `testCases`");
        continue;
      }
      sawTestCases = true;
      if (!entry.value.isSeq()) {
        problems.add(entry.value.mark(), "`testCases` must be a list of test cases");
        continue;
      }
      for (std::size_t i = 0; i < entry.value.size(); ++i)
        parser.parseCase(entry.value.items()[i], "testCases[" + std::to_string(i) + "]");
    }
  }
  if (!sawTestCases && suite.errors.empty())
    suite.warnings.push_back((fileName.empty() ? std::string("<input>") : fileName) + ": no `testCases`");
  return suite;
}

std::vector<RouteTestRequest> expandRequests(const RouteTestCase& testCase) {
  std::vector<RouteTestRequest> requests;
  requests.reserve(testCase.uris.size() * testCase.authorities.size() * testCase.methods.size());
  for (const std::string& uri : testCase.uris) {
    auto [path, query] = splitUri(uri);
    for (const std::string& authority : testCase.authorities)
      for (const std::string& method : testCase.methods)
        requests.push_back(RouteTestRequest{authority, method, path, query, testCase.headers});
  }
  return requests;
}

RouteTestReport runRouteTests(const RouteTestSuite& suite, const RouteExplainer& explain) {
  RouteTestReport report;
  report.errors = suite.errors;
  report.warnings = suite.warnings;
  for (const RouteTestCase& testCase : suite.cases) {
    ++report.casesRun;
    for (const RouteTestRequest& request : expandRequests(testCase)) {
      ++report.requestsRun;
      RouteOutcome outcome = explain(request);
      auto check = [&](const char* assertion, bool equal, const std::string& expected, const std::string& actual,
                       std::string hint = {}) {
        if (equal == testCase.wantMatch) return;
        RouteTestFailure failure;
        failure.file = testCase.file;
        failure.line = testCase.mark.line;
        failure.description = testCase.description;
        failure.request = request;
        failure.assertion = assertion;
        failure.expected = testCase.wantMatch ? expected : "anything but " + expected;
        failure.actual = actual;
        failure.message = (failure.file.empty() ? std::string("<input>") : failure.file) +
                          (failure.line > 0 ? ":" + std::to_string(failure.line) : std::string()) + ": " +
                          (failure.description.empty() ? std::string() : failure.description + ": ") +
                          request.describe() + ": " + assertion + ": expected " + failure.expected + ", got " +
                          failure.actual + (outcome.summary.empty() ? "" : " (" + outcome.summary + ")") + hint;
        report.failures.push_back(std::move(failure));
      };
      // In istio-config-validator's order: delegate, route, rewrite, fault, headers, redirect.
      if (testCase.delegate)
        check("delegate", sameMessage(outcome.delegate, *testCase.delegate), describeMessage(testCase.delegate),
              outcome.delegate ? describeMessage(outcome.delegate) : "no delegation");
      if (testCase.route) {
        std::vector<RouteExpectation> none;
        const auto& actual = outcome.routed ? outcome.destinations : none;
        std::string hint = differOnlyByHostForm(actual, *testCase.route)
                               ? "; hosts are compared as written, like istio-config-validator does"
                               : "";
        check("route", sameRoute(actual, *testCase.route), describeRoute(*testCase.route),
              outcome.routed ? describeRoute(actual) : "no rule matched", hint);
      }
      auto rule = [&](const auto& field) {
        return outcome.routed ? describeMessage(field) : std::string("no rule matched");
      };
      if (testCase.rewrite)
        check("rewrite", sameMessage(outcome.rewrite, *testCase.rewrite), describeMessage(testCase.rewrite),
              rule(outcome.rewrite));
      if (testCase.fault)
        check("fault", sameMessage(outcome.fault, *testCase.fault), describeMessage(testCase.fault),
              rule(outcome.fault));
      if (testCase.headerOperations)
        check("headers", sameMessage(outcome.headers, *testCase.headerOperations),
              describeMessage(testCase.headerOperations), rule(outcome.headers));
      if (testCase.redirect)
        check("redirect", sameMessage(outcome.redirect, *testCase.redirect), describeMessage(testCase.redirect),
              rule(outcome.redirect));
    }
  }
  return report;
}

RouteTestReport runRouteTestText(std::string_view text, const std::string& fileName, const RouteExplainer& explain) {
  return runRouteTests(parseRouteTests(text, fileName), explain);
}

RouteTestReport runRouteTestFile(const std::filesystem::path& path, const RouteExplainer& explain) {
  std::string name = path.string();
  RouteTestReport unreadable;
  std::error_code error;
  auto size = std::filesystem::file_size(path, error);
  if (error) {
    unreadable.errors.push_back(name + ": cannot read the file: " + error.message());
    return unreadable;
  }
  // The YAML reader refuses more anyway; checking first avoids reading a huge file to memory.
  if (size > model::YamlReader::Limits{}.maxBytes) {
    unreadable.errors.push_back(name + ": " + std::to_string(size >> 20) + " MiB is too large for a route test file");
    return unreadable;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    unreadable.errors.push_back(name + ": cannot open the file");
    return unreadable;
  }
  std::string text;
  text.resize(static_cast<std::size_t>(size));
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return runRouteTestText(text, name, explain);
}

}  // namespace meshstudio::engine
