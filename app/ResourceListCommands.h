#pragma once

#include <QCoreApplication>
#include <QString>

#include <vector>

#include "app/DocumentCommand.h"

namespace meshstudio::app {

/// Adds resources at the end of the project, as one undo step: a new resource, a duplicate,
/// or an import of many. Ids are given at construction, so a redo after an undo brings back
/// the same identities and the commands above it in the history still find their resource.
class AddResourcesCommand : public DocumentCommand {
  Q_DECLARE_TR_FUNCTIONS(meshstudio::app::AddResourcesCommand)

 public:
  /// `resources` keep their source file when they have one (else the split-layout path).
  AddResourcesCommand(Document& document, std::vector<model::Resource> resources, const QString& text,
                      QUndoCommand* parent = nullptr);

  /// Resources read from outside the project: their source files are forgotten (they name
  /// files elsewhere), so each goes to `<namespace>/<kind>-<name>.yaml` in the project.
  /// Documents that did not parse are refused: they have no name to file them under.
  static AddResourcesCommand* importing(Document& document, std::vector<model::Resource> resources);
  /// A copy of `id` named `newName`, in its own file.
  static AddResourcesCommand* duplicating(Document& document, ResourceId id, const QString& newName);

  const std::vector<ResourceId>& ids() const { return ids_; }

  void redo() override;
  void undo() override;

 private:
  std::vector<model::Resource> resources_;
  std::vector<ResourceId> ids_;
};

/// Removes resources; undo puts each back at its index, with its file and position in it.
class RemoveResourcesCommand : public DocumentCommand {
  Q_DECLARE_TR_FUNCTIONS(meshstudio::app::RemoveResourcesCommand)

 public:
  RemoveResourcesCommand(Document& document, const std::vector<ResourceId>& ids, QUndoCommand* parent = nullptr);

  void redo() override;
  void undo() override;

 private:
  std::vector<Placed> removed_;  ///< ascending index, as they were before the removal
};

}  // namespace meshstudio::app
