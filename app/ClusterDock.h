#pragma once

// What shipping to a cluster adds to the main window (issue 8), wired in one place: the
// Cluster dock (views::ClusterPanel) and the Cluster Diff dock (views::ClusterDiffView), the
// ClusterWorker that talks to the cluster off the GUI thread, and the Cluster menu's actions.
//
// - Contexts come from the kubeconfig kubectl would read ($KUBECONFIG, else ~/.kube/config);
//   the dock connects when it is first shown (nothing is contacted at start-up) and whenever
//   another context is chosen: discovery (Istio's versions) and the namespaces.
// - The namespace defaults to the project's `defaultNamespace`, else the context's.
// - Diff shows the diff view. Apply shows it too, asking "Apply N changes"; nothing is sent
//   before the user confirms there, and then exactly what was shown is applied (dry run of
//   everything first, by ClusterSync), recorded in the project's `.meshstudio/history`.
// - Failed rows with field causes (422, 409) jump to the field in the editor on a double-click
//   (MainWindow::showFinding); a conflict offers "Apply with force".
// - Import from cluster adds what the namespace has and the project lacks as one undo step, in
//   `cluster-<context>-<namespace>.yaml`.
// - Credentials are never shown: the context, its server and how it authenticates.

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

#include "app/ClusterWorker.h"
#include "app/cluster/ClusterConnection.h"
#include "app/cluster/Kubeconfig.h"

class QAction;
class QDockWidget;

namespace meshstudio::views {
class ClusterDiffView;
class ClusterPanel;
}  // namespace meshstudio::views

namespace meshstudio::app {

class MainWindow;

class ClusterDock : public QObject {
  Q_OBJECT

 public:
  /// Adds both docks to `window`'s bottom area, tabbed with `tabifyWith`; the diff dock stays
  /// hidden until there is a diff to show.
  ClusterDock(MainWindow& window, QDockWidget* tabifyWith);
  ~ClusterDock() override;

  views::ClusterPanel* panel() const { return panel_; }
  views::ClusterDiffView* diffView() const { return diffView_; }
  QDockWidget* dock() const { return dock_; }
  QDockWidget* diffDock() const { return diffDock_; }
  ClusterWorker* worker() const { return worker_; }
  /// Import from Cluster, Diff, Dry Run, Apply: for the window's Cluster menu.
  QList<QAction*> menuActions() const { return actions_; }
  bool isConnected() const;
  /// The namespace the next call uses.
  QString namespaceName() const;

 public Q_SLOTS:
  /// Reads the kubeconfig again, lists its contexts and connects to the chosen one.
  void reloadKubeconfig();
  void connectContext(const QString& context);
  void showDiff();
  void dryRun();
  /// Computes the diff and asks in the diff view; applies after the user confirms.
  void apply();
  /// "Apply with force" after a conflict, confirmed in the diff view like apply().
  void applyWithForce();
  void importFromCluster();
  /// Asks (through the window's Question), then re-applies what history entry `id` applied.
  void rollbackTo(const QString& id);
  void refreshHistory();

 private:
  enum class DiffPurpose { Show, ConfirmApply };
  /// Runs `intent` now when connected, else once the connection (started here) succeeds.
  void whenConnected(std::function<void()> intent);
  void startDiff(DiffPurpose purpose, bool force);
  void onConnected(const ClusterConnectReport& report);
  void onDiffed(const ClusterDiffReport& report);
  void onShipped(const ClusterShipReport& report);
  void onImported(const ClusterImportReport& report);
  void onConfirmed();
  void showFieldOf(const QString& resource, const QString& field);
  void showDiffDock();
  /// The project's defaultNamespace, else the connected context's.
  QString defaultNamespace() const;
  std::string projectFolder() const;

  MainWindow& window_;
  views::ClusterPanel* panel_;
  views::ClusterDiffView* diffView_;
  QDockWidget* dock_ = nullptr;
  QDockWidget* diffDock_ = nullptr;
  ClusterWorker* worker_;
  QList<QAction*> actions_;
  cluster::Kubeconfig kubeconfig_;
  /// The resolved context (it holds credentials: kept in memory for the worker, never shown).
  std::optional<cluster::ClusterConnection> connection_;
  bool connected_ = false;
  bool triedToConnect_ = false;
  bool namespaceChosen_ = false;  ///< the user picked one: keep it across reconnects
  std::function<void()> afterConnect_;
  DiffPurpose diffPurpose_ = DiffPurpose::Show;
  bool forcePreview_ = false;
  bool prunePreview_ = false;  ///< Prune as the question said it, whatever the box says at the answer
  std::vector<cluster::ShipTarget> previewTargets_;  ///< what the confirmation shows, and applies
  std::string previewNamespace_;
};

}  // namespace meshstudio::app
