#include "app/RecentProjects.h"

#include <QDir>
#include <QFileInfo>

#include "app/StudioSettings.h"

namespace meshstudio::app {
namespace {

const QString kKey = QStringLiteral("recentProjects");

}  // namespace

RecentProjects::RecentProjects(QObject* parent) : QObject(parent) {}

QStringList RecentProjects::folders() const { return StudioSettings::open()->value(kKey).toStringList(); }

void RecentProjects::add(const QString& folder) {
  const QString cleaned = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
  QStringList list = folders();
  list.removeAll(cleaned);
  list.prepend(cleaned);
  store(list.mid(0, kMaximum));
}

void RecentProjects::remove(const QString& folder) {
  QStringList list = folders();
  if (list.removeAll(folder) > 0) store(list);
}

void RecentProjects::clear() { store({}); }

QStringList RecentProjects::removeMissing() {
  QStringList kept;
  QStringList missing;
  for (const QString& folder : folders()) (QFileInfo(folder).isDir() ? kept : missing) << folder;
  if (!missing.isEmpty()) store(kept);
  return missing;
}

void RecentProjects::store(const QStringList& folders) {
  const std::unique_ptr<QSettings> settings = StudioSettings::open();
  if (folders.isEmpty())
    settings->remove(kKey);
  else
    settings->setValue(kKey, folders);
  Q_EMIT changed();
}

}  // namespace meshstudio::app
