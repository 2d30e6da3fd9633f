#include "app/MainWindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
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
#include <QToolBar>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

#include <set>

#include <exception>
#include <utility>

#include "app/CanaryDock.h"
#include "app/ClusterDock.h"
#include "app/Document.h"
#include "app/EngineWorkbench.h"
#include "app/FileDropHandler.h"
#include "app/PreferencesDialog.h"
#include "app/ProjectActions.h"
#include "app/RecentProjects.h"
#include "app/ResourceActions.h"
#include "app/ResourceEditorHost.h"
#include "app/StudioIcons.h"
#include "app/WindowLayout.h"
#include "app/YamlMarks.h"
#include "model/Exporter.h"
#include "model/Importer.h"
#include "model/YamlWriter.h"
#include "views/DiagnosticsPanel.h"
#include "views/FindBar.h"
#include "views/ResourceTreeModel.h"
#include "views/ResourceTreePanel.h"
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
  connect(document_, &Document::folderChanged, this, &MainWindow::updateTitle);  // Save As moves it
  createWidgets();
  createActions();
  updateTitle();
  updateStatus();
  resize(1200, 760);
  WindowLayout::restore(*this, *splitter_);
}

MainWindow::~MainWindow() = default;

void MainWindow::createWidgets() {
  treePanel_ = new views::ResourceTreePanel;
  connect(treePanel_, &views::ResourceTreePanel::currentChanged, this, [this](const QModelIndex& current) {
    // A YAML edit rebuilds the tree under the user's typing: the text stays as typed.
    if (!applyingYamlEdit_) showSelection(current);
    if (resourceActions_) resourceActions_->updateEnabled();
  });

  yamlView_ = new views::YamlView;
  yamlView_->setObjectName(QStringLiteral("yamlView"));
  connect(yamlView_, &views::YamlView::yamlEdited, this, &MainWindow::applyYamlEdit);
  yamlView_->setPlaceholderText(tr("Open a project folder with File → Open Folder…"));

  findBar_ = new views::FindBar(yamlView_);

  locationLabel_ = new QLabel;
  locationLabel_->setObjectName(QStringLiteral("location"));
  locationLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  locationLabel_->setContentsMargins(4, 2, 4, 2);

  auto* right = new QWidget;
  auto* rightLayout = new QVBoxLayout(right);
  rightLayout->setContentsMargins(0, 0, 0, 0);
  rightLayout->setSpacing(2);
  rightLayout->addWidget(locationLabel_);
  rightLayout->addWidget(findBar_);
  rightLayout->addWidget(yamlView_, 1);

  // The editor of the selection, beside its YAML.
  editorHost_ = new ResourceEditorHost(*document_);
  editorHost_->setObjectName(QStringLiteral("editorHost"));
  connect(editorHost_, &ResourceEditorHost::editFailed, this,
          [this](const QString& message) { statusBar()->showMessage(message, 8000); });
  auto* editorScroll = new QScrollArea;
  editorScroll->setWidget(editorHost_);
  editorScroll->setWidgetResizable(true);

  splitter_ = new QSplitter(Qt::Horizontal);
  splitter_->setObjectName(QStringLiteral("centralSplitter"));
  splitter_->addWidget(treePanel_);
  splitter_->addWidget(editorScroll);
  splitter_->addWidget(right);
  splitter_->setStretchFactor(0, 0);
  splitter_->setStretchFactor(1, 1);
  splitter_->setStretchFactor(2, 1);
  splitter_->setSizes({240, 560, 400});  // the form editor is the main work area
  setCentralWidget(splitter_);

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
  engine_ = new EngineWorkbench(*this, diagnosticsDock);  // the Trial and Access log docks
  cluster_ = new ClusterDock(*this, diagnosticsDock);     // Cluster and Cluster Diff
  diagnosticsDock->raise();
  // The editors are the work area: the docks start low (a saved layout overrides this).
  resizeDocks({diagnosticsDock}, {190}, Qt::Vertical);

  summaryLabel_ = new QLabel;
  summaryLabel_->setObjectName(QStringLiteral("summary"));
  statusBar()->addPermanentWidget(summaryLabel_);

  // YAML files dropped anywhere on the window come into the project; the editable YAML view
  // would otherwise paste their names.
  dropHandler_ = new FileDropHandler(this);
  dropHandler_->watch(this);
  dropHandler_->watch(yamlView_->viewport());
  connect(dropHandler_, &FileDropHandler::pathsDropped, this,
          [this](const QStringList& paths) { projectActions_->importPaths(paths); });
}

