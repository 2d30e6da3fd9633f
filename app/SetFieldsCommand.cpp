#include "app/SetFieldsCommand.h"

namespace meshstudio::app {

SetFieldsCommand::SetFieldsCommand(Document& document, ResourceId id, std::vector<model::FieldEdit> edits,
                                   const QString& mergeKey, QUndoCommand* parent)
    : EditResourceCommand(document, id, parent), edits_(std::move(edits)), mergeKey_(mergeKey) {
  if (!isValid()) return;
  if (edits_.empty()) {
    fail(tr("Nothing to set."));
    return;
  }
  if (before().isUnparsed()) {
    fail(tr("This document did not parse; edit its YAML instead."));
    return;
  }
  model::Value content = before().document();
  for (const model::FieldEdit& edit : edits_) {
    const std::optional<model::FieldPath> path = model::FieldPath::parse(edit.path);
    if (!path) {
      fail(tr("Not a field path: %1").arg(QString::fromStdString(edit.path)));
      return;
    }
    if (std::string error = path->apply(content, edit.value); !error.empty()) {
      fail(tr("Cannot set %1").arg(QString::fromStdString(error)));
      return;
    }
  }
  model::Resource result = before();
  result.setDocument(std::move(content));
  setAfter(std::move(result));

  const QString what =
      edits_.size() == 1 ? QString::fromStdString(edits_.front().path) : tr("%n fields", nullptr, int(edits_.size()));
  setText(tr("Set %1 of %2").arg(what, QString::fromStdString(before().name())));
}

int SetFieldsCommand::id() const { return mergeKey_.isEmpty() ? -1 : kMergeId; }

bool SetFieldsCommand::samePaths(const SetFieldsCommand& other) const {
  if (edits_.size() != other.edits_.size()) return false;
  for (std::size_t i = 0; i < edits_.size(); ++i)
    if (edits_[i].path != other.edits_[i].path) return false;
  return true;
}

bool SetFieldsCommand::mergeWith(const QUndoCommand* other) {
  // Called by QUndoStack::push after `other` was redone, only when the ids match.
  const auto* next = dynamic_cast<const SetFieldsCommand*>(other);
  if (!next || next->mergeKey_ != mergeKey_ || next->resourceId() != resourceId() || !samePaths(*next)) return false;
  mergeAfter(next->after());
  edits_ = next->edits_;
  return true;
}

}  // namespace meshstudio::app
