#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

class QFileSystemWatcher;
class QTimer;

namespace meshstudio::app {

/// Watches a project's manifests and `meshstudio.yaml` and reports changes made by others.
///
/// Events alone cannot tell our writes from anybody else's (they arrive later, and an atomic
/// save is a create + rename), so the watcher remembers a hash of every file as last read or
/// written by us; an event only triggers a rescan, and only files whose content differs from
/// what we remember — changed, added or deleted — are reported. After saving, the document
/// calls acknowledge() so the save's own events find nothing new.
class ProjectWatcher : public QObject {
  Q_OBJECT

 public:
  explicit ProjectWatcher(QObject* parent = nullptr);

  /// Starts watching `folder` (stops watching the previous one); the current files are "ours".
  void watch(const QString& folder);
  void stop();
  /// The files as they are now are ours (we just wrote or read them).
  void acknowledge();

  /// How long to wait for a burst of events to settle before rescanning (tests shorten it).
  void setSettleDelay(int milliseconds);

 Q_SIGNALS:
  /// Absolute paths whose content changed outside the studio since we last acknowledged.
  void changedOutside(const QStringList& paths);

 private:
  QHash<QString, QByteArray> scan() const;
  void rescan();
  void rewatch(const QHash<QString, QByteArray>& files);

  QString folder_;
  QHash<QString, QByteArray> known_;  ///< absolute path → SHA-1 of the content
  QFileSystemWatcher* watcher_ = nullptr;
  QTimer* settle_ = nullptr;
};

}  // namespace meshstudio::app
