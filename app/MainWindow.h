#pragma once

#include <QMainWindow>
#include <QString>

#include <vector>

#include "model/Diagnostic.h"
#include "model/Project.h"

class QLabel;
class QModelIndex;
class QTreeView;

namespace meshstudio::views {
class ResourceTreeModel;
class YamlView;
}  // namespace meshstudio::views

namespace meshstudio::app {

/// The studio's main window. First step: a read-only browser of a project folder, with the
/// resource tree on the left and the selected resource's canonical YAML on the right.
class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  /// Loads the project in `folder`, validates it like `meshstudio-cli validate` and shows it. Returns
  /// false, keeping the current project, when `folder` is not a readable directory; problems
  /// in the manifests are counted in the status bar (details in its tooltip).
  bool openProject(const QString& folder);

  /// Selects the resource whose displayName() is `displayName` (`VirtualService shop/reviews`)
  /// and shows its YAML. Returns false when the project has no such resource.
  bool selectResource(const QString& displayName);

  /// The open project's folder (absolute, cleaned); empty before the first successful open.
  QString projectFolder() const { return folder_; }
  const model::Project& project() const { return project_; }
  const model::Diagnostics& diagnostics() const { return diagnostics_; }

  views::ResourceTreeModel* resourceModel() const { return treeModel_; }
  QTreeView* resourceTree() const { return tree_; }
  views::YamlView* yamlView() const { return yamlView_; }
  /// The status bar summary: "19 resources, 0 errors".
  QString summary() const;

 public Q_SLOTS:
  /// Asks for a folder and opens it.
  void openFolder();
  void showAbout();

 private:
  void createActions();
  void createWidgets();
  void showSelection(const QModelIndex& current);
  void rebuildProjectYaml();
  void updateStatus();
  QString renderResource(int index) const;

  model::Project project_;
  model::Diagnostics diagnostics_;
  QString folder_;
  QString projectYaml_;             ///< every resource, `---`-separated, in project order
  std::vector<int> resourceLines_;  ///< 1-based first line of each resource in projectYaml_

  views::ResourceTreeModel* treeModel_ = nullptr;
  QTreeView* tree_ = nullptr;
  views::YamlView* yamlView_ = nullptr;
  QLabel* locationLabel_ = nullptr;  ///< what the YAML view shows: `VirtualService shop/reviews · routing.yaml:31`
  QLabel* summaryLabel_ = nullptr;
};

}  // namespace meshstudio::app
