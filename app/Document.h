#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "app/DocumentChange.h"
#include "model/Diagnostic.h"
#include "model/FieldPath.h"
#include "model/Project.h"
#include "model/Resource.h"

class QTimer;
class QUndoCommand;
class QUndoStack;

namespace meshstudio::model::analysis {
class ProjectValidator;
}

namespace meshstudio::app {

class ProjectWatcher;

/// An unsaved session left behind by a studio that did not close cleanly.
struct RecoverableSession {
  QString file;    ///< the recovery file
  QString folder;  ///< the project folder it belongs to
  QDateTime written;
  int resourceCount = 0;
};

/// The findings of the project validator, tagged with the revision they describe, so that a
/// consumer can tell (and drop) findings about a state the document has already left.
struct Validation {
  quint64 revision = 0;
  model::Diagnostics findings;
};

/// The open project as the studio edits it: the model::Project, its undo history, the
/// validator's findings, the recovery file and the watch on the files.
///
/// Everything that changes the project is a QUndoCommand (see DocumentCommand) pushed with
/// push() or one of the convenience methods below, which create and push one. After each
/// command's redo or undo the document emits exactly one `changed` signal describing what it
/// touched, and revision() goes up — also on undo, so "the same revision" always means "the
/// same content", never "the same position in the history".
///
/// Plain model, no widgets: the CLI-free parts of the studio and the tests use it as is.
class Document : public QObject {
  Q_OBJECT

