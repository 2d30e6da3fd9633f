#include "app/EngineActions.h"

#include <QAction>
#include <QIcon>
#include <QKeySequence>
#include <QLabel>

#include "app/EngineBridge.h"

namespace meshstudio::app {

EngineActions::EngineActions(EngineBridge& bridge, QObject* parent)
    : QObject(parent),
      bridge_(bridge),
      start_(new QAction(QIcon::fromTheme(QStringLiteral("media-playback-start")), tr("&Start Engine"), this)),
      stop_(new QAction(QIcon::fromTheme(QStringLiteral("media-playback-stop")), tr("S&top Engine"), this)),
      restart_(new QAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("&Restart Engine"), this)),
      status_(new QLabel) {
  start_->setObjectName(QStringLiteral("actionEngineStart"));
  start_->setShortcut(QKeySequence(Qt::Key_F5));
  start_->setToolTip(
      tr("Runs the open project in the embedded engine: a mesh listener, one listener per Gateway port and an admin "
         "listener on 127.0.0.1 (the ports of meshstudio.yaml's engine section, else free ones). While it runs, "
         "every edit without errors is applied at once."));
  stop_->setObjectName(QStringLiteral("actionEngineStop"));
  stop_->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
  stop_->setToolTip(tr("Stops the engine: its listeners close and requests in flight are cut."));
  restart_->setObjectName(QStringLiteral("actionEngineRestart"));
  restart_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F5));
  restart_->setToolTip(
      tr("Stops the engine and starts it again on the current configuration, with fresh counters "
         "and no ejected hosts."));
  for (QAction* action : actions()) action->setStatusTip(action->toolTip());
  connect(start_, &QAction::triggered, &bridge_, &EngineBridge::start);
  connect(stop_, &QAction::triggered, &bridge_, &EngineBridge::stop);
  connect(restart_, &QAction::triggered, &bridge_, &EngineBridge::restart);

  status_->setObjectName(QStringLiteral("engineStatus"));
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  connect(&bridge_, &EngineBridge::stateChanged, this, &EngineActions::update);
  update();
}

QWidget* EngineActions::statusWidget() const { return status_; }

QString EngineActions::statusText() const { return plainStatus_; }

void EngineActions::update() {
  const bool running = bridge_.isRunning();
  start_->setEnabled(!running);
  stop_->setEnabled(running);
  restart_->setEnabled(running);
  QString dot;
  switch (bridge_.health()) {
    case EngineBridge::Health::Running:
      dot = QStringLiteral("<span style='color:#1e8449'>●</span> ");
      break;
    case EngineBridge::Health::Stale:
      dot = QStringLiteral("<span style='color:#b9770e'>●</span> ");
      break;
    case EngineBridge::Health::Failed:
      dot = QStringLiteral("<span style='color:#c0392b'>●</span> ");
      break;
    case EngineBridge::Health::Stopped:
      dot = QStringLiteral("<span style='color:gray'>○</span> ");
      break;
  }
  QString text = bridge_.statusText();
  for (const EngineBridge::ListenerAddress& listener : bridge_.listeners())
    text += tr(" · %1 %2").arg(listener.name, listener.address);
  plainStatus_ = text;
  status_->setTextFormat(Qt::RichText);
  status_->setText(dot + text.toHtmlEscaped());
  status_->setToolTip(bridge_.statusDetails());
}

}  // namespace meshstudio::app
