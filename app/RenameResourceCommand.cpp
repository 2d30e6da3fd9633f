#include "app/RenameResourceCommand.h"

namespace meshstudio::app {

RenameResourceCommand::RenameResourceCommand(Document& document, ResourceId id, const QString& newName,
                                             QUndoCommand* parent)
    : EditResourceCommand(document, id, parent) {
  if (!isValid()) return;
  const std::string name = newName.trimmed().toStdString();
  if (name.empty()) {
    fail(tr("A resource needs a name."));
    return;
  }
  if (before().isUnparsed()) {
    fail(tr("This document did not parse; edit its YAML instead."));
    return;
  }
  for (const model::Resource& other : document.resources()) {
    if (other.kindName() == before().kindName() && other.group() == before().group() &&
        other.namespaceName() == before().namespaceName() && other.name() == name && other.name() != before().name()) {
      fail(tr("There is already a %1 named %2 in this namespace.")
               .arg(QString::fromStdString(before().kindName()), QString::fromStdString(name)));
      return;
    }
  }
  model::Value content = before().document();
  model::Value* metadata = content.find("metadata");
  if (!metadata || !metadata->isMap()) metadata = &content.set("metadata", model::Value::map());
  metadata->set("name", model::Value::string(name));
  model::Resource result = before();
  result.setDocument(std::move(content));
  setAfter(std::move(result));
  setText(tr("Rename %1 to %2").arg(QString::fromStdString(before().name()), QString::fromStdString(name)));
}

}  // namespace meshstudio::app
