// valijson reports problems by throwing; without this it prints them and calls abort() instead.
#define VALIJSON_USE_EXCEPTIONS 1

#include "model/SchemaValidator.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <exception>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "model/CelRules.h"
#include "model/EmbeddedSchemas.h"
#include "model/SchemaWalker.h"

namespace meshstudio::model {
namespace {

using nlohmann::json;
using Node = SchemaTree::Node;

constexpr const char* kSchemaCode = "IST0106";

/// A copy of `schema` without the `format` keyword, for valijson only. valijson's format check calls asString()
/// on whatever value it meets, which throws for a non-empty object or array (`attempts: {a: 1}` under
/// `format: int32`), and builds a std::regex per call for date-time. The API server ignores int32/double, and
/// SchemaTree checks date-time and byte itself.
json withoutFormats(const json& schema) {
  if (schema.is_array()) {
    json result = json::array();
    for (const json& item : schema) result.push_back(withoutFormats(item));
    return result;
  }
  if (!schema.is_object()) return schema;
  json result = json::object();
  for (auto it = schema.begin(); it != schema.end(); ++it) {
    if (it.key() == "format" && it->is_string()) continue;
    // enum and default are data, not schemas: copy them as they are.
    result[it.key()] = (it.key() == "enum" || it.key() == "default") ? *it : withoutFormats(*it);
  }
  return result;
}

/// The document as the API server validates it: null members pruned, integral floats turned into integers
/// (sigs.k8s.io/yaml turns `80.0` into 80). Only built when SchemaTree::walk() found either.
json normalised(const json& value) {
  if (value.is_object()) {
    json result = json::object();
    for (auto it = value.begin(); it != value.end(); ++it)
      if (!it->is_null()) result[it.key()] = normalised(*it);
    return result;
  }
  if (value.is_array()) {
    json result = json::array();
    for (const json& item : value) result.push_back(normalised(item));
    return result;
  }
  if (value.is_number_float()) {
    double number = value.get<double>();
    if (std::isfinite(number) && std::trunc(number) == number && std::fabs(number) < 9.2e18)
      return static_cast<std::int64_t>(number);
  }
  return value;
}

/// One CRD version's schema, in the two forms the checks need.
struct CompiledSchema {
  explicit CompiledSchema(json source) : schema(std::move(source)), tree(schema) {
    try {
      json stripped = withoutFormats(schema);
      valijson::adapters::NlohmannJsonAdapter adapter(stripped);
      // Kubernetes structural schemas are OpenAPI v3 schemas, which are closest to JSON Schema draft 4. Unknown
      // keywords (nullable, x-kubernetes-*) are ignored by the parser; the walk handles the ones that matter.
      valijson::SchemaParser(valijson::SchemaParser::kDraft4).populateSchema(adapter, valijsonSchema);
    } catch (const std::exception& e) {
      error = e.what();
    }
  }

