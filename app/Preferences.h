#pragma once

#include <QPalette>
#include <QString>

#include <chrono>

class QApplication;
class QSettings;

namespace meshstudio::app {

/// The user's choices that outlive a session, kept in QSettings (`ui/language`, `ui/theme`,
/// `editing/autosaveSeconds`). Plain values: the dialog edits a copy and save() writes it.
struct Preferences {
  enum class Theme { System, Light, Dark };

  /// "" follows the system locale; otherwise a translation's code ("en", "de").
  QString language;
  Theme theme = Theme::System;
  int autosaveSeconds = 30;

  static Preferences load(QSettings& settings);
  void save(QSettings& settings) const;
  static Preferences load();  ///< from StudioSettings (the studio's settings file)
  void save() const;

  std::chrono::milliseconds autosaveInterval() const { return std::chrono::seconds(autosaveSeconds); }

  /// The languages the studio ships: code and native name, English first.
  static QList<std::pair<QString, QString>> availableLanguages();
  /// Installs the translators for `language` (the system locale when empty) into the application:
  /// Qt's own strings and ours. Returns the code that was loaded ("en" when nothing matched).
  static QString installTranslators(QApplication& application, const QString& language);
  /// The palette of `theme`: the style's standard palette for System and Light (the platform
  /// theme decides), a dark Fusion palette for Dark.
  static void applyTheme(QApplication& application, Theme theme);
  static QPalette darkPalette();
};

}  // namespace meshstudio::app
