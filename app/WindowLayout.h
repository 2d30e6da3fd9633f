#pragma once

class QMainWindow;
class QSplitter;

namespace meshstudio::app {

/// The main window's layout across sessions: geometry, dock and toolbar state and the central
/// splitter's sizes, in QSettings under `window/`. Saved when the window closes, restored when
/// it is built; a missing or unreadable entry leaves the built-in layout.
class WindowLayout {
 public:
  static void save(const QMainWindow& window, const QSplitter& splitter);
  /// True when a saved layout was found and applied.
  static bool restore(QMainWindow& window, QSplitter& splitter);
};

}  // namespace meshstudio::app
