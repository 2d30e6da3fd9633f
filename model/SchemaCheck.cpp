#include "model/SchemaCheck.h"

#include "model/JsonConversion.h"
#include "model/ParallelFor.h"
#include "model/SchemaValidator.h"

namespace meshstudio::model {

Diagnostics SchemaCheck::check(const Resource& resource) {
  Diagnostics diagnostics;
  if (resource.isUnparsed() || !resource.isIstio()) return diagnostics;
  const SchemaValidator& validator = SchemaValidator::builtin();
  std::string apiVersion = resource.apiVersion();
  std::string kind = resource.kindName();
  if (!validator.knows(apiVersion, kind)) {
    // Kinds we do not know were already reported by the importer; this is a known kind in an
    // API version the cluster would not serve (e.g. networking.istio.io/v2).
    if (resource.kind() != ResourceKind::Other) {
      Diagnostic d;
      d.severity = Severity::Error;
      d.code = "IST0106";
      d.message = "networking.istio.io does not serve " + kind + " in version \"" + resource.version() +
                  "\"; use v1, v1beta1 or v1alpha3";
      d.resource = resource.displayName();
      d.path = "apiVersion";
      d.file = resource.source().file;
      SourceMark mark = resource.locate("apiVersion");
      d.line = mark.line;
      d.column = mark.column;
      diagnostics.push_back(std::move(d));
    }
    return diagnostics;
  }
  for (SchemaFinding& finding : validator.validate(apiVersion, kind, toJson(resource.document()))) {
    Diagnostic d;
    d.severity = finding.severity;
    d.code = std::move(finding.code);
    d.message = std::move(finding.message);
    d.resource = resource.displayName();
    d.file = resource.source().file;
    SourceMark mark = resource.locate(finding.path);
    d.path = std::move(finding.path);
    d.line = mark.line;
    d.column = mark.column;
    diagnostics.push_back(std::move(d));
  }
  return diagnostics;
}

Diagnostics SchemaCheck::check(const std::vector<Resource>& resources) {
  // The compiled schemas are only read, so resources validate in parallel; results are
  // merged in resource order, so the output does not depend on scheduling.
  std::vector<Diagnostics> perResource(resources.size());
  parallelFor(resources.size(), 64, [&](std::size_t i) { perResource[i] = check(resources[i]); });
  Diagnostics all;
  for (Diagnostics& one : perResource) std::move(one.begin(), one.end(), std::back_inserter(all));
  return all;
}

}  // namespace meshstudio::model
