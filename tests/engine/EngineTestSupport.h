#pragma once

// Helpers for the engine suites: compile a Snapshot from YAML text, and explain requests.

#include <QtTest/QtTest>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <memory>
#include <string>
#include <vector>

#include "engine/Engine.h"
#include "engine/Explain.h"
#include "engine/Snapshot.h"
#include "model/Importer.h"
#include "model/Value.h"

namespace meshstudio::test {

namespace http = engine::http;

/// Services, Deployments and a DestinationRule most routing tests share: reviews (port 9080)
/// with one pod per version v1..v3, subset v4 selecting nothing, and `ghost` without pods.
inline const char* kReviewsWorkloads = R"(apiVersion: v1
kind: Service
metadata: {name: reviews, namespace: default}
spec: {selector: {app: reviews}, ports: [{name: http, port: 9080}]}
---
apiVersion: v1
kind: Service
metadata: {name: ghost, namespace: default}
spec: {selector: {app: ghost}, ports: [{name: http, port: 80}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: reviews-v1, namespace: default}
spec: {selector: {matchLabels: {app: reviews, version: v1}}, template: {metadata: {labels: {app: reviews, version: v1}}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: reviews-v2, namespace: default}
spec: {selector: {matchLabels: {app: reviews, version: v2}}, template: {metadata: {labels: {app: reviews, version: v2}}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: reviews-v3, namespace: default}
spec: {selector: {matchLabels: {app: reviews, version: v3}}, template: {metadata: {labels: {app: reviews, version: v3}}}}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews, namespace: default}
spec:
  host: reviews
  subsets:
  - {name: v1, labels: {version: v1}}
  - {name: v2, labels: {version: v2}}
  - {name: v3, labels: {version: v3}}
  - {name: v4, labels: {version: v4}}
)";

inline std::shared_ptr<const engine::Snapshot> compileYaml(const std::string& yaml, const std::string& settings = {}) {
  auto imported = model::Importer::importText(yaml, "test.yaml");
  model::Value projectSettings = model::Value::map();
  if (!settings.empty()) {
    auto parsed = model::Importer::importText(settings, "meshstudio.yaml");
    if (!parsed.resources.empty()) projectSettings = parsed.resources.front().document();
  }
  return engine::Snapshot::compile(imported.resources, projectSettings);
}

/// A VirtualService `reviews` (namespace default, bound to the mesh) with `httpRules` as its
/// `http:` list (indented by two spaces), on top of kReviewsWorkloads.
inline std::shared_ptr<const engine::Snapshot> reviewsWith(const std::string& httpRules) {
  return compileYaml(std::string(kReviewsWorkloads) + R"(---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews, namespace: default}
spec:
  hosts: [reviews]
  http:
)" + httpRules);
}

/// A Service `name` (namespace default, port `servicePort`) whose one pod, of Deployment
/// `<name>-real`, is a real local process on loopback `port` (`meshstudio.dev/upstream`).
inline std::string realUpstreamService(const std::string& name, int servicePort, std::uint16_t port) {
  return "apiVersion: v1\nkind: Service\nmetadata: {name: " + name +
         ", namespace: default}\nspec: {selector: {app: " + name +
         "}, ports: [{name: http, port: " + std::to_string(servicePort) +
         "}]}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: " + name +
         "-real, namespace: default}\nspec:\n  selector: {matchLabels: {app: " + name +
         "}}\n  template:\n    metadata:\n      labels: {app: " + name +
         "}\n      annotations: {meshstudio.dev/upstream: '127.0.0.1:" + std::to_string(port) + "'}\n";
}

/// Every compile problem on one line each, for failure messages (QVERIFY2 evaluates its message eagerly).
inline std::string problemsOf(const engine::Snapshot& snapshot) {
  std::string out;
  for (const std::string& problem : snapshot.problems) out += problem + "\n";
  return out;
}

using engine::HeaderList;

/// A loopback port nothing listens on: bound once, then released.
inline std::uint16_t closedPort() {
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor acceptor(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
  return acceptor.local_endpoint().port();
}

/// Starts an engine on `snapshot` with every listener on a free loopback port (so suites can run
/// in parallel), Gateway port 80 included.
inline std::unique_ptr<engine::Engine> startEngine(std::shared_ptr<const engine::Snapshot> snapshot, int threads = 2) {
  engine::EngineOptions options;
  options.threads = threads;
  options.meshOverride = engine::ListenAddress{"127.0.0.1", 0};
  options.adminOverride = engine::ListenAddress{"127.0.0.1", 0};
  options.gatewayPortOverrides[80] = 0;
  auto running = std::make_unique<engine::Engine>(options);
  running->load(std::move(snapshot));
  std::string error;
  if (!running->start(error)) qFatal("engine did not start: %s", error.c_str());
  return running;
}

/// `"a: 1; b: 2"` -> {{"a","1"},{"b","2"}}.
inline HeaderList headerList(const QString& text) {
  HeaderList out;
  for (const QString& part : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
    const qsizetype colon = part.indexOf(QLatin1Char(':'), 1);
    out.emplace_back(part.left(colon).trimmed().toStdString(), part.mid(colon + 1).trimmed().toStdString());
  }
  return out;
}

inline engine::Explanation explainRequest(const engine::Snapshot& snapshot, const std::string& method,
                                          const std::string& url, const HeaderList& headers = {},
                                          std::vector<std::uint64_t> randomValues = {0},
                                          const std::string& listener = "mesh") {
  engine::FixedRandom random(std::move(randomValues));
  auto explanation = engine::explain(snapshot, listener, engine::makeRequest(method, url, headers), random);
  if (!explanation) qFatal("listener %s does not exist", listener.c_str());
  return std::move(*explanation);
}

}  // namespace meshstudio::test
