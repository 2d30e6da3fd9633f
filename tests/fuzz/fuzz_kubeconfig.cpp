// Fuzzes the kubeconfig parser: one file's bytes parsed as kubectl would read them, then every
// context resolved (cluster and user looked up, base64 `*-data` decoded, exec settings read).
// Problems must come back as messages, never as a throw, a crash or a hang.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "app/cluster/Kubeconfig.h"

using meshstudio::cluster::ClusterConnection;
using meshstudio::cluster::Kubeconfig;
using meshstudio::cluster::KubeconfigContext;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  // A folder that does not exist: relative file references resolve into it and fail to read.
  const Kubeconfig config = Kubeconfig::parse(text, "/nonexistent/meshstudio-fuzz/kubeconfig");
  if (!config.isValid()) return 0;
  // Absolute references are read as they are; a device such as /dev/zero never ends, which is
  // the file system's behaviour and not the parser's, so such inputs stop at parsing.
  for (const char* device : {"/dev", "/proc", "/sys"})
    if (text.find(device) != std::string::npos) return 0;
  std::string error;
  config.resolve("", error);
  for (const KubeconfigContext& context : config.contexts()) {
    error.clear();
    const std::optional<ClusterConnection> connection = config.resolve(context.name, error);
    if (!connection && error.empty()) __builtin_trap();  // a refusal always says why
  }
  return 0;
}
