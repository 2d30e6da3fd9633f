#pragma once

#include <QString>
#include <QUndoCommand>

#include <vector>

#include "app/Document.h"

namespace meshstudio::app {

/// The base of every command that changes a Document. It is the only way to the document's
/// mutators, which is what makes "every edit is an undoable command" a rule the compiler keeps.
///
/// Commands capture the state they change when they are constructed and keep both sides, so
/// that undo restores the previous value exactly (the same Value, hence the same bytes when
/// written) instead of recomputing it. A command that cannot be built records why (isValid()
/// is false) and marks itself obsolete; Document::push() then refuses it.
class DocumentCommand : public QUndoCommand {
 public:
  bool isValid() const { return error_.isEmpty(); }
  const QString& errorString() const { return error_; }

 protected:
  explicit DocumentCommand(Document& document, QUndoCommand* parent = nullptr);

  Document& document() const { return *document_; }
  /// Marks the command as not buildable; push() reports `error`.
  void fail(const QString& error);

  using Placed = Document::Placed;
  void replaceResource(ResourceId id, const model::Resource& resource) { document_->applyReplace(id, resource); }
  void insertResources(const std::vector<Placed>& placed) { document_->applyInsert(placed); }
  void removeResources(const std::vector<ResourceId>& ids) { document_->applyRemove(ids); }
  void replaceProject(const model::Project& project, const std::vector<ResourceId>& ids,
                      const model::Diagnostics& loadDiagnostics) {
    document_->applyProject(project, ids, loadDiagnostics);
  }
  void replaceSettings(const model::Value& settings) { document_->applySettings(settings); }
  ResourceId allocateId() { return document_->allocateId(); }
  const std::vector<ResourceId>& currentIds() const { return document_->ids_; }
  const model::Diagnostics& currentLoadDiagnostics() const { return document_->loadDiagnostics_; }

 private:
  Document* document_;
  QString error_;
};

/// A command that changes one resource: it keeps the resource before and after, and redo/undo
/// put one or the other in place. Subclasses compute `after` in their constructor.
class EditResourceCommand : public DocumentCommand {
 public:
  ResourceId resourceId() const { return resourceId_; }
  const model::Resource& before() const { return before_; }
  const model::Resource& after() const { return after_; }

  void redo() override;
  void undo() override;

 protected:
  /// Captures the resource `id` as `before` (fails when there is no such resource).
  EditResourceCommand(Document& document, ResourceId id, QUndoCommand* parent = nullptr);
  /// Sets the result; an edit that changes nothing makes the command obsolete (push drops it).
  void setAfter(model::Resource after);
  /// For mergeWith(): a later step of the same gesture replaces the result, `before` stays.
  void mergeAfter(const model::Resource& after) { after_ = after; }

 private:
  ResourceId resourceId_;
  model::Resource before_;
  model::Resource after_;
};

/// Content equality of two resources, source location excluded.
bool sameContent(const model::Resource& a, const model::Resource& b);

}  // namespace meshstudio::app
