#include "app/GitExportDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QVBoxLayout>

namespace meshstudio::app {
namespace {

std::filesystem::path fsPath(const QString& path) { return QFile::encodeName(path).toStdString(); }

/// `folder` is `parent` or lies inside it.
bool isWithin(const QString& folder, const QString& parent) {
  const QString a = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
  const QString b = QDir::cleanPath(QFileInfo(parent).absoluteFilePath());
  return a == b || a.startsWith(b + QLatin1Char('/'));
}

}  // namespace

GitExportDialog::GitExportDialog(std::vector<model::Resource> resources, QString projectFolder, QWidget* parent)
    : QDialog(parent), resources_(std::move(resources)), projectFolder_(std::move(projectFolder)) {
  setWindowTitle(tr("Export to Git"));
  setObjectName(QStringLiteral("gitExportDialog"));

  folder_ = new QLineEdit(this);
  folder_->setObjectName(QStringLiteral("gitExportFolder"));
  folder_->setPlaceholderText(tr("A folder inside a git work tree"));
  auto* browse = new QPushButton(tr("Browse…"), this);
  auto* folderRow = new QHBoxLayout;
  folderRow->addWidget(folder_, 1);
  folderRow->addWidget(browse);
  repository_ = new QLabel(tr("Choose a folder inside a git work tree."), this);
  repository_->setObjectName(QStringLiteral("gitExportRepository"));
  repository_->setWordWrap(true);

  layout_ = new QComboBox(this);
  layout_->setObjectName(QStringLiteral("gitExportLayout"));
  layout_->addItem(tr("One file: manifests.yaml"), int(model::ExportLayout::Single));
  layout_->addItem(tr("One file per resource, with kustomization.yaml"), int(model::ExportLayout::Split));
  write_ = new QPushButton(tr("&Write Files"), this);
  write_->setObjectName(QStringLiteral("gitExportWrite"));
  write_->setToolTip(
      tr("Writes the manifests into the folder (and removes files an earlier export wrote that "
         "are no longer part of the project), then shows git status and the diff against HEAD."));

  status_ = new QListWidget(this);
  status_->setObjectName(QStringLiteral("gitExportStatus"));
  status_->setMaximumHeight(110);
  diff_ = new QPlainTextEdit(this);
  diff_->setObjectName(QStringLiteral("gitExportDiff"));
  diff_->setReadOnly(true);
  diff_->setLineWrapMode(QPlainTextEdit::NoWrap);
  diff_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

  branch_ = new QComboBox(this);
  branch_->setObjectName(QStringLiteral("gitExportBranch"));
  branch_->setEditable(true);
  branch_->setToolTip(tr("An existing branch, or a new name: a new branch starts at HEAD."));
  message_ = new QLineEdit(QString::fromUtf8(GitExport::kDefaultMessage), this);
  message_->setObjectName(QStringLiteral("gitExportMessage"));
  commit_ = new QPushButton(tr("&Commit"), this);
  commit_->setObjectName(QStringLiteral("gitExportCommit"));
  commit_->setEnabled(false);
  commit_->setToolTip(tr("Commits exactly the written files to the branch; other files are left alone."));
  result_ = new QLabel(this);
  result_->setObjectName(QStringLiteral("gitExportResult"));
  result_->setWordWrap(true);
  result_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  auto* form = new QFormLayout;
  form->addRow(tr("Folder:"), folderRow);
  form->addRow(QString(), repository_);
  form->addRow(tr("Layout:"), layout_);
  form->addRow(QString(), write_);
  form->addRow(tr("Status:"), status_);
  form->addRow(tr("Diff against HEAD:"), diff_);
  form->addRow(tr("Branch:"), branch_);
  form->addRow(tr("Message:"), message_);
  form->addRow(QString(), commit_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form, 1);
  layout->addWidget(result_);
  layout->addWidget(buttons);
  resize(760, 640);

  connect(browse, &QPushButton::clicked, this, &GitExportDialog::chooseFolder);
  connect(folder_, &QLineEdit::editingFinished, this, [this] {
    // Also emitted when the field merely loses focus: only a changed folder starts over.
    if (folder_->text() != chosenFolder_) setFolder(QDir::fromNativeSeparators(folder_->text()));
  });
  connect(layout_, &QComboBox::currentIndexChanged, this, &GitExportDialog::forgetWrittenFiles);
  connect(write_, &QPushButton::clicked, this, &GitExportDialog::writeFiles);
  connect(commit_, &QPushButton::clicked, this, &GitExportDialog::commit);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  write_->setEnabled(false);
}

GitExportDialog::~GitExportDialog() = default;

void GitExportDialog::chooseFolder() {
  const QString start = folder_->text().isEmpty() ? QDir::homePath() : folder_->text();
  const QString folder = QFileDialog::getExistingDirectory(this, tr("Export to Git: Choose a Folder"), start);
  if (!folder.isEmpty()) setFolder(folder);
}

void GitExportDialog::setFolder(const QString& folder) {
  chosenFolder_ = QDir::toNativeSeparators(folder);
  folder_->setText(chosenFolder_);
  forgetWrittenFiles();
  export_.reset();
  folderProblem_.clear();
  branch_->clear();
  std::string error;
  if (folder.isEmpty())
    folderProblem_ = tr("Choose a folder inside a git work tree.");
  else if (!projectFolder_.isEmpty() && isWithin(folder, projectFolder_))
    folderProblem_ = tr("Choose a folder outside the project: its files would become part of the project.");
  else if (!(export_ = GitExport::open(fsPath(folder), error)))
    folderProblem_ = tr("This folder is not inside a git work tree, so it cannot be exported to git (%1).")
                         .arg(QString::fromStdString(error));
  write_->setEnabled(export_ != nullptr);
  if (!export_) {
    repository_->setText(folderProblem_);
    repository_->setStyleSheet(QStringLiteral("color: #c62828;"));
    return;
  }
  const QString current = QString::fromStdString(export_->repository().currentBranch());
  const QString workTree = QDir::toNativeSeparators(QString::fromStdString(export_->repository().workdir().string()));
  repository_->setStyleSheet(QString());
  repository_->setText(current.isEmpty() ? tr("Git work tree %1, HEAD detached.").arg(workTree)
                                         : tr("Git work tree %1, on branch %2.").arg(workTree, current));
  std::string branchError;
  for (const std::string& name : export_->repository().branches(branchError))
    branch_->addItem(QString::fromStdString(name));
  // A new repository's current branch does not exist until its first commit: offer it anyway.
  if (!current.isEmpty() && branch_->findText(current) < 0) branch_->addItem(current);
  branch_->setCurrentText(current.isEmpty() ? QStringLiteral("main") : current);
}

void GitExportDialog::setLayout(model::ExportLayout layout) {
  layout_->setCurrentIndex(layout_->findData(int(layout)));
}

void GitExportDialog::setBranch(const QString& branch) { branch_->setCurrentText(branch); }

void GitExportDialog::setMessage(const QString& message) { message_->setText(message); }

void GitExportDialog::forgetWrittenFiles() {
  written_.reset();
  commit_->setEnabled(false);
  statusLines_.clear();
  status_->clear();
  diff_->clear();
}

QString GitExportDialog::refusal() const {
  if (!export_) return folderProblem_.isEmpty() ? tr("Choose a folder inside a git work tree.") : folderProblem_;
  // Exporting half-read input into a GitOps tree would silently drop what failed to parse.
  for (const model::Resource& resource : resources_)
    if (resource.isUnparsed()) return tr("Some documents of the project do not parse; fix them before exporting.");
  return {};
}

bool GitExportDialog::writeFiles() {
  forgetWrittenFiles();
  if (const QString problem = refusal(); !problem.isEmpty()) {
    showResult(problem, true);
    return false;
  }
  const auto layout = model::ExportLayout(layout_->currentData().toInt());
  GitExportPlan plan = export_->plan(model::Exporter::render(resources_, layout), layout);
  const std::string error = export_->write(plan);
  if (!error.empty()) {
    showResult(tr("Could not write the files: %1").arg(QString::fromStdString(error)), true);
    return false;
  }
  written_ = std::move(plan);
  QString wrote = tr("Wrote %n file(s).", nullptr, int(written_->files.size()));
  if (!written_->obsolete.empty())
    wrote +=
        QLatin1Char(' ') + tr("Removed %n file(s) an earlier export wrote.", nullptr, int(written_->obsolete.size()));
  showResult(wrote, false);
  showStatusAndDiff();
  commit_->setEnabled(true);
  return true;
}

void GitExportDialog::showStatusAndDiff() {
  status_->clear();
  statusLines_.clear();
  std::string error;
  for (const GitStatusLine& line : export_->status(*written_, error))
    statusLines_ << QString::fromStdString(line.code) + QLatin1Char(' ') + QString::fromStdString(line.path);
  status_->addItems(statusLines_);
  if (error.empty() && statusLines_.isEmpty()) status_->addItem(tr("No changes: the files match the index and HEAD."));
  const std::string diff = export_->diff(*written_, error);
  if (!error.empty()) showResult(tr("git status failed: %1").arg(QString::fromStdString(error)), true);
  showDiff(QString::fromStdString(diff));
}

void GitExportDialog::showDiff(const QString& diff) {
  diff_->clear();
  if (diff.isEmpty()) {
    diff_->setPlainText(tr("No difference from HEAD."));
    return;
  }
  // Green and red that read on the light and the dark palette alike.
  const bool dark = diff_->palette().color(QPalette::Base).lightness() < 128;
  QTextCharFormat plain, added, removed, header, hunk;
  added.setForeground(dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32));
  removed.setForeground(dark ? QColor(0xef, 0x9a, 0x9a) : QColor(0xc6, 0x28, 0x28));
  header.setFontWeight(QFont::Bold);
  hunk.setForeground(dark ? QColor(0x90, 0xca, 0xf9) : QColor(0x15, 0x65, 0xc0));
  QTextCursor cursor(diff_->document());
  const QStringList lines = diff.split(QLatin1Char('\n'));
  for (qsizetype i = 0; i < lines.size(); ++i) {
    const QString& line = lines[i];
    if (i + 1 == lines.size() && line.isEmpty()) break;
    const QTextCharFormat* format = &plain;
    if (line.startsWith(QLatin1String("+++")) || line.startsWith(QLatin1String("---")) ||
        line.startsWith(QLatin1String("diff --git")))
      format = &header;
    else if (line.startsWith(QLatin1Char('+')))
      format = &added;
    else if (line.startsWith(QLatin1Char('-')))
      format = &removed;
    else if (line.startsWith(QLatin1String("@@")))
      format = &hunk;
    cursor.insertText(line + QLatin1Char('\n'), *format);
  }
  diff_->moveCursor(QTextCursor::Start);
}

