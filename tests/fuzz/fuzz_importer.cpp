// Fuzzes the YAML importer end to end: splitting, parsing, object recognition, the canonical
// writer and the schema check. Any input must give diagnostics, never a crash or a hang, and
// whatever imports cleanly must export to text that imports to the same number of resources.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model/Exporter.h"
#include "model/Importer.h"
#include "model/SchemaCheck.h"

using namespace meshstudio::model;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  ImportResult imported = Importer::importText(text, "fuzz.yaml");
  SchemaCheck::check(imported.resources);
  if (hasErrors(imported.diagnostics)) return 0;
  std::string exported = Exporter::render(imported.resources, ExportLayout::Single).front().content;
  ImportResult again = Importer::importText(exported, "again.yaml");
  if (again.resources.size() != imported.resources.size()) __builtin_trap();
  return 0;
}
