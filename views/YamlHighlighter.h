#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <array>

namespace meshstudio::views {

/// The built-in YAML highlighter, used when KSyntaxHighlighting is not available.
///
/// It works line by line, like a YAML reader does: document markers (`---`, `...`), sequence
/// dashes, keys (plain or quoted), quoted strings, core-schema scalars (numbers, booleans,
/// null), anchors/aliases/tags, comments, and block scalars (`|`, `>`), whose content lines
/// are recognised by their indentation through the block state.
class YamlHighlighter : public QSyntaxHighlighter {
  Q_OBJECT

 public:
  enum class Token { Key, String, Scalar, Comment, DocumentMarker, Indicator, AnchorOrTag, BlockScalar };

  explicit YamlHighlighter(QTextDocument* document);

  /// The format used for a token; colours follow the application palette (light or dark).
  QTextCharFormat format(Token token) const { return formats_[static_cast<std::size_t>(token)]; }

 protected:
  void highlightBlock(const QString& text) override;

 private:
  void setupFormats();
  void apply(qsizetype start, qsizetype length, Token token);
  /// Highlights a value starting at `pos`; returns true when it opens a block scalar.
  bool highlightValue(const QString& text, qsizetype pos);
  qsizetype highlightQuoted(const QString& text, qsizetype pos);
  void highlightComment(const QString& text, qsizetype pos);

  std::array<QTextCharFormat, 8> formats_;
  QRegularExpression scalarPattern_;
};

}  // namespace meshstudio::views
