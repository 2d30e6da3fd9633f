#include "model/Importer.h"

#include <algorithm>

#include "model/AtomicFile.h"
#include "model/YamlReader.h"

namespace meshstudio::model {
namespace {

constexpr const char* kUnreadable = "MS0003";
constexpr const char* kNotAnObject = "MS0006";
constexpr const char* kUnknownKind = "MS0007";
constexpr const char* kEmptyFile = "MS0008";

Diagnostic diagnosticAt(Severity severity, const char* code, const std::string& file, SourceMark mark,
                        std::string message) {
  Diagnostic d;
  d.severity = severity;
  d.code = code;
  d.file = file;
  d.line = mark.line;
  d.column = mark.column;
  d.message = std::move(message);
  return d;
}

bool isManifestFile(const std::filesystem::path& path) {
  std::string extension = path.extension().string();
  std::string name = path.filename().string();
  return (extension == ".yaml" || extension == ".yml") && name != "meshstudio.yaml" && name != "kustomization.yaml" &&
         name != "kustomization.yml";
}

/// Kinds every Kubernetes user has; we keep them without a note. Anything else gets one,
/// so that a typo like `VirtualSevice` does not pass silently.
bool isWellKnownKubernetesKind(std::string_view kind) {
  static constexpr std::string_view kKinds[] = {"ServiceAccount",
                                                "ConfigMap",
                                                "Namespace",
                                                "StatefulSet",
                                                "DaemonSet",
                                                "ReplicaSet",
                                                "Job",
                                                "CronJob",
                                                "Ingress",
                                                "Role",
                                                "RoleBinding",
                                                "ClusterRole",
                                                "ClusterRoleBinding",
                                                "PersistentVolumeClaim",
                                                "HorizontalPodAutoscaler",
                                                "PodDisruptionBudget",
                                                "NetworkPolicy",
                                                "Endpoints",
                                                "EndpointSlice",
                                                "CustomResourceDefinition"};
  return std::find(std::begin(kKinds), std::end(kKinds), kind) != std::end(kKinds);
}

void addObject(Value document, SourceLocation location, const std::string& file, ImportResult& result) {
  Resource resource = Resource::fromDocument(std::move(document), std::move(location));
  SourceMark mark = resource.document().mark();
  std::string kind = resource.kindName();
  if (resource.kind() == ResourceKind::Other && (resource.isIstio() || !isWellKnownKubernetesKind(kind))) {
    Diagnostic note = resource.isIstio()
                          ? diagnosticAt(Severity::Warning, kUnknownKind, file, mark,
                                         "unknown Istio kind \"" + kind + "\" in " + resource.apiVersion() +
                                             "; kept as written but not validated")
                          : diagnosticAt(Severity::Info, kUnknownKind, file, mark,
                                         "kind \"" + kind + "\" (" + resource.apiVersion() +
                                             ") is not modelled by Mesh Studio; kept as written");
    note.resource = resource.displayName();
    result.diagnostics.push_back(std::move(note));
  }
  result.resources.push_back(std::move(resource));
}

/// Adds one parsed document: a Kubernetes object, or each item of a `kind: List`.
void addDocument(const ParsedDocument& parsed, const std::string& file, ImportResult& result) {
  const Value& document = *parsed.value;
  // The document's first content line, not its `---` marker: that is where an editor should land.
  int firstLine = document.mark().isKnown() ? document.mark().line : parsed.firstLine;
  SourceLocation location{file, parsed.index, firstLine, -1};
  const Value* apiVersion = document.find("apiVersion");
  const Value* kind = document.find("kind");
  if (!document.isMap() || !apiVersion || !apiVersion->isString() || !kind || !kind->isString()) {
    result.diagnostics.push_back(diagnosticAt(Severity::Error, kNotAnObject, file, document.mark(),
                                              "not a Kubernetes object: a map with string fields \"apiVersion\" "
                                              "and \"kind\" was expected; the document is kept as written"));
    result.resources.push_back(Resource::unparsed(parsed.text, location));
    return;
  }
  const Value* items = document.find("items");
  if (kind->text() == "List" && items && items->isSeq()) {
    for (std::size_t i = 0; i < items->items().size(); ++i) {
      const Value& item = items->items()[i];
      SourceLocation itemLocation = location;
      itemLocation.listItem = static_cast<int>(i);
      itemLocation.firstLine = item.mark().line > 0 ? item.mark().line : location.firstLine;
      const Value* itemKind = item.find("kind");
      if (!item.isMap() || !item.find("apiVersion") || !itemKind || !itemKind->isString()) {
        result.diagnostics.push_back(diagnosticAt(
            Severity::Error, kNotAnObject, file, item.mark(),
            "List item " + std::to_string(i) + " is not a Kubernetes object (apiVersion and kind expected)"));
        continue;
      }
      addObject(item, itemLocation, file, result);
    }
    return;
  }
  addObject(document, location, file, result);
}

}  // namespace

ImportResult Importer::importText(std::string_view text, const std::string& fileName) {
  ImportResult result;
  result.files.push_back(fileName);
  ParseResult parsed = YamlReader::parse(text, fileName);
  result.diagnostics = std::move(parsed.diagnostics);
  for (const ParsedDocument& document : parsed.documents) {
    if (document.value)
      addDocument(document, fileName, result);
    else
      result.resources.push_back(
          Resource::unparsed(document.text, SourceLocation{fileName, document.index, document.firstLine, -1}));
  }
  if (parsed.documents.empty() && result.diagnostics.empty())
    result.diagnostics.push_back(
        diagnosticAt(Severity::Warning, kEmptyFile, fileName, {1, 1}, "file contains no YAML documents"));
  return result;
}

void Importer::importFile(const std::filesystem::path& path, const std::string& reportedName, ImportResult& result) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  YamlReader::Limits limits;
  std::string content;
  std::string error;
  if (ec)
    error = "cannot read " + path.string() + ": " + ec.message();
  else if (size > limits.maxBytes)  // refuse before reading 50 MB into memory
    error = "file is " + std::to_string(size >> 20) + " MiB; manifests larger than " +
            std::to_string(limits.maxBytes >> 20) + " MiB are not loaded";
  else
    error = AtomicFile::read(path, content);
  if (!error.empty()) {
    result.files.push_back(reportedName);
    result.hasUnreadableInput = true;
    result.diagnostics.push_back(diagnosticAt(Severity::Error, kUnreadable, reportedName, {1, 1}, error));
    return;
  }
  ImportResult one = importText(content, reportedName);
  result.files.push_back(reportedName);
  std::move(one.resources.begin(), one.resources.end(), std::back_inserter(result.resources));
  std::move(one.diagnostics.begin(), one.diagnostics.end(), std::back_inserter(result.diagnostics));
}

