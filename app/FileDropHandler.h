#pragma once

#include <QObject>
#include <QStringList>

class QMimeData;

namespace meshstudio::app {

/// Accepts YAML files and folders dragged from a file manager onto the widgets it watches and
/// reports them (`pathsDropped`); the window imports them.
///
/// An event filter rather than dropEvent overrides, so that it can also sit on widgets that
/// take drops themselves: an editable YAML view would paste the file names as text.
class FileDropHandler : public QObject {
  Q_OBJECT

 public:
  explicit FileDropHandler(QObject* parent = nullptr);

  /// Watches `widget` (and turns its acceptDrops on).
  void watch(QWidget* widget);
  /// The local paths in `mime` worth importing: `*.yaml`/`*.yml` files and folders.
  static QStringList importablePaths(const QMimeData* mime);

 Q_SIGNALS:
  void pathsDropped(const QStringList& paths);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;
};

}  // namespace meshstudio::app
