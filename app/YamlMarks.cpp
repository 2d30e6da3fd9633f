#include "app/YamlMarks.h"

#include "model/Importer.h"

namespace meshstudio::app {

QList<views::YamlView::Mark> yamlMarksFor(const model::Diagnostics& findings, const model::Resource& resource,
                                          const QString& shownYaml, int firstLine) {
  QList<views::YamlView::Mark> marks;
  const std::string name = resource.isUnparsed() ? std::string() : resource.displayName();
  std::optional<model::Resource> shown;  // parsed on the first finding that needs it
  for (const model::Diagnostic& finding : findings) {
    views::YamlView::Mark mark{1, 0, finding.severity,
                               QString::fromStdString("[" + finding.code + "] " + finding.message)};
    if (resource.isUnparsed()) {
      // Parse errors of a document shown verbatim: its file position maps line for line.
      if (finding.file != resource.source().file || finding.line < resource.source().firstLine) continue;
      mark.line = finding.line - resource.source().firstLine + 1;
      mark.column = finding.column;
    } else {
      if (finding.resource != name) continue;
      if (!finding.path.empty()) {
        if (!shown) {
          auto parsed = model::Importer::importText(shownYaml.toStdString(), "shown.yaml");
          shown = parsed.resources.empty() ? model::Resource() : std::move(parsed.resources.front());
        }
        const model::SourceMark at = shown->locate(finding.path);
        if (at.isKnown()) mark = {at.line, at.column, mark.severity, mark.message};
      }
    }
    mark.line += firstLine - 1;
    marks.append(mark);
  }
  return marks;
}

}  // namespace meshstudio::app
