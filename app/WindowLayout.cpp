#include "app/WindowLayout.h"

#include <QMainWindow>
#include <QSplitter>

#include "app/StudioSettings.h"

namespace meshstudio::app {
namespace {

// Bumped when the docks or toolbars change so much that an old state would misplace them:
// restoreState() refuses a state saved with another version.
constexpr int kStateVersion = 1;

const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kSplitter = QStringLiteral("window/splitter");

}  // namespace

void WindowLayout::save(const QMainWindow& window, const QSplitter& splitter) {
  const std::unique_ptr<QSettings> settings = StudioSettings::open();
  settings->setValue(kGeometry, window.saveGeometry());
  settings->setValue(kState, window.saveState(kStateVersion));
  settings->setValue(kSplitter, splitter.saveState());
}

bool WindowLayout::restore(QMainWindow& window, QSplitter& splitter) {
  const std::unique_ptr<QSettings> settings = StudioSettings::open();
  bool restored = false;
  if (const QByteArray geometry = settings->value(kGeometry).toByteArray(); !geometry.isEmpty())
    restored = window.restoreGeometry(geometry);
  if (const QByteArray state = settings->value(kState).toByteArray(); !state.isEmpty())
    restored = window.restoreState(state, kStateVersion) && restored;
  if (const QByteArray sizes = settings->value(kSplitter).toByteArray(); !sizes.isEmpty())
    restored = splitter.restoreState(sizes) && restored;
  return restored;
}

}  // namespace meshstudio::app
