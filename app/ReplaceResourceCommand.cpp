#include "app/ReplaceResourceCommand.h"

#include "model/Importer.h"

namespace meshstudio::app {

ReplaceResourceCommand::ReplaceResourceCommand(Document& document, ResourceId id, const QString& yaml,
                                               QUndoCommand* parent)
    : EditResourceCommand(document, id, parent) {
  if (!isValid()) return;
  const std::string text = yaml.toStdString();
  model::ImportResult parsed = model::Importer::importText(text, before().source().file);
  for (const model::Resource& resource : parsed.resources) {
    if (!resource.isUnparsed()) continue;
    QString message = tr("The YAML does not parse.");
    for (const model::Diagnostic& diagnostic : parsed.diagnostics)
      if (diagnostic.severity == model::Severity::Error) {
        message = QString::fromStdString(model::formatDiagnostic(diagnostic));
        break;
      }
    fail(message);
    return;
  }
  if (parsed.resources.size() != 1) {
    fail(parsed.resources.empty() ? tr("The YAML holds no document.")
                                  : tr("The YAML holds %1 documents; a resource is one.").arg(parsed.resources.size()));
    return;
  }
  setAfter(std::move(parsed.resources.front()));
  setText(tr("Edit YAML of %1").arg(QString::fromStdString(before().isUnparsed() ? after().name() : before().name())));
}

}  // namespace meshstudio::app
