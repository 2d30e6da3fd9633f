#include "model/Exporter.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "model/AtomicFile.h"
#include "model/Text.h"
#include "model/YamlWriter.h"

namespace meshstudio::model {
namespace {

/// File names come from object names, which come from anywhere: keep them to one safe path segment.
std::string safeSegment(const std::string& text) {
  std::string out;
  for (char c : text) {
    bool safe = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_';
    out += safe ? c : '_';
  }
  if (out.empty() || out == "." || out == "..") out = "_" + out;
  return out;
}

std::string kustomization(const std::vector<RenderedFile>& files) {
  Value document = Value::map();
  document.set("apiVersion", Value::string("kustomize.config.k8s.io/v1beta1"));
  document.set("kind", Value::string("Kustomization"));
  Value& resources = document.set("resources", Value::seq());
  for (const RenderedFile& file : files) resources.append(Value::string(file.relativePath));
  return YamlWriter::write(document);
}

}  // namespace

std::string Exporter::renderResource(const Resource& resource) {
  if (resource.isUnparsed()) {
    std::string text = resource.rawText();
    // Drop a leading `---`: the writer adds separators itself.
    if (text.starts_with("---\n")) text.erase(0, 4);
    if (!text.empty() && text.back() != '\n') text += '\n';
    return text;
  }
  return YamlWriter::write(resource.canonicalDocument());
}

std::string Exporter::splitPath(const Resource& resource) {
  std::string ns = resource.namespaceName();
  return safeSegment(ns.empty() ? std::string("default") : ns) + "/" +
         safeSegment(lowercase(resource.kindName()) + "-" + resource.name()) + ".yaml";
}

std::vector<RenderedFile> Exporter::render(const std::vector<Resource>& resources, ExportLayout layout) {
  if (layout == ExportLayout::Single) {
    std::vector<std::string> documents;
    for (const Resource& resource : resources) documents.push_back(renderResource(resource));
    return {RenderedFile{"manifests.yaml", YamlWriter::joinDocuments(documents)}};
  }
  // Two resources may map to one path (same kind and name in different API groups, or names
  // that differ only in unsafe characters): such files hold several documents.
  std::vector<RenderedFile> files;
  for (const Resource& resource : resources) {
    if (resource.isUnparsed()) continue;  // the CLI refuses to export documents that failed to parse
    std::string path = splitPath(resource);
    auto existing =
        std::find_if(files.begin(), files.end(), [&](const RenderedFile& f) { return f.relativePath == path; });
    if (existing != files.end())
      existing->content = YamlWriter::joinDocuments({existing->content, renderResource(resource)});
    else
      files.push_back(RenderedFile{path, renderResource(resource)});
  }
  std::sort(files.begin(), files.end(),
            [](const RenderedFile& a, const RenderedFile& b) { return a.relativePath < b.relativePath; });
  files.push_back(RenderedFile{"kustomization.yaml", kustomization(files)});
  return files;
}

Diagnostics Exporter::write(const std::filesystem::path& directory, const std::vector<RenderedFile>& files) {
  Diagnostics diagnostics;
  for (const RenderedFile& file : files) {
    std::filesystem::path target = directory / file.relativePath;
    std::string error = AtomicFile::write(target, file.content);
    if (error.empty()) continue;
    Diagnostic d;
    d.code = "MS0009";
    d.file = target.string();
    d.message = error;
    diagnostics.push_back(std::move(d));
  }
  return diagnostics;
}

}  // namespace meshstudio::model