void MainWindow::createActions() {
  projectActions_ = new ProjectActions(*this, *document_);
  resourceActions_ = new ResourceActions(*this, *document_);
  resourceActions_->attachTo(treePanel_->tree());
  resourceActions_->updateEnabled();

  QMenu* file = menuBar()->addMenu(tr("&File"));
  projectActions_->addToMenu(file);
  file->addSeparator();
  QAction* quit =
      file->addAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);
  quit->setMenuRole(QAction::QuitRole);
  quit->setObjectName(QStringLiteral("actionQuit"));

  // Undo/Redo come from the stack: their text names the step ("Undo Set weight of reviews").
  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  QAction* undo = document_->undoStack()->createUndoAction(this, tr("&Undo"));
  undo->setShortcut(QKeySequence::Undo);
  undo->setIcon(StudioIcons::icon(QStringLiteral("undo"), QStringLiteral("edit-undo")));
  undo->setObjectName(QStringLiteral("actionUndo"));
  QAction* redo = document_->undoStack()->createRedoAction(this, tr("&Redo"));
  redo->setShortcut(QKeySequence::Redo);
  redo->setIcon(StudioIcons::icon(QStringLiteral("redo"), QStringLiteral("edit-redo")));
  redo->setObjectName(QStringLiteral("actionRedo"));
  edit->addActions({undo, redo});
  edit->addSeparator();
  QAction* find = edit->addAction(StudioIcons::icon(QStringLiteral("find"), QStringLiteral("edit-find")),
                                  tr("&Find in YAML…"), findBar_, &views::FindBar::activate);
  find->setShortcut(QKeySequence::Find);
  find->setObjectName(QStringLiteral("actionFind"));
  find->setToolTip(tr("Searches the YAML view; every match is boxed, Enter goes to the next one."));
  QAction* findNext = edit->addAction(tr("Find &Next"), findBar_, &views::FindBar::findNext);
  findNext->setShortcut(QKeySequence::FindNext);
  QAction* findPrevious = edit->addAction(tr("Find Pre&vious"), findBar_, &views::FindBar::findPrevious);
  findPrevious->setShortcut(QKeySequence::FindPrevious);
  QAction* filter = edit->addAction(tr("Filter &Resources"), treePanel_, &views::ResourceTreePanel::focusFilter);
  filter->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
  filter->setObjectName(QStringLiteral("actionFilterResources"));
  edit->addSeparator();
  edit->addActions({resourceActions_->newFromTemplateAction(), resourceActions_->duplicateAction(),
                    resourceActions_->renameAction(), resourceActions_->deleteAction()});
  edit->addSeparator();
  QAction* preferences = edit->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
  preferences->setShortcut(QKeySequence::Preferences);
  preferences->setMenuRole(QAction::PreferencesRole);
  preferences->setObjectName(QStringLiteral("actionPreferences"));

  QMenu* view = menuBar()->addMenu(tr("&View"));
  for (QDockWidget* dock : findChildren<QDockWidget*>()) view->addAction(dock->toggleViewAction());

  QToolBar* toolBar = addToolBar(tr("Main"));
  toolBar->setObjectName(QStringLiteral("mainToolBar"));  // saveState() finds it by name
  toolBar->addActions({projectActions_->newProjectAction(), projectActions_->openFolderAction(),
                       projectActions_->openFilesAction(), projectActions_->saveAction(),
                       projectActions_->exportAction()});
  toolBar->addSeparator();
  toolBar->addActions({undo, redo});
  toolBar->addSeparator();
  toolBar->addActions({resourceActions_->newFromTemplateAction(), find});
  view->addSeparator();
  view->addAction(toolBar->toggleViewAction());

  menuBar()->addMenu(tr("&Engine"))->addActions(engine_->menuActions());
  menuBar()->addMenu(tr("&Cluster"))->addActions(cluster_->menuActions());

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
  projectActions_->recentProjects()->add(document_->folder());
  updateTitle();
  statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(document_->folder())), 5000);
  offerRecovery();
  return true;
}

QString MainWindow::projectFolder() const { return document_->folder(); }

const model::Project& MainWindow::project() const { return document_->project(); }

