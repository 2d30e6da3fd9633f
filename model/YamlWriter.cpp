#include "model/YamlWriter.h"

#include <yaml-cpp/emitter.h>
#include <yaml-cpp/emittermanip.h>
#include <yaml-cpp/null.h>

namespace meshstudio::model {
namespace {

/// yaml-cpp's literal style always uses the "clip" chomping indicator and no indentation
/// indicator, so it is exact only for text that ends in one newline and starts with no blank.
bool literalBlockIsExact(const std::string& text) {
  if (text.size() < 2 || text.back() != '\n' || text[text.size() - 2] == '\n') return false;
  if (text.front() == ' ' || text.front() == '\t' || text.front() == '\n') return false;
  for (char c : text)
    if (c == '\r' || (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t')) return false;
  return true;
}

void emitString(YAML::Emitter& out, const std::string& text) {
  if (text.find('\n') != std::string::npos) {
    if (literalBlockIsExact(text))
      out << YAML::Literal << text;
    else
      out << YAML::DoubleQuoted << text;
    return;
  }
  if (text.empty() || plainScalarWouldChangeType(text)) {
    out << YAML::DoubleQuoted << text;
    return;
  }
  out << text;  // yaml-cpp quotes by itself when a plain scalar would be invalid (`a: b`, `- x`)
}

void emit(YAML::Emitter& out, const Value& value) {
  switch (value.type()) {
    case Value::Type::Null:
      out << YAML::Null;
      return;
    case Value::Type::Bool:
    case Value::Type::Int:
    case Value::Type::Float:
      out << value.text();
      return;
    case Value::Type::String:
      emitString(out, value.text());
      return;
    case Value::Type::Map:
      if (value.entries().empty()) {
        out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
        return;
      }
      out << YAML::BeginMap;
      for (const Value::Entry& entry : value.entries()) {
        out << YAML::Key;
        emitString(out, entry.key);
        out << YAML::Value;
        emit(out, entry.value);
      }
      out << YAML::EndMap;
      return;
    case Value::Type::Seq:
      if (value.items().empty()) {
        out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
        return;
      }
      out << YAML::BeginSeq;
      for (const Value& item : value.items()) emit(out, item);
      out << YAML::EndSeq;
      return;
  }
}

}  // namespace

std::string YamlWriter::write(const Value& document) {
  YAML::Emitter out;
  out.SetIndent(2);
  out.SetSeqFormat(YAML::Block);
  emit(out, document);
  std::string text = out.c_str();
  if (text.empty() || text.back() != '\n') text += '\n';
  return text;
}

std::string YamlWriter::joinDocuments(const std::vector<std::string>& documents) {
  std::string stream;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    if (i > 0) stream += "---\n";
    stream += documents[i];
  }
  return stream;
}

}  // namespace meshstudio::model
