#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace meshstudio::model {

/// A position in a source file, 1-based. line == 0 means "not from a file".
struct SourceMark {
  int line = 0;
  int column = 0;
  bool isKnown() const { return line > 0; }
};

/// An ordered, lossless YAML/JSON value: the storage format of every document in a project.
///
/// Scalars keep the text they were written with (`0x1F`, `1.50`, `"80"`), so that a value
/// goes out exactly as it came in. Maps keep their key order. Every node remembers where
/// it came from, so that diagnostics can point at file:line:column.
class Value {
 public:
  enum class Type { Null, Bool, Int, Float, String, Map, Seq };

  struct Entry;
  using Map = std::vector<Entry>;
  using Seq = std::vector<Value>;

  Value() = default;

  static Value null();
  static Value boolean(bool value);
  static Value integer(std::int64_t value);
  /// A number with the exact text it should be written as (must resolve as int or float).
  static Value number(std::string text);
  static Value floating(double value);
  static Value string(std::string text);
  static Value map();
  static Value seq();
  /// A plain scalar resolved with the YAML 1.2 core schema (`1` → Int, `true` → Bool, ...).
  static Value plainScalar(std::string text);

  Type type() const { return type_; }
  bool isNull() const { return type_ == Type::Null; }
  bool isBool() const { return type_ == Type::Bool; }
  bool isInt() const { return type_ == Type::Int; }
  bool isFloat() const { return type_ == Type::Float; }
  bool isNumber() const { return type_ == Type::Int || type_ == Type::Float; }
  bool isString() const { return type_ == Type::String; }
  bool isScalar() const { return type_ != Type::Map && type_ != Type::Seq; }
  bool isMap() const { return type_ == Type::Map; }
  bool isSeq() const { return type_ == Type::Seq; }

  /// The scalar's text as written (for strings: the string itself).
  const std::string& text() const { return text_; }
  std::optional<bool> toBool() const;
  std::optional<std::int64_t> toInt() const;
  std::optional<double> toDouble() const;
  /// The string value, or nullopt when this is not a string.
  std::optional<std::string> toString() const;

  const Map& entries() const { return map_; }
  Map& entries() { return map_; }
  const Seq& items() const { return seq_; }
  Seq& items() { return seq_; }
  std::size_t size() const;

  /// Map lookup; nullptr when absent or when this is not a map.
  const Value* find(std::string_view key) const;
  Value* find(std::string_view key);
  /// Inserts or replaces (keeping the existing position) a map entry; turns Null into a Map.
  Value& set(std::string key, Value value);
  bool erase(std::string_view key);
  /// Appends to a sequence; turns Null into a Seq.
  Value& append(Value value);

  /// Follows a path such as `spec.http[1].route[0]`; nullptr when any step is missing.
  const Value* at(std::string_view path) const;
  /// The string at `path`, or empty when it is missing or not a string.
  std::string stringAt(std::string_view path) const;

  const SourceMark& mark() const { return mark_; }
  void setMark(SourceMark mark) { mark_ = mark; }

  /// Same content: same types, texts and entries in the same order. Marks are ignored.
  bool operator==(const Value& other) const;

 private:
  Type type_ = Type::Null;
  std::string text_;
  Map map_;
  Seq seq_;
  SourceMark mark_;
};

struct Value::Entry {
  std::string key;
  Value value;
  SourceMark keyMark;
  bool operator==(const Entry& other) const { return key == other.key && value == other.value; }
};

// Defined here, not in the class: Entry must be complete before a vector of it is used.
inline std::size_t Value::size() const { return isMap() ? map_.size() : seq_.size(); }

/// YAML 1.2 core-schema resolution of a plain scalar's text.
Value::Type resolvePlainScalar(std::string_view text);
/// True when writing `text` as a plain scalar would make a YAML 1.1 or 1.2 reader see a
/// non-string (`true`, `yes`, `1`, `~`, `0o7`, ...). Such strings must be quoted on output.
bool plainScalarWouldChangeType(std::string_view text);

}  // namespace meshstudio::model
