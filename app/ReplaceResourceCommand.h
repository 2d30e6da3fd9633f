#pragma once

#include <QCoreApplication>
#include <QString>

#include "app/DocumentCommand.h"

namespace meshstudio::app {

/// Replaces a whole resource with the document in a YAML text: the YAML view's edit, one undo
/// step however much changed. The text must hold exactly one document that parses (a broken
/// edit is refused with the parser's message, rather than turning the resource into an
/// Unparsed one); an Unparsed resource is repaired this way. The resource keeps its file.
class ReplaceResourceCommand : public EditResourceCommand {
  Q_DECLARE_TR_FUNCTIONS(meshstudio::app::ReplaceResourceCommand)

 public:
  ReplaceResourceCommand(Document& document, ResourceId id, const QString& yaml, QUndoCommand* parent = nullptr);
};

}  // namespace meshstudio::app
