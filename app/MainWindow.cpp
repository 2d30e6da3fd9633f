#include "app/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTextBlock>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

#include <set>

#include <exception>
#include <utility>

#include "app/Document.h"
#include "app/EngineWorkbench.h"
#include "app/ResourceEditorHost.h"
#include "app/RouteWeightsEditor.h"
#include "app/YamlMarks.h"
#include "model/Exporter.h"
#include "model/Importer.h"
#include "model/YamlWriter.h"
#include "views/DiagnosticsPanel.h"
#include "views/ResourceTreeModel.h"
#include "views/TopologyGraph.h"
#include "views/TopologyView.h"
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

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), document_(new Document(this)) {
  connect(document_, &Document::changed, this, &MainWindow::documentChanged);
  connect(document_, &Document::modificationChanged, this, &MainWindow::updateTitle);
  // Queued: the question is modal, and the watcher's signal should not wait for the user.
  connect(document_, &Document::externalChange, this, &MainWindow::offerReload, Qt::QueuedConnection);
  createWidgets();
  createActions();
  updateTitle();
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
  connect(yamlView_, &views::YamlView::yamlEdited, this, &MainWindow::applyYamlEdit);
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

  // The editor of the selection, beside its YAML.
  editorHost_ = new ResourceEditorHost(*document_);
  editorHost_->setObjectName(QStringLiteral("editorHost"));
  connect(editorHost_, &ResourceEditorHost::editFailed, this,
          [this](const QString& message) { statusBar()->showMessage(message, 8000); });
  weightsEditor_ = new RouteWeightsEditor(*document_);
  weightsEditor_->setObjectName(QStringLiteral("routeWeights"));
  auto* editors = new QWidget;
  auto* editorsLayout = new QVBoxLayout(editors);
  editorsLayout->setContentsMargins(0, 0, 0, 0);
  editorsLayout->addWidget(editorHost_);
  editorsLayout->addWidget(weightsEditor_, 1);
  auto* editorScroll = new QScrollArea;
  editorScroll->setWidget(editors);
  editorScroll->setWidgetResizable(true);

  auto* splitter = new QSplitter(Qt::Horizontal);
  splitter->addWidget(tree_);
  splitter->addWidget(editorScroll);
  splitter->addWidget(right);
  splitter->setStretchFactor(0, 0);
  splitter->setStretchFactor(1, 1);
  splitter->setStretchFactor(2, 1);
  splitter->setSizes({280, 480, 480});
  setCentralWidget(splitter);

  diagnosticsPanel_ = new views::DiagnosticsPanel;
  auto* diagnosticsDock = new QDockWidget(tr("Diagnostics"), this);
  diagnosticsDock->setObjectName(QStringLiteral("diagnosticsDock"));
  diagnosticsDock->setWidget(diagnosticsPanel_);
  addDockWidget(Qt::BottomDockWidgetArea, diagnosticsDock);
  connect(diagnosticsPanel_, &views::DiagnosticsPanel::activated, this,
          [this](const model::Diagnostic& finding) { showFinding(finding); });
  connect(diagnosticsPanel_, &views::DiagnosticsPanel::quickFixRequested, this, &MainWindow::applyQuickFix);

  topologyView_ = new views::TopologyView;
  auto* topologyDock = new QDockWidget(tr("Topology"), this);
  topologyDock->setObjectName(QStringLiteral("topologyDock"));
  topologyDock->setWidget(topologyView_);
  addDockWidget(Qt::BottomDockWidgetArea, topologyDock);
  tabifyDockWidget(diagnosticsDock, topologyDock);
  topologyTimer_ = new QTimer(this);
  topologyTimer_->setSingleShot(true);
  topologyTimer_->setInterval(80);
  connect(topologyTimer_, &QTimer::timeout, this, &MainWindow::updateTopology);
  connect(topologyDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
    if (visible) updateTopology();
  });
  diagnosticsDock->raise();

  summaryLabel_ = new QLabel;
  summaryLabel_->setObjectName(QStringLiteral("summary"));
  statusBar()->addPermanentWidget(summaryLabel_);
  engine_ = new EngineWorkbench(*this, diagnosticsDock);
  diagnosticsDock->raise();
}