bool GitExportDialog::commit() {
  if (!written_ || !export_) {
    showResult(tr("Write the files first."), true);
    return false;
  }
  const QString branch = branch_->currentText().trimmed();
  if (!GitExport::isValidBranchName(branch.toStdString())) {
    showResult(tr("\"%1\" is not a valid branch name.").arg(branch), true);
    return false;
  }
  const QString message = message_->text().trimmed();
  if (message.isEmpty()) {
    showResult(tr("Write a commit message."), true);
    return false;
  }
  const GitCommitOutcome outcome = export_->commit(*written_, branch.toStdString(), message.toStdString());
  if (!outcome.error.empty()) {
    showResult(tr("Commit failed: %1").arg(QString::fromStdString(outcome.error)), true);
    return false;
  }
  showStatusAndDiff();
  if (!outcome.committed) {
    showResult(tr("Nothing to commit: branch %1 already has these files.").arg(branch), false);
    return true;
  }
  if (branch_->findText(branch) < 0) branch_->addItem(branch);
  showResult(outcome.createdBranch
                 ? tr("Committed %1 to the new branch %2.").arg(QString::fromStdString(outcome.shortId), branch)
                 : tr("Committed %1 to branch %2.").arg(QString::fromStdString(outcome.shortId), branch),
             false);
  return true;
}

void GitExportDialog::showResult(const QString& text, bool failed) {
  result_->setText(text);
  result_->setStyleSheet(failed ? QStringLiteral("color: #c62828;") : QString());
}

QString GitExportDialog::diffText() const { return diff_->toPlainText(); }

QString GitExportDialog::resultText() const { return result_->text(); }

}  // namespace meshstudio::app
