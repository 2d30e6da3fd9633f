#pragma once

// Everything the embedded engine adds to the main window (issue 7), set up in one place so the
// window only constructs it: the EngineBridge following the document, the Engine actions and
// status-bar widget, the Trial, Load test and Access log docks (tabbed with the window's bottom
// docks), the MatchedRuleHighlighter that points the editors at the rule a trial matched, the
// Topology view's live traffic overlay, and the Canary dock (whose rehearsals run their own engine).

#include <QList>
#include <QObject>

class QAction;
class QDockWidget;

namespace meshstudio::views {
class AccessLogView;
class LoadTestPanel;
}  // namespace meshstudio::views

namespace meshstudio::app {

class CanaryDock;
class EngineActions;
class EngineBridge;
class LoadTestController;
class TopologyTrafficFeed;
class MainWindow;
class MatchedRuleHighlighter;
class TrialDock;

class EngineWorkbench : public QObject {
  Q_OBJECT

 public:
  /// Adds the docks beside `tabifyWith` and the status widget to `window`'s status bar.
  EngineWorkbench(MainWindow& window, QDockWidget* tabifyWith);
  /// Ends a load test still running before the bridge (and the engine it reads) goes away.
  ~EngineWorkbench() override;

  EngineBridge* bridge() const { return bridge_; }
  EngineActions* actions() const { return actions_; }
  /// Start, Stop, Restart, then Canary Rollout…: for the window's Engine menu.
  QList<QAction*> menuActions() const;
  TrialDock* trialDock() const { return trialDock_; }
  views::AccessLogView* accessLogView() const { return accessLog_; }
  MatchedRuleHighlighter* highlighter() const { return highlighter_; }
  views::LoadTestPanel* loadTestPanel() const { return loadPanel_; }
  LoadTestController* loadTest() const { return loadTest_; }
  TopologyTrafficFeed* trafficFeed() const { return trafficFeed_; }
  CanaryDock* canaryDock() const { return canaryDock_; }
  /// Engine → Canary Rollout…: shows and raises the Canary dock.
  QAction* canaryAction() const { return canaryAction_; }

 private:
  EngineBridge* bridge_;
  EngineActions* actions_;
  TrialDock* trialDock_;
  views::AccessLogView* accessLog_;
  MatchedRuleHighlighter* highlighter_;
  views::LoadTestPanel* loadPanel_;
  LoadTestController* loadTest_;
  TopologyTrafficFeed* trafficFeed_;
  CanaryDock* canaryDock_;
  QAction* canaryAction_;
  QAction* canarySeparator_;
};

}  // namespace meshstudio::app
