#pragma once

#include <QMainWindow>
#include <QMessageBox>
#include <QString>

#include <functional>
#include <unordered_map>
#include <vector>

#include "app/DocumentChange.h"

#include "model/Diagnostic.h"
#include "model/Project.h"

class QAction;
class QCloseEvent;
class QLabel;
class QModelIndex;
class QTimer;
class QTreeView;

namespace meshstudio::views {
class DiagnosticsPanel;
class ResourceTreeModel;
class TopologyView;
class YamlView;
}  // namespace meshstudio::views

namespace meshstudio::app {

class Document;
class EngineWorkbench;
class ResourceEditorHost;
class RouteWeightsEditor;

/// The studio's main window: the resource tree on the left, the selected resource's canonical
/// YAML on the right, over a Document that owns the project and its undo history. The window
/// edits nothing itself: it pushes commands (or lets the Edit menu undo them) and redraws from
/// Document::changed.
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
  /// current project's unsaved edits: openFolder() does (see maybeSave()).
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

  views::ResourceTreeModel* resourceModel() const { return treeModel_; }
  QTreeView* resourceTree() const { return tree_; }
  views::YamlView* yamlView() const { return yamlView_; }
  RouteWeightsEditor* routeWeightsEditor() const { return weightsEditor_; }
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
  /// The status bar summary: "19 resources, 0 errors".
  QString summary() const;

 public Q_SLOTS:
  /// Adds a copy of the selected resource (`<name>-copy`) and selects it; one undo step.
  void duplicateSelected();
  /// Removes the selected resource; one undo step.
  void deleteSelected();
  /// Asks for a folder and opens it.
  void openFolder();
  /// Saves through the Document; a failure is shown and leaves the edits unsaved.
  bool save();
  void showAbout();

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void createActions();
  void createWidgets();
  void showSelection(const QModelIndex& current);
  void documentChanged(const DocumentChange& change);
  /// The YAML view's edit of the selected resource, as one undo step; a parse error is marked
  /// at its line and nothing is applied.
  void applyYamlEdit(const QString& yaml);
  /// Applies quick fix `fixIndex` of `finding` as one undo step.
  void applyQuickFix(const model::Diagnostic& finding, int fixIndex);
  ResourceId selectedResource() const;  ///< 0 when a group (or nothing) is selected
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
  QMessageBox::StandardButton ask(const QString& title, const QString& text, QMessageBox::StandardButtons buttons,
                                  QMessageBox::StandardButton defaultButton);

  Document* document_ = nullptr;
  Question question_;
  model::Diagnostics diagnostics_;
  QString projectYaml_;             ///< every resource, `---`-separated, in project order
  std::vector<int> resourceLines_;  ///< 1-based first line of each resource in projectYaml_
  mutable std::unordered_map<ResourceId, QString> renderCache_;  ///< canonical YAML by resource

  views::ResourceTreeModel* treeModel_ = nullptr;
  QTreeView* tree_ = nullptr;
  views::YamlView* yamlView_ = nullptr;
  RouteWeightsEditor* weightsEditor_ = nullptr;
  ResourceEditorHost* editorHost_ = nullptr;
  QAction* duplicateAction_ = nullptr;
  QAction* deleteAction_ = nullptr;
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
                                     ///< came from the YAML view
  views::DiagnosticsPanel* diagnosticsPanel_ = nullptr;
  views::TopologyView* topologyView_ = nullptr;
  QLabel* locationLabel_ = nullptr;  ///< what the YAML view shows: `VirtualService shop/reviews · routing.yaml:31`
  QLabel* summaryLabel_ = nullptr;
  EngineWorkbench* engine_ = nullptr;
};

}  // namespace meshstudio::app
