#include "app/EngineWorkbench.h"

#include <QAction>
#include <QDockWidget>
#include <QScrollArea>
#include <QStatusBar>

#include "app/CanaryDock.h"
#include "app/Document.h"
#include "app/EngineActions.h"
#include "app/EngineBridge.h"
#include "app/LoadTestController.h"
#include "app/MainWindow.h"
#include "app/MatchedRuleHighlighter.h"
#include "app/TopologyTrafficFeed.h"
#include "app/TrialDock.h"
#include "views/AccessLogView.h"
#include "views/LoadTestPanel.h"

namespace meshstudio::app {

EngineWorkbench::EngineWorkbench(MainWindow& window, QDockWidget* tabifyWith)
    : QObject(&window),
      bridge_(new EngineBridge(this)),
      actions_(new EngineActions(*bridge_, this)),
      trialDock_(new TrialDock(*window.document(), *bridge_)),
      accessLog_(new views::AccessLogView),
      highlighter_(new MatchedRuleHighlighter(window)),
      loadPanel_(new views::LoadTestPanel),
      loadTest_(new LoadTestController(*loadPanel_, *bridge_, *window.document(), this)),
      trafficFeed_(new TopologyTrafficFeed(*bridge_, *window.topologyView(), this)),
      canaryDock_(new CanaryDock(window)),
      canaryAction_(new QAction(tr("&Canary Rollout…"), this)),
      canarySeparator_(new QAction(this)) {
  bridge_->follow(*window.document());
  connect(bridge_, &EngineBridge::accessLogLines, accessLog_, &views::AccessLogView::appendLines);
  connect(trialDock_, &TrialDock::matchedRuleShown, highlighter_, &MatchedRuleHighlighter::show);
  auto addDock = [&](QWidget* widget, const QString& title, const QString& name) {
    auto* dock = new QDockWidget(title, &window);
    dock->setObjectName(name);
    dock->setWidget(widget);
    window.addDockWidget(Qt::BottomDockWidgetArea, dock);
    if (tabifyWith) window.tabifyDockWidget(tabifyWith, dock);
  };
  addDock(trialDock_, tr("Trial"), QStringLiteral("trialDock"));
  // The charts want room; scrolled, they do not force their size on the whole window.
  auto* loadScroll = new QScrollArea;
  loadScroll->setWidget(loadPanel_);
  loadScroll->setWidgetResizable(true);
  loadScroll->setFrameShape(QFrame::NoFrame);
  addDock(loadScroll, tr("Load Test"), QStringLiteral("loadTestDock"));
  addDock(accessLog_, tr("Access Log"), QStringLiteral("accessLogDock"));
  window.addDockWidget(Qt::BottomDockWidgetArea, canaryDock_);
  if (tabifyWith) window.tabifyDockWidget(tabifyWith, canaryDock_);
  canarySeparator_->setSeparator(true);
  canaryAction_->setObjectName(QStringLiteral("actionCanaryRollout"));
  canaryAction_->setToolTip(
      tr("Raise a canary's weight step by step, watching its error rate and p99, and roll "
         "back when a gate fails: rehearsed on the engine or on a cluster."));
  connect(canaryAction_, &QAction::triggered, this, [this] {
    canaryDock_->show();
    canaryDock_->raise();
    canaryDock_->widget()->setFocus();
  });
  window.statusBar()->addPermanentWidget(actions_->statusWidget());
}

EngineWorkbench::~EngineWorkbench() { delete loadTest_; }

QList<QAction*> EngineWorkbench::menuActions() const {
  return actions_->actions() << canarySeparator_ << canaryAction_;
}

}  // namespace meshstudio::app
