#include "app/EngineWorkbench.h"

#include <QDockWidget>
#include <QScrollArea>
#include <QStatusBar>

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
      trafficFeed_(new TopologyTrafficFeed(*bridge_, *window.topologyView(), this)) {
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
  window.statusBar()->addPermanentWidget(actions_->statusWidget());
}

EngineWorkbench::~EngineWorkbench() { delete loadTest_; }

QList<QAction*> EngineWorkbench::menuActions() const { return actions_->actions(); }

}  // namespace meshstudio::app
