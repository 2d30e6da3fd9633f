#include "app/ProjectWatcher.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QSet>
#include <QTimer>

#include "model/Importer.h"
#include "model/Project.h"

namespace meshstudio::app {

ProjectWatcher::ProjectWatcher(QObject* parent)
    : QObject(parent), watcher_(new QFileSystemWatcher(this)), settle_(new QTimer(this)) {
  settle_->setSingleShot(true);
  settle_->setInterval(200);
  connect(settle_, &QTimer::timeout, this, &ProjectWatcher::rescan);
  // Both kinds of event only schedule a rescan: the content decides what changed.
  connect(watcher_, &QFileSystemWatcher::fileChanged, settle_, qOverload<>(&QTimer::start));
  connect(watcher_, &QFileSystemWatcher::directoryChanged, settle_, qOverload<>(&QTimer::start));
}

void ProjectWatcher::setSettleDelay(int milliseconds) { settle_->setInterval(milliseconds); }

void ProjectWatcher::watch(const QString& folder) {
  stop();
  folder_ = folder;
  acknowledge();
}

void ProjectWatcher::stop() {
  settle_->stop();
  if (!watcher_->files().isEmpty()) watcher_->removePaths(watcher_->files());
  if (!watcher_->directories().isEmpty()) watcher_->removePaths(watcher_->directories());
  known_.clear();
  folder_.clear();
}

void ProjectWatcher::acknowledge() {
  if (folder_.isEmpty()) return;
  known_ = scan();
  rewatch(known_);
}

QHash<QString, QByteArray> ProjectWatcher::scan() const {
  QHash<QString, QByteArray> files;
  auto add = [&files](const QString& path) {
    QFile file(path);
    if (file.open(QIODevice::ReadOnly))
      files.insert(path, QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha1));
  };
  for (const std::filesystem::path& path :
       model::Importer::manifestFilesUnder(QFile::encodeName(folder_).toStdString()))
    add(QFile::decodeName(QByteArray::fromStdString(path.string())));
  const QString settings = QDir(folder_).filePath(QString::fromLatin1(model::Project::kSettingsFile));
  if (QFileInfo::exists(settings)) add(settings);
  return files;
}

void ProjectWatcher::rewatch(const QHash<QString, QByteArray>& files) {
  // An atomic save replaces the file (a new inode), which ends the old watch: add it again.
  QSet<QString> directories{folder_};
  QStringList missing;
  const QStringList watched = watcher_->files();
  for (auto it = files.begin(); it != files.end(); ++it) {
    directories.insert(QFileInfo(it.key()).absolutePath());
    if (!watched.contains(it.key())) missing << it.key();
  }
  if (!missing.isEmpty()) watcher_->addPaths(missing);
  QStringList newDirectories;
  const QStringList watchedDirectories = watcher_->directories();
  for (const QString& directory : directories)
    if (!watchedDirectories.contains(directory)) newDirectories << directory;
  if (!newDirectories.isEmpty()) watcher_->addPaths(newDirectories);
}

void ProjectWatcher::rescan() {
  if (folder_.isEmpty()) return;
  const QHash<QString, QByteArray> now = scan();
  QStringList changed;
  for (auto it = now.begin(); it != now.end(); ++it)
    if (known_.value(it.key()) != it.value()) changed << it.key();
  for (auto it = known_.begin(); it != known_.end(); ++it)
    if (!now.contains(it.key())) changed << it.key();
  // Report each outside change once: if the user keeps the studio's version, the next save
  // overwrites it, and that is their decision, not a reason to ask again.
  known_ = now;
  rewatch(known_);
  if (changed.isEmpty()) return;
  changed.sort();
  Q_EMIT changedOutside(changed);
}

}  // namespace meshstudio::app
