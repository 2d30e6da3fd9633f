#pragma once

#include <QCoreApplication>
#include <QString>

#include "app/DocumentCommand.h"

namespace meshstudio::app {

/// Renames a resource (metadata.name). The resource stays in its file: moving files is a
/// layout decision (export --layout split), not a side effect of a rename. Refused when the
/// name is empty or taken by a resource of the same kind in the same namespace.
class RenameResourceCommand : public EditResourceCommand {
  Q_DECLARE_TR_FUNCTIONS(meshstudio::app::RenameResourceCommand)

 public:
  RenameResourceCommand(Document& document, ResourceId id, const QString& newName, QUndoCommand* parent = nullptr);
};

}  // namespace meshstudio::app
