#include "app/LoadTestController.h"

#include <QFileDialog>

#include "app/Document.h"
#include "app/DocumentChange.h"
#include "app/EngineBridge.h"
#include "app/LoadTestRunner.h"
#include "app/TrialTarget.h"
#include "views/LoadCharts.h"
#include "views/LoadRunComparison.h"
#include "views/LoadTestPanel.h"

namespace meshstudio::app {

LoadTestController::LoadTestController(views::LoadTestPanel& panel, EngineBridge& bridge, const Document& document,
                                       QObject* parent)
    : QObject(parent), panel_(panel), document_(document), runner_(new LoadTestRunner(bridge, this)) {
  connect(&panel_, &views::LoadTestPanel::startRequested, this, [this](const views::LoadTestParameters& parameters) {
    QString error;
    if (!runner_->start(parameters, error)) panel_.setMessage(error);
  });
  connect(&panel_, &views::LoadTestPanel::stopRequested, runner_, &LoadTestRunner::stop);
  connect(runner_, &LoadTestRunner::started, &panel_, [this] { panel_.setRunning(true); });
  connect(runner_, &LoadTestRunner::snapshot, &panel_, &views::LoadTestPanel::showSnapshot);
  connect(runner_, &LoadTestRunner::finished, &panel_, [this] { panel_.setRunning(false); });
  connect(&panel_, &views::LoadTestPanel::saveJsonRequested, this, [this] {
    const QString path = askPath(tr("Save load test report"), tr("JSON report (*.json)"), QStringLiteral(".json"));
    if (!path.isEmpty()) saveJson(path);
  });
  connect(&panel_, &views::LoadTestPanel::saveCsvRequested, this, [this] {
    const QString path = askPath(tr("Save load test time series"), tr("CSV (*.csv)"), QStringLiteral(".csv"));
    if (!path.isEmpty()) saveCsv(path);
  });
  connect(&panel_, &views::LoadTestPanel::savePngRequested, this, [this] {
    const QString path = askPath(tr("Save load test charts"), tr("PNG picture (*.png)"), QStringLiteral(".png"));
    if (!path.isEmpty()) savePng(path);
  });
  connect(&panel_, &views::LoadTestPanel::compareRequested, this, [this] {
    const QStringList paths =
        QFileDialog::getOpenFileNames(&panel_, tr("Choose two load test reports"), {}, tr("JSON report (*.json)"));
    if (paths.size() == 2)
      compare(paths[0], paths[1]);
    else if (!paths.isEmpty())
      panel_.setMessage(tr("Choose exactly two reports to compare."));
  });
  connect(&document, &Document::changed, this, [this](const DocumentChange& change) {
    if (change.reset || !change.added.empty() || !change.removed.empty() || !change.modified.empty()) refreshUrls();
  });
  refreshUrls();
}

void LoadTestController::refreshUrls() { panel_.setUrlSuggestions(TrialTarget::suggestions(document_.project())); }

QString LoadTestController::askPath(const QString& title, const QString& filter, const QString& suffix) {
  QString path = QFileDialog::getSaveFileName(&panel_, title, {}, filter);
  if (!path.isEmpty() && !path.endsWith(suffix)) path += suffix;
  return path;
}

bool LoadTestController::saveJson(const QString& path) {
  QString error;
  const bool ok = runner_->saveJson(path, error);
  panel_.setMessage(ok ? tr("Saved %1").arg(path) : error);
  return ok;
}

bool LoadTestController::saveCsv(const QString& path) {
  QString error;
  const bool ok = runner_->saveCsv(path, error);
  panel_.setMessage(ok ? tr("Saved %1").arg(path) : error);
  return ok;
}

bool LoadTestController::savePng(const QString& path) {
  const bool ok = panel_.charts()->savePng(path);
  panel_.setMessage(ok ? tr("Saved %1").arg(path) : tr("Could not write %1").arg(path));
  return ok;
}

bool LoadTestController::compare(const QString& firstPath, const QString& secondPath) {
  views::LoadRunSummary first, second;
  QString error;
  if (!LoadTestRunner::readSummary(firstPath, first, error) ||
      !LoadTestRunner::readSummary(secondPath, second, error)) {
    panel_.setMessage(error);
    return false;
  }
  if (!comparison_) {
    comparison_ = new views::LoadRunComparison(&panel_);
    comparison_->setWindowFlag(Qt::Window);
    comparison_->setAttribute(Qt::WA_DeleteOnClose);
    comparison_->setWindowTitle(tr("Compare load tests"));
    comparison_->resize(640, 480);
  }
  comparison_->setRuns(first, second);
  comparison_->show();
  comparison_->raise();
  return true;
}

}  // namespace meshstudio::app