QMessageBox::StandardButton MainWindow::ask(const QString& title, const QString& text,
                                            QMessageBox::StandardButtons buttons,
                                            QMessageBox::StandardButton defaultButton,
                                            const QMap<QMessageBox::StandardButton, QString>& buttonTexts) {
  if (question_) return question_(title, text, buttons, defaultButton);
  QMessageBox box(QMessageBox::Question, title, text, buttons, this);
  box.setDefaultButton(defaultButton);
  for (auto it = buttonTexts.begin(); it != buttonTexts.end(); ++it)
    if (QAbstractButton* button = box.button(it.key())) button->setText(it.value());
  return static_cast<QMessageBox::StandardButton>(box.exec());
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
  // A running canary rollout first: it must end one way or the other before the studio goes.
  if (!engine_->canaryDock()->confirmClose() || !maybeSave()) {
    event->ignore();
    return;
  }
  document_->close();
  WindowLayout::save(*this, *splitter_);
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

void MainWindow::collectDiagnostics() {
  diagnostics_ = document_->loadDiagnostics();
  diagnostics_.insert(diagnostics_.end(), importProblems_.begin(), importProblems_.end());
  const model::Diagnostics& findings = document_->validation().findings;
  diagnostics_.insert(diagnostics_.end(), findings.begin(), findings.end());
  diagnosticsPanel_->setDiagnostics(diagnostics_, document_->revision());
  updateStatus();
}

void MainWindow::setImportProblems(model::Diagnostics problems) {
  importProblems_ = std::move(problems);
  collectDiagnostics();
}

void MainWindow::documentChanged(const DocumentChange& change) {
  if (change.reset && document_->undoStack()->count() == 0) importProblems_.clear();  // another project
  collectDiagnostics();

  // The tree refers to resources by index, which an add or remove shifts: remember the
  // selection by identity and find it again after the rebuild.
  const ResourceId selected = selectedResource();
  if (change.reset) renderCache_.clear();
  for (const auto& ids : {change.modified, change.removed})
    for (ResourceId id : ids) renderCache_.erase(id);
  for (ResourceId id : change.removed) drafts_.erase(id);
  if (change.reset) drafts_.clear();
  rebuildProjectYaml();
  treePanel_->setResources(document_->resources(), diagnostics_);
  const int index = change.reset ? -1 : document_->indexOf(selected);
  // Also when the selection stays (its YAML may have changed), the panel reports the current
  // node; the handler skips the YAML view when the change came from it, but the marks follow.
  treePanel_->setCurrentIndex(index >= 0 ? resourceModel()->indexOfResource(index) : QModelIndex());
  if (applyingYamlEdit_) updateYamlMarks();
  topologyDirty_ = true;
  // A hidden dock catches up when it is shown; a visible one once edits pause for a moment, so a
  // slider drag over a large project is not held up by a graph nobody looks at mid-drag.
  if (topologyView_->isVisible()) topologyTimer_->start();
}

void MainWindow::updateTopology() {
  if (!topologyDirty_) return;
  topologyDirty_ = false;
  const model::Value* defaultNamespace = document_->project().settings().find("defaultNamespace");
  topologyView_->setGraph(views::TopologyGraph::build(
      document_->resources(), defaultNamespace && defaultNamespace->isString() ? defaultNamespace->text() : "default"));
}

ResourceId MainWindow::selectedResource() const { return document_->idAt(treePanel_->currentResource()); }

views::ResourceTreeModel* MainWindow::resourceModel() const { return treePanel_->model(); }

QTreeView* MainWindow::resourceTree() const { return treePanel_->tree(); }

void MainWindow::duplicateSelected() { resourceActions_->duplicateSelected(); }

void MainWindow::deleteSelected() { resourceActions_->deleteSelected(); }

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
  const QModelIndex index = resourceModel()->indexOfResource(found);
  if (!index.isValid()) return false;
  treePanel_->setCurrentIndex(index);  // clears the filter if it hides the resource
  return true;
}

void MainWindow::showPreferences() {
  PreferencesDialog dialog(Preferences::load(), this);
  if (dialog.exec() != QDialog::Accepted) return;
  const Preferences chosen = dialog.preferences();
  chosen.save();
  Preferences::applyTheme(*qApp, chosen.theme);
  document_->setAutosaveInterval(chosen.autosaveInterval());
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
  const int index = resourceModel()->resourceIndex(current);
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
    updateYamlMarks();
    return;
  }
  yamlView_->setEditable(false);  // the whole project is shown, not one resource
  editorHost_->setResource(0);
  // A group (or nothing): the whole project, scrolled to the group's first resource.
  locationLabel_->setText(!document_->isOpen() ? QString() : tr("Whole project · %1").arg(summary()));
  yamlView_->setYaml(projectYaml_);
  const std::vector<int> members = resourceModel()->resourceIndexes(current);
  if (current.isValid() && !members.empty() && std::size_t(members.front()) < resourceLines_.size())
    yamlView_->scrollToLine(resourceLines_[std::size_t(members.front())]);
  updateYamlMarks();
}

void MainWindow::updateYamlMarks() {
  const auto& resources = document_->resources();
  const int selected = treePanel_->currentResource();
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
