#pragma once

#include <QCoreApplication>
#include <QString>

#include <string>

#include "app/DocumentCommand.h"

namespace meshstudio::app {

/// Moves one item of a list inside a resource (a route, an HTTP rule, a match) from position
/// `from` to position `to`; the items in between shift by one. Istio evaluates HTTP rules in
/// order, so this is an edit of meaning, and export writes the new order.
class MoveListItemCommand : public EditResourceCommand {
  Q_DECLARE_TR_FUNCTIONS(meshstudio::app::MoveListItemCommand)

 public:
  MoveListItemCommand(Document& document, ResourceId id, const std::string& listPath, int from, int to,
                      QUndoCommand* parent = nullptr);
};

}  // namespace meshstudio::app