void MainWindow::createActions() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* open = file->addAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("&Open Folder…"), this,
                                  &MainWindow::openFolder);
  open->setShortcut(QKeySequence::Open);
  open->setObjectName(QStringLiteral("actionOpenFolder"));
  QAction* saveAction =
      file->addAction(QIcon::fromTheme(QStringLiteral("document-save")), tr("&Save"), this, &MainWindow::save);
  saveAction->setShortcut(QKeySequence::Save);
  saveAction->setObjectName(QStringLiteral("actionSave"));
  saveAction->setEnabled(false);
  connect(document_, &Document::modificationChanged, saveAction, &QAction::setEnabled);
  file->addSeparator();
  QAction* quit =
      file->addAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
  quit->setMenuRole(QAction::QuitRole);
  quit->setObjectName(QStringLiteral("actionQuit"));

  // Undo/Redo come from the stack: their text names the step ("Undo Set weight of reviews").
  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  QAction* undo = document_->undoStack()->createUndoAction(this, tr("&Undo"));
  undo->setShortcut(QKeySequence::Undo);
  undo->setIcon(QIcon::fromTheme(QStringLiteral("edit-undo")));
  undo->setObjectName(QStringLiteral("actionUndo"));
  QAction* redo = document_->undoStack()->createRedoAction(this, tr("&Redo"));
  redo->setShortcut(QKeySequence::Redo);
  redo->setIcon(QIcon::fromTheme(QStringLiteral("edit-redo")));
  redo->setObjectName(QStringLiteral("actionRedo"));
  edit->addAction(undo);
  edit->addAction(redo);
  edit->addSeparator();
  // The selected resource's actions, in the Edit menu and the tree's context menu.
  duplicateAction_ = edit->addAction(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("D&uplicate Resource"), this,
                                     &MainWindow::duplicateSelected);
  duplicateAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
  duplicateAction_->setToolTip(tr("Adds a copy of the selected resource named <name>-copy, in the same file."));
  deleteAction_ = edit->addAction(QIcon::fromTheme(QStringLiteral("edit-delete")), tr("&Delete Resource"), this,
                                  &MainWindow::deleteSelected);
  deleteAction_->setShortcut(QKeySequence::Delete);
  deleteAction_->setShortcutContext(Qt::WidgetShortcut);  // only in the tree: Delete edits text elsewhere
  deleteAction_->setToolTip(tr("Removes the selected resource from the project. Undo brings it back."));
  tree_->addAction(duplicateAction_);
  tree_->addAction(deleteAction_);
  tree_->setContextMenuPolicy(Qt::ActionsContextMenu);

  menuBar()->addMenu(tr("&Engine"))->addActions(engine_->menuActions());

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  QAction* about = help->addAction(tr("&About Mesh Studio"), this, &MainWindow::showAbout);
  about->setMenuRole(QAction::AboutRole);
  QAction* aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
  aboutQt->setMenuRole(QAction::AboutQtRole);
}

bool MainWindow::openProject(const QString& folder) {
  QString error;
  if (!document_->open(folder, &error)) {
    statusBar()->showMessage(error);
    return false;
  }
  // Document::changed (a reset) has rebuilt the views.
  updateTitle();
  statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(document_->folder())), 5000);
  offerRecovery();
  return true;
}

QString MainWindow::projectFolder() const { return document_->folder(); }

const model::Project& MainWindow::project() const { return document_->project(); }

QMessageBox::StandardButton MainWindow::ask(const QString& title, const QString& text,
                                            QMessageBox::StandardButtons buttons,
                                            QMessageBox::StandardButton defaultButton) {
  if (question_) return question_(title, text, buttons, defaultButton);
  return QMessageBox::question(this, title, text, buttons, defaultButton);
}

void MainWindow::offerRecovery() {
  for (const RecoverableSession& session : Document::recoverableSessions(document_->recoveryDirectory())) {
    if (session.folder != document_->folder()) continue;
    const QMessageBox::StandardButton answer =
        ask(tr("Recover Unsaved Changes"),
            tr("Mesh Studio did not close cleanly while %1 had unsaved changes (last kept %2).\n\n"
               "Restore them? Discard deletes them for good.")
                .arg(QDir::toNativeSeparators(session.folder),
                     QLocale().toString(session.written.toLocalTime(), QLocale::ShortFormat)),
            QMessageBox::Yes | QMessageBox::Discard, QMessageBox::Yes);
    QString error;
    if (answer == QMessageBox::Yes && !document_->restore(session, &error))
      statusBar()->showMessage(tr("Cannot restore: %1").arg(error));
    else if (answer == QMessageBox::Discard)
      Document::discardSession(session);
    return;
  }
}

