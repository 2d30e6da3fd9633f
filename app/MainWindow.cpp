#include "app/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <exception>
#include <utility>

#include "model/Exporter.h"
#include "model/analysis/ProjectValidator.h"
#include "views/ResourceTreeModel.h"
#include "views/YamlHighlighterFactory.h"
#include "views/YamlView.h"

#ifndef MESHSTUDIO_VERSION
#define MESHSTUDIO_VERSION "0.0.0"
#endif

namespace meshstudio::app {
namespace {

/// `n thing(s)` without relying on a loaded translation for English plurals.
QString countText(qsizetype n, const QString& one, const QString& many) { return n == 1 ? one : many.arg(n); }

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setWindowTitle(tr("Mesh Studio"));
  createWidgets();
  createActions();
  updateStatus();
  resize(1200, 760);
}

MainWindow::~MainWindow() = default;

void MainWindow::createWidgets() {
  treeModel_ = new views::ResourceTreeModel(this);

  tree_ = new QTreeView;
  tree_->setObjectName(QStringLiteral("resourceTree"));
  tree_->setModel(treeModel_);
  tree_->setHeaderHidden(true);
  tree_->setUniformRowHeights(true);
  tree_->setSelectionMode(QAbstractItemView::SingleSelection);
  tree_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  connect(tree_->selectionModel(), &QItemSelectionModel::currentChanged, this,
          [this](const QModelIndex& current) { showSelection(current); });

  yamlView_ = new views::YamlView;
  yamlView_->setObjectName(QStringLiteral("yamlView"));
  yamlView_->setPlaceholderText(tr("Open a project folder with File → Open Folder…"));

  locationLabel_ = new QLabel;
  locationLabel_->setObjectName(QStringLiteral("location"));
  locationLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  locationLabel_->setContentsMargins(4, 2, 4, 2);

  auto* right = new QWidget;
  auto* rightLayout = new QVBoxLayout(right);
  rightLayout->setContentsMargins(0, 0, 0, 0);
  rightLayout->setSpacing(2);
  rightLayout->addWidget(locationLabel_);
  rightLayout->addWidget(yamlView_, 1);

  auto* splitter = new QSplitter(Qt::Horizontal);
  splitter->addWidget(tree_);
  splitter->addWidget(right);
  splitter->setStretchFactor(0, 0);
  splitter->setStretchFactor(1, 1);
  splitter->setSizes({320, 880});
  setCentralWidget(splitter);

  summaryLabel_ = new QLabel;
  summaryLabel_->setObjectName(QStringLiteral("summary"));
  statusBar()->addPermanentWidget(summaryLabel_);
}

void MainWindow::createActions() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* open = file->addAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("&Open Folder…"), this,
                                  &MainWindow::openFolder);
  open->setShortcut(QKeySequence::Open);
  open->setObjectName(QStringLiteral("actionOpenFolder"));
  file->addSeparator();
  QAction* quit =
      file->addAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
  quit->setMenuRole(QAction::QuitRole);
  quit->setObjectName(QStringLiteral("actionQuit"));

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  QAction* about = help->addAction(tr("&About Mesh Studio"), this, &MainWindow::showAbout);
  about->setMenuRole(QAction::AboutRole);
  QAction* aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
  aboutQt->setMenuRole(QAction::AboutQtRole);
}

bool MainWindow::openProject(const QString& folder) {
  const QFileInfo info(folder);
  if (!info.isDir() || !info.isReadable()) {
    statusBar()->showMessage(tr("Cannot open %1: not a readable folder").arg(QDir::toNativeSeparators(folder)));
    return false;
  }
  const QString absolute = QDir::cleanPath(info.absoluteFilePath());

  model::Diagnostics diagnostics;
  model::Project project;
  try {
    project = model::Project::load(QFile::encodeName(absolute).toStdString(), diagnostics);
    // The same checks as `meshstudio-cli validate`: CRD schemas and every analyzer.
    const model::Diagnostics findings = model::analysis::ProjectValidator::validate(
        project.resources(), model::analysis::ValidatorSettings::fromProjectSettings(project.settings()));
    diagnostics.insert(diagnostics.end(), findings.begin(), findings.end());
  } catch (const std::exception& error) {  // load() reports instead of throwing; this is a last resort
    statusBar()->showMessage(
        tr("Cannot open %1: %2").arg(QDir::toNativeSeparators(absolute), QString::fromStdString(error.what())));
    return false;
  }

  project_ = std::move(project);
  diagnostics_ = std::move(diagnostics);
  folder_ = absolute;
  setWindowTitle(tr("Mesh Studio — %1").arg(QDir::toNativeSeparators(folder_)));

  rebuildProjectYaml();
  treeModel_->setResources(project_.resources());
  tree_->expandToDepth(1);
  tree_->setCurrentIndex(QModelIndex());
  showSelection(QModelIndex());
  updateStatus();
  statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(folder_)), 5000);
  return true;
}

