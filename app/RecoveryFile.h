#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>
#include <vector>

#include "model/Project.h"
#include "model/Resource.h"
#include "model/Value.h"

namespace meshstudio::app {

struct RecoverableSession;

/// The file autosave writes while a project has unsaved edits: the whole project state as one
/// YAML document — folder, time, settings, and every resource with its source location (so a
/// restored project saves into the same files) and its document, or its raw text when it did
/// not parse. One file per project folder, named after a hash of the folder's path.
///
/// It holds what the project's own files hold, nothing more; it is written owner-readable only
/// since it lives outside the project, in the user's application data.
class RecoveryFile {
  Q_DECLARE_TR_FUNCTIONS(meshstudio::app::RecoveryFile)

 public:
  struct Contents {
    QString folder;
    QDateTime written;
    model::Value settings;
    std::vector<model::Resource> resources;
  };

  /// `<AppDataLocation>/recovery`.
  static QString defaultDirectory();
  static QString pathFor(const QString& directory, const QString& folder);

  /// Writes atomically; returns an error message, empty on success.
  static QString write(const QString& path, const QString& folder, const model::Project& project);
  /// nullopt (and `error`) when the file is missing, unreadable or not a recovery file.
  static std::optional<Contents> read(const QString& path, QString* error = nullptr);
  /// Every readable recovery file in `directory`, newest first.
  static QList<RecoverableSession> list(const QString& directory);
};

}  // namespace meshstudio::app