std::vector<std::filesystem::path> Importer::manifestFilesUnder(const std::filesystem::path& directory) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  auto options = std::filesystem::directory_options::skip_permission_denied;
  for (auto it = std::filesystem::recursive_directory_iterator(directory, options, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (it->is_directory() && name.starts_with(".")) {  // .git, .meshstudio, editor folders
      it.disable_recursion_pending();
      continue;
    }
    // Anything named like a manifest that is not a folder is listed, not only regular files: a
    // dangling symlink or a FIFO then reaches importFile, which reports it as unreadable
    // instead of the import leaving it out without a word (file_size fails before any read).
    if (!it->is_directory(ec) && isManifestFile(it->path())) files.push_back(it->path());
    ec.clear();
  }
  std::sort(files.begin(), files.end());
  return files;
}

ImportResult Importer::importPaths(const std::vector<std::filesystem::path>& paths) {
  ImportResult result;
  for (const std::filesystem::path& path : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      for (const std::filesystem::path& file : manifestFilesUnder(path)) importFile(file, file.string(), result);
    } else if (std::filesystem::exists(path, ec)) {
      importFile(path, path.string(), result);
    } else {
      result.hasUnreadableInput = true;
      result.files.push_back(path.string());
      result.diagnostics.push_back(
          diagnosticAt(Severity::Error, kUnreadable, path.string(), {}, "no such file or directory"));
    }
  }
  return result;
}

}  // namespace meshstudio::model
