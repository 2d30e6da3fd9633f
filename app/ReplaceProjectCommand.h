#pragma once

#include <QCoreApplication>
#include <QString>

#include <vector>

#include "app/DocumentCommand.h"

namespace meshstudio::app {

/// Swaps the whole project for another state of it: reload from disk, restore of a recovery
/// file. One undo step whose undo brings back exactly what was in memory (resources, their
/// identities and the project's record of which files need writing), so neither action can
/// destroy work. The change it announces is a reset.
///
/// A project knows which of its files differ from the disk. That knowledge is exact only for
/// the state this command was built from and the first redo; once the files may have been
/// saved or changed in between, a state put back marks every resource and the settings as
/// changed, so that the next save writes what the user sees (files the old state does not
/// know about — added on disk since — are left alone, never deleted).
class ReplaceProjectCommand : public DocumentCommand {
  Q_DECLARE_TR_FUNCTIONS(meshstudio::app::ReplaceProjectCommand)

 public:
  ReplaceProjectCommand(Document& document, model::Project project, model::Diagnostics loadDiagnostics,
                        const QString& text, QUndoCommand* parent = nullptr);

  void redo() override;
  void undo() override;

 private:
  struct State {
    model::Project project;
    std::vector<ResourceId> ids;
    model::Diagnostics loadDiagnostics;
  };
  State before_;
  State after_;
  bool redone_ = false;
};

}  // namespace meshstudio::app
