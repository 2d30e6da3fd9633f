#pragma once

// Shared by the analyzer suites: validate a YAML stream as a project and pick findings.

#include <QtTest/QtTest>

#include <string>
#include <vector>

#include "TestSupport.h"
#include "model/Importer.h"
#include "model/YamlWriter.h"
#include "model/analysis/ProjectValidator.h"
#include "model/analysis/QuickFixes.h"

namespace meshstudio::test {

/// Imports `yaml` (one multi-document stream, file name `project.yaml`) and runs every
/// analyzer, without the CRD schema checks, so a suite sees only analyzer findings.
inline model::Diagnostics analyse(const std::string& yaml, const std::string& defaultNamespace = "default") {
  model::ImportResult imported = model::Importer::importText(yaml, "project.yaml");
  model::analysis::ValidatorSettings settings;
  settings.defaultNamespace = defaultNamespace;
  settings.runSchemaChecks = false;
  return model::analysis::ProjectValidator::validate(imported.resources, settings);
}

inline std::vector<model::Diagnostic> withCode(const model::Diagnostics& diagnostics, const std::string& code) {
  std::vector<model::Diagnostic> out;
  for (const model::Diagnostic& d : diagnostics)
    if (d.code == code) out.push_back(d);
  return out;
}

inline std::string describe(const model::Diagnostics& diagnostics) {
  std::string out;
  for (const model::Diagnostic& d : diagnostics) out += model::formatDiagnostic(d) + "\n";
  return out.empty() ? std::string("(no findings)") : out;
}

/// Applies the first quick fix of `finding` to the project in `yaml`, re-validates, and
/// returns the new findings (the fixed YAML is written to `fixedYaml` for inspection).
inline model::Diagnostics applyFirstFixAndRevalidate(const std::string& yaml, const model::Diagnostic& finding,
                                                     std::string* fixedYaml = nullptr) {
  model::ImportResult imported = model::Importer::importText(yaml, "project.yaml");
  if (finding.fixes.empty() || !model::analysis::applyQuickFix(imported.resources, finding.fixes.front())) return {};
  std::vector<std::string> documents;
  for (const model::Resource& r : imported.resources)
    documents.push_back(model::YamlWriter::write(r.canonicalDocument()));
  std::string text = model::YamlWriter::joinDocuments(documents);
  if (fixedYaml) *fixedYaml = text;
  model::ImportResult again = model::Importer::importText(text, "project.yaml");  // the fix must give valid YAML
  model::analysis::ValidatorSettings settings;
  return model::analysis::ProjectValidator::validate(again.resources, settings);  // schema checks included
}

}  // namespace meshstudio::test

/// Asserts exactly one finding with `code_`, on `resource_`, at `path_`, on `line_`. (The parameters
/// carry a trailing underscore so that they do not replace the Diagnostic members of the same name.)
#define EXPECT_FINDING(diagnostics_, code_, resource_, path_, line_)                 \
  do {                                                                               \
    auto found_ = meshstudio::test::withCode((diagnostics_), (code_));               \
    QVERIFY2(found_.size() == 1, meshstudio::test::describe(diagnostics_).c_str());  \
    QCOMPARE(QString::fromStdString(found_[0].resource), QStringLiteral(resource_)); \
    QCOMPARE(QString::fromStdString(found_[0].path), QStringLiteral(path_));         \
    QCOMPARE(found_[0].line, (line_));                                               \
  } while (false)

#define EXPECT_NO_FINDING(diagnostics_, code_)                          \
  QVERIFY2(meshstudio::test::withCode((diagnostics_), (code_)).empty(), \
           meshstudio::test::describe(diagnostics_).c_str())

/// Applies the first fix of the single `code` finding and checks the finding is gone without schema errors.
#define EXPECT_FIX_CLEARS(yaml, code)                                                        \
  do {                                                                                       \
    auto before_ = meshstudio::test::withCode(meshstudio::test::analyse(yaml), (code));      \
    QCOMPARE(before_.size(), std::size_t(1));                                                \
    QVERIFY(!before_[0].fixes.empty());                                                      \
    std::string fixed_;                                                                      \
    auto after_ = meshstudio::test::applyFirstFixAndRevalidate((yaml), before_[0], &fixed_); \
    QVERIFY2(meshstudio::test::withCode(after_, (code)).empty(),                             \
             (fixed_ + meshstudio::test::describe(after_)).c_str());                         \
    QVERIFY2(meshstudio::test::withCode(after_, "IST0106").empty(),                          \
             (fixed_ + meshstudio::test::describe(after_)).c_str());                         \
  } while (false)
