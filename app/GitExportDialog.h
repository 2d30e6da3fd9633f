#pragma once

#include <QDialog>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

#include "app/git/GitExport.h"
#include "model/Resource.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace meshstudio::app {

/// File → Export to Git…: the project's manifests written into a folder of a git work tree,
/// then `git status` and the diff against HEAD of exactly those files, then a commit to a new or
/// existing branch. Nothing is written before "Write Files"; the commit takes the files as
/// written. All git work is `GitExport`'s (libgit2, on the GUI thread: it is local and small).
class GitExportDialog : public QDialog {
  Q_OBJECT

 public:
  /// `resources`: the project to export (a copy: the dialog is not modal to edits);
  /// `projectFolder`: refused as a target, its files would become part of the project.
  GitExportDialog(std::vector<model::Resource> resources, QString projectFolder, QWidget* parent = nullptr);
  ~GitExportDialog() override;

  /// Chooses the export folder and looks for its work tree; folderProblem() says when there is none.
  void setFolder(const QString& folder);
  void setLayout(model::ExportLayout layout);
  void setBranch(const QString& branch);
  void setMessage(const QString& message);
  /// Writes the files, then shows their status and diff. False (with the reason shown) on failure.
  bool writeFiles();
  /// Commits what writeFiles() wrote. False (with the reason shown) on failure.
  bool commit();

  QString folderProblem() const { return folderProblem_; }
  /// `git status --short` lines of the written files (`?? deploy/manifests.yaml`).
  QStringList statusLines() const { return statusLines_; }
  QString diffText() const;
  QString resultText() const;

 private:
  void chooseFolder();
  void forgetWrittenFiles();
  void showStatusAndDiff();
  void showDiff(const QString& diff);
  void showResult(const QString& text, bool failed);
  QString refusal() const;

  std::vector<model::Resource> resources_;
  QString projectFolder_;
  std::unique_ptr<GitExport> export_;
  std::optional<GitExportPlan> written_;  ///< what the last "Write Files" wrote; commit needs it
  QString folderProblem_;
  QString chosenFolder_;
  QStringList statusLines_;

  QLineEdit* folder_;
  QLabel* repository_;
  QComboBox* layout_;
  QPushButton* write_;
  QListWidget* status_;
  QPlainTextEdit* diff_;
  QComboBox* branch_;
  QLineEdit* message_;
  QPushButton* commit_;
  QLabel* result_;
};

}  // namespace meshstudio::app
