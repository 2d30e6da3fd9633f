#include "engine/StringMatcher.h"

#include <re2/re2.h>
#include <boost/beast/core/string.hpp>

namespace meshstudio::engine {

bool StringMatcher::compile(const model::StringMatch& match, bool ignoreCase, StringMatcher& out, std::string& error) {
  out = StringMatcher{};
  if (match.exact) {
    out.kind_ = Kind::Exact;
    out.text_ = *match.exact;
    out.ignoreCase_ = ignoreCase;
  } else if (match.prefix) {
    out.kind_ = Kind::Prefix;
    out.text_ = *match.prefix;
    out.ignoreCase_ = ignoreCase;
  } else if (match.regex && *match.regex != "*") {
    RE2::Options options;
    options.set_log_errors(false);
    auto regex = std::make_shared<const re2::RE2>(*match.regex, options);
    if (!regex->ok()) {
      error = "regex \"" + *match.regex + "\" does not compile: " + regex->error();
      return false;
    }
    out.kind_ = Kind::Regex;
    out.text_ = *match.regex;
    out.regex_ = std::move(regex);
  }
  return true;
}

StringMatcher StringMatcher::literal(Kind kind, std::string text) {
  StringMatcher matcher;
  matcher.kind_ = kind;
  matcher.text_ = std::move(text);
  return matcher;
}

bool StringMatcher::matches(std::string_view value) const {
  switch (kind_) {
    case Kind::Exact:
      return ignoreCase_ ? boost::beast::iequals(value, text_) : value == text_;
    case Kind::Prefix:
      if (value.size() < text_.size()) return false;
      return ignoreCase_ ? boost::beast::iequals(value.substr(0, text_.size()), text_) : value.starts_with(text_);
    case Kind::Regex:
      return re2::RE2::FullMatch(re2::StringPiece(value.data(), value.size()), *regex_);
    case Kind::Present:
      return true;
  }
  return false;
}

std::string StringMatcher::describe() const {
  const char* suffix = ignoreCase_ ? " (ignoring case)" : "";
  switch (kind_) {
    case Kind::Exact:
      return "exact \"" + text_ + "\"" + suffix;
    case Kind::Prefix:
      return "prefix \"" + text_ + "\"" + suffix;
    case Kind::Regex:
      return "regex \"" + text_ + "\"";
    case Kind::Present:
      return "present";
  }
  return {};
}

}  // namespace meshstudio::engine
