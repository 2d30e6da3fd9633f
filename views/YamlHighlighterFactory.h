#pragma once

#include <QString>

class QSyntaxHighlighter;
class QTextDocument;

namespace meshstudio::views {

/// Chooses the YAML highlighter: KSyntaxHighlighting's YAML definition when the build found
/// KF6SyntaxHighlighting (MESHSTUDIO_HAVE_KSYNTAXHIGHLIGHTING), else the built-in YamlHighlighter.
class YamlHighlighterFactory {
 public:
  /// A highlighter attached to `document` and owned by it.
  static QSyntaxHighlighter* create(QTextDocument* document);
  /// "KSyntaxHighlighting" or "built-in": for the About box and the logs.
  static QString backendName();
};

}  // namespace meshstudio::views
