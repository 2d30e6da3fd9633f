// The studio: `meshstudio [PROJECT-FOLDER]`; without a folder it opens the folder of an unsaved
// session left by a crash (offering to restore it), else the bundled sample.
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>

#include <cstdio>

#include "app/Document.h"
#include "app/MainWindow.h"
#include "app/Preferences.h"

namespace {

/// The bundled sample: next to an installed studio first, then in the source tree it was built from.
QString defaultProjectFolder() {
  const QString installed =
      QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../share/meshstudio/samples/shop"));
  if (QFileInfo(installed).isDir()) return QDir::cleanPath(installed);
#ifdef MESHSTUDIO_SAMPLE_DIR
  const QString source = QStringLiteral(MESHSTUDIO_SAMPLE_DIR);
  if (QFileInfo(source).isDir()) return source;
#endif
  return {};
}

}  // namespace

int main(int argc, char* argv[]) {
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("meshstudio"));
  QApplication::setOrganizationDomain(QStringLiteral("meshstudio.dev"));
  QApplication::setApplicationVersion(QStringLiteral(MESHSTUDIO_VERSION));

  const meshstudio::app::Preferences preferences = meshstudio::app::Preferences::load();
  meshstudio::app::Preferences::installTranslators(app, preferences.language);
  meshstudio::app::Preferences::applyTheme(app, preferences.theme);

  QCommandLineParser parser;
  parser.setApplicationDescription(QCoreApplication::translate("main", "Mesh Studio: design Istio traffic rules."));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument(QStringLiteral("folder"),
                               QCoreApplication::translate("main", "The project folder to open (default: the sample)."),
                               QStringLiteral("[folder]"));
  const QCommandLineOption select(
      QStringLiteral("select"),
      QCoreApplication::translate("main", "Select a resource on start, e.g. \"VirtualService shop/reviews\"."),
      QCoreApplication::translate("main", "resource"));
  parser.addOption(select);
  const QCommandLineOption dock(
      QStringLiteral("dock"),
      QCoreApplication::translate("main",
                                  "Bring a dock to the front on start: diagnostics, "
                                  "topology, trial, loadTest, accessLog, cluster, clusterDiff or canary."),
      QCoreApplication::translate("main", "name"));
  parser.addOption(dock);
  parser.process(app);

  const QStringList arguments = parser.positionalArguments();
  QString folder = arguments.isEmpty() ? defaultProjectFolder() : arguments.first();
  if (arguments.isEmpty()) {
    // A session that ended without saving wins over the sample: opening its folder offers to
    // restore the edits (MainWindow::openProject).
    const QList<meshstudio::app::RecoverableSession> sessions = meshstudio::app::Document::recoverableSessions();
    if (!sessions.isEmpty() && QFileInfo(sessions.first().folder).isDir()) folder = sessions.first().folder;
  }

  meshstudio::app::MainWindow window;
  window.document()->setAutosaveInterval(preferences.autosaveInterval());
  window.show();
  if (!folder.isEmpty() && !window.openProject(folder)) {
    std::fprintf(stderr, "meshstudio: cannot open %s: not a readable folder\n", qPrintable(folder));
  } else if (parser.isSet(select) && !window.selectResource(parser.value(select))) {
    std::fprintf(stderr, "meshstudio: no resource %s in the project\n", qPrintable(parser.value(select)));
  }
  if (parser.isSet(dock)) {
    if (auto* widget = window.findChild<QDockWidget*>(parser.value(dock) + QStringLiteral("Dock")))
      widget->raise();
    else
      std::fprintf(stderr, "meshstudio: no dock %s\n", qPrintable(parser.value(dock)));
  }
  return QApplication::exec();
}
