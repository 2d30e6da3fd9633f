#include "app/ReplaceProjectCommand.h"

namespace meshstudio::app {
namespace {

/// `project` with every resource and the settings marked as differing from the disk.
model::Project allChanged(model::Project project) {
  for (std::size_t i = 0; i < project.resources().size(); ++i) {
    model::Resource same = project.resources()[i];
    project.replaceResource(i, std::move(same));
  }
  project.setSettings(project.settings());
  return project;
}

}  // namespace

ReplaceProjectCommand::ReplaceProjectCommand(Document& document, model::Project project,
                                             model::Diagnostics loadDiagnostics, const QString& text,
                                             QUndoCommand* parent)
    : DocumentCommand(document, parent) {
  setText(text);
  before_ = State{document.project(), currentIds(), currentLoadDiagnostics()};
  // New identities: a resource read again is not known to be "the same" one (it may have been
  // renamed or replaced on disk), and the commands below this one keep the old identities.
  std::vector<ResourceId> ids;
  for (std::size_t i = 0; i < project.resources().size(); ++i) ids.push_back(allocateId());
  after_ = State{std::move(project), std::move(ids), std::move(loadDiagnostics)};
}

void ReplaceProjectCommand::redo() {
  replaceProject(redone_ ? allChanged(after_.project) : after_.project, after_.ids, after_.loadDiagnostics);
  redone_ = true;
}

void ReplaceProjectCommand::undo() {
  replaceProject(allChanged(before_.project), before_.ids, before_.loadDiagnostics);
}

}  // namespace meshstudio::app
