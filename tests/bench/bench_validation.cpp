// Issue 3 benchmark: validation must feel instant, because it runs on every edit.
// A generated project of 1,000 VirtualServices, 1,000 DestinationRules, 100 Gateways and
// 1,000 Services with Deployments.
//   - full validation (every analyzer over every resource): target < 100 ms
//   - revalidation after a one-field edit: target < 10 ms
// Baseline, measured in the same run: decoding the project into the analyzers' typed index
// alone (the floor any analysis pays). Medians of 7 runs; the machine is noisy.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "model/Importer.h"
#include "model/SchemaValidator.h"
#include "model/VirtualService.h"
#include "model/analysis/ProjectValidator.h"

using namespace meshstudio::model;
using namespace meshstudio::model::analysis;

namespace {

std::string generate() {
  std::string text;
  for (int g = 0; g < 100; ++g) {
    std::string n = std::to_string(g);
    text += "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: gw-" + n +
            ", namespace: bench}\nspec:\n  selector: {istio: ingressgateway}\n  servers:\n  - port: {number: 80, "
            "name: http-" +
            n + ", protocol: HTTP}\n    hosts: [\"svc-" + n + ".example.com\"]\n---\n";
  }
  for (int i = 0; i < 1000; ++i) {
    std::string n = std::to_string(i);
    std::string gateway = i < 100 ? "  gateways: [gw-" + n + ", mesh]\n" : "";
    std::string extraHost = i < 100 ? ", \"svc-" + n + ".example.com\"" : "";
    text += "apiVersion: v1\nkind: Service\nmetadata: {name: svc-" + n +
            ", namespace: bench}\nspec:\n  selector: {app: svc-" + n + "}\n  ports: [{name: http, port: 9080}]\n---\n";
    for (const char* version : {"v1", "v2"})
      if (i % 2 == 0 || std::string(version) == "v1")
        text += "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: svc-" + n + "-" + version +
                ", namespace: bench}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: svc-" + n +
                "}}\n  template:\n    metadata: {labels: {app: svc-" + n + ", version: " + version +
                "}}\n    spec: {containers: [{name: app, ports: [{containerPort: 9080}]}]}\n---\n";
    text += "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: svc-" + n +
            ", namespace: bench}\nspec:\n  hosts: [svc-" + n + extraHost + "]\n" + gateway +
            "  http:\n  - match:\n    - headers: {end-user: {exact: jason}}\n      uri: {prefix: /api/v1}\n"
            "    route:\n    - destination: {host: svc-" +
            n +
            ", subset: v2}\n    timeout: 5s\n"
            "  - route:\n    - destination: {host: svc-" +
            n +
            ", subset: v1}\n      weight: 90\n"
            "    - destination: {host: svc-" +
            n +
            ", subset: v2}\n      weight: 10\n"
            "    retries: {attempts: 3, perTryTimeout: 1s, retryOn: \"5xx,connect-failure\"}\n    timeout: 5s\n---\n";
    text +=
        "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: svc-" + n +
        ", namespace: bench}\nspec:\n  host: svc-" + n +
        "\n  trafficPolicy:\n    connectionPool: {tcp: {maxConnections: 100}, http: {http1MaxPendingRequests: 10}}\n"
        "    outlierDetection: {consecutive5xxErrors: 5, interval: 10s, baseEjectionTime: 30s}\n"
        "  subsets:\n  - name: v1\n    labels: {version: v1}\n  - name: v2\n    labels: {version: v2}\n---\n";
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
  std::vector<Resource> resources = Importer::importText(generate(), "bench.yaml").resources;
  SchemaValidator::builtin();
  ValidatorSettings analyzersOnly{"bench", {}, false};
  ValidatorSettings withSchemas{"bench", {}, true};

  double decodeOnly = medianMs(7, [&] {
    std::vector<std::shared_ptr<const IndexedResource>> entries;
    for (const Resource& r : resources) entries.push_back(IndexedResource::make(r, "bench"));
    ProjectIndex index(entries, "bench");
  });
  std::size_t findings = 0;
  double full = medianMs(7, [&] {
    ProjectValidator validator(analyzersOnly);
    validator.reset(resources);
    findings = validator.diagnostics().size();
  });
  double fullWithSchemas = medianMs(7, [&] { ProjectValidator::validate(resources, withSchemas); });

  // One-field edit: change the timeout of one VirtualService, as a form edit would.
  ProjectValidator validator(withSchemas);
  validator.reset(resources);
  std::size_t target = 0;
  while (resources[target].kind() != ResourceKind::VirtualService) ++target;
  int flip = 0;
  std::size_t analysed = 0;
  double incremental = medianMs(15, [&] {
    Resource edited = resources[target];
    auto spec = edited.specAs<VirtualServiceSpec>();
    spec->http[0].timeout = (++flip % 2) ? "7s" : "5s";
    edited.setSpec(encode(*spec));
    validator.replace(target, edited);
    analysed = validator.lastAnalysedCount();
  });

  std::printf("validation: %zu resources, %zu findings\n", resources.size(), findings);
  std::printf("  full, every analyzer:              median %6.1f ms   [target < 100 ms: %s]\n", full,
              full < 100 ? "met" : "MISSED");
  std::printf("  full, analyzers + CRD schemas:     median %6.1f ms\n", fullWithSchemas);
  std::printf("  revalidate after one-field edit:   median %6.2f ms   [target < 10 ms: %s] (%zu resources analysed)\n",
              incremental, incremental < 10 ? "met" : "MISSED", analysed);
  std::printf("  baseline, decode + index only:     median %6.1f ms\n", decodeOnly);
  std::printf("  ratios: full/baseline %.2fx, edit/full %.3fx\n", full / decodeOnly, incremental / full);
  return 0;
}
