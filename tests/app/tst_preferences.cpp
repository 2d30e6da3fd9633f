// Issue 6: Preferences — the language (English and a complete German translation, compiled in with
// qt_add_translations), the colours and the autosave interval survive a restart; German really
// translates the studio.

#include <QtTest/QtTest>

#include <QApplication>
#include <QComboBox>
#include <QMenuBar>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTranslator>

#include "app/Preferences.h"
#include "app/PreferencesDialog.h"

using namespace meshstudio;
using namespace Qt::StringLiterals;

class PreferencesTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void choicesSurviveARestart() {
    QTemporaryDir folder;
    QSettings settings(folder.filePath(u"meshstudio.ini"_s), QSettings::IniFormat);
    app::Preferences defaults = app::Preferences::load(settings);
    QCOMPARE(defaults.language, QString());  // the system's
    QCOMPARE(defaults.theme, app::Preferences::Theme::System);
    QCOMPARE(defaults.autosaveSeconds, 30);

    app::PreferencesDialog dialog(defaults);
    dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(u"de"_s));
    dialog.themeBox()->setCurrentIndex(dialog.themeBox()->findData(int(app::Preferences::Theme::Dark)));
    dialog.autosaveBox()->setValue(90);
    dialog.preferences().save(settings);
    settings.sync();

    QSettings reopened(folder.filePath(u"meshstudio.ini"_s), QSettings::IniFormat);
    const app::Preferences loaded = app::Preferences::load(reopened);
    QCOMPARE(loaded.language, u"de"_s);
    QCOMPARE(loaded.theme, app::Preferences::Theme::Dark);
    QCOMPARE(loaded.autosaveInterval(), std::chrono::milliseconds(90'000));
  }

  void darkThemeDarkensTheWindow() {
    auto& application = *qobject_cast<QApplication*>(QCoreApplication::instance());
    app::Preferences::applyTheme(application, app::Preferences::Theme::Dark);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
    QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() > 180);
    app::Preferences::applyTheme(application, app::Preferences::Theme::Light);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 150);
  }

  void germanTranslatesTheStudio() {
    auto& application = *qobject_cast<QApplication*>(QCoreApplication::instance());
    QCOMPARE(app::Preferences::installTranslators(application, u"de"_s), u"de"_s);
    // A string of the dialog, looked up the way tr() does.
    QCOMPARE(QCoreApplication::translate("meshstudio::app::PreferencesDialog", "Preferences"), u"Einstellungen"_s);
    app::PreferencesDialog dialog(app::Preferences{});
    QCOMPARE(dialog.windowTitle(), u"Einstellungen"_s);
    for (QTranslator* translator : application.findChildren<QTranslator*>())
      QCoreApplication::removeTranslator(translator);
  }
};

QTEST_MAIN(PreferencesTest)
#include "tst_preferences.moc"
