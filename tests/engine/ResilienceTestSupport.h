#pragma once

// Workloads for the resilience suites: one Service `httpbin` (port 8000) whose pods come from
// any number of Deployments, each with its own replicas and `meshstudio.dev/*` annotations, and
// a DestinationRule / VirtualService written by the test.

#include <chrono>
#include <string>
#include <vector>

#include "EngineTestSupport.h"
#include "engine/LoadGenerator.h"

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

/// A VirtualService for httpbin with one rule: a route to httpbin (narrowed to `subset` when
/// given) followed by `ruleBody` (the rule's other fields, indented by four spaces).
inline std::string httpbinRoute(const std::string& ruleBody, const std::string& subset = {}) {
  return "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: httpbin, namespace: default}\n"
         "spec:\n  hosts: [httpbin]\n  http:\n  - route: [{destination: {host: httpbin" +
         (subset.empty() ? std::string() : ", subset: " + subset) + "}}]\n" + ruleBody;
}

/// A DestinationRule for httpbin with subsets v1 and v2 (by the `version` label), and
/// `trafficPolicy` (a YAML flow map) when given.
inline std::string httpbinSubsets(const std::string& trafficPolicy = {}) {
  return "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: httpbin, namespace: default}\n"
         "spec:\n  host: httpbin\n" +
         (trafficPolicy.empty() ? std::string() : "  trafficPolicy: " + trafficPolicy + "\n") +
         "  subsets: [{name: v1, labels: {version: v1}}, {name: v2, labels: {version: v2}}]\n";
}

/// `requests` requests over `connections` connections, as fast as possible, to
/// http://httpbin:8000/get through the engine's mesh listener.
inline engine::LoadResult loadHttpbin(engine::Engine& running, int connections, std::uint64_t requests) {
  engine::LoadOptions options;
  std::string error;
  if (!engine::LoadTarget::fromUrl("http://httpbin:8000/get", options.target, error)) qFatal("%s", error.c_str());
  options.target.dialHost = "127.0.0.1";
  options.target.dialPort = running.meshPort();
  options.connections = connections;
  options.qps = 0;
  options.requests = requests;
  return engine::LoadGenerator(options).run();
}

inline double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace meshstudio::test
