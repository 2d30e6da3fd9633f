#include "model/YamlReader.h"

#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "model/ParallelFor.h"

namespace meshstudio::model {
namespace {

constexpr const char* kSyntaxError = "MS0001";
constexpr const char* kDuplicateKey = "MS0002";
constexpr const char* kUnreadable = "MS0003";
constexpr const char* kNotText = "MS0004";
constexpr const char* kTooDeep = "MS0005";

/// Raised from inside the event handler to abandon one document with a precise message.
struct DocumentError : std::runtime_error {
  DocumentError(std::string code, SourceMark mark, const std::string& message)
      : std::runtime_error(message), code(std::move(code)), mark(mark) {}
  std::string code;
  SourceMark mark;
};

/// Builds a Value tree from yaml-cpp parser events (no yaml-cpp Node graph in between: it is
/// slower, drops plain/quoted information and silently accepts duplicate keys).
class ValueBuilder : public YAML::EventHandler {
 public:
  ValueBuilder(int lineOffset, const YamlReader::Limits& limits) : lineOffset_(lineOffset), limits_(limits) {}

  std::optional<Value> takeDocument() { return std::move(document_); }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Value value = Value::null();
    value.setMark(toMark(mark));
    complete(std::move(value), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto found = anchors_.find(anchor);
    if (found == anchors_.end()) throw DocumentError(kSyntaxError, toMark(mark), "alias to an unknown anchor");
    countNodes(found->second.nodeCount, mark);
    complete(Value(found->second.value), 0);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& text) override {
    Value value = scalarFor(tag, text);
    value.setMark(toMark(mark));
    if (isExpectingKey()) {
      frames_.back().pendingKey = text;
      frames_.back().pendingKeyMark = toMark(mark);
      frames_.back().hasPendingKey = true;
      return;
    }
    complete(std::move(value), anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(Value::seq(), mark, anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(Value::map(), mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    Value value;
    YAML::anchor_t anchor = 0;
    std::size_t firstNodeIndex = 0;
    bool hasPendingKey = false;
    std::string pendingKey;
    SourceMark pendingKeyMark;
  };
  struct Anchored {
    Value value;
    std::size_t nodeCount = 0;
  };

  static Value scalarFor(const std::string& tag, const std::string& text) {
    // "?" is yaml-cpp's non-specific tag: a plain scalar, resolved by the core schema.
    if (tag == "?") return Value::plainScalar(text);
    if (tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float") return Value::number(text);
    if (tag == "tag:yaml.org,2002:bool" || tag == "tag:yaml.org,2002:null") return Value::plainScalar(text);
    return Value::string(text);  // quoted, block, `!`, `!!str` or an application tag
  }

  SourceMark toMark(const YAML::Mark& mark) const { return SourceMark{mark.line + 1 + lineOffset_, mark.column + 1}; }

  bool isExpectingKey() const {
    return !frames_.empty() && frames_.back().value.isMap() && !frames_.back().hasPendingKey;
  }

  void countNodes(std::size_t count, const YAML::Mark& mark) {
    nodeCount_ += count;
    if (nodeCount_ > limits_.maxNodes)
      throw DocumentError(kUnreadable, toMark(mark),
                          "document expands to more than " + std::to_string(limits_.maxNodes) +
                              " values (alias expansion?); refusing to load it");
  }

  void open(Value value, const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (isExpectingKey())
      throw DocumentError(kSyntaxError, toMark(mark), "a map or list used as a map key is not supported");
    if (static_cast<int>(frames_.size()) >= limits_.maxDepth)
      throw DocumentError(kTooDeep, toMark(mark),
                          "nesting deeper than " + std::to_string(limits_.maxDepth) + " levels");
    countNodes(1, mark);
    value.setMark(toMark(mark));
    frames_.push_back(Frame{std::move(value), anchor, nodeCount_, false, {}, {}});
  }

  void close() {
    Frame frame = std::move(frames_.back());
    frames_.pop_back();
    if (frame.anchor != 0) anchors_[frame.anchor] = Anchored{frame.value, nodeCount_ - frame.firstNodeIndex + 1};
    attach(std::move(frame.value));
  }

  void complete(Value value, YAML::anchor_t anchor) {
    if (anchor != 0) anchors_[anchor] = Anchored{value, 1};
    countNodes(1, YAML::Mark());
    attach(std::move(value));
  }

  void attach(Value value) {
    if (frames_.empty()) {
      document_ = std::move(value);
      return;
    }
    Frame& parent = frames_.back();
    if (parent.value.isSeq()) {
      parent.value.append(std::move(value));
      return;
    }
    if (!parent.hasPendingKey) {  // a null key (`? ` with nothing) arrives as OnNull
      parent.pendingKey = "";
      parent.hasPendingKey = true;
      parent.pendingKeyMark = value.mark();
      return;
    }
    if (const Value* previous = parent.value.find(parent.pendingKey)) {
      (void)previous;
      SourceMark first = firstKeyMark(parent.value, parent.pendingKey);
      throw DocumentError(
          kDuplicateKey, parent.pendingKeyMark,
          "duplicate key \"" + parent.pendingKey + "\" (first defined at line " + std::to_string(first.line) + ")");
    }
    parent.value.entries().push_back(
        Value::Entry{std::move(parent.pendingKey), std::move(value), parent.pendingKeyMark});
    parent.hasPendingKey = false;
    parent.pendingKey.clear();
  }

  static SourceMark firstKeyMark(const Value& map, const std::string& key) {
    for (const Value::Entry& entry : map.entries())
      if (entry.key == key) return entry.keyMark;
    return {};
  }

  int lineOffset_;
  const YamlReader::Limits& limits_;
  std::vector<Frame> frames_;
  std::unordered_map<YAML::anchor_t, Anchored> anchors_;
  std::size_t nodeCount_ = 0;
  std::optional<Value> document_;
};

struct Chunk {
  std::string_view text;
  int firstLine = 1;
};

bool isMarkerLine(std::string_view line, std::string_view marker) {
  if (!line.starts_with(marker)) return false;
  return line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r' || line[3] == '\n';
}

/// Splits a stream at `---` and `...` lines, so that each document is parsed on its own.
std::vector<Chunk> splitDocuments(std::string_view text) {
  std::vector<Chunk> chunks;
  std::size_t chunkStart = 0;
  int chunkLine = 1;
  int line = 1;
  std::size_t lastContentEnd = 0;  // end of the last line that was not a directive
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
    std::string_view current = text.substr(pos, next - pos);
    if (isMarkerLine(current, "---") && pos > chunkStart) {
      // `%YAML` directives belong to the document they precede.
      std::size_t splitAt = lastContentEnd > chunkStart ? lastContentEnd : pos;
      if (splitAt > chunkStart) chunks.push_back(Chunk{text.substr(chunkStart, splitAt - chunkStart), chunkLine});
      for (std::size_t i = chunkStart; i < splitAt; ++i)
        if (text[i] == '\n') ++chunkLine;
      chunkStart = splitAt;
    }
    if (!current.starts_with('%')) lastContentEnd = next;
    if (isMarkerLine(current, "...")) {
      chunks.push_back(Chunk{text.substr(chunkStart, next - chunkStart), chunkLine});
      chunkStart = next;
      chunkLine = line + 1;
      lastContentEnd = next;
    }
    pos = next;
    ++line;
  }
  if (chunkStart < text.size()) chunks.push_back(Chunk{text.substr(chunkStart), chunkLine});
  return chunks;
}

/// yaml-cpp reports tab indentation with confusing messages ("illegal map value"); find the
/// tab ourselves so the user reads what is actually wrong.
std::optional<SourceMark> tabIndentation(std::string_view chunk, int firstLine, int errorLine) {
  int line = firstLine;
  std::size_t pos = 0;
  while (pos < chunk.size() && line <= errorLine) {
    std::size_t column = 0;
    while (pos + column < chunk.size() && (chunk[pos + column] == ' ' || chunk[pos + column] == '\t')) {
      if (chunk[pos + column] == '\t') return SourceMark{line, static_cast<int>(column) + 1};
      ++column;
    }
    std::size_t end = chunk.find('\n', pos);
    if (end == std::string_view::npos) break;
    pos = end + 1;
    ++line;
  }
  return std::nullopt;
}

/// The first byte that makes this not UTF-8 text, as a line:column; nullopt for text.
std::optional<SourceMark> firstBinaryByte(std::string_view text) {
  int line = 1;
  int column = 1;
  for (std::size_t i = 0; i < text.size();) {
    auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = byte < 0x80           ? 1
                         : (byte >> 5) == 0x6  ? 2
                         : (byte >> 4) == 0xE  ? 3
                         : (byte >> 3) == 0x1E ? 4
                                               : 0;
    bool control = byte < 0x20 && byte != '\n' && byte != '\r' && byte != '\t';
    if (length == 0 || control || byte == 0x7F || i + length > text.size()) return SourceMark{line, column};
    for (std::size_t k = 1; k < length; ++k)
      if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return SourceMark{line, column};
    if (byte == '\n') {
      ++line;
      column = 0;
    }
    ++column;
    i += length;
  }
  return std::nullopt;
}

Diagnostic errorAt(const std::string& file, const char* code, SourceMark mark, std::string message) {
  Diagnostic d;
  d.severity = Severity::Error;
  d.code = code;
  d.file = file;
  d.line = mark.line;
  d.column = mark.column;
  d.message = std::move(message);
  return d;
}

struct ChunkResult {
  std::optional<ParsedDocument> document;  ///< nullopt for a chunk with no document (comments only)
  std::optional<Diagnostic> diagnostic;
};

ChunkResult parseChunk(const Chunk& chunk, const std::string& fileName, const YamlReader::Limits& limits) {
  ChunkResult result;
  ParsedDocument document;
  document.text = std::string(chunk.text);
  document.firstLine = chunk.firstLine;
  std::istringstream stream(document.text);
  ValueBuilder builder(chunk.firstLine - 1, limits);
  try {
    YAML::Parser parser(stream);
    if (!parser.HandleNextDocument(builder)) return result;  // only comments or blank lines
    document.value = builder.takeDocument();
    if (!document.value || document.value->isNull()) return result;  // an empty `---` document
    if (parser.HandleNextDocument(builder))
      throw DocumentError(kSyntaxError, {chunk.firstLine, 1}, "unexpected second document in one chunk");
  } catch (const DocumentError& error) {
    document.value.reset();
    result.diagnostic = errorAt(fileName, error.code.c_str(), error.mark, error.what());
  } catch (const YAML::DeepRecursion& error) {
    document.value.reset();
    SourceMark mark{error.mark.line + chunk.firstLine, error.mark.column + 1};
    result.diagnostic = errorAt(fileName, kTooDeep, mark, "nesting too deep for the YAML parser");
  } catch (const YAML::Exception& error) {
    document.value.reset();
    SourceMark mark{error.mark.line + chunk.firstLine, error.mark.column + 1};
    std::string message = error.msg;
    if (auto tab = tabIndentation(chunk.text, chunk.firstLine, mark.line)) {
      mark = *tab;
      message = "tab character used for indentation; YAML allows only spaces";
    }
    result.diagnostic = errorAt(fileName, kSyntaxError, mark, message);
  }
  result.document = std::move(document);
  return result;
}

}  // namespace

ParseResult YamlReader::parse(std::string_view text, const std::string& fileName) {
  return parse(text, fileName, Limits{});
}

ParseResult YamlReader::parse(std::string_view text, const std::string& fileName, const Limits& limits) {
  ParseResult result;
  if (text.size() > limits.maxBytes) {
    result.diagnostics.push_back(errorAt(fileName, kUnreadable, SourceMark{1, 1},
                                         "file is " + std::to_string(text.size() >> 20) +
                                             " MiB; manifests larger than " + std::to_string(limits.maxBytes >> 20) +
                                             " MiB are not loaded"));
    return result;
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a UTF-8 byte order mark is allowed
  if (auto bad = firstBinaryByte(text)) {
    result.diagnostics.push_back(
        errorAt(fileName, kNotText, *bad, "not a UTF-8 text file (binary or control character); nothing was loaded"));
    return result;
  }

  // Documents are independent once split, so large streams parse on every core.
  std::vector<Chunk> chunks = splitDocuments(text);
  std::vector<ChunkResult> parsed(chunks.size());
  parallelFor(chunks.size(), 64, [&](std::size_t i) { parsed[i] = parseChunk(chunks[i], fileName, limits); });
  for (ChunkResult& chunk : parsed) {
    if (chunk.diagnostic) result.diagnostics.push_back(std::move(*chunk.diagnostic));
    if (!chunk.document) continue;
    chunk.document->index = static_cast<int>(result.documents.size());
    result.documents.push_back(std::move(*chunk.document));
  }
  return result;
}

}  // namespace meshstudio::model
