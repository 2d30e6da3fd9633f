// The File menu's workflow through the real window: New Project, Open Recent, Save As, Export,
// the toolbar's icons and shortcuts, and the window layout kept across sessions.

#include <QtTest/QtTest>

#include <QAction>
#include <QDockWidget>
#include <QImageReader>
#include <QMenu>
#include <QProcess>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>
#include <QXmlStreamReader>

#include "ProjectWorkflowSupport.h"
#include "app/ProjectActions.h"
#include "app/RecentProjects.h"
#include "app/StudioIcons.h"
#include "app/StudioSettings.h"
#include "model/Project.h"

using namespace meshstudio;

namespace {

QStringList recentEntries(const app::ProjectActions* actions) {
  QStringList folders;
  for (const QAction* action : actions->recentMenu()->actions())
    if (!action->data().toString().isEmpty()) folders << action->data().toString();
  return folders;
}

QString cleaned(const QString& path) { return QDir::cleanPath(QFileInfo(path).absoluteFilePath()); }

/// Every file under `folder`, relative path → content.
QMap<QString, QByteArray> filesUnder(const QString& folder) {
  QMap<QString, QByteArray> files;
  QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
  while (it.hasNext()) {
    const QString path = it.next();
    files.insert(QDir(folder).relativeFilePath(path), test::readBytes(path));
  }
  return files;
}

}  // namespace

class ProjectFilesTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("meshstudio-tests"));
  }

  void init() { app::StudioSettings::open()->clear(); }  // no recent list or layout from an earlier test

  void newProjectNeedsAnEmptyFolder() {
    QTemporaryDir scratch;
    app::MainWindow window;
    QStringList asked;
    test::tame(window, scratch.path(), asked);
    const QString folder = scratch.filePath(QStringLiteral("fresh"));
    window.projectActions()->setFolderChooser([&](const QString&, const QString&) { return folder; });
    window.projectActions()->newProjectAction()->trigger();
    QCOMPARE(window.projectFolder(), cleaned(folder));
    QCOMPARE(window.document()->resourceCount(), 0);
    QVERIFY(QFile::exists(folder + QStringLiteral("/meshstudio.yaml")));
    QVERIFY(asked.isEmpty());
    // Not over an existing project.
    test::copyShop(scratch.filePath(QStringLiteral("shop")));
    QVERIFY(!window.projectActions()->newProject(scratch.filePath(QStringLiteral("shop"))));
    QCOMPARE(asked.size(), 1);
    QCOMPARE(window.projectFolder(), cleaned(folder));
  }

  void openRecentListsFoldersMostRecentFirst() {
    QTemporaryDir scratch;
    QStringList folders;
    for (const char* name : {"a", "b", "c"}) {
      folders << cleaned(scratch.filePath(QLatin1String(name)));
      QVERIFY(QDir().mkpath(folders.back()));
    }
    app::MainWindow window;
    QStringList asked;
    test::tame(window, scratch.path(), asked);
    for (const QString& folder : folders) QVERIFY(window.openProject(folder));
    app::ProjectActions* actions = window.projectActions();
    actions->updateRecentMenu();
    QCOMPARE(recentEntries(actions), (QStringList{folders[2], folders[1], folders[0]}));
    QVERIFY(actions->recentMenu()->actions().front()->text().startsWith(QStringLiteral("&1 ")));

    // Opening again moves a folder to the top, without a duplicate; the list is shared.
    QVERIFY(window.openProject(folders[0]));
    app::RecentProjects other;
    QCOMPARE(other.folders(), (QStringList{folders[0], folders[2], folders[1]}));

    // A folder that is gone is dropped, with a message.
    QVERIFY(QDir(folders[1]).removeRecursively());
    actions->updateRecentMenu();
    QCOMPARE(recentEntries(actions), (QStringList{folders[0], folders[2]}));
    QVERIFY2(window.statusBar()->currentMessage().contains(QDir::toNativeSeparators(folders[1])),
             qPrintable(window.statusBar()->currentMessage()));
    // Choosing an entry opens it.
    actions->recentMenu()->actions().at(1)->trigger();
    QCOMPARE(window.projectFolder(), folders[2]);

    // At most ten.
    for (int i = 0; i < 12; ++i) other.add(scratch.filePath(QStringLiteral("many-%1").arg(i)));
    QCOMPARE(other.folders().size(), app::RecentProjects::kMaximum);
    QCOMPARE(other.folders().front(), cleaned(scratch.filePath(QStringLiteral("many-11"))));
  }

  void saveAsWritesTheProjectToTheNewFolderAndTheTitleFollows() {
    QTemporaryDir scratch;
    const QString original = scratch.filePath(QStringLiteral("shop"));
    test::copyShop(original);
    const QByteArray originalRouting = test::readBytes(original + QStringLiteral("/routing.yaml"));
    app::MainWindow window;
    QStringList asked;
    test::tame(window, scratch.path(), asked);
    QVERIFY(window.openProject(original));
    app::Document* document = window.document();
    QVERIFY(document->setField(document->findResource("VirtualService shop/reviews"), "spec.http[1].route[0].weight",
                               model::Value::integer(70)));
    QVERIFY(window.windowTitle().endsWith(QLatin1Char('*')));

    const QString copy = cleaned(scratch.filePath(QStringLiteral("copy")));
    window.projectActions()->setFolderChooser([&](const QString&, const QString&) { return copy; });
    window.projectActions()->saveAsAction()->trigger();
    QVERIFY2(asked.isEmpty(), qPrintable(asked.join(QLatin1Char('\n'))));
    QCOMPARE(window.projectFolder(), copy);
    QCOMPARE(window.windowTitle(), QStringLiteral("Mesh Studio — ") + QDir::toNativeSeparators(copy));
    QVERIFY(!document->isModified());
    for (const char* file :
         {"routing.yaml", "gateway.yaml", "workloads.yaml", "destination-rules.yaml", "meshstudio.yaml"})
      QVERIFY2(QFile::exists(copy + QLatin1Char('/') + QLatin1String(file)), file);
    QVERIFY(test::readBytes(copy + QStringLiteral("/routing.yaml")).contains("weight: 70"));
    QCOMPARE(test::readBytes(original + QStringLiteral("/routing.yaml")), originalRouting);  // left as it was
    QCOMPARE(window.projectActions()->recentProjects()->folders().front(), copy);

    // Saving goes on in the new folder; undo still works across Save As.
    document->undoStack()->undo();
    QVERIFY(window.save());
    QVERIFY(test::readBytes(copy + QStringLiteral("/routing.yaml")).contains("weight: 90"));
    QCOMPARE(test::readBytes(original + QStringLiteral("/routing.yaml")), originalRouting);

    // Not into another project.
    QVERIFY(!window.projectActions()->saveAs(original));
    QCOMPARE(asked.size(), 1);
    QVERIFY2(asked.front().contains(QStringLiteral("empty folder")), qPrintable(asked.front()));
    QCOMPARE(window.projectFolder(), copy);
  }

  void exportWritesDeterministicYaml() {
    QTemporaryDir scratch;
    app::MainWindow window;
    QStringList asked;
    test::tame(window, scratch.path(), asked);
    QVERIFY(window.openProject(test::shopSample()));
    app::ProjectActions* actions = window.projectActions();
    const QString first = scratch.filePath(QStringLiteral("first"));
    const QString second = scratch.filePath(QStringLiteral("second"));
    QVERIFY(actions->exportTo(first, model::ExportLayout::Single));
    QVERIFY(actions->exportTo(second, model::ExportLayout::Single));
    const QMap<QString, QByteArray> files = filesUnder(first);
    QCOMPARE(files.keys(), QStringList{QStringLiteral("manifests.yaml")});
    QCOMPARE(files, filesUnder(second));  // the same bytes twice
    QCOMPARE(files.first().count("\n---\n"), 18);

    // The same bytes as `meshstudio-cli export`.
    const QString cli = QStringLiteral(MESHSTUDIO_CLI);
    if (QFileInfo(cli).isExecutable()) {
      const QString byCli = scratch.filePath(QStringLiteral("cli"));
      QCOMPARE(QProcess::execute(cli, {QStringLiteral("export"), QStringLiteral("--out"), byCli, test::shopSample()}),
               0);
      QCOMPARE(filesUnder(byCli), files);
    }

    const QString split = scratch.filePath(QStringLiteral("split"));
    QVERIFY(actions->exportTo(split, model::ExportLayout::Split));
    const QMap<QString, QByteArray> splitFiles = filesUnder(split);
    QCOMPARE(splitFiles.size(), 20);  // 19 resources and the kustomization
    QVERIFY(splitFiles.contains(QStringLiteral("kustomization.yaml")));
    QVERIFY(splitFiles.contains(QStringLiteral("shop/virtualservice-reviews.yaml")));
    QVERIFY(asked.isEmpty());

    // Never into the project itself.
    QVERIFY(!actions->exportTo(test::shopSample() + QStringLiteral("/out"), model::ExportLayout::Single));
    QCOMPARE(asked.size(), 1);
    QVERIFY(!QFileInfo::exists(test::shopSample() + QStringLiteral("/out")));
  }

  void toolbarHasIconsAndStandardShortcuts() {
    app::MainWindow window;
    auto* toolBar = window.findChild<QToolBar*>(QStringLiteral("mainToolBar"));
    QVERIFY(toolBar);
    QVERIFY(toolBar->actions().size() >= 8);
    const bool svg = QImageReader::supportedImageFormats().contains("svg");
    for (const QAction* action : toolBar->actions()) {
      if (action->isSeparator()) continue;
      QVERIFY2(!action->icon().isNull(), qPrintable(action->text()));
      if (svg) QVERIFY2(!action->icon().pixmap(24).isNull(), qPrintable(action->text()));
    }
    for (const char* name : {"new-project", "open-folder", "import-files", "save", "save-as", "export", "undo", "redo",
                             "find", "new-from-template", "rename"}) {
      QFile file(app::StudioIcons::path(QLatin1String(name)));
      QVERIFY2(file.open(QIODevice::ReadOnly), name);
      QXmlStreamReader xml(&file);
      QVERIFY(xml.readNextStartElement());
      QCOMPARE(xml.name(), QStringLiteral("svg"));
      while (!xml.atEnd()) xml.readNext();
      QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    }
    const QList<std::pair<const char*, QKeySequence>> shortcuts{
        {"actionNewProject", QKeySequence::New}, {"actionOpenFolder", QKeySequence::Open},
        {"actionSave", QKeySequence::Save},      {"actionSaveAs", QKeySequence::SaveAs},
        {"actionFind", QKeySequence::Find},      {"actionUndo", QKeySequence::Undo},
        {"actionRedo", QKeySequence::Redo}};
    for (const auto& [name, sequence] : shortcuts) {
      auto* action = window.findChild<QAction*>(QLatin1String(name));
      QVERIFY2(action, name);
      QCOMPARE(action->shortcut(), sequence);
    }
  }

  void windowLayoutIsRestored() {
    QTemporaryDir scratch;
    QList<int> sizes;
    {
      app::MainWindow window;
      QStringList asked;
      test::tame(window, scratch.path(), asked);
      window.show();
      QVERIFY(QTest::qWaitForWindowExposed(&window));
      window.resize(1000, 700);
      auto* diagnostics = window.findChild<QDockWidget*>(QStringLiteral("diagnosticsDock"));
      window.addDockWidget(Qt::RightDockWidgetArea, diagnostics);
      QTest::qWait(50);  // the layout settles before the splitter is sized
      auto* splitter = window.findChild<QSplitter*>(QStringLiteral("centralSplitter"));
      splitter->setSizes({150, 300, 250});
      QTest::qWait(50);
      sizes = splitter->sizes();
      QCOMPARE(sizes.front(), 150);
      QVERIFY(window.close());
    }
    app::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), QSize(1000, 700));
    auto* diagnostics = window.findChild<QDockWidget*>(QStringLiteral("diagnosticsDock"));
    QCOMPARE(window.dockWidgetArea(diagnostics), Qt::RightDockWidgetArea);
    QTRY_COMPARE(window.findChild<QSplitter*>(QStringLiteral("centralSplitter"))->sizes(), sizes);
  }
};

QTEST_MAIN(ProjectFilesTest)
#include "tst_projectfiles.moc"
