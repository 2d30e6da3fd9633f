// Issue 2 benchmark: import and schema-validate 1,000 generated VirtualServices plus 1,000
// DestinationRules. Target: under 300 ms on a 2-core machine.
//
// Baseline, measured in the same run: yaml-cpp's own YAML::LoadAll over the same text (direct
// library access, no model, no validation). The ratio says what our lossless reader, typed
// model and CRD validation cost on top of plain parsing. Medians of 7 runs; noisy machines.

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "model/Importer.h"
#include "model/SchemaCheck.h"
#include "model/SchemaValidator.h"

using namespace meshstudio::model;

namespace {

std::string generate(int count) {
  std::string text;
  for (int i = 0; i < count; ++i) {
    std::string n = std::to_string(i);
    text += "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: svc-" + n +
            "\n  namespace: bench\nspec:\n  hosts:\n  - svc-" + n +
            "\n  http:\n  - name: canary\n    match:\n    - headers:\n        end-user:\n          exact: jason\n"
            "      uri:\n        prefix: /api/v1\n    route:\n    - destination:\n        host: svc-" +
            n + "\n        subset: v2\n    timeout: 5s\n  - route:\n    - destination:\n        host: svc-" + n +
            "\n        subset: v1\n      weight: 90\n    - destination:\n        host: svc-" + n +
            "\n        subset: v2\n      weight: 10\n    retries:\n      attempts: 3\n      perTryTimeout: 2s\n"
            "      retryOn: 5xx,connect-failure\n---\n";
    text += "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: svc-" + n +
            "\n  namespace: bench\nspec:\n  host: svc-" + n +
            "\n  trafficPolicy:\n    connectionPool:\n      tcp:\n        maxConnections: 100\n      http:\n"
            "        http1MaxPendingRequests: 10\n    outlierDetection:\n      consecutive5xxErrors: 5\n"
            "      interval: 10s\n      baseEjectionTime: 30s\n  subsets:\n  - name: v1\n    labels:\n"
            "      version: v1\n  - name: v2\n    labels:\n      version: v2\n---\n";
  }
  return text;
}

double medianMs(int runs, const std::function<void()>& body) {
  std::vector<double> samples;
  for (int i = 0; i < runs; ++i) {
    auto start = std::chrono::steady_clock::now();
    body();
    samples.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(samples.begin(), samples.end());
  return samples[samples.size() / 2];
}

}  // namespace

int main() {
  const std::string text = generate(1000);
  SchemaValidator::builtin();  // compile the schemas once, as the studio does at start-up

  std::size_t resources = 0;
  std::size_t findings = 0;
  double ours = medianMs(7, [&] {
    ImportResult imported = Importer::importText(text, "bench.yaml");
    Diagnostics schema = SchemaCheck::check(imported.resources);
    resources = imported.resources.size();
    findings = imported.diagnostics.size() + schema.size();
  });
  double baseline = medianMs(7, [&] { std::vector<YAML::Node> nodes = YAML::LoadAll(text); });

  std::printf("import+validate: %zu resources (%zu KiB), %zu findings\n", resources, text.size() / 1024, findings);
  std::printf("  ours (import + CRD schema check): median %.1f ms   [target < 300 ms: %s]\n", ours,
              ours < 300 ? "met" : "MISSED");
  std::printf("  baseline (yaml-cpp YAML::LoadAll only): median %.1f ms\n", baseline);
  std::printf("  ratio ours/baseline: %.2fx\n", ours / baseline);
  return resources == 2000 && findings == 0 ? 0 : 1;
}