 public:
  static constexpr std::chrono::milliseconds kDefaultAutosaveInterval{30'000};

  explicit Document(QObject* parent = nullptr);
  /// Keeps the recovery file: only save(), close() and reaching the clean state remove it,
  /// so that a session that ends any other way can be restored.
  ~Document() override;

  // --- Opening and reading ---------------------------------------------------------------
  /// Loads `folder`, clears the history and watches the files. On failure (not a readable
  /// folder) the current project stays and `error` says why.
  bool open(const QString& folder, QString* error = nullptr);
  bool isOpen() const { return !folder_.isEmpty(); }
  /// Absolute, cleaned; empty before the first open.
  QString folder() const { return folder_; }

  const model::Project& project() const { return project_; }
  const std::vector<model::Resource>& resources() const { return project_.resources(); }
  int resourceCount() const { return int(ids_.size()); }
  /// 0 when `index` is out of range.
  ResourceId idAt(int index) const;
  /// -1 when there is no such resource (any more).
  int indexOf(ResourceId id) const;
  const model::Resource* resource(ResourceId id) const;
  /// The resource whose displayName() is `displayName` (`VirtualService shop/reviews`), or 0.
  ResourceId findResource(const std::string& displayName) const;

  /// Problems found while reading the files (parse errors), as of the last open/reload.
  const model::Diagnostics& loadDiagnostics() const { return loadDiagnostics_; }
  /// CRD schema checks and analyzers, the same as `meshstudio-cli validate`, kept current
  /// incrementally: `validation().revision == revision()` after every change.
  const Validation& validation() const { return validation_; }

  // --- History ---------------------------------------------------------------------------
  QUndoStack* undoStack() const { return undoStack_; }
  /// Goes up on every change of content (each redo and undo, open, reload); never down.
  quint64 revision() const { return revision_; }
  /// Not at the saved (clean) point of the history.
  bool isModified() const;

  /// Takes ownership and pushes `command` (which runs its redo()). A DocumentCommand that
  /// could not be built (bad path, YAML that does not parse, ...) is deleted instead and
  /// push() returns false with lastError() saying why; one that changes nothing is dropped
  /// and push() returns true. Build a command right before pushing it: it captures the state.
  bool push(QUndoCommand* command);
  QString lastError() const { return lastError_; }

  // Convenience: each creates one command and pushes it (false/0: see lastError()).
  /// Sets one field; with a `mergeKey`, consecutive calls for the same field and key (a
  /// slider drag) are one undo step.
  bool setField(ResourceId id, const std::string& path, model::Value value, const QString& mergeKey = {});
  /// Sets several fields as one undo step (a weight rebalance); mergeable like setField.
  bool setFields(ResourceId id, std::vector<model::FieldEdit> edits, const QString& mergeKey = {});
  /// Replaces a resource with the one document in `yaml` (the YAML view's edit).
  bool replaceFromYaml(ResourceId id, const QString& yaml);
  /// Moves item `from` of the list at `listPath` (`spec.http[0].route`) to position `to`.
  bool moveListItem(ResourceId id, const std::string& listPath, int from, int to);
  bool renameResource(ResourceId id, const QString& newName);
  ResourceId addResource(model::Resource resource);
  ResourceId duplicateResource(ResourceId id, const QString& newName);
  bool removeResources(const std::vector<ResourceId>& ids);
  /// Replaces the project settings (`meshstudio.yaml`: saved trials, engine and analysis
  /// settings) as one undo step named `text`; saved with the project. The validator is reset,
  /// since its settings come from there.
  bool setSettings(model::Value settings, const QString& text);
  /// Adds resources read from outside the project, as one undo step; they are given files
  /// in the split layout (`<namespace>/<kind>-<name>.yaml`). Returns their ids.
  std::vector<ResourceId> importResources(std::vector<model::Resource> resources);

  // --- Files -----------------------------------------------------------------------------
  /// Writes the changed files, each atomically (model::AtomicFile: a failed save leaves the
  /// old file whole), marks the history clean and removes the recovery file.
  bool save(QString* error = nullptr);
  /// Save As: writes every file and the settings into `folder` (created when missing) and
  /// continues there — folder(), the file watch and the recovery file follow; the history
  /// stays, and its current state becomes the saved one. Refuses a folder that already holds
  /// manifests or a meshstudio.yaml (model::Project::isFreeForProject). The old folder is left
  /// as it was on disk.
  bool saveAs(const QString& folder, QString* error = nullptr);
  /// Reads the files again, as ONE undo step ("Reload from disk") that becomes the clean
  /// point: undo brings back what was in memory, so a reload never destroys unsaved edits.
  bool reloadFromDisk(QString* error = nullptr);
  /// A clean end of the session (the user saved or chose to discard): the recovery file goes.
  void close();

  // --- Autosave and recovery -------------------------------------------------------------
  void setAutosaveInterval(std::chrono::milliseconds interval);
  std::chrono::milliseconds autosaveInterval() const;
  /// Where recovery files go; default `<AppDataLocation>/recovery`.
  void setRecoveryDirectory(const QString& directory);
  QString recoveryDirectory() const { return recoveryDirectory_; }
  /// This project's recovery file (it exists only while there are unsaved edits).
  QString recoveryFilePath() const;
  /// What the autosave timer does; public so that callers can force one (before a risky step).
  bool writeRecoveryFile(QString* error = nullptr);
  /// Sessions left in `directory` (default: the default recovery directory), newest first.
  static QList<RecoverableSession> recoverableSessions(const QString& directory = {});
  /// Brings back a session's unsaved edits, as one undo step over the files on disk (opening
  /// its folder first when another one, or none, is open). The document is then modified.
  bool restore(const RecoverableSession& session, QString* error = nullptr);
  /// Deletes a session's recovery file (the user declined to restore it).
  static bool discardSession(const RecoverableSession& session);

 Q_SIGNALS:
  /// After every change, once: see DocumentChange.
  void changed(const meshstudio::app::DocumentChange& change);
  void modificationChanged(bool modified);
  /// Files of the project changed on disk, and not by us; reloadFromDisk() takes them in.
  void externalChange(const QStringList& paths);
  void saved();
  /// The project's folder changed: another project was opened, or Save As moved it.
  void folderChanged(const QString& folder);
  void recoveryFileWritten(const QString& path);

 private:
  friend class DocumentCommand;

  /// A resource and where it goes: what insert/remove commands keep to be exact inverses.
  struct Placed {
    int index = 0;
    ResourceId id = 0;
    model::Resource resource;
  };

  // The only mutators. Private: reached through DocumentCommand, so every change is a command.
  void applyReplace(ResourceId id, const model::Resource& resource);
  void applyInsert(const std::vector<Placed>& placed);
  void applyRemove(const std::vector<ResourceId>& ids);
  void applyProject(const model::Project& project, const std::vector<ResourceId>& ids,
                    const model::Diagnostics& loadDiagnostics);
  void applySettings(const model::Value& settings);
  ResourceId allocateId() { return ++lastId_; }
  std::vector<ResourceId> allocateIds(std::size_t count);

  void finishChange(DocumentChange change);
  void resetValidator();
  void onCleanChanged(bool clean);
  void autosaveIfNeeded();
  void removeRecoveryFile();
  bool fail(const QString& error, QString* out);

  model::Project project_;
  std::vector<ResourceId> ids_;  ///< parallel to project_.resources()
  ResourceId lastId_ = 0;
  model::Diagnostics loadDiagnostics_;
  std::unique_ptr<model::analysis::ProjectValidator> validator_;
  Validation validation_;
  QString folder_;
  QUndoStack* undoStack_ = nullptr;
  quint64 revision_ = 0;
  QString lastError_;

  QTimer* autosaveTimer_ = nullptr;
  QString recoveryDirectory_;
  quint64 autosavedRevision_ = 0;
  ProjectWatcher* watcher_ = nullptr;
};

}  // namespace meshstudio::app