bool MainWindow::selectResource(const QString& displayName) {
  const std::string wanted = displayName.toStdString();
  const auto& resources = project_.resources();
  for (std::size_t i = 0; i < resources.size(); ++i) {
    if (resources[i].displayName() != wanted) continue;
    const QModelIndex index = treeModel_->indexOfResource(int(i));
    if (!index.isValid()) return false;
    tree_->setCurrentIndex(index);
    tree_->scrollTo(index);
    return true;
  }
  return false;
}

void MainWindow::openFolder() {
  const QString start = folder_.isEmpty() ? QDir::homePath() : QFileInfo(folder_).absolutePath();
  const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Project Folder"), start);
  if (folder.isEmpty()) return;
  if (!openProject(folder)) {
    QMessageBox::warning(this, tr("Open Project Folder"),
                         tr("%1 is not a readable folder.").arg(QDir::toNativeSeparators(folder)));
  }
}

void MainWindow::showAbout() {
  QMessageBox::about(this, tr("About Mesh Studio"),
                     tr("<h3>Mesh Studio %1</h3>"
                        "<p>Design, validate and ship Istio traffic rules.</p>"
                        "<p>Qt %2 · YAML highlighting: %3</p>")
                         .arg(QStringLiteral(MESHSTUDIO_VERSION), QString::fromLatin1(qVersion()),
                              views::YamlHighlighterFactory::backendName()));
}

QString MainWindow::renderResource(int index) const {
  const auto& resources = project_.resources();
  if (index < 0 || std::size_t(index) >= resources.size()) return {};
  try {
    return QString::fromStdString(model::Exporter::renderResource(resources[std::size_t(index)]));
  } catch (const std::exception& error) {
    return tr("# This resource cannot be shown: %1\n").arg(QString::fromStdString(error.what()));
  }
}

void MainWindow::rebuildProjectYaml() {
  projectYaml_.clear();
  resourceLines_.clear();
  int line = 1;
  const auto& resources = project_.resources();
  for (std::size_t i = 0; i < resources.size(); ++i) {
    QString text = renderResource(int(i));
    if (text.startsWith(QStringLiteral("---\n"))) text.remove(0, 4);
    if (!text.endsWith(QLatin1Char('\n'))) text += QLatin1Char('\n');
    if (i > 0) {
      projectYaml_ += QStringLiteral("---\n");
      ++line;
    }
    resourceLines_.push_back(line);
    projectYaml_ += text;
    line += int(text.count(QLatin1Char('\n')));
  }
}

void MainWindow::showSelection(const QModelIndex& current) {
  const int index = treeModel_->resourceIndex(current);
  if (index >= 0) {
    const model::Resource& resource = project_.resources()[std::size_t(index)];
    const QString what =
        resource.isUnparsed() ? tr("Unparsed document") : QString::fromStdString(resource.displayName());
    locationLabel_->setText(
        tr("%1 · %2:%3").arg(what, QString::fromStdString(resource.source().file)).arg(resource.source().firstLine));
    yamlView_->setYaml(renderResource(index));
    return;
  }
  // A group (or nothing): the whole project, scrolled to the group's first resource.
  locationLabel_->setText(folder_.isEmpty() ? QString() : tr("Whole project · %1").arg(summary()));
  yamlView_->setYaml(projectYaml_);
  const std::vector<int> members = treeModel_->resourceIndexes(current);
  if (current.isValid() && !members.empty() && std::size_t(members.front()) < resourceLines_.size())
    yamlView_->scrollToLine(resourceLines_[std::size_t(members.front())]);
}

QString MainWindow::summary() const {
  qsizetype errors = 0;
  qsizetype warnings = 0;
  for (const model::Diagnostic& diagnostic : diagnostics_) {
    if (diagnostic.severity == model::Severity::Error) ++errors;
    if (diagnostic.severity == model::Severity::Warning) ++warnings;
  }
  const qsizetype resources = qsizetype(project_.resources().size());
  QString text = countText(resources, tr("1 resource"), tr("%1 resources")) + QStringLiteral(", ") +
                 countText(errors, tr("1 error"), tr("%1 errors"));
  if (warnings > 0) text += QStringLiteral(", ") + countText(warnings, tr("1 warning"), tr("%1 warnings"));
  return text;
}

void MainWindow::updateStatus() {
  summaryLabel_->setText(folder_.isEmpty() ? tr("No project") : summary());
  QStringList details;
  for (const model::Diagnostic& diagnostic : diagnostics_) {
    if (details.size() == 20) {
      details << tr("… and %1 more").arg(diagnostics_.size() - 20);
      break;
    }
    details << QString::fromStdString(model::formatDiagnostic(diagnostic));
  }
  summaryLabel_->setToolTip(details.join(QLatin1Char('\n')));
}

}  // namespace meshstudio::app
