#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

#include "model/Exporter.h"

class QAction;
class QMenu;

namespace meshstudio::app {

class Document;
class MainWindow;
class RecentProjects;

/// The File menu's project workflow: New Project, Open Folder, Open Files (import), Open
/// Recent, Save, Save As, Export, Export to Git. Each command has an interactive slot, which asks (folder
/// dialogs through replaceable choosers), and a method that takes its arguments, which tests
/// and drag and drop call directly.
class ProjectActions : public QObject {
  Q_OBJECT

 public:
  /// Asks for a folder: the dialog's title and where it starts; empty when cancelled.
  using FolderChooser = std::function<QString(const QString& title, const QString& start)>;
  /// Asks for files to import; empty when cancelled.
  using FilesChooser = std::function<QStringList(const QString& title, const QString& start)>;

  ProjectActions(MainWindow& window, Document& document);

  /// Fills the File menu (Quit is the window's).
  void addToMenu(QMenu* file);
  QAction* newProjectAction() const { return newProject_; }
  QAction* openFolderAction() const { return openFolder_; }
  QAction* openFilesAction() const { return openFiles_; }
  QAction* saveAction() const { return save_; }
  QAction* saveAsAction() const { return saveAs_; }
  QAction* exportAction() const { return export_; }
  QAction* gitExportAction() const { return gitExport_; }
  QMenu* recentMenu() const { return recentMenu_; }
  RecentProjects* recentProjects() const { return recent_; }

  void setFolderChooser(FolderChooser chooser) { chooseFolder_ = std::move(chooser); }
  void setFilesChooser(FilesChooser chooser) { chooseFiles_ = std::move(chooser); }

  /// Starts an empty project in `folder` (a meshstudio.yaml, nothing else) and opens it. Does
  /// not ask about unsaved edits: chooseNewProject() does.
  bool newProject(const QString& folder);
  /// Reads YAML files and folders into the open project as one undo step; documents that do
  /// not parse stay out and their errors go to the Diagnostics dock. Returns how many
  /// resources came in (the status bar says so too) and selects the first.
  int importPaths(const QStringList& paths);
  /// Save As: see Document::saveAs; the title, the recent list and the watch follow.
  bool saveAs(const QString& folder);
  /// Writes the project as canonical Istio YAML into `folder`, like `meshstudio-cli export`.
  /// Refuses a project with documents that do not parse, and the project's own folder.
  bool exportTo(const QString& folder, model::ExportLayout layout);
  /// Drops recent folders that no longer exist (saying so) and lists the others.
  void updateRecentMenu();

 public Q_SLOTS:
  void chooseNewProject();
  void chooseOpenFolder();
  void chooseOpenFiles();
  void chooseSaveAs();
  void chooseExport();
  /// Opens the Export to Git dialog (`GitExportDialog`) on the project as it is now.
  void openGitExport();
  void openRecent(const QString& folder);

 private:
  QString chooseFolder(const QString& title);
  QString startFolder() const;
  void report(const QString& title, const QString& message);

  MainWindow& window_;
  Document& document_;
  RecentProjects* recent_;
  FolderChooser chooseFolder_;
  FilesChooser chooseFiles_;
  QAction* newProject_;
  QAction* openFolder_;
  QAction* openFiles_;
  QMenu* recentMenu_;
  QAction* save_;
  QAction* saveAs_;
  QAction* export_;
  QAction* gitExport_;
};

}  // namespace meshstudio::app
