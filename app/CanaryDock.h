#pragma once

// The Canary dock (issue 9): views::CanaryPanel ↔ CanaryRunner ↔ the timeline. It offers the
// project's VirtualServices, routes and subsets and the kubeconfig's contexts, turns the panel's
// inputs into a rollout (a copy of the document as it is at Start, rehearsed on the runner's own
// engine or applied to a cluster), feeds the runner's events into the timeline and the event
// list, records the finished rollout in the project's history (`.meshstudio/history`, as the CLI
// does) and exports the report (Markdown with the timeline as PNG).
//
// Safety: Stop, and closing the studio while a rollout runs, ask whether to roll back (stable
// gets 100 %) or leave the weights as they are, through MainWindow::ask (tests install the
// answer); Cancel keeps the rollout going. Either way the history says how it ended.

#include <QDockWidget>
#include <QMessageBox>

#include <memory>
#include <string>

namespace meshstudio::views {
class CanaryPanel;
struct CanaryRouteChoice;
}  // namespace meshstudio::views

namespace meshstudio::app {

class CanaryRunner;
class Document;
class MainWindow;

class CanaryDock : public QDockWidget {
  Q_OBJECT

 public:
  /// The answers of the stop question (MainWindow::ask's buttons, with their own texts).
  static constexpr QMessageBox::StandardButton kRollBack = QMessageBox::Yes;
  static constexpr QMessageBox::StandardButton kLeaveWeights = QMessageBox::No;

  explicit CanaryDock(MainWindow& window);
  ~CanaryDock() override;

  views::CanaryPanel* panel() const { return panel_; }
  CanaryRunner* runner() const { return runner_; }

  /// Starts a rollout from the panel's inputs; false (and a message in the panel) when they do
  /// not make one or a rollout already runs.
  bool start();
  /// While a rollout runs: asks roll back / leave / cancel and does what was chosen, waiting
  /// for the rollout to end (so its history entry is written). True when the studio may close.
  bool confirmClose();
  /// Writes `markdownPath` (RolloutReport::markdown) and the timeline beside it as `<name>.png`.
  bool exportReport(const QString& markdownPath, QString& error);
  /// The file name of the history entry written for the last rollout, empty before one ends.
  QString lastHistoryEntry() const { return lastHistoryEntry_; }

  /// The project's VirtualServices with their routes and subsets, as the panel offers them.
  static QList<views::CanaryRouteChoice> routeChoices(const Document& document);

 private:
  /// Asks how to end the running rollout; Cancel when the user keeps it going.
  QMessageBox::StandardButton askHowToStop();
  void stopRequested();
  void exportRequested();
  void refreshContexts();
  void runnerChanged();
  void runnerFinished();
  void updateStatus();

  MainWindow& window_;
  views::CanaryPanel* panel_;
  CanaryRunner* runner_;
  std::size_t shownEvents_ = 0;  ///< events of the running rollout already in the panel
  std::string target_;           ///< for the report and history: `engine (rehearsal)`, `context prod`
  std::string server_;
  QString lastHistoryEntry_;
  bool contextsLoaded_ = false;
};

}  // namespace meshstudio::app
