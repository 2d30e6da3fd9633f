#pragma once

// The engine's controls in the window: Start, Stop and Restart actions (for the Engine menu and
// a toolbar), and the status-bar widget that shows the engine's health (stopped / running
// revision N / running a stale configuration) and its listener addresses, with the details in
// its tooltip. Everything it shows comes from the EngineBridge's state.

#include <QList>
#include <QObject>

class QAction;
class QLabel;
class QWidget;

namespace meshstudio::app {

class EngineBridge;

class EngineActions : public QObject {
  Q_OBJECT

 public:
  explicit EngineActions(EngineBridge& bridge, QObject* parent = nullptr);

  QAction* startAction() const { return start_; }
  QAction* stopAction() const { return stop_; }
  QAction* restartAction() const { return restart_; }
  QList<QAction*> actions() const { return {start_, stop_, restart_}; }
  /// For the status bar (the window takes ownership when it adds it).
  QWidget* statusWidget() const;
  /// The status widget's text: "● Engine running revision 3 · mesh 127.0.0.1:15001 · …".
  QString statusText() const;

 private:
  void update();

  EngineBridge& bridge_;
  QAction* start_;
  QAction* stop_;
  QAction* restart_;
  QLabel* status_;
  QString plainStatus_;
};

}  // namespace meshstudio::app
