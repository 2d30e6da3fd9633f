#pragma once

#include <QDialog>

#include "app/Preferences.h"

class QComboBox;
class QLabel;
class QSpinBox;

namespace meshstudio::app {

/// Edit → Preferences: language, light or dark palette, autosave interval. Edits a copy of the
/// preferences; the caller saves and applies preferences() when the dialog is accepted.
class PreferencesDialog : public QDialog {
  Q_OBJECT

 public:
  explicit PreferencesDialog(const Preferences& preferences, QWidget* parent = nullptr);

  Preferences preferences() const;
  QComboBox* languageBox() const { return language_; }
  QComboBox* themeBox() const { return theme_; }
  QSpinBox* autosaveBox() const { return autosave_; }

 private:
  QComboBox* language_;
  QComboBox* theme_;
  QSpinBox* autosave_;
  QLabel* restartNote_;
  QString initialLanguage_;
};

}  // namespace meshstudio::app
