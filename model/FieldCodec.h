#pragma once

// A small reflection codec between Values and typed structs.
//
// A typed struct lists its fields once, in the order of the Istio reference:
//
//   struct Destination {
//     std::optional<std::string> host;
//     std::optional<std::string> subset;
//     Extras extras;
//     static constexpr auto fields() {
//       return std::make_tuple(field("host", &Destination::host), field("subset", &Destination::subset));
//     }
//   };
//
// decode() fills the typed members and keeps everything else — unknown keys, and known keys
// whose value does not have the expected type or would not be written back with the same
// text — in `extras`, in source order. encode() writes the fields in declaration order, then
// the extras. So decode → encode loses nothing, and gives the canonical field order.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "model/Value.h"

namespace meshstudio::model {

/// Entries a typed struct does not model (or could not decode), kept in source order.
using Extras = Value::Map;

/// A list that remembers whether it was written at all, so that `hosts: []` survives.
template <class T>
struct List : std::vector<T> {
  using std::vector<T>::vector;
  bool present = false;
  bool isPresent() const { return present || !this->empty(); }
};

/// An ordered string-keyed map (labels, header matches) that keeps the order it was written in.
template <class T>
struct OrderedMap : std::vector<std::pair<std::string, T>> {
  using std::vector<std::pair<std::string, T>>::vector;
  bool present = false;
  bool isPresent() const { return present || !this->empty(); }
  const T* find(std::string_view key) const {
    for (const auto& [name, value] : *this)
      if (name == key) return &value;
    return nullptr;
  }
  void set(std::string key, T value) {
    for (auto& [name, existing] : *this)
      if (name == key) {
        existing = std::move(value);
        return;
      }
    this->emplace_back(std::move(key), std::move(value));
  }
};

using StringMap = OrderedMap<std::string>;

template <class Owner, class Member>
struct Field {
  std::string_view key;
  Member Owner::*member;
};

template <class Owner, class Member>
constexpr Field<Owner, Member> field(std::string_view key, Member Owner::*member) {
  return Field<Owner, Member>{key, member};
}

template <class T>
concept Reflected = requires(T t) {
  T::fields();
  t.extras;
};

template <class T>
struct Codec;

template <>
struct Codec<Value> {
  static bool decode(const Value& in, Value& out) {
    out = in;
    return true;
  }
  static Value encode(const Value& in) { return in; }
};

template <>
struct Codec<std::string> {
  static bool decode(const Value& in, std::string& out) {
    if (!in.isString()) return false;
    out = in.text();
    return true;
  }
  static Value encode(const std::string& in) { return Value::string(in); }
};

template <>
struct Codec<bool> {
  static bool decode(const Value& in, bool& out) {
    if (!in.isBool() || (in.text() != "true" && in.text() != "false")) return false;
    out = in.text() == "true";
    return true;
  }
  static Value encode(bool in) { return Value::boolean(in); }
};

template <>
struct Codec<std::int64_t> {
  static bool decode(const Value& in, std::int64_t& out) {
    auto parsed = in.toInt();
    if (!parsed || std::to_string(*parsed) != in.text()) return false;  // `0x10` stays as written
    out = *parsed;
    return true;
  }
  static Value encode(std::int64_t in) { return Value::integer(in); }
};

/// A fractional number (percentages, warmup settings) that remembers how it was written, so
/// that `100.0` goes out as `100.0` while its value is unchanged. Any numeric spelling decodes
/// (`100`, `100.0`, `1e-05`); it converts to double wherever a double is expected.
struct Number {
  double value = 0;
  std::string text;  ///< as written; empty for a number set in code
  Number() = default;
  Number(double v) : value(v) {}  // NOLINT(google-explicit-constructor): a Number is used as a double
  operator double() const { return value; }
};

template <>
struct Codec<Number> {
  static bool decode(const Value& in, Number& out) {
    auto parsed = in.toDouble();
    if (!in.isNumber() || !parsed) return false;
    out.value = *parsed;
    out.text = in.text();
    return true;
  }
  /// The original spelling while it still denotes the value; else the shortest plain form.
  static Value encode(const Number& in);
};

template <class T>
struct Codec<List<T>> {
  static bool decode(const Value& in, List<T>& out) {
    if (!in.isSeq()) return false;
    List<T> result;
    result.present = true;
    result.reserve(in.items().size());
    for (const Value& item : in.items())
      if (!Codec<T>::decode(item, result.emplace_back())) return false;
    out = std::move(result);
    return true;
  }
  static Value encode(const List<T>& in) {
    Value out = Value::seq();
    for (const T& item : in) out.append(Codec<T>::encode(item));
    return out;
  }
};

template <class T>
struct Codec<OrderedMap<T>> {
  static bool decode(const Value& in, OrderedMap<T>& out) {
    if (!in.isMap()) return false;
    OrderedMap<T> result;
    result.present = true;
    result.reserve(in.entries().size());
    for (const Value::Entry& entry : in.entries()) {
      auto& [key, value] = result.emplace_back();
      key = entry.key;
      if (!Codec<T>::decode(entry.value, value)) return false;
    }
    out = std::move(result);
    return true;
  }
  static Value encode(const OrderedMap<T>& in) {
    Value out = Value::map();
    for (const auto& [key, value] : in) out.entries().push_back(Value::Entry{key, Codec<T>::encode(value), {}});
    return out;
  }
};

namespace detail {

template <class T>
bool isPresent(const std::optional<T>& member) {
  return member.has_value();
}
template <class T>
bool isPresent(const List<T>& member) {
  return member.isPresent();
}
template <class T>
bool isPresent(const OrderedMap<T>& member) {
  return member.isPresent();
}

template <class T>
bool decodeMember(const Value& in, std::optional<T>& member) {
  T decoded{};
  if (!Codec<T>::decode(in, decoded)) return false;
  member = std::move(decoded);
  return true;
}
template <class T>
bool decodeMember(const Value& in, T& member) {
  return Codec<T>::decode(in, member);
}

template <class T>
Value encodeMember(const std::optional<T>& member) {
  return Codec<T>::encode(*member);
}
template <class T>
Value encodeMember(const T& member) {
  return Codec<T>::encode(member);
}

}  // namespace detail

template <Reflected T>
struct Codec<T> {
  static bool decode(const Value& in, T& out) {
    if (!in.isMap()) return false;
    out = T{};
    for (const Value::Entry& entry : in.entries()) {
      bool known = false;
      bool decoded = false;
      std::apply(
          [&](const auto&... fields) {
            ((!known && fields.key == entry.key
                  ? (known = true, decoded = detail::decodeMember(entry.value, out.*(fields.member)))
                  : false),
             ...);
          },
          T::fields());
      if (!decoded) out.extras.push_back(entry);
    }
    return true;
  }

  static Value encode(const T& in) {
    Value out = Value::map();
    std::apply(
        [&](const auto&... fields) {
          ((detail::isPresent(in.*(fields.member))
                ? (out.entries().push_back(
                       Value::Entry{std::string(fields.key), detail::encodeMember(in.*(fields.member)), {}}),
                   0)
                : 0),
           ...);
        },
        T::fields());
    for (const Value::Entry& extra : in.extras)
      if (!out.find(extra.key)) out.entries().push_back(extra);
    return out;
  }
};

/// Decodes a map Value into a typed struct; never fails for a map (what does not fit goes to extras).
template <Reflected T>
std::optional<T> decodeAs(const Value& value) {
  T result{};
  if (!Codec<T>::decode(value, result)) return std::nullopt;
  return result;
}

template <Reflected T>
Value encode(const T& typed) {
  return Codec<T>::encode(typed);
}

}  // namespace meshstudio::model