void MainWindow::offerReload(const QStringList& paths) {
  QStringList names;
  for (const QString& path : paths) names << QDir(document_->folder()).relativeFilePath(path);
  const QString text = document_->isModified()
                           ? tr("%1 changed on disk.\n\nReload the project? Your unsaved edits are replaced; "
                                "Edit → Undo brings them back.")
                           : tr("%1 changed on disk.\n\nReload the project?");
  if (ask(tr("Files Changed on Disk"), text.arg(names.join(QStringLiteral(", "))), QMessageBox::Yes | QMessageBox::No,
          QMessageBox::Yes) != QMessageBox::Yes)
    return;
  QString error;
  if (!document_->reloadFromDisk(&error)) statusBar()->showMessage(error);
}

bool MainWindow::save() {
  QString error;
  if (document_->save(&error)) {
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(document_->folder())), 5000);
    return true;
  }
  statusBar()->showMessage(tr("Save failed"));
  ask(tr("Save"), error, QMessageBox::Ok, QMessageBox::Ok);
  return false;
}

bool MainWindow::maybeSave() {
  if (!document_->isModified()) return true;
  const QMessageBox::StandardButton answer =
      ask(tr("Unsaved Changes"),
          tr("%1 has unsaved changes. Save them?").arg(QDir::toNativeSeparators(document_->folder())),
          QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
  if (answer == QMessageBox::Save) return save();
  if (answer == QMessageBox::Discard) {
    document_->close();  // the user's choice: nothing to recover next time
    return true;
  }
  return false;
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (!maybeSave()) {
    event->ignore();
    return;
  }
  document_->close();
  event->accept();
}

void MainWindow::updateTitle() {
  const QString folder = document_->folder();
  if (folder.isEmpty()) {
    setWindowTitle(tr("Mesh Studio"));
  } else if (document_->isModified()) {
    setWindowTitle(tr("Mesh Studio — %1*").arg(QDir::toNativeSeparators(folder)));
  } else {
    setWindowTitle(tr("Mesh Studio — %1").arg(QDir::toNativeSeparators(folder)));
  }
}

void MainWindow::documentChanged(const DocumentChange& change) {
  diagnostics_ = document_->loadDiagnostics();
  const model::Diagnostics& findings = document_->validation().findings;
  diagnostics_.insert(diagnostics_.end(), findings.begin(), findings.end());

  // The tree refers to resources by index, which an add or remove shifts: remember the
  // selection by identity and find it again after the rebuild.
  const ResourceId selected = document_->idAt(treeModel_->resourceIndex(tree_->currentIndex()));
  if (change.reset) renderCache_.clear();
  for (const auto& ids : {change.modified, change.removed})
    for (ResourceId id : ids) renderCache_.erase(id);
  for (ResourceId id : change.removed) drafts_.erase(id);
  if (change.reset) drafts_.clear();
  rebuildProjectYaml();
  treeModel_->setResources(document_->resources());
  tree_->expandToDepth(1);
  const int index = change.reset ? -1 : document_->indexOf(selected);
  const QModelIndex current = index >= 0 ? treeModel_->indexOfResource(index) : QModelIndex();
  tree_->setCurrentIndex(current);
  // Also when the selection stays: its YAML may have changed. Not when the change came from
  // the YAML view itself: the text stays as the user typed it (and where the cursor is).
  if (!applyingYamlEdit_)
    showSelection(current);
  else
    updateYamlMarks();
  diagnosticsPanel_->setDiagnostics(diagnostics_, change.revision);
  topologyDirty_ = true;
  // A hidden dock catches up when it is shown; a visible one once edits pause for a moment, so a
  // slider drag over a large project is not held up by a graph nobody looks at mid-drag.
  if (topologyView_->isVisible()) topologyTimer_->start();
  updateStatus();
}

void MainWindow::updateTopology() {
  if (!topologyDirty_) return;
  topologyDirty_ = false;
  const model::Value* defaultNamespace = document_->project().settings().find("defaultNamespace");
  topologyView_->setGraph(views::TopologyGraph::build(
      document_->resources(), defaultNamespace && defaultNamespace->isString() ? defaultNamespace->text() : "default"));
}

ResourceId MainWindow::selectedResource() const {
  return document_->idAt(treeModel_->resourceIndex(tree_->currentIndex()));
}

void MainWindow::duplicateSelected() {
  const ResourceId id = selectedResource();
  const model::Resource* resource = id ? document_->resource(id) : nullptr;
  if (!resource || resource->isUnparsed()) return;
  // The first free `<name>-copy`, `<name>-copy-2`, ... of that kind and namespace.
  const std::string base = resource->name() + "-copy";
  std::string name = base;
  for (int n = 2; document_->findResource(resource->kindName() + " " +
                                          (resource->namespaceName().empty() ? "default" : resource->namespaceName()) +
                                          "/" + name);
       ++n)
    name = base + "-" + std::to_string(n);
  const ResourceId copy = document_->duplicateResource(id, QString::fromStdString(name));
  if (copy) selectResource(QString::fromStdString(document_->resource(copy)->displayName()));
}

void MainWindow::deleteSelected() {
  const ResourceId id = selectedResource();
  if (id) document_->removeResources({id});
}

void MainWindow::applyYamlEdit(const QString& yaml) {
  const ResourceId id = selectedResource();
  if (!id) return;
  drafts_.erase(id);  // replaced by this text, applied or not
  applyingYamlEdit_ = true;
  const bool applied = document_->replaceFromYaml(id, yaml);
  applyingYamlEdit_ = false;
  if (applied) {
    yamlView_->clearError();
    return;
  }
  // Nothing changed: the forms keep the last valid model, the view keeps the text as typed, and
  // the text stays this resource's draft when the user looks elsewhere and comes back.
  int line = 1;
  const auto parsed = model::Importer::importText(yaml.toStdString(), "edit.yaml");
  for (const model::Diagnostic& finding : parsed.diagnostics)
    if (finding.severity == model::Severity::Error && finding.line > 0) {
      line = finding.line;
      break;
    }
  drafts_[id] = YamlDraft{yaml, line, document_->lastError()};
  yamlView_->markError(line, document_->lastError());
  statusBar()->showMessage(tr("Not applied: %1").arg(document_->lastError()), 8000);
}

void MainWindow::applyQuickFix(const model::Diagnostic& finding, int fixIndex) {
  if (fixIndex < 0 || std::size_t(fixIndex) >= finding.fixes.size()) return;
  const model::QuickFix& fix = finding.fixes[std::size_t(fixIndex)];
  // One undo step however many resources the fix touches.
  document_->undoStack()->beginMacro(QString::fromStdString(fix.title));
  for (const model::ResourceEdit& edit : fix.edits) {
    const QString yaml = QString::fromStdString(model::YamlWriter::write(edit.document));
    if (edit.target.empty()) {
      auto imported = model::Importer::importText(yaml.toStdString(), "quick-fix.yaml");
      for (model::Resource& resource : imported.resources) document_->addResource(std::move(resource));
    } else if (!document_->replaceFromYaml(document_->findResource(edit.target), yaml)) {
      statusBar()->showMessage(tr("The quick fix could not be applied: %1").arg(document_->lastError()), 8000);
    }
  }
  document_->undoStack()->endMacro();
}

bool MainWindow::showFinding(const model::Diagnostic& finding) {
  if (!selectResource(QString::fromStdString(finding.resource))) return false;
  const model::Resource* resource = document_->resource(selectedResource());
  const QList<views::YamlView::Mark> at = yamlMarksFor({finding}, *resource, yamlView_->yaml());
  if (!at.isEmpty()) {
    yamlView_->scrollToLine(qMax(1, at.front().line - 3));  // a little context above the line
    yamlView_->setTextCursor(QTextCursor(yamlView_->document()->findBlockByNumber(at.front().line - 1)));
  }
  if (!finding.path.empty() && editorHost_->focusField(finding.path)) return true;
  yamlView_->setFocus(Qt::OtherFocusReason);
  return true;
}

bool MainWindow::selectResource(const QString& displayName) {
  const int found = document_->indexOf(document_->findResource(displayName.toStdString()));
  if (found < 0) return false;
  const QModelIndex index = treeModel_->indexOfResource(found);
  if (!index.isValid()) return false;
  tree_->setCurrentIndex(index);
  tree_->scrollTo(index);
  return true;
}

void MainWindow::openFolder() {
  if (!maybeSave()) return;
  const QString current = document_->folder();
  const QString start = current.isEmpty() ? QDir::homePath() : QFileInfo(current).absolutePath();
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

QString MainWindow::projectYamlOf(int index) const {
  QString text = renderResource(index);
  if (text.startsWith(QStringLiteral("---\n"))) text.remove(0, 4);
  if (!text.endsWith(QLatin1Char('\n'))) text += QLatin1Char('\n');
  return text;
}

QString MainWindow::renderResource(int index) const {
  const auto& resources = document_->resources();
  if (index < 0 || std::size_t(index) >= resources.size()) return {};
  // Rendering is the costly part of a redraw (the YAML emitter checks every scalar); a change
  // re-renders only the resources it touched (documentChanged drops their entries).
  const ResourceId id = document_->idAt(index);
  if (auto cached = renderCache_.find(id); cached != renderCache_.end()) return cached->second;
  QString text;
  try {
    text = QString::fromStdString(model::Exporter::renderResource(resources[std::size_t(index)]));
  } catch (const std::exception& error) {
    text = tr("# This resource cannot be shown: %1\n").arg(QString::fromStdString(error.what()));
  }
  renderCache_.emplace(id, text);
  return text;
}

void MainWindow::rebuildProjectYaml() {
  projectYaml_.clear();
  resourceLines_.clear();
  int line = 1;
  const auto& resources = document_->resources();
  for (std::size_t i = 0; i < resources.size(); ++i) {
    const QString text = projectYamlOf(int(i));
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
    const model::Resource& resource = document_->resources()[std::size_t(index)];
    const QString what =
        resource.isUnparsed() ? tr("Unparsed document") : QString::fromStdString(resource.displayName());
    locationLabel_->setText(
        tr("%1 · %2:%3").arg(what, QString::fromStdString(resource.source().file)).arg(resource.source().firstLine));
    const ResourceId id = document_->idAt(index);
    if (auto draft = drafts_.find(id); draft != drafts_.end()) {
      // An edit that does not parse yet: shown as typed, never replaced by the model's YAML.
      yamlView_->setYaml(draft->second.text);
      yamlView_->markError(draft->second.errorLine, draft->second.error);
      locationLabel_->setText(locationLabel_->text() + tr(" · unapplied edit (it does not parse)"));
    } else {
      yamlView_->setYaml(renderResource(index));
    }
    yamlView_->setEditable(!resource.isUnparsed());
    editorHost_->setResource(document_->idAt(index));
    weightsEditor_->setResource(document_->idAt(index));
    updateYamlMarks();
    return;
  }
  yamlView_->setEditable(false);  // the whole project is shown, not one resource
  editorHost_->setResource(0);
  weightsEditor_->setResource(0);
  // A group (or nothing): the whole project, scrolled to the group's first resource.
  locationLabel_->setText(!document_->isOpen() ? QString() : tr("Whole project · %1").arg(summary()));
  yamlView_->setYaml(projectYaml_);
  const std::vector<int> members = treeModel_->resourceIndexes(current);
  if (current.isValid() && !members.empty() && std::size_t(members.front()) < resourceLines_.size())
    yamlView_->scrollToLine(resourceLines_[std::size_t(members.front())]);
  updateYamlMarks();
}

void MainWindow::updateYamlMarks() {
  const auto& resources = document_->resources();
  const int selected = treeModel_->resourceIndex(tree_->currentIndex());
  if (selected >= 0 && drafts_.count(document_->idAt(selected))) {
    yamlView_->setMarks({});  // findings describe the model, not the draft that does not parse
    return;
  }
  if (selected >= 0) {
    yamlView_->setMarks(yamlMarksFor(diagnostics_, resources[std::size_t(selected)], yamlView_->yaml()));
    return;
  }
  // The whole project: only the resources that have findings are looked at.
  std::set<std::string> withFindings;
  for (const model::Diagnostic& finding : diagnostics_) withFindings.insert(finding.resource);
  QList<views::YamlView::Mark> marks;
  for (std::size_t i = 0; i < resources.size() && i < resourceLines_.size(); ++i) {
    const model::Resource& resource = resources[i];
    if (!resource.isUnparsed() && !withFindings.count(resource.displayName())) continue;
    marks += yamlMarksFor(diagnostics_, resource, projectYamlOf(int(i)), resourceLines_[i]);
  }
  yamlView_->setMarks(marks);
}

QString MainWindow::summary() const {
  qsizetype errors = 0;
  qsizetype warnings = 0;
  for (const model::Diagnostic& diagnostic : diagnostics_) {
    if (diagnostic.severity == model::Severity::Error) ++errors;
    if (diagnostic.severity == model::Severity::Warning) ++warnings;
  }
  const qsizetype resources = qsizetype(document_->resources().size());
  QString text = countText(resources, tr("1 resource"), tr("%1 resources")) + QStringLiteral(", ") +
                 countText(errors, tr("1 error"), tr("%1 errors"));
  if (warnings > 0) text += QStringLiteral(", ") + countText(warnings, tr("1 warning"), tr("%1 warnings"));
  return text;
}

void MainWindow::updateStatus() {
  summaryLabel_->setText(!document_->isOpen() ? tr("No project") : summary());
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
