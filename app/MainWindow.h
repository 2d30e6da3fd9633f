#pragma once

#include <QMainWindow>
#include <QMap>
#include <QMessageBox>
#include <QString>

#include <functional>
#include <unordered_map>
#include <vector>

#include "app/DocumentChange.h"

#include "model/Diagnostic.h"
#include "model/Project.h"

class QCloseEvent;
class QLabel;
class QModelIndex;
class QSplitter;
class QTimer;
class QTreeView;

namespace meshstudio::views {
class DiagnosticsPanel;
class FindBar;
class ResourceTreeModel;
class ResourceTreePanel;
class TopologyView;
class YamlView;
}  // namespace meshstudio::views

namespace meshstudio::app {

class ClusterDock;
class Document;
class EngineWorkbench;
class FileDropHandler;
class ProjectActions;
class ResourceActions;
class ResourceEditorHost;

/// The studio's main window: the resource tree (with its filter box and validation badges) on
/// the left, the selected resource's editor and canonical YAML (with a find bar) beside it, the
/// Diagnostics and Topology docks below, over a Document that owns the project and its undo
/// history. The window edits nothing itself: it pushes commands (or lets the Edit menu undo
/// them) and redraws from Document::changed. The File menu's workflow is ProjectActions', the
/// resource commands are ResourceActions'. Geometry, docks and splitter are kept across sessions
/// (WindowLayout); YAML files dropped on the window are imported (FileDropHandler).
class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  /// How the window asks the user something (unsaved changes, recovery, outside changes).
  /// Tests install their own so that no modal dialog blocks them.
  using Question = std::function<QMessageBox::StandardButton(const QString& title, const QString& text,
                                                             QMessageBox::StandardButtons buttons,
                                                             QMessageBox::StandardButton defaultButton)>;

  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  /// Loads the project in `folder`, validates it like `meshstudio-cli validate` and shows it. Returns
  /// false, keeping the current project, when `folder` is not a readable directory; problems
  /// in the manifests are counted in the status bar (details in its tooltip). When a recovery
  /// file of that folder exists, offers to restore its unsaved edits. Does not ask about the
  /// current project's unsaved edits: ProjectActions::chooseOpenFolder() does (see maybeSave()).
  bool openProject(const QString& folder);

  Document* document() const { return document_; }
  void setQuestion(Question question) { question_ = std::move(question); }
  /// With unsaved edits, asks Save/Discard/Cancel; true when the caller may go on (saved, or
  /// discarded: the recovery file is removed then), false on Cancel or a failed save.
  bool maybeSave();

  /// Selects the resource whose displayName() is `displayName` (`VirtualService shop/reviews`)
  /// and shows its YAML. Returns false when the project has no such resource.
  bool selectResource(const QString& displayName);
  /// What a double-click in the Diagnostics dock does: selects the finding's resource, puts the
  /// YAML view's cursor on the finding's line and focuses the form control that edits its field
  /// (the YAML view when no control does). False when its resource is not in the project.
  bool showFinding(const model::Diagnostic& finding);

  /// The open project's folder (absolute, cleaned); empty before the first successful open.
  QString projectFolder() const;
  const model::Project& project() const;
  /// Read problems and validator findings of the current revision.
  const model::Diagnostics& diagnostics() const { return diagnostics_; }

