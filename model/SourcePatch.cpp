#include "model/SourcePatch.h"

#include <algorithm>

#include "model/YamlReader.h"
#include "model/YamlWriter.h"

namespace meshstudio::model {
namespace {

/// One scalar to replace: `length` bytes at `offset` of the file become `text`.
struct Replacement {
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string text;
};

/// Byte offsets of each line's start (line 1 at index 0).
std::vector<std::size_t> lineStarts(std::string_view text) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') starts.push_back(i + 1);
  return starts;
}

/// Whether `c` may follow a plain scalar, in block or flow context.
bool endsPlainScalar(char c) {
  return c == '\n' || c == '\r' || c == ' ' || c == '\t' || c == ',' || c == ']' || c == '}' || c == '#';
}

/// `value` written as one inline scalar that reads back the same in block and flow context
/// alike, or nullopt (multi-line text, or a plain scalar holding flow indicators).
std::optional<std::string> inlineScalar(const Value& value) {
  std::string text = YamlWriter::write(value);
  if (!text.empty() && text.back() == '\n') text.pop_back();
  if (text.empty() || text.find('\n') != std::string::npos) return std::nullopt;
  if (text.front() == '"' || text.front() == '\'') return text;
  if (text.find_first_of(",[]{}#") != std::string::npos || text.find(": ") != std::string::npos) return std::nullopt;
  return text;
}

/// The file's text with the offset of each line, to turn a Value's mark into a byte offset.
struct SourceText {
  std::string_view text;
  std::vector<std::size_t> lineStarts;  ///< line 1 at index 0
};

/// Only plain scalars are replaced in place: a plain scalar's text is exactly its source, so
/// the bytes at its mark can be checked before they are overwritten.
bool replaceScalar(const SourceText& source, const Value& before, const Value& after,
                   std::vector<Replacement>& replacements) {
  const SourceMark& mark = before.mark();
  const std::string& old = before.text();
  if (!mark.isKnown() || mark.column < 1 || old.empty() || old.find('\n') != std::string::npos) return false;
  if (static_cast<std::size_t>(mark.line) > source.lineStarts.size()) return false;
  const std::size_t offset =
      source.lineStarts[static_cast<std::size_t>(mark.line) - 1] + static_cast<std::size_t>(mark.column) - 1;
  const std::string_view text = source.text;
  if (offset + old.size() > text.size() || text.compare(offset, old.size(), old) != 0) return false;
  if (offset + old.size() < text.size() && !endsPlainScalar(text[offset + old.size()])) return false;
  const auto written = inlineScalar(after);
  if (!written) return false;
  replacements.push_back({offset, old.size(), *written});
  return true;
}

/// Adds the replacements that turn `before` (read from the file) into `after`; false when they
/// differ by more than scalar values, or a changed scalar cannot be found in the text.
bool collectReplacements(const SourceText& source, const Value& before, const Value& after,
                         std::vector<Replacement>& replacements) {
  if (before == after) return true;
  if (before.isScalar() && after.isScalar()) return replaceScalar(source, before, after, replacements);
  if (before.type() != after.type() || before.size() != after.size()) return false;
  if (before.isMap()) {
    for (std::size_t i = 0; i < before.entries().size(); ++i) {
      const Value::Entry& was = before.entries()[i];
      const Value::Entry& is = after.entries()[i];
      if (was.key != is.key || !collectReplacements(source, was.value, is.value, replacements)) return false;
    }
    return true;
  }
  for (std::size_t i = 0; i < before.items().size(); ++i)
    if (!collectReplacements(source, before.items()[i], after.items()[i], replacements)) return false;
  return true;
}

/// Whether `text` reads back as exactly `resources`: the last word on a patch, which also
/// catches what the checks above cannot see (an alias sharing its anchor's mark, say).
bool readsBackAs(std::string_view text, const std::string& fileName, const std::vector<const Resource*>& resources) {
  const ParseResult parsed = YamlReader::parse(text, fileName);
  if (parsed.documents.size() != resources.size()) return false;
  for (std::size_t i = 0; i < resources.size(); ++i) {
    if (resources[i]->isUnparsed()) continue;  // compared as text already
    if (!parsed.documents[i].value || !(*parsed.documents[i].value == resources[i]->document())) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> SourcePatch::rewrite(std::string_view fileText, const std::string& fileName,
                                                const std::vector<const Resource*>& resources) {
  const ParseResult parsed = YamlReader::parse(fileText, fileName);
  // One resource per document, in order: a `kind: List` or a document added or removed since
  // the file was read is a structural change.
  if (parsed.documents.size() != resources.size()) return std::nullopt;
  const SourceText source{fileText, lineStarts(fileText)};
  std::vector<Replacement> replacements;
  for (std::size_t i = 0; i < resources.size(); ++i) {
    const ParsedDocument& document = parsed.documents[i];
    const Resource& resource = *resources[i];
    if (resource.source().documentIndex != document.index || resource.source().listItem != -1) return std::nullopt;
    if (resource.isUnparsed()) {
      if (resource.rawText() != document.text) return std::nullopt;
      continue;
    }
    if (!document.value || !collectReplacements(source, *document.value, resource.document(), replacements))
      return std::nullopt;
  }
  // From the end backwards, so that earlier offsets stay valid.
  std::sort(replacements.begin(), replacements.end(),
            [](const Replacement& a, const Replacement& b) { return a.offset > b.offset; });
  std::string text(fileText);
  for (const Replacement& replacement : replacements)
    text.replace(replacement.offset, replacement.length, replacement.text);
  if (!readsBackAs(text, fileName, resources)) return std::nullopt;
  return text;
}

}  // namespace meshstudio::model
