#include "app/Preferences.h"

#include "app/StudioSettings.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QTranslator>

namespace meshstudio::app {

namespace {

const QString kLanguageKey = QStringLiteral("ui/language");
const QString kThemeKey = QStringLiteral("ui/theme");
const QString kAutosaveKey = QStringLiteral("editing/autosaveSeconds");

QString themeName(Preferences::Theme theme) {
  switch (theme) {
    case Preferences::Theme::Light:
      return QStringLiteral("light");
    case Preferences::Theme::Dark:
      return QStringLiteral("dark");
    case Preferences::Theme::System:
      break;
  }
  return QStringLiteral("system");
}

}  // namespace

Preferences Preferences::load(QSettings& settings) {
  Preferences preferences;
  preferences.language = settings.value(kLanguageKey).toString();
  const QString theme = settings.value(kThemeKey).toString();
  if (theme == QLatin1String("light")) preferences.theme = Theme::Light;
  if (theme == QLatin1String("dark")) preferences.theme = Theme::Dark;
  preferences.autosaveSeconds = qBound(5, settings.value(kAutosaveKey, 30).toInt(), 3600);
  return preferences;
}

void Preferences::save(QSettings& settings) const {
  settings.setValue(kLanguageKey, language);
  settings.setValue(kThemeKey, themeName(theme));
  settings.setValue(kAutosaveKey, autosaveSeconds);
}

Preferences Preferences::load() { return load(*StudioSettings::open()); }

void Preferences::save() const { save(*StudioSettings::open()); }

QList<std::pair<QString, QString>> Preferences::availableLanguages() {
  return {{QStringLiteral("en"), QStringLiteral("English")}, {QStringLiteral("de"), QStringLiteral("Deutsch")}};
}

QString Preferences::installTranslators(QApplication& application, const QString& language) {
  const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
  // Owned by the application: they live as long as it does.
  auto* qt = new QTranslator(&application);
  if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
               QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    QApplication::installTranslator(qt);
  auto* ours = new QTranslator(&application);
  if (ours->load(locale, QStringLiteral("meshstudio"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
    QApplication::installTranslator(ours);
    return ours->language().section(QLatin1Char('_'), 0, 0);
  }
  return QStringLiteral("en");
}

void Preferences::applyTheme(QApplication& application, Theme theme) {
  if (theme == Theme::Dark) {
    // Fusion draws every palette role faithfully; native styles may ignore a dark palette.
    application.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(darkPalette());
    return;
  }
  QApplication::setPalette(application.style()->standardPalette());
}

QPalette Preferences::darkPalette() {
  QPalette palette;
  const QColor window(0x2b, 0x2d, 0x30), base(0x1e, 0x1f, 0x22), text(0xdf, 0xe1, 0xe5);
  const QColor disabled(0x80, 0x82, 0x86), highlight(0x35, 0x74, 0xf0);
  palette.setColor(QPalette::Window, window);
  palette.setColor(QPalette::WindowText, text);
  palette.setColor(QPalette::Base, base);
  palette.setColor(QPalette::AlternateBase, window);
  palette.setColor(QPalette::ToolTipBase, base);
  palette.setColor(QPalette::ToolTipText, text);
  palette.setColor(QPalette::PlaceholderText, disabled);
  palette.setColor(QPalette::Text, text);
  palette.setColor(QPalette::Button, window);
  palette.setColor(QPalette::ButtonText, text);
  palette.setColor(QPalette::BrightText, Qt::white);
  palette.setColor(QPalette::Highlight, highlight);
  palette.setColor(QPalette::HighlightedText, Qt::white);
  palette.setColor(QPalette::Link, highlight.lighter(130));
  palette.setColor(QPalette::Mid, window.lighter(130));
  palette.setColor(QPalette::Dark, base.darker(130));
  for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
    palette.setColor(QPalette::Disabled, role, disabled);
  return palette;
}

}  // namespace meshstudio::app