  /// The tree's source model: indexes of the tree view are the filter proxy's (see ResourceTreePanel).
  views::ResourceTreeModel* resourceModel() const;
  QTreeView* resourceTree() const;
  views::ResourceTreePanel* resourcePanel() const { return treePanel_; }
  views::FindBar* findBar() const { return findBar_; }
  ProjectActions* projectActions() const { return projectActions_; }
  ResourceActions* resourceActions() const { return resourceActions_; }
  views::YamlView* yamlView() const { return yamlView_; }
  /// The form editor of the selected resource.
  ResourceEditorHost* editorHost() const { return editorHost_; }
  views::DiagnosticsPanel* diagnosticsPanel() const { return diagnosticsPanel_; }
  /// The Topology dock's view, brought up to date with the document.
  views::TopologyView* topologyView() {
    updateTopology();
    return topologyView_;
  }
  /// The embedded engine, its actions and docks (issue 7).
  EngineWorkbench* engine() const { return engine_; }
  /// The Cluster and Cluster Diff docks and the Cluster menu's actions (issue 8).
  ClusterDock* cluster() const { return cluster_; }
  /// The status bar summary: "19 resources, 0 errors".
  QString summary() const;
  ResourceId selectedResource() const;  ///< 0 when a group (or nothing) is selected
  /// Problems of the last import (files that did not parse), shown with the findings until
  /// the next project is opened.
  void setImportProblems(model::Diagnostics problems);
  /// Asks through the Question (a message box unless a test installed one). `buttonTexts`
  /// relabels buttons whose answer is not the standard one's word (the Canary dock's "Roll Back").
  QMessageBox::StandardButton ask(const QString& title, const QString& text, QMessageBox::StandardButtons buttons,
                                  QMessageBox::StandardButton defaultButton,
                                  const QMap<QMessageBox::StandardButton, QString>& buttonTexts = {});

 public Q_SLOTS:
  /// See ResourceActions.
  void duplicateSelected();
  void deleteSelected();
  /// Saves through the Document; a failure is shown and leaves the edits unsaved.
  bool save();
  void showPreferences();
  void showAbout();

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void createActions();
  void createWidgets();
  void showSelection(const QModelIndex& current);
  void documentChanged(const DocumentChange& change);
  /// Load problems, import problems and validator findings, into the dock and the status bar.
  void collectDiagnostics();
  /// The YAML view's edit of the selected resource, as one undo step; a parse error is marked
  /// at its line and nothing is applied.
  void applyYamlEdit(const QString& yaml);
  /// Applies quick fix `fixIndex` of `finding` as one undo step.
  void applyQuickFix(const model::Diagnostic& finding, int fixIndex);
  /// Rebuilds the topology if the document changed since it was drawn.
  void updateTopology();
  void offerRecovery();
  void offerReload(const QStringList& paths);
  void rebuildProjectYaml();
  void updateTitle();
  void updateStatus();
  QString renderResource(int index) const;
  /// A resource's part of the whole-project YAML (no leading `---`, ends with a newline).
  QString projectYamlOf(int index) const;
  /// Places the findings on the YAML view's current text.
  void updateYamlMarks();

  Document* document_ = nullptr;
  Question question_;
  model::Diagnostics diagnostics_;
  model::Diagnostics importProblems_;
  QString projectYaml_;             ///< every resource, `---`-separated, in project order
  std::vector<int> resourceLines_;  ///< 1-based first line of each resource in projectYaml_
  mutable std::unordered_map<ResourceId, QString> renderCache_;  ///< canonical YAML by resource

  views::ResourceTreePanel* treePanel_ = nullptr;
  QSplitter* splitter_ = nullptr;
  views::YamlView* yamlView_ = nullptr;
  views::FindBar* findBar_ = nullptr;
  ResourceEditorHost* editorHost_ = nullptr;
  ProjectActions* projectActions_ = nullptr;
  ResourceActions* resourceActions_ = nullptr;
  FileDropHandler* dropHandler_ = nullptr;
  bool applyingYamlEdit_ = false;  ///< the change being applied came from the YAML view
  /// YAML view edits that do not parse, by resource: kept (and shown again) until they parse or
  /// the resource goes, so switching the selection never discards what the user typed.
  struct YamlDraft {
    QString text;
    int errorLine = 1;
    QString error;
  };
  std::unordered_map<ResourceId, YamlDraft> drafts_;
  bool topologyDirty_ = true;        ///< the document changed since the topology was drawn
  QTimer* topologyTimer_ = nullptr;  ///< redraws a visible topology once edits pause
  views::DiagnosticsPanel* diagnosticsPanel_ = nullptr;
  views::TopologyView* topologyView_ = nullptr;
  QLabel* locationLabel_ = nullptr;  ///< what the YAML view shows: `VirtualService shop/reviews · routing.yaml:31`
  QLabel* summaryLabel_ = nullptr;
  EngineWorkbench* engine_ = nullptr;
  ClusterDock* cluster_ = nullptr;
};

}  // namespace meshstudio::app
