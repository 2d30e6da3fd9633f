#include "views/YamlHighlighter.h"

#include <QGuiApplication>
#include <QPalette>

namespace meshstudio::views {
namespace {

bool isBlank(QChar c) { return c == u' ' || c == u'\t'; }

/// True at the end of the line or before a space: where a YAML indicator is complete.
bool endsToken(const QString& text, qsizetype pos) { return pos >= text.size() || isBlank(text[pos]); }

qsizetype skipBlanks(const QString& text, qsizetype pos) {
  while (pos < text.size() && isBlank(text[pos])) ++pos;
  return pos;
}

/// The index just past the quoted scalar that starts at `pos` (the line's end when unterminated).
qsizetype quotedEnd(const QString& text, qsizetype pos) {
  const QChar quote = text[pos];
  for (qsizetype i = pos + 1; i < text.size(); ++i) {
    if (quote == u'"' && text[i] == u'\\') {
      ++i;  // escaped character
    } else if (text[i] == quote) {
      if (quote == u'\'' && i + 1 < text.size() && text[i + 1] == u'\'') {
        ++i;  // '' is an escaped single quote
        continue;
      }
      return i + 1;
    }
  }
  return text.size();
}

/// The index of the `:` that ends a plain key starting at `pos`, or -1 when this is no key.
qsizetype plainKeyEnd(const QString& text, qsizetype pos) {
  for (qsizetype i = pos; i < text.size(); ++i) {
    if (text[i] == u'#' && i > pos && isBlank(text[i - 1])) return -1;  // a comment starts
    if (text[i] == u':' && endsToken(text, i + 1)) return i;
  }
  return -1;
}

bool isFlowIndicator(QChar c) { return c == u'[' || c == u']' || c == u'{' || c == u'}' || c == u','; }

/// Characters that cannot start a plain key (flow collections, block scalars, aliases, ...).
bool cannotStartPlainKey(QChar c) { return QStringLiteral("[]{}|>*&!%@`#").contains(c); }

}  // namespace

YamlHighlighter::YamlHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document),
      // YAML 1.2 core schema: null, booleans, integers (decimal, octal, hex), floats, inf, nan.
      scalarPattern_(QStringLiteral("^(?:null|Null|NULL|~|true|True|TRUE|false|False|FALSE"
                                    "|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
                                    "|[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                                    "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$")) {
  setupFormats();
}

void YamlHighlighter::setupFormats() {
  const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
  auto make = [dark](const char* light, const char* darkColor) {
    QTextCharFormat format;
    format.setForeground(QColor(QLatin1String(dark ? darkColor : light)));
    return format;
  };
  auto at = [this](Token token) -> QTextCharFormat& { return formats_[static_cast<std::size_t>(token)]; };
  at(Token::Key) = make("#1c4e9b", "#7fb4ff");
  at(Token::String) = make("#1b7a2e", "#98c379");
  at(Token::Scalar) = make("#8e24aa", "#d19aff");
  at(Token::Comment) = make("#6a737d", "#8b949e");
  at(Token::Comment).setFontItalic(true);
  at(Token::DocumentMarker) = make("#c2410c", "#ffa657");
  at(Token::DocumentMarker).setFontWeight(QFont::Bold);
  at(Token::Indicator) = make("#6b7280", "#9ca3af");
  at(Token::AnchorOrTag) = make("#00838f", "#56d4dd");
  at(Token::BlockScalar) = make("#1b7a2e", "#98c379");
}

void YamlHighlighter::apply(qsizetype start, qsizetype length, Token token) {
  if (length > 0) setFormat(int(start), int(length), format(token));
}

// The block state is -1 outside block scalars; inside one it is (indentation of the node that
// owns the scalar) + 1, and a content line must be indented at least that much.
void YamlHighlighter::highlightBlock(const QString& text) {
  const int blockScalarIndent = previousBlockState();
  setCurrentBlockState(-1);

  const qsizetype indent = skipBlanks(text, 0);
  if (blockScalarIndent >= 0) {
    if (indent == text.size() || indent >= blockScalarIndent) {
      apply(0, text.size(), Token::BlockScalar);
      setCurrentBlockState(blockScalarIndent);
      return;
    }
  }
  if (indent == text.size()) return;

  qsizetype pos = indent;
  qsizetype owner = indent;  // indentation of the node a block scalar on this line belongs to
  if (indent == 0 && (text.startsWith(QStringLiteral("---")) || text.startsWith(QStringLiteral("..."))) &&
      endsToken(text, 3)) {
    apply(0, 3, Token::DocumentMarker);
    pos = skipBlanks(text, 3);
    owner = -1;  // `--- |`: a top-level block scalar
    if (pos >= text.size()) return;
  }

  // Sequence entries: `- `, possibly nested on one line (`- - a`).
  while (pos < text.size() && text[pos] == u'-' && endsToken(text, pos + 1)) {
    apply(pos, 1, Token::Indicator);
    owner = pos;
    pos = skipBlanks(text, pos + 1);
  }
  if (pos >= text.size()) return;
  if (text[pos] == u'#') {
    highlightComment(text, pos);
    return;
  }

  // A key: plain or quoted, followed by `:` and a space or the end of the line.
  qsizetype colon = -1;
  if (text[pos] == u'"' || text[pos] == u'\'') {
    const qsizetype after = skipBlanks(text, quotedEnd(text, pos));
    if (after < text.size() && text[after] == u':' && endsToken(text, after + 1)) colon = after;
  } else if (!cannotStartPlainKey(text[pos])) {
    colon = plainKeyEnd(text, pos);
  }
  if (colon >= 0) {
    apply(pos, colon - pos, Token::Key);
    owner = pos;
    pos = skipBlanks(text, colon + 1);
    if (pos >= text.size()) return;
  }

  if (highlightValue(text, pos)) setCurrentBlockState(int(owner) + 1);
}

bool YamlHighlighter::highlightValue(const QString& text, qsizetype pos) {
  // Node properties first: `&anchor`, `!tag`.
  while (pos < text.size() && (text[pos] == u'&' || text[pos] == u'!')) {
    qsizetype end = pos;
    while (end < text.size() && !isBlank(text[end])) ++end;
    apply(pos, end - pos, Token::AnchorOrTag);
    pos = skipBlanks(text, end);
  }
  if (pos >= text.size()) return false;

  const QChar first = text[pos];
  if (first == u'#') {
    highlightComment(text, pos);
    return false;
  }
  if (first == u'*') {  // alias
    qsizetype end = pos;
    while (end < text.size() && !isBlank(text[end])) ++end;
    apply(pos, end - pos, Token::AnchorOrTag);
    highlightComment(text, skipBlanks(text, end));
    return false;
  }
  if (first == u'|' || first == u'>') {  // block scalar header: indicator, chomping, indentation
    qsizetype end = pos + 1;
    while (end < text.size() && (text[end] == u'-' || text[end] == u'+' || text[end].isDigit())) ++end;
    if (endsToken(text, end)) {
      apply(pos, end - pos, Token::Indicator);
      highlightComment(text, skipBlanks(text, end));
      return true;
    }
  }
  if (first == u'"' || first == u'\'') {
    highlightComment(text, skipBlanks(text, highlightQuoted(text, pos)));
    return false;
  }
  if (first == u'[' || first == u'{') {  // flow collection on one line
    qsizetype i = pos;
    while (i < text.size()) {
      const QChar c = text[i];
      if (c == u'"' || c == u'\'') {
        i = highlightQuoted(text, i);
      } else if (c == u'#' && isBlank(text[i - 1])) {
        highlightComment(text, i);
        return false;
      } else if (isFlowIndicator(c) || isBlank(c) || c == u':') {
        if (isFlowIndicator(c)) apply(i, 1, Token::Indicator);
        ++i;
      } else {
        qsizetype end = i;
        while (end < text.size() && !isFlowIndicator(text[end]) && !(text[end] == u':' && endsToken(text, end + 1)))
          ++end;
        const QString token = text.mid(i, end - i).trimmed();
        if (end < text.size() && text[end] == u':')
          apply(i, token.size(), Token::Key);
        else if (scalarPattern_.match(token).hasMatch())
          apply(i, token.size(), Token::Scalar);
        i = end;
      }
    }
    return false;
  }

  // A plain scalar runs to the end of the line or to a comment.
  qsizetype end = pos;
  while (end < text.size() && !(text[end] == u'#' && isBlank(text[end - 1]))) ++end;
  const QString scalar = text.mid(pos, end - pos).trimmed();
  if (scalarPattern_.match(scalar).hasMatch()) apply(pos, scalar.size(), Token::Scalar);
  highlightComment(text, end);
  return false;
}

qsizetype YamlHighlighter::highlightQuoted(const QString& text, qsizetype pos) {
  const qsizetype end = quotedEnd(text, pos);
  apply(pos, end - pos, Token::String);
  return end;
}

void YamlHighlighter::highlightComment(const QString& text, qsizetype pos) {
  if (pos < text.size() && text[pos] == u'#') apply(pos, text.size() - pos, Token::Comment);
}

}  // namespace meshstudio::views
