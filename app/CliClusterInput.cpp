#include "app/CliClusterInput.h"

#include <ostream>

#include "app/cluster/Kubeconfig.h"

namespace meshstudio::app {

std::optional<cluster::ClusterConnection> CliClusterInput::connection(const CliArguments& parsed, const char* command,
                                                                      std::ostream& err) {
  std::vector<std::filesystem::path> files = parsed.has("kubeconfig")
                                                 ? std::vector<std::filesystem::path>{parsed.option("kubeconfig", "")}
                                                 : cluster::Kubeconfig::defaultFiles();
  cluster::Kubeconfig kubeconfig = cluster::Kubeconfig::load(files);
  if (!kubeconfig.isValid()) {
    for (const std::string& error : kubeconfig.errors()) err << error << "\n";
    return std::nullopt;
  }
  std::string error;
  std::optional<cluster::ClusterConnection> resolved = kubeconfig.resolve(parsed.option("context", ""), error);
  if (!resolved) err << "meshstudio-cli " << command << ": " << error << "\n";
  return resolved;
}

std::string CliClusterInput::namespaceFor(const CliArguments& parsed, const model::Value& settings,
                                          const std::string& fallback) {
  const model::Value* projectNamespace = settings.find("defaultNamespace");
  return parsed.option("namespace",
                       projectNamespace && projectNamespace->isString() ? projectNamespace->text() : fallback);
}

std::unique_ptr<QCoreApplication> CliClusterInput::ensureApplication() {
  if (QCoreApplication::instance()) return nullptr;
  static int argc = 1;
  static char name[] = "meshstudio-cli";
  static char* argv[] = {name, nullptr};
  return std::make_unique<QCoreApplication>(argc, argv);
}

}  // namespace meshstudio::app