  json schema;  // declared before tree, which points into it
  SchemaTree tree;
  valijson::Schema valijsonSchema;
  std::string error;  ///< why valijson could not parse the schema; validate() reports it rather than crashing
};

struct Entry {
  std::string apiVersion;  ///< `networking.istio.io/v1`
  std::string kind;
  std::shared_ptr<const CompiledSchema> schema;  // shared: a CRD's versions often have identical schemas
};

// ---- Turning valijson's errors into findings -------------------------------------------------------------------

/// Where a valijson error is: its path in our notation, the value there and the schema node describing it.
struct Location {
  std::string path;
  const json* value = nullptr;
  const Node* node = nullptr;
};

/// Follows valijson's context (`<root>`, `[spec]`, `[http]`, `[0]`). It writes keys and indices alike, so the
/// instance decides which one a step is: `[0]` is an index in an array and a key in an object.
Location locate(const std::vector<std::string>& context, const json& instance, const SchemaTree& tree) {
  Location location{{}, &instance, &tree.root()};
  for (std::size_t i = 1; i < context.size(); ++i) {  // context[0] is "<root>"
    std::string_view step = context[i];
    if (step.size() >= 2 && step.front() == '[' && step.back() == ']') step = step.substr(1, step.size() - 2);
    const json* value = location.value;
    std::size_t index = 0;
    auto [end, ec] = std::from_chars(step.data(), step.data() + step.size(), index);
    if (value && value->is_array() && ec == std::errc() && end == step.data() + step.size() && index < value->size()) {
      appendPathIndex(location.path, index);
      location.value = &(*value)[index];
      location.node = location.node ? location.node->items : nullptr;
      continue;
    }
    appendPathKey(location.path, step);
    location.value = nullptr;
    if (value && value->is_object())
      if (auto it = value->find(std::string(step)); it != value->end()) location.value = &*it;
    location.node = location.node ? location.node->member(step) : nullptr;
  }
  return location;
}

std::string valueText(const json& value) {
  if (value.is_string()) return quoteForMessage(value.get_ref<const std::string&>());
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

/// The schema keyword `name` at this location, or null.
const json* keyword(const Location& at, const char* name) {
  if (!at.node || !at.node->schema || !at.node->schema->is_object()) return nullptr;
  auto it = at.node->schema->find(name);
  return it != at.node->schema->end() ? &*it : nullptr;
}

std::string keywordText(const Location& at, const char* name) {
  const json* value = keyword(at, name);
  return value ? value->dump() : "?";
}

std::size_t codePoints(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string typeMessage(const Location& at) {
  std::string expected;
  if (const json* intOrString = keyword(at, "x-kubernetes-int-or-string"); intOrString && *intOrString == true) {
    expected = "integer or string";
  } else if (const json* type = keyword(at, "type"); type && type->is_string()) {
    expected = type->get<std::string>();
  } else if (const json* anyOf = keyword(at, "anyOf"); anyOf && anyOf->is_array()) {
    // An anyOf of bare types, as int-or-string is spelled.
    for (const json& branch : *anyOf) {
      auto type = branch.is_object() ? branch.find("type") : branch.end();
      if (!branch.is_object() || type == branch.end() || !type->is_string())
        return "value matches none of the allowed forms";
      expected += (expected.empty() ? "" : " or ") + type->get<std::string>();
    }
  }
  if (expected.empty()) return "unexpected " + (at.value ? describeJson(*at.value) : std::string("value"));
  return "expected " + expected + ", got " + (at.value ? describeJson(*at.value) : std::string("another type"));
}

std::string enumMessage(const Location& at) {
  std::string allowed;
  if (const json* values = keyword(at, "enum"); values && values->is_array()) {
    constexpr std::size_t kShown = 12;
    for (std::size_t i = 0; i < values->size() && i < kShown; ++i) allowed += (i ? ", " : "") + valueText((*values)[i]);
    if (values->size() > kShown) allowed += ", ...";
  }
  return "unsupported value " + (at.value ? valueText(*at.value) : std::string()) + ", expected one of: " + allowed;
}

/// The oneOf groups the Istio CRDs use for protobuf oneofs: branches that each require one field. For a value that
/// sets several fields of a group, one message per such group.
std::vector<std::string> oneOfMessages(const Location& at) {
  std::vector<const json*> groups;
  if (const json* oneOf = keyword(at, "oneOf")) groups.push_back(oneOf);
  if (const json* allOf = keyword(at, "allOf"); allOf && allOf->is_array())
    for (const json& branch : *allOf)
      if (branch.is_object() && branch.contains("oneOf")) groups.push_back(&branch["oneOf"]);

  std::vector<std::string> messages;
  for (const json* group : groups) {
    std::vector<std::string> fields;
    std::vector<std::string> set;
    for (const json& branch : *group) {
      auto required = branch.is_object() ? branch.find("required") : branch.end();
      if (!branch.is_object() || required == branch.end() || !required->is_array()) continue;
      for (const json& field : *required) {
        if (!field.is_string()) continue;
        fields.push_back(field.get<std::string>());
        if (at.value && at.value->is_object() && at.value->contains(fields.back())) set.push_back(fields.back());
      }
    }
    if (set.size() < 2) continue;
    auto list = [](const std::vector<std::string>& names) {
      std::string text;
      for (const std::string& name : names) text += (text.empty() ? "" : ", ") + quoteForMessage(name);
      return text;
    };
    messages.push_back("only one of " + list(fields) + " may be set, got " + list(set));
  }
  if (messages.empty()) messages.push_back("the value matches more than one of the allowed forms");
  return messages;
}

bool startsWith(const std::string& text, std::string_view prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

/// The plain message(s) for one valijson error, or none for the wrappers valijson adds on the way back up
/// ("Failed to validate item #0 in array.") which only repeat a deeper error.
std::vector<std::string> explain(const std::string& description, const Location& at) {
  static constexpr std::string_view kWrappers[] = {
      "Failed to validate item #",
      "Failed to validate against additional properties schema",
      "Failed to validate against schema associated with property name",
      "Failed to validate against schema associated with pattern",
      "Failed to validate against child schema #",
      "Failed to validate against any child schemas allowed by oneOf",
      "Failed to validate against dependent schema",
  };
  for (std::string_view wrapper : kWrappers)
    if (startsWith(description, wrapper)) return {};

  const std::string got = at.value ? valueText(*at.value) : std::string("value");
  std::size_t size = 0;
  if (at.value && at.value->is_string())
    size = codePoints(at.value->get_ref<const std::string&>());
  else if (at.value && (at.value->is_array() || at.value->is_object()))
    size = at.value->size();

  if (startsWith(description, "Value type not permitted") ||
      startsWith(description, "Failed to validate against any schemas allowed by anyOf"))
    return {typeMessage(at)};
  if (startsWith(description, "Missing required property '")) {
    std::string field = description.substr(27, description.rfind('\'') - 27);
    return {"missing required field " + quoteForMessage(field)};
  }
  if (startsWith(description, "Failed to match against any enum values")) return {enumMessage(at)};
  if (startsWith(description, "Failed to validate against exactly one child schema")) return oneOfMessages(at);
  if (startsWith(description, "Expected number greater than or equal to"))
    return {"value " + got + " is below the minimum of " + keywordText(at, "minimum")};
  if (startsWith(description, "Expected number greater than"))
    return {"value " + got + " must be greater than " + keywordText(at, "minimum")};
  if (startsWith(description, "Expected number less than or equal to"))
    return {"value " + got + " is above the maximum of " + keywordText(at, "maximum")};
  if (startsWith(description, "Expected number less than"))
    return {"value " + got + " must be less than " + keywordText(at, "maximum")};
  if (startsWith(description, "String should be no more than"))
    return {"string of " + std::to_string(size) + " characters is longer than the maximum of " +
            keywordText(at, "maxLength")};
  if (startsWith(description, "String should be no fewer than"))
    return {"string of " + std::to_string(size) + " characters is shorter than the minimum of " +
            keywordText(at, "minLength")};
  if (startsWith(description, "Array should contain no more than"))
    return {"expected at most " + keywordText(at, "maxItems") + " items, got " + std::to_string(size)};
  if (startsWith(description, "Array should contain no fewer than"))
    return {"expected at least " + keywordText(at, "minItems") + " items, got " + std::to_string(size)};
  if (startsWith(description, "Object should have no more than"))
    return {"expected at most " + keywordText(at, "maxProperties") + " entries, got " + std::to_string(size)};
  if (startsWith(description, "Object should have no fewer than"))
    return {"expected at least " + keywordText(at, "minProperties") + " entries, got " + std::to_string(size)};
  if (startsWith(description, "Failed to match regex specified by 'pattern'"))
    return {"value " + got + " does not match the pattern " + keywordText(at, "pattern")};
  return {description};  // a constraint the Istio CRDs do not use today; valijson's wording will do
}

void collectFindings(const valijson::ValidationResults& results, const json& instance, const SchemaTree& tree,
                     std::vector<SchemaFinding>& findings) {
  // valijson reports an int-or-string mismatch three times (integer? string? anyOf?); the anyOf error explains it
  // best, so the type errors at a path that also has an anyOf error are dropped.
  std::set<std::string> anyOfPaths;
  std::vector<std::pair<Location, const std::string*>> errors;
  for (const valijson::ValidationResults::Error& error : results) {
    errors.emplace_back(locate(error.context, instance, tree), &error.description);
    if (startsWith(error.description, "Failed to validate against any schemas allowed by anyOf"))
      anyOfPaths.insert(errors.back().first.path);
  }
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& [location, description] : errors) {
    if (startsWith(*description, "Value type not permitted") && anyOfPaths.count(location.path)) continue;
    for (std::string& message : explain(*description, location))
      if (seen.emplace(location.path, message).second)
        findings.push_back({Severity::Error, kSchemaCode, location.path, std::move(message)});
  }
}

/// Orders findings by path, segment by segment, indices numerically (`http[2]` before `http[10]`), so that the
/// valijson errors and the walk's findings about one field come out together. Document order is not available:
/// nlohmann::json keeps object members sorted by key.
bool pathLess(std::string_view a, std::string_view b) {
  auto next = [](std::string_view& path) {
    if (!path.empty() && path.front() == '.') path.remove_prefix(1);
    if (path.empty()) return path;
    std::size_t end = path.front() == '[' ? path.find(']') : path.find_first_of(".[");
    end = end == std::string_view::npos ? path.size() : end + (path.front() == '[' ? 1 : 0);
    std::string_view segment = path.substr(0, end);
    path.remove_prefix(end);
    return segment;
  };
  while (!a.empty() && !b.empty()) {
    std::string_view x = next(a);
    std::string_view y = next(b);
    if (x == y) continue;
    std::size_t i = 0, j = 0;
    bool xIndex =
        x.size() > 2 && x.front() == '[' && std::from_chars(x.data() + 1, x.data() + x.size() - 1, i).ec == std::errc();
    bool yIndex =
        y.size() > 2 && y.front() == '[' && std::from_chars(y.data() + 1, y.data() + y.size() - 1, j).ec == std::errc();
    if (xIndex && yIndex) return i < j;
    return x < y;
  }
  return a.size() < b.size();
}

}  // namespace

struct SchemaValidator::Impl {
  std::vector<Entry> entries;

  const Entry* find(std::string_view apiVersion, std::string_view kind) const {
    for (const Entry& entry : entries)
      if (entry.kind == kind && entry.apiVersion == apiVersion) return &entry;
    return nullptr;
  }

  /// Adds every version of one `{"group", "kind", "versions"}` file written by .ci/strip-crds.py. A malformed file
  /// is skipped: its kinds stay unknown, which is better than builtin() throwing at start-up.
  void add(std::string_view text) {
    json crd = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    auto group = crd.is_object() ? crd.find("group") : crd.end();
    auto kindName = crd.is_object() ? crd.find("kind") : crd.end();
    auto versions = crd.is_object() ? crd.find("versions") : crd.end();
    if (!crd.is_object() || group == crd.end() || !group->is_string() || kindName == crd.end() ||
        !kindName->is_string() || versions == crd.end() || !versions->is_object())
      return;
    const std::string& kind = kindName->get_ref<const std::string&>();
    for (auto& [version, schema] : versions->items()) {
      std::shared_ptr<const CompiledSchema> compiled;
      for (const Entry& entry : entries)
        if (entry.kind == kind && entry.schema->schema == schema) compiled = entry.schema;
      if (!compiled) compiled = std::make_shared<const CompiledSchema>(std::move(schema));
      entries.push_back({group->get<std::string>() + "/" + version, kind, std::move(compiled)});
    }
  }
};

SchemaValidator::SchemaValidator(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SchemaValidator::~SchemaValidator() = default;
SchemaValidator::SchemaValidator(SchemaValidator&&) noexcept = default;
SchemaValidator& SchemaValidator::operator=(SchemaValidator&&) noexcept = default;

const SchemaValidator& SchemaValidator::builtin() {
  static const SchemaValidator validator = [] {
    auto impl = std::make_unique<Impl>();
    for (std::string_view text : embeddedCrdSchemas()) impl->add(text);
    return SchemaValidator(std::move(impl));
  }();
  return validator;
}

bool SchemaValidator::knows(std::string_view apiVersion, std::string_view kind) const {
  return impl_ && impl_->find(apiVersion, kind) != nullptr;
}

std::vector<SchemaFinding> SchemaValidator::validate(std::string_view apiVersion, std::string_view kind,
                                                     const nlohmann::json& document) const {
  const Entry* entry = impl_ ? impl_->find(apiVersion, kind) : nullptr;
  if (!entry) return {};
  const CompiledSchema& compiled = *entry->schema;
  std::vector<SchemaFinding> findings;
  try {
    if (!compiled.error.empty()) {
      findings.push_back(
          {Severity::Error, kSchemaCode, "", "cannot check against the " + entry->kind + " schema: " + compiled.error});
      return findings;
    }
    // The walk goes first because it tells whether valijson needs a normalised copy of the document.
    std::vector<SchemaFinding> walked;
    bool needsNormalising = false;
    compiled.tree.walk(document, walked, needsNormalising);
    std::optional<json> copy;
    if (needsNormalising) copy = normalised(document);
    const json& instance = copy ? *copy : document;

    // Strict types, as the API server: `port: "80"` is not an integer. The Validator is per call because it
    // caches `pattern` regexes unsynchronised, and validate() may run on several threads at once.
    valijson::Validator validator(valijson::Validator::kStrongTypes);
    valijson::adapters::NlohmannJsonAdapter adapter(instance);
    // Most documents are valid: a first pass without results stops at the first error and skips the bookkeeping
    // (valijson copies a ValidationResults per anyOf/oneOf when collecting); only invalid ones go round again.
    if (!validator.validate(compiled.valijsonSchema, adapter, nullptr)) {
      valijson::ValidationResults results;
      validator.validate(compiled.valijsonSchema, adapter, &results);
      collectFindings(results, instance, compiled.tree, findings);
    }
    findings.insert(findings.end(), std::make_move_iterator(walked.begin()), std::make_move_iterator(walked.end()));
    std::stable_sort(findings.begin(), findings.end(),
                     [](const SchemaFinding& a, const SchemaFinding& b) { return pathLess(a.path, b.path); });
  } catch (const std::exception& e) {
    findings.push_back({Severity::Error, kSchemaCode, "", std::string("schema validation failed: ") + e.what()});
  } catch (...) {
    findings.push_back({Severity::Error, kSchemaCode, "", "schema validation failed"});
  }
  return findings;
}

}  // namespace meshstudio::model
