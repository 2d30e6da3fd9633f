#include "app/MoveListItemCommand.h"

#include "model/FieldPath.h"

namespace meshstudio::app {

MoveListItemCommand::MoveListItemCommand(Document& document, ResourceId id, const std::string& listPath, int from,
                                         int to, QUndoCommand* parent)
    : EditResourceCommand(document, id, parent) {
  if (!isValid()) return;
  const std::optional<model::FieldPath> path = model::FieldPath::parse(listPath);
  if (!path) {
    fail(tr("Not a field path: %1").arg(QString::fromStdString(listPath)));
    return;
  }
  if (from < 0 || to < 0 || before().isUnparsed()) {
    fail(tr("Cannot move item %1 of %2").arg(from).arg(QString::fromStdString(listPath)));
    return;
  }
  model::Value content = before().document();
  if (std::string error = path->moveItem(content, std::size_t(from), std::size_t(to)); !error.empty()) {
    fail(tr("Cannot move: %1").arg(QString::fromStdString(error)));
    return;
  }
  model::Resource result = before();
  result.setDocument(std::move(content));
  setAfter(std::move(result));
  setText(tr("Move %1 item %2 to %3").arg(QString::fromStdString(listPath)).arg(from + 1).arg(to + 1));
}

}  // namespace meshstudio::app
