#pragma once

// Workloads for the resilience suites: one Service `httpbin` (port 8000) whose pods come from
// any number of Deployments, each with its own replicas and `meshstudio.dev/*` annotations, and
// a DestinationRule / VirtualService written by the test.

#include <chrono>
#include <string>
#include <vector>

#include "EngineTestSupport.h"

namespace meshstudio::test {

struct HttpbinDeployment {
  std::string name = "httpbin";  ///< also its `version` label
  int replicas = 1;
  std::string annotations;  ///< a YAML flow map body: `meshstudio.dev/latency: 100ms`
};

/// The Service, its Deployments, then `extra` (a DestinationRule, a VirtualService...).
inline std::string httpbinYaml(const std::vector<HttpbinDeployment>& deployments, const std::string& extra = {}) {
  std::string yaml = R"(apiVersion: v1
kind: Service
metadata: {name: httpbin, namespace: default}
spec: {selector: {app: httpbin}, ports: [{name: http, port: 8000}]}
)";
  for (const HttpbinDeployment& d : deployments) {
    yaml += "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: " + d.name +
            ", namespace: default}\nspec:\n  replicas: " + std::to_string(d.replicas) +
            "\n  selector: {matchLabels: {app: httpbin, version: " + d.name +
            "}}\n  template:\n    metadata:\n      labels: {app: httpbin, version: " + d.name + "}\n" +
            (d.annotations.empty() ? "" : "      annotations: {" + d.annotations + "}\n");
  }
  if (!extra.empty()) yaml += "---\n" + extra;
  return yaml;
}

inline double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace meshstudio::test
