#pragma once

// Connects the Load test dock's panel (views::LoadTestPanel) to a LoadTestRunner: Start/Stop,
// snapshots into the charts, the project's URLs offered, and the results: JSON and CSV through
// the runner, the charts as PNG, and two saved JSON reports compared in a LoadRunComparison
// window. The save and compare functions take paths so tests can call them without dialogs.

#include <QObject>
#include <QPointer>

#include "views/LoadRunComparison.h"

namespace meshstudio::views {
class LoadTestPanel;
}

namespace meshstudio::app {

class Document;
class EngineBridge;
class LoadTestRunner;

class LoadTestController : public QObject {
  Q_OBJECT

 public:
  LoadTestController(views::LoadTestPanel& panel, EngineBridge& bridge, const Document& document,
                     QObject* parent = nullptr);

  LoadTestRunner* runner() const { return runner_; }
  bool saveJson(const QString& path);
  bool saveCsv(const QString& path);
  bool savePng(const QString& path);
  /// Opens (or refreshes) the comparison window with the two reports; false when one is unreadable.
  bool compare(const QString& firstPath, const QString& secondPath);
  views::LoadRunComparison* comparison() const { return comparison_; }

 private:
  void refreshUrls();
  QString askPath(const QString& title, const QString& filter, const QString& suffix);

  views::LoadTestPanel& panel_;
  const Document& document_;
  LoadTestRunner* runner_;
  QPointer<views::LoadRunComparison> comparison_;
};

}  // namespace meshstudio::app
