#pragma once

#include <QObject>
#include <QStringList>

namespace meshstudio::app {

/// The folders opened lately, most recent first, at most kMaximum, kept in QSettings
/// (`recentProjects`) so that every window and the next session share them.
class RecentProjects : public QObject {
  Q_OBJECT

 public:
  static constexpr int kMaximum = 10;

  explicit RecentProjects(QObject* parent = nullptr);

  /// Puts `folder` (absolute, cleaned) first; an older entry of it goes.
  void add(const QString& folder);
  void remove(const QString& folder);
  void clear();
  /// As stored: most recent first.
  QStringList folders() const;
  /// Drops the folders that are no longer directories and returns them (to tell the user).
  QStringList removeMissing();

 Q_SIGNALS:
  void changed();

 private:
  void store(const QStringList& folders);
};

}  // namespace meshstudio::app
