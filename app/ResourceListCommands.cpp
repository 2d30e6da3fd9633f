#include "app/ResourceListCommands.h"

#include <algorithm>

namespace meshstudio::app {

AddResourcesCommand::AddResourcesCommand(Document& document, std::vector<model::Resource> resources,
                                         const QString& text, QUndoCommand* parent)
    : DocumentCommand(document, parent), resources_(std::move(resources)) {
  setText(text);
  if (resources_.empty()) {
    setObsolete(true);  // nothing to add: not an error, and not an undo step either
    return;
  }
  for (std::size_t i = 0; i < resources_.size(); ++i) ids_.push_back(allocateId());
}

AddResourcesCommand* AddResourcesCommand::importing(Document& document, std::vector<model::Resource> resources) {
  bool unparsed = false;
  for (model::Resource& resource : resources) {
    unparsed = unparsed || resource.isUnparsed();
    resource.setSource({});
  }
  const int count = int(resources.size());
  auto* command = new AddResourcesCommand(document, unparsed ? std::vector<model::Resource>{} : std::move(resources),
                                          tr("Import %n resource(s)", nullptr, count));
  if (unparsed) command->fail(tr("Some documents did not parse; fix them before importing."));
  return command;
}

AddResourcesCommand* AddResourcesCommand::duplicating(Document& document, ResourceId id, const QString& newName) {
  const model::Resource* original = document.resource(id);
  const std::string name = newName.trimmed().toStdString();
  std::vector<model::Resource> copies;
  QString error;
  if (!original || original->isUnparsed()) {
    error = tr("Only a resource that parsed can be duplicated.");
  } else if (name.empty() || name == original->name()) {
    error = tr("A duplicate needs a new name.");
  } else {
    model::Value content = original->document();
    content.find("metadata")->set("name", model::Value::string(name));  // a parsed resource has metadata
    copies.push_back(model::Resource::fromDocument(std::move(content), {}));
  }
  auto* command = new AddResourcesCommand(
      document, std::move(copies),
      tr("Duplicate %1 as %2").arg(QString::fromStdString(original ? original->name() : std::string()), newName));
  if (!error.isEmpty()) command->fail(error);
  return command;
}

void AddResourcesCommand::redo() {
  // The state here is always the one the command was built on, so "at the end" is stable.
  std::vector<Placed> placed;
  const int first = int(currentIds().size());
  for (std::size_t i = 0; i < resources_.size(); ++i) placed.push_back(Placed{first + int(i), ids_[i], resources_[i]});
  insertResources(placed);
}

void AddResourcesCommand::undo() { removeResources(ids_); }

RemoveResourcesCommand::RemoveResourcesCommand(Document& document, const std::vector<ResourceId>& ids,
                                               QUndoCommand* parent)
    : DocumentCommand(document, parent) {
  for (ResourceId id : ids) {
    const int index = document.indexOf(id);
    if (index < 0) {
      fail(tr("The resource no longer exists."));
      return;
    }
    if (std::any_of(removed_.begin(), removed_.end(), [id](const Placed& p) { return p.id == id; })) continue;
    removed_.push_back(Placed{index, id, *document.resource(id)});
  }
  std::sort(removed_.begin(), removed_.end(), [](const Placed& a, const Placed& b) { return a.index < b.index; });
  if (removed_.empty()) setObsolete(true);
  setText(removed_.size() == 1 ? tr("Delete %1").arg(QString::fromStdString(removed_.front().resource.displayName()))
                               : tr("Delete %n resource(s)", nullptr, int(removed_.size())));
}

void RemoveResourcesCommand::redo() {
  std::vector<ResourceId> ids;
  for (const Placed& placed : removed_) ids.push_back(placed.id);
  removeResources(ids);
}

void RemoveResourcesCommand::undo() { insertResources(removed_); }

}  // namespace meshstudio::app
