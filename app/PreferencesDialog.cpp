#include "app/PreferencesDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace meshstudio::app {

PreferencesDialog::PreferencesDialog(const Preferences& preferences, QWidget* parent)
    : QDialog(parent),
      language_(new QComboBox(this)),
      theme_(new QComboBox(this)),
      autosave_(new QSpinBox(this)),
      restartNote_(new QLabel(this)),
      initialLanguage_(preferences.language) {
  setWindowTitle(tr("Preferences"));
  auto* form = new QFormLayout;

  language_->addItem(tr("System language"), QString());
  for (const auto& [code, name] : Preferences::availableLanguages()) language_->addItem(name, code);
  language_->setCurrentIndex(qMax(0, language_->findData(preferences.language)));
  language_->setToolTip(
      tr("The language of the studio's menus, forms and messages. \"System language\" uses your "
         "desktop's language when the studio has a translation for it, else English."));
  form->addRow(tr("&Language:"), language_);

  theme_->addItem(tr("Follow the system"), int(Preferences::Theme::System));
  theme_->addItem(tr("Light"), int(Preferences::Theme::Light));
  theme_->addItem(tr("Dark"), int(Preferences::Theme::Dark));
  theme_->setCurrentIndex(theme_->findData(int(preferences.theme)));
  theme_->setToolTip(
      tr("The colours of the window. \"Follow the system\" uses your desktop's palette, light or dark."));
  form->addRow(tr("&Colours:"), theme_);

  autosave_->setRange(5, 3600);
  autosave_->setSuffix(tr(" s"));
  autosave_->setValue(preferences.autosaveSeconds);
  autosave_->setToolTip(
      tr("How often unsaved edits are copied to a recovery file, so a crash loses at most this "
         "much work. Default: 30 s."));
  form->addRow(tr("&Autosave every:"), autosave_);

  restartNote_->setWordWrap(true);
  restartNote_->setText(tr("The new language applies the next time Mesh Studio starts."));
  restartNote_->setVisible(false);
  connect(language_, &QComboBox::currentIndexChanged, this,
          [this] { restartNote_->setVisible(language_->currentData().toString() != initialLanguage_); });

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(restartNote_);
  layout->addStretch(1);
  layout->addWidget(buttons);
}

Preferences PreferencesDialog::preferences() const {
  Preferences preferences;
  preferences.language = language_->currentData().toString();
  preferences.theme = Preferences::Theme(theme_->currentData().toInt());
  preferences.autosaveSeconds = autosave_->value();
  return preferences;
}

}  // namespace meshstudio::app
