#include "app/ProjectActions.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QKeySequence>
#include <QMenu>
#include <QStatusBar>
#include <QUndoStack>

#include "app/Document.h"
#include "app/GitExportDialog.h"
#include "app/MainWindow.h"
#include "app/RecentProjects.h"
#include "app/StudioIcons.h"
#include "model/Importer.h"
#include "model/Project.h"

namespace meshstudio::app {
namespace {

QString native(const QString& path) { return QDir::toNativeSeparators(path); }

std::filesystem::path fsPath(const QString& path) { return QFile::encodeName(path).toStdString(); }

/// `folder` is `parent` or lies inside it.
bool isWithin(const QString& folder, const QString& parent) {
  const QString a = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
  const QString b = QDir::cleanPath(QFileInfo(parent).absoluteFilePath());
  return a == b || a.startsWith(b + QLatin1Char('/'));
}

}  // namespace

ProjectActions::ProjectActions(MainWindow& window, Document& document)
    : QObject(&window), window_(window), document_(document), recent_(new RecentProjects(this)) {
  auto make = [this](const QString& icon, const QString& theme, const QString& text, const QString& name,
                     const QString& tip) {
    auto* action = new QAction(StudioIcons::icon(icon, theme), text, this);
    action->setObjectName(name);
    action->setToolTip(tip);
    action->setStatusTip(tip);
    return action;
  };
  newProject_ = make(QStringLiteral("new-project"), QStringLiteral("folder-new"), tr("&New Project…"),
                     QStringLiteral("actionNewProject"), tr("Starts an empty project in an empty folder."));
  newProject_->setShortcut(QKeySequence::New);
  connect(newProject_, &QAction::triggered, this, &ProjectActions::chooseNewProject);
  openFolder_ = make(QStringLiteral("open-folder"), QStringLiteral("document-open"), tr("&Open Folder…"),
                     QStringLiteral("actionOpenFolder"), tr("Opens a folder of manifests as a project."));
  openFolder_->setShortcut(QKeySequence::Open);
  connect(openFolder_, &QAction::triggered, this, &ProjectActions::chooseOpenFolder);
  openFiles_ = make(QStringLiteral("import-files"), QStringLiteral("document-import"), tr("Open &Files…"),
                    QStringLiteral("actionOpenFiles"),
                    tr("Imports YAML files into the open project, as one step you can undo."));
  openFiles_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
  connect(openFiles_, &QAction::triggered, this, &ProjectActions::chooseOpenFiles);
  recentMenu_ = new QMenu(tr("Open &Recent"), &window_);
  recentMenu_->setObjectName(QStringLiteral("recentMenu"));
  connect(recentMenu_, &QMenu::aboutToShow, this, &ProjectActions::updateRecentMenu);
  save_ = make(QStringLiteral("save"), QStringLiteral("document-save"), tr("&Save"), QStringLiteral("actionSave"),
               tr("Writes the changed files of the project."));
  save_->setShortcut(QKeySequence::Save);
  save_->setEnabled(false);
  connect(save_, &QAction::triggered, &window_, &MainWindow::save);
  connect(&document_, &Document::modificationChanged, save_, &QAction::setEnabled);
  saveAs_ = make(QStringLiteral("save-as"), QStringLiteral("document-save-as"), tr("Save &As…"),
                 QStringLiteral("actionSaveAs"), tr("Writes the whole project into another folder and goes on there."));
  saveAs_->setShortcut(QKeySequence::SaveAs);
  connect(saveAs_, &QAction::triggered, this, &ProjectActions::chooseSaveAs);
  export_ =
      make(QStringLiteral("export"), QStringLiteral("document-export"), tr("&Export…"), QStringLiteral("actionExport"),
           tr("Writes canonical Istio YAML for kubectl or GitOps: one file, or one per resource with a "
              "kustomization.yaml."));
  export_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
  connect(export_, &QAction::triggered, this, &ProjectActions::chooseExport);
  gitExport_ = make(QStringLiteral("export"), QStringLiteral("document-export"), tr("Export to &Git…"),
                    QStringLiteral("actionGitExport"),
                    tr("Writes the manifests into a folder of a git work tree, shows git status and the diff, and "
                       "commits them to a branch."));
  connect(gitExport_, &QAction::triggered, this, &ProjectActions::openGitExport);
  auto enable = [this] {
    for (QAction* action : {openFiles_, saveAs_, export_, gitExport_}) action->setEnabled(document_.isOpen());
  };
  connect(&document_, &Document::folderChanged, this, enable);
  enable();
}

void ProjectActions::addToMenu(QMenu* file) {
  file->addActions({newProject_, openFolder_});
  file->addMenu(recentMenu_);
  file->addAction(openFiles_);
  file->addSeparator();
  file->addActions({save_, saveAs_, export_, gitExport_});
}

QString ProjectActions::startFolder() const {
  const QString current = document_.folder();
  return current.isEmpty() ? QDir::homePath() : QFileInfo(current).absolutePath();
}

QString ProjectActions::chooseFolder(const QString& title) {
  if (chooseFolder_) return chooseFolder_(title, startFolder());
  return QFileDialog::getExistingDirectory(&window_, title, startFolder());
}

void ProjectActions::report(const QString& title, const QString& message) {
  window_.statusBar()->showMessage(message, 8000);
  window_.ask(title, message, QMessageBox::Ok, QMessageBox::Ok);
}

// --- New, open, recent -------------------------------------------------------------------------

void ProjectActions::chooseNewProject() {
  if (!window_.maybeSave()) return;
  const QString folder = chooseFolder(tr("New Project: Choose an Empty Folder"));
  if (!folder.isEmpty()) newProject(folder);
}

bool ProjectActions::newProject(const QString& folder) {
  const QString absolute = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
  // The folder's name names the project, as a DNS label would have it (for the settings only).
  const QString name = QFileInfo(absolute).fileName().toLower();
  model::Diagnostics problems;
  const model::Project created = model::Project::create(fsPath(absolute), name.toStdString(), "default", problems);
  if (created.folder().empty()) {
    report(tr("New Project"),
           problems.empty() ? tr("Cannot create a project in %1.").arg(native(absolute))
                            : tr("%1 %2").arg(native(absolute), QString::fromStdString(problems.front().message)));
    return false;
  }
  return window_.openProject(absolute);
}

void ProjectActions::chooseOpenFolder() {
  if (!window_.maybeSave()) return;
  const QString folder = chooseFolder(tr("Open Project Folder"));
  if (!folder.isEmpty() && !window_.openProject(folder))
    report(tr("Open Project Folder"), tr("%1 is not a readable folder.").arg(native(folder)));
}

void ProjectActions::updateRecentMenu() {
  const QStringList missing = recent_->removeMissing();
  if (!missing.isEmpty()) {
    QStringList names;
    for (const QString& folder : missing) names << native(folder);
    window_.statusBar()->showMessage(
        tr("Removed from Open Recent, the folder no longer exists: %1").arg(names.join(QStringLiteral(", "))), 8000);
  }
  recentMenu_->clear();
  const QStringList folders = recent_->folders();
  for (int i = 0; i < folders.size(); ++i) {
    // &1 … &9, &0: the first ten entries have a mnemonic.
    const QString text = QStringLiteral("&%1 %2").arg((i + 1) % 10).arg(native(folders[i]));
    QAction* action = recentMenu_->addAction(text, this, [this, folder = folders[i]] { openRecent(folder); });
    action->setData(folders[i]);
  }
  if (folders.isEmpty()) recentMenu_->addAction(tr("No recent projects"))->setEnabled(false);
  recentMenu_->addSeparator();
  QAction* clear = recentMenu_->addAction(tr("&Clear List"), recent_, &RecentProjects::clear);
  clear->setEnabled(!folders.isEmpty());
}

void ProjectActions::openRecent(const QString& folder) {
  if (!QFileInfo(folder).isDir()) {
    recent_->remove(folder);
    report(tr("Open Recent"), tr("%1 no longer exists; it was removed from the list.").arg(native(folder)));
    return;
  }
  if (!window_.maybeSave()) return;
  if (!window_.openProject(folder)) report(tr("Open Recent"), tr("%1 is not a readable folder.").arg(native(folder)));
}

// --- Import ------------------------------------------------------------------------------------

void ProjectActions::chooseOpenFiles() {
  const QString title = tr("Open Files into the Project");
  const QStringList files =
      chooseFiles_ ? chooseFiles_(title, startFolder())
                   : QFileDialog::getOpenFileNames(&window_, title, startFolder(), tr("YAML files (*.yaml *.yml)"));
  if (!files.isEmpty()) importPaths(files);
}

int ProjectActions::importPaths(const QStringList& paths) {
  if (!document_.isOpen()) {
    report(tr("Import"), tr("Open or create a project first: imported resources become part of it."));
    return 0;
  }
  std::vector<std::filesystem::path> files;
  for (const QString& path : paths) files.push_back(fsPath(path));
  model::ImportResult imported = model::Importer::importPaths(files);
  // What parsed comes in; what did not stays out, and its errors are shown with the others.
  std::vector<model::Resource> parsed;
  int broken = 0;
  for (model::Resource& resource : imported.resources) {
    if (resource.isUnparsed())
      ++broken;
    else
      parsed.push_back(std::move(resource));
  }
  window_.setImportProblems(imported.diagnostics);
  const std::string first = parsed.empty() ? std::string() : parsed.front().displayName();
  const int count = int(parsed.size());
  if (count > 0 && document_.importResources(std::move(parsed)).empty()) {
    report(tr("Import"), document_.lastError());
    return 0;
  }
  if (count > 0) window_.selectResource(QString::fromStdString(first));
  QString message = tr("Imported %n resource(s)", nullptr, count);
  if (broken > 0)
    message += tr("; %n document(s) did not parse (see Diagnostics)", nullptr, broken);
  else if (model::hasErrors(imported.diagnostics))
    message += tr("; some files could not be read (see Diagnostics)");
  window_.statusBar()->showMessage(message, 10000);
  return count;
}

// --- Save As, export ---------------------------------------------------------------------------

void ProjectActions::chooseSaveAs() {
  const QString folder = chooseFolder(tr("Save Project As: Choose an Empty Folder"));
  if (!folder.isEmpty()) saveAs(folder);
}

bool ProjectActions::saveAs(const QString& folder) {
  QString error;
  if (!document_.saveAs(folder, &error)) {
    report(tr("Save As"), error);
    return false;
  }
  recent_->add(document_.folder());
  window_.statusBar()->showMessage(tr("Saved as %1").arg(native(document_.folder())), 5000);
  return true;
}

void ProjectActions::chooseExport() {
  const QStringList layouts{tr("One file: manifests.yaml"),
                            tr("One file per resource: <namespace>/<kind>-<name>.yaml and kustomization.yaml")};
  bool ok = false;
  const QString layout = QInputDialog::getItem(&window_, tr("Export"), tr("Layout:"), layouts, 0, false, &ok);
  if (!ok) return;
  const QString folder = chooseFolder(tr("Export to Folder"));
  if (!folder.isEmpty())
    exportTo(folder, layout == layouts.front() ? model::ExportLayout::Single : model::ExportLayout::Split);
}

void ProjectActions::openGitExport() {
  if (!document_.isOpen()) return;
  auto* dialog = new GitExportDialog(document_.resources(), document_.folder(), &window_);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->open();
}

bool ProjectActions::exportTo(const QString& folder, model::ExportLayout layout) {
  const QString title = tr("Export");
  if (!document_.isOpen()) return false;
  // Exporting half-read input into a GitOps tree would silently drop what failed to parse.
  for (const model::Resource& resource : document_.resources())
    if (resource.isUnparsed()) {
      report(title, tr("Some documents of the project do not parse; fix them before exporting."));
      return false;
    }
  if (isWithin(folder, document_.folder())) {
    report(title, tr("Export to a folder outside the project: its files would become part of the project."));
    return false;
  }
  const std::vector<model::RenderedFile> files = model::Exporter::render(document_.resources(), layout);
  const model::Diagnostics errors = model::Exporter::write(fsPath(folder), files);
  if (!errors.empty()) {
    report(title, tr("Could not export: %1").arg(QString::fromStdString(model::formatDiagnostic(errors.front()))));
    return false;
  }
  window_.statusBar()->showMessage(
      tr("Exported %n resource(s) to %1", nullptr, int(document_.resources().size())).arg(native(folder)), 8000);
  return true;
}

}  // namespace meshstudio::app
