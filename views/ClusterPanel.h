#pragma once

// The Cluster dock's widget: which kubeconfig context and namespace, the connection's state
// (server, how it authenticates, the Istio versions served, or that Istio's CRDs are missing),
// a warning banner when the kubeconfig turns TLS verification off, the Import from cluster /
// Diff / Dry run / Apply buttons with Force and Prune, the per-resource outcome of the last run
// with a progress bar and the server's warnings, and the project's apply history with "Roll
// back to this". It only shows and asks: every user intent is a signal, the app does the work
// and hands the results back through the setters.

#include <QList>
#include <QWidget>

#include "views/ClusterDiffData.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace meshstudio::views {

class ClusterPanel : public QWidget {
  Q_OBJECT

 public:
  explicit ClusterPanel(QWidget* parent = nullptr);

  /// The kubeconfig's contexts; `current` selected (never emits contextChosen).
  void setContexts(const QStringList& contexts, const QString& current);
  QString context() const;
  /// The namespaces the cluster listed (may be empty: RBAC) with `current` in the box.
  void setNamespaces(const QStringList& namespaces, const QString& current);
  QString namespaceName() const;
  void setStatus(const ClusterStatus& status);
  const ClusterStatus& status() const { return status_; }
  QString statusText() const;
  bool isInsecureWarningShown() const;

  /// While a call runs: the buttons are disabled and `what` is shown by the progress bar.
  void setBusy(bool busy, const QString& what = {});
  bool isBusy() const { return busy_; }
  void setProgress(int done, int total, const QString& step);
  /// The outcome of an apply, dry run or rollback: one row per resource, failed ones first
  /// opened with their causes; "Apply with force" is offered when a row is a conflict.
  void setOutcomes(const QString& title, const QList<OutcomeRow>& outcomes, const QStringList& notes = {});
  const QList<OutcomeRow>& outcomes() const { return outcomes_; }
  /// A one-line message over the outcomes (an error, "Imported 3 resources").
  void setMessage(const QString& text);
  QString message() const;
  void setHistory(const QList<HistoryRow>& history);
  const QList<HistoryRow>& history() const { return history_; }

  bool force() const;
  bool prune() const;
  void setForce(bool force);
  void setPrune(bool prune);

  QComboBox* contextBox() const { return context_; }
  QComboBox* namespaceBox() const { return namespace_; }
  QPushButton* importButton() const { return import_; }
  QPushButton* diffButton() const { return diff_; }
  QPushButton* dryRunButton() const { return dryRun_; }
  QPushButton* applyButton() const { return apply_; }
  QPushButton* forceApplyButton() const { return forceApply_; }
  QPushButton* reconnectButton() const { return reconnect_; }
  QPushButton* rollbackButton() const { return rollback_; }
  QCheckBox* forceBox() const { return force_; }
  QCheckBox* pruneBox() const { return prune_; }
  QProgressBar* progressBar() const { return progress_; }
  QTreeWidget* outcomeTable() const { return outcomeTable_; }
  QTableWidget* historyTable() const { return historyTable_; }
  QTabWidget* tabs() const { return tabs_; }
  /// Selects history row `row` (newest first).
  void selectHistoryRow(int row);

 Q_SIGNALS:
  void contextChosen(const QString& context);
  void namespaceChosen(const QString& namespaceName);
  void reconnectRequested();
  void importRequested();
  void diffRequested();
  void dryRunRequested();
  void applyRequested();
  /// "Apply with force" after a conflict: the user chose to take the contested fields over.
  void forceApplyRequested();
  void rollbackRequested(const QString& historyId);
  /// A failed row (or one of its causes) was double-clicked: show `field` of `resource`.
  void fieldActivated(const QString& resource, const QString& field);

 private:
  void updateEnabled();
  void activateOutcome(QTreeWidgetItem* item);

  ClusterStatus status_;
  QList<OutcomeRow> outcomes_;
  QList<HistoryRow> history_;
  bool busy_ = false;
  QComboBox* context_;
  QComboBox* namespace_;
  QPushButton* reconnect_;
  QLabel* statusLabel_;
  QLabel* insecure_;
  QPushButton* import_;
  QPushButton* diff_;
  QPushButton* dryRun_;
  QPushButton* apply_;
  QCheckBox* force_;
  QCheckBox* prune_;
  QTabWidget* tabs_;
  QLabel* message_;
  QProgressBar* progress_;
  QTreeWidget* outcomeTable_;
  QPushButton* forceApply_;
  QTableWidget* historyTable_;
  QPushButton* rollback_;
};

}  // namespace meshstudio::views
