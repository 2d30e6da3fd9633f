#include "app/DocumentCommand.h"

#include <QCoreApplication>

namespace meshstudio::app {

bool sameContent(const model::Resource& a, const model::Resource& b) {
  return a.kind() == b.kind() && a.rawText() == b.rawText() && a.document() == b.document();
}

DocumentCommand::DocumentCommand(Document& document, QUndoCommand* parent)
    : QUndoCommand(parent), document_(&document) {}

void DocumentCommand::fail(const QString& error) {
  error_ = error;
  setObsolete(true);
}

EditResourceCommand::EditResourceCommand(Document& document, ResourceId id, QUndoCommand* parent)
    : DocumentCommand(document, parent), resourceId_(id) {
  const model::Resource* resource = document.resource(id);
  if (!resource) {
    fail(QCoreApplication::translate("meshstudio::app::DocumentCommand", "The resource no longer exists."));
    return;
  }
  before_ = *resource;
  after_ = *resource;
}

void EditResourceCommand::setAfter(model::Resource after) {
  after_ = std::move(after);
  after_.setSource(before_.source());
  if (sameContent(before_, after_)) setObsolete(true);
}

void EditResourceCommand::redo() { replaceResource(resourceId_, after_); }

void EditResourceCommand::undo() { replaceResource(resourceId_, before_); }

}  // namespace meshstudio::app
