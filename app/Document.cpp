#include "app/Document.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <map>
#include <tuple>

#include "app/DocumentCommand.h"
#include "app/MoveListItemCommand.h"
#include "app/ProjectWatcher.h"
#include "app/RecoveryFile.h"
#include "app/RenameResourceCommand.h"
#include "app/ReplaceProjectCommand.h"
#include "app/ReplaceResourceCommand.h"
#include "app/ResourceListCommands.h"
#include "app/SetFieldsCommand.h"
#include "app/SetSettingsCommand.h"
#include "model/analysis/ProjectValidator.h"

namespace meshstudio::app {
namespace {

/// The project as on disk, changed into the recovered state with as few changes as possible:
/// resources still at their place on disk (same file and position) are kept, or replaced when
/// their content differs; the others are removed or inserted. A save after a restore then
/// writes only the files the lost session had changed, and every other file keeps its bytes.
model::Project withRecoveredResources(model::Project project, std::vector<model::Resource> recovered) {
  using Place = std::tuple<std::string, int, int>;
  auto placeOf = [](const model::Resource& r) {
    return Place{r.source().file, r.source().documentIndex, r.source().listItem};
  };
  std::map<Place, std::size_t> onDisk;  // place → index of the recovered resource that is still there
  for (std::size_t i = 0; i < project.resources().size(); ++i)
    onDisk.emplace(placeOf(project.resources()[i]), SIZE_MAX);
  std::vector<bool> kept(recovered.size(), false);
  for (std::size_t i = 0; i < recovered.size(); ++i) {
    auto found = onDisk.find(placeOf(recovered[i]));
    if (found != onDisk.end() && found->second == SIZE_MAX) {
      found->second = i;
      kept[i] = true;
    }
  }
  for (std::size_t i = project.resources().size(); i-- > 0;)
    if (onDisk.at(placeOf(project.resources()[i])) == SIZE_MAX) project.removeResource(i);
  // What is left is in the order the session had (a session only adds at the end, inserts
  // back what it removed, or removes); check it, and rebuild the whole list when it is not.
  std::size_t next = 0;
  bool ordered = true;
  for (const model::Resource& resource : project.resources()) {
    const std::size_t at = onDisk.at(placeOf(resource));
    ordered = ordered && at >= next;
    next = at + 1;
  }
  if (!ordered) {
    while (!project.resources().empty()) project.removeResource(project.resources().size() - 1);
    std::fill(kept.begin(), kept.end(), false);
  }
  for (std::size_t i = 0; i < recovered.size(); ++i) {
    if (!kept[i])
      project.insertResource(i, std::move(recovered[i]));
    else if (!sameContent(project.resources()[i], recovered[i]))
      project.replaceResource(i, std::move(recovered[i]));
  }
  return project;
}

}  // namespace

Document::Document(QObject* parent)
    : QObject(parent),
      validator_(std::make_unique<model::analysis::ProjectValidator>()),
      undoStack_(new QUndoStack(this)),
      autosaveTimer_(new QTimer(this)),
      recoveryDirectory_(RecoveryFile::defaultDirectory()),
      watcher_(new ProjectWatcher(this)) {
  autosaveTimer_->setInterval(kDefaultAutosaveInterval);
  connect(autosaveTimer_, &QTimer::timeout, this, &Document::autosaveIfNeeded);
  connect(undoStack_, &QUndoStack::cleanChanged, this, &Document::onCleanChanged);
  connect(watcher_, &ProjectWatcher::changedOutside, this, &Document::externalChange);
}

Document::~Document() {
  // Disconnect first: the stack is destroyed with us and must not reach onCleanChanged().
  disconnect(undoStack_, nullptr, this, nullptr);
}

// --- Reading ---------------------------------------------------------------------------------

ResourceId Document::idAt(int index) const {
  return index >= 0 && std::size_t(index) < ids_.size() ? ids_[std::size_t(index)] : 0;
}

int Document::indexOf(ResourceId id) const {
  if (id == 0) return -1;
  auto found = std::find(ids_.begin(), ids_.end(), id);
  return found == ids_.end() ? -1 : int(found - ids_.begin());
}

const model::Resource* Document::resource(ResourceId id) const {
  const int index = indexOf(id);
  return index < 0 ? nullptr : &project_.resources()[std::size_t(index)];
}

ResourceId Document::findResource(const std::string& displayName) const {
  const auto& resources = project_.resources();
  for (std::size_t i = 0; i < resources.size(); ++i)
    if (resources[i].displayName() == displayName) return ids_[i];
  return 0;
}

bool Document::isModified() const { return !undoStack_->isClean(); }

bool Document::fail(const QString& error, QString* out) {
  lastError_ = error;
  if (out) *out = error;
  return false;
}

// --- Opening ---------------------------------------------------------------------------------

bool Document::open(const QString& folder, QString* error) {
  const QFileInfo info(folder);
  if (!info.isDir() || !info.isReadable())
    return fail(tr("Cannot open %1: not a readable folder").arg(QDir::toNativeSeparators(folder)), error);
  const QString absolute = QDir::cleanPath(info.absoluteFilePath());
  model::Diagnostics diagnostics;
  model::Project project;
  try {
    project = model::Project::load(QFile::encodeName(absolute).toStdString(), diagnostics);
  } catch (const std::exception& e) {  // load() reports instead of throwing; this is a last resort
    return fail(tr("Cannot open %1: %2").arg(QDir::toNativeSeparators(absolute), QString::fromStdString(e.what())),
                error);
  }

  // The history belongs to the old project; clear it before the new state is in place, so
  // that nothing can undo into a project that is not open any more.
  autosaveTimer_->stop();
  undoStack_->clear();
  folder_ = absolute;
  project_ = std::move(project);
  ids_ = allocateIds(project_.resources().size());
  loadDiagnostics_ = std::move(diagnostics);
  resetValidator();
  watcher_->watch(folder_);
  DocumentChange change;
  change.reset = true;
  finishChange(std::move(change));
  Q_EMIT folderChanged(folder_);
  return true;
}

std::vector<ResourceId> Document::allocateIds(std::size_t count) {
  std::vector<ResourceId> ids(count);
  for (ResourceId& id : ids) id = allocateId();
  return ids;
}

// --- History ---------------------------------------------------------------------------------

bool Document::push(QUndoCommand* command) {
  if (!command) return false;
  if (auto* documentCommand = dynamic_cast<DocumentCommand*>(command); documentCommand && !documentCommand->isValid()) {
    lastError_ = documentCommand->errorString();
    delete command;
    return false;
  }
  lastError_.clear();
  undoStack_->push(command);  // runs redo(); drops obsolete (no-op) commands itself
  return true;
}

bool Document::setField(ResourceId id, const std::string& path, model::Value value, const QString& mergeKey) {
  return setFields(id, {model::FieldEdit{path, std::move(value)}}, mergeKey);
}

bool Document::setFields(ResourceId id, std::vector<model::FieldEdit> edits, const QString& mergeKey) {
  return push(new SetFieldsCommand(*this, id, std::move(edits), mergeKey));
}

bool Document::replaceFromYaml(ResourceId id, const QString& yaml) {
  return push(new ReplaceResourceCommand(*this, id, yaml));
}

bool Document::moveListItem(ResourceId id, const std::string& listPath, int from, int to) {
  return push(new MoveListItemCommand(*this, id, listPath, from, to));
}

bool Document::renameResource(ResourceId id, const QString& newName) {
  return push(new RenameResourceCommand(*this, id, newName));
}

ResourceId Document::addResource(model::Resource resource) {
  const QString text = tr("Add %1").arg(QString::fromStdString(resource.displayName()));
  std::vector<model::Resource> resources;
  resources.push_back(std::move(resource));
  auto* command = new AddResourcesCommand(*this, std::move(resources), text);
  const ResourceId id = command->ids().empty() ? 0 : command->ids().front();
  return push(command) ? id : 0;
}

ResourceId Document::duplicateResource(ResourceId id, const QString& newName) {
  auto* command = AddResourcesCommand::duplicating(*this, id, newName);
  const ResourceId copy = command->ids().empty() ? 0 : command->ids().front();
  return push(command) ? copy : 0;
}

bool Document::removeResources(const std::vector<ResourceId>& ids) {
  return push(new RemoveResourcesCommand(*this, ids));
}

bool Document::setSettings(model::Value settings, const QString& text) {
  return push(new SetSettingsCommand(*this, std::move(settings), text));
}

std::vector<ResourceId> Document::importResources(std::vector<model::Resource> resources) {
  auto* command = AddResourcesCommand::importing(*this, std::move(resources));
  std::vector<ResourceId> ids = command->ids();
  return push(command) ? ids : std::vector<ResourceId>{};
}

// --- The mutators (DocumentCommand only) ------------------------------------------------------

void Document::applyReplace(ResourceId id, const model::Resource& resource) {
  const int index = indexOf(id);
  Q_ASSERT(index >= 0);  // commands hold ids of resources their own state has; see DocumentCommand
  if (index < 0) return;
  project_.replaceResource(std::size_t(index), resource);
  validator_->replace(std::size_t(index), project_.resources()[std::size_t(index)]);
  DocumentChange change;
  change.modified.push_back(id);
  finishChange(std::move(change));
}

void Document::applyInsert(const std::vector<Placed>& placed) {
  // Ascending indexes: each one is where the resource sits once those before it are in.
  DocumentChange change;
  for (const Placed& p : placed) {
    const std::size_t index = std::min(std::size_t(p.index), ids_.size());
    project_.insertResource(index, p.resource);
    ids_.insert(ids_.begin() + std::ptrdiff_t(index), p.id);
    validator_->insert(index, project_.resources()[index]);
    change.added.push_back(p.id);
  }
  finishChange(std::move(change));
}

void Document::applyRemove(const std::vector<ResourceId>& ids) {
  std::vector<int> indexes;
  for (ResourceId id : ids)
    if (int index = indexOf(id); index >= 0) indexes.push_back(index);
  std::sort(indexes.begin(), indexes.end(), std::greater<>());  // from the back: indexes stay valid
  DocumentChange change;
  for (int index : indexes) {
    change.removed.push_back(ids_[std::size_t(index)]);
    project_.removeResource(std::size_t(index));
    ids_.erase(ids_.begin() + index);
    validator_->remove(std::size_t(index));
  }
  std::reverse(change.removed.begin(), change.removed.end());
  finishChange(std::move(change));
}

void Document::applyProject(const model::Project& project, const std::vector<ResourceId>& ids,
                            const model::Diagnostics& loadDiagnostics) {
  project_ = project;
  ids_ = ids;
  loadDiagnostics_ = loadDiagnostics;
  resetValidator();
  DocumentChange change;
  change.reset = true;
  finishChange(std::move(change));
}

void Document::applySettings(const model::Value& settings) {
  project_.setSettings(settings);
  resetValidator();  // the analysis settings live in meshstudio.yaml too
  DocumentChange change;
  change.settings = true;
  finishChange(std::move(change));
}

void Document::resetValidator() {
  validator_ = std::make_unique<model::analysis::ProjectValidator>(
      model::analysis::ValidatorSettings::fromProjectSettings(project_.settings()));
  validator_->reset(project_.resources());
}

void Document::finishChange(DocumentChange change) {
  // The validator was updated with the model, synchronously: findings are always those of
  // the current revision. A background validator must compare this tag before publishing.
  change.revision = ++revision_;
  validation_ = Validation{revision_, validator_->diagnostics()};
  Q_EMIT changed(change);
}

// --- Files -----------------------------------------------------------------------------------

bool Document::save(QString* error) {
  if (!isOpen()) return fail(tr("No project is open."), error);
  const model::Diagnostics errors = project_.save();
  watcher_->acknowledge();  // before the events of our own writes are looked at
  if (!errors.empty()) {
    QStringList messages;
    for (const model::Diagnostic& diagnostic : errors) messages << QString::fromStdString(diagnostic.message);
    return fail(tr("Could not save:\n%1").arg(messages.join(QLatin1Char('\n'))), error);
  }
  undoStack_->setClean();  // emits cleanChanged → modificationChanged, removes the recovery file
  removeRecoveryFile();
  Q_EMIT saved();
  return true;
}

bool Document::saveAs(const QString& folder, QString* error) {
  if (!isOpen()) return fail(tr("No project is open."), error);
  const QString absolute = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
  if (absolute == folder_) return save(error);
  const std::filesystem::path target = QFile::encodeName(absolute).toStdString();
  if (!model::Project::isFreeForProject(target))
    return fail(
        tr("%1 already holds manifests or a project: choose an empty folder.").arg(QDir::toNativeSeparators(absolute)),
        error);
  const model::Diagnostics errors = project_.save(target);
  if (!errors.empty()) {
    QStringList messages;
    for (const model::Diagnostic& diagnostic : errors)
      messages << QString::fromStdString(diagnostic.file + ": " + diagnostic.message);
    return fail(tr("Could not save:\n%1").arg(messages.join(QLatin1Char('\n'))), error);
  }
  // The unsaved edits are saved now, if in another place: the old recovery file goes.
  removeRecoveryFile();
  folder_ = absolute;
  watcher_->watch(folder_);
  undoStack_->setClean();
  Q_EMIT saved();
  Q_EMIT folderChanged(folder_);
  return true;
}

bool Document::reloadFromDisk(QString* error) {
  if (!isOpen()) return fail(tr("No project is open."), error);
  model::Diagnostics diagnostics;
  model::Project project;
  try {
    project = model::Project::load(QFile::encodeName(folder_).toStdString(), diagnostics);
  } catch (const std::exception& e) {
    return fail(tr("Cannot reload %1: %2").arg(QDir::toNativeSeparators(folder_), QString::fromStdString(e.what())),
                error);
  }
  watcher_->acknowledge();
  push(new ReplaceProjectCommand(*this, std::move(project), std::move(diagnostics), tr("Reload from disk")));
  undoStack_->setClean();  // memory now matches the files
  return true;
}

void Document::close() {
  autosaveTimer_->stop();
  removeRecoveryFile();
}

// --- Autosave and recovery ---------------------------------------------------------------------

void Document::setAutosaveInterval(std::chrono::milliseconds interval) { autosaveTimer_->setInterval(interval); }

std::chrono::milliseconds Document::autosaveInterval() const { return autosaveTimer_->intervalAsDuration(); }

void Document::setRecoveryDirectory(const QString& directory) { recoveryDirectory_ = directory; }

QString Document::recoveryFilePath() const {
  return folder_.isEmpty() ? QString() : RecoveryFile::pathFor(recoveryDirectory_, folder_);
}

void Document::onCleanChanged(bool clean) {
  if (clean) {
    autosaveTimer_->stop();
    removeRecoveryFile();  // back at the saved state (save, or undo to it): nothing to recover
  } else {
    autosaveTimer_->start();
  }
  Q_EMIT modificationChanged(!clean);
}

void Document::autosaveIfNeeded() {
  if (isModified() && revision_ != autosavedRevision_) writeRecoveryFile();
}

bool Document::writeRecoveryFile(QString* error) {
  if (!isOpen()) return fail(tr("No project is open."), error);
  const QString path = recoveryFilePath();
  if (const QString message = RecoveryFile::write(path, folder_, project_); !message.isEmpty())
    return fail(message, error);
  autosavedRevision_ = revision_;
  Q_EMIT recoveryFileWritten(path);
  return true;
}

void Document::removeRecoveryFile() {
  if (!folder_.isEmpty()) QFile::remove(recoveryFilePath());
  autosavedRevision_ = 0;
}

QList<RecoverableSession> Document::recoverableSessions(const QString& directory) {
  return RecoveryFile::list(directory.isEmpty() ? RecoveryFile::defaultDirectory() : directory);
}

bool Document::discardSession(const RecoverableSession& session) { return QFile::remove(session.file); }

bool Document::restore(const RecoverableSession& session, QString* error) {
  QString message;
  std::optional<RecoveryFile::Contents> contents = RecoveryFile::read(session.file, &message);
  if (!contents) return fail(message, error);
  if (folder_ != contents->folder && !open(contents->folder, error)) return false;

  model::Project project = withRecoveredResources(project_, std::move(contents->resources));
  if (!(project.settings() == contents->settings)) project.setSettings(contents->settings);
  push(new ReplaceProjectCommand(*this, std::move(project), loadDiagnostics_, tr("Restore unsaved changes")));
  return true;
}

}  // namespace meshstudio::app
