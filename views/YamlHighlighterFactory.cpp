#include "views/YamlHighlighterFactory.h"

#include <QGuiApplication>
#include <QPalette>
#include <QTextDocument>

#include "views/YamlHighlighter.h"

#ifdef MESHSTUDIO_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#endif

namespace meshstudio::views {

#ifdef MESHSTUDIO_HAVE_KSYNTAXHIGHLIGHTING

namespace {

/// One repository for the whole process, as KSyntaxHighlighting recommends: loading the
/// definitions is costly. It is never destroyed, so highlighters may outlive any owner.
KSyntaxHighlighting::Repository& repository() {
  static auto* instance = new KSyntaxHighlighting::Repository;
  return *instance;
}

}  // namespace

QSyntaxHighlighter* YamlHighlighterFactory::create(QTextDocument* document) {
  const KSyntaxHighlighting::Definition definition = repository().definitionForName(QStringLiteral("YAML"));
  if (!definition.isValid()) return new YamlHighlighter(document);  // definitions not installed

  auto* highlighter = new KSyntaxHighlighting::SyntaxHighlighter(document);
  const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
  highlighter->setTheme(repository().defaultTheme(dark ? KSyntaxHighlighting::Repository::DarkTheme
                                                       : KSyntaxHighlighting::Repository::LightTheme));
  highlighter->setDefinition(definition);
  return highlighter;
}

QString YamlHighlighterFactory::backendName() {
  return repository().definitionForName(QStringLiteral("YAML")).isValid() ? QStringLiteral("KSyntaxHighlighting")
                                                                          : QStringLiteral("built-in");
}

#else

QSyntaxHighlighter* YamlHighlighterFactory::create(QTextDocument* document) { return new YamlHighlighter(document); }

QString YamlHighlighterFactory::backendName() { return QStringLiteral("built-in"); }

#endif

}  // namespace meshstudio::views
