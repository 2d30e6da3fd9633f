#include "engine/Snapshot.h"

#include <algorithm>
#include <atomic>
#include <map>

#include "engine/GatewayHosts.h"
#include "engine/GatewayTlsCompiler.h"
#include "engine/RouteCompiler.h"
#include "model/DestinationRule.h"
#include "model/Gateway.h"
#include "model/KubernetesObjects.h"
#include "model/LocalRateLimit.h"
#include "model/Text.h"

namespace meshstudio::engine {
namespace {

std::atomic<std::uint64_t> nextVersion{1};

struct VirtualServiceInput {
  const model::Resource* resource;
  model::VirtualServiceSpec spec;
};

/// Gateways merge routes of several VirtualServices for one host, catch-alls last (route.go SortVHostRoutes).
void moveCatchAllsLast(VirtualHost& host) {
  std::stable_partition(host.routes.begin(), host.routes.end(),
                        [](const Route& route) { return route.match.has_value() && !route.match->isCatchAll(); });
}

class SnapshotCompiler {
 public:
  SnapshotCompiler(const std::vector<model::Resource>& resources, Snapshot& out)
      : resources_(resources), out_(out), routes_(out.directory, out.problems) {}

  void run() {
    for (const model::Resource& resource : resources_) {
      if (resource.kind() == model::ResourceKind::VirtualService) {
        if (auto spec = resource.specAs<model::VirtualServiceSpec>()) virtualServices_.push_back({&resource, *spec});
      }
    }
    compileClusters();
    compileMesh();
    compileGateways();
    compileRateLimits();
  }

 private:
  void addCluster(const ServiceEntryInfo& service, std::int64_t port, const std::string& subset,
                  const model::StringMap& labels, ClusterPolicy policy) {
    Cluster cluster;
    cluster.name = clusterName(port, subset, service.fqdn);
    if (out_.clusters.contains(cluster.name)) return;  // the first DestinationRule defining a subset wins
    cluster.serviceFqdn = service.fqdn;
    cluster.serviceName = service.name;
    cluster.namespaceName = service.namespaceName;
    cluster.subset = subset;
    cluster.port = port;
    cluster.policy = std::move(policy);
    for (std::size_t pod : service.pods)
      if (subset.empty() || model::selectorMatches(labels, out_.directory.pods()[pod].labels))
        cluster.endpoints.push_back(pod);
    if (cluster.policy.loadBalancer.isConsistentHash())
      cluster.hashTable = std::make_shared<const HashTable>(hashTableFor(cluster));
    cluster.index = out_.clusters.size();
    out_.clusters.emplace(cluster.name, std::move(cluster));
  }

  /// The ring (or maglev table) over the cluster's endpoints, keyed by their addresses as Envoy
  /// keys hosts, so the same project always hashes a key to the same pod.
  HashTable hashTableFor(const Cluster& cluster) const {
    std::vector<std::string> keys;
    for (std::size_t pod : cluster.endpoints) keys.push_back(simulatedPodAddress(pod, cluster.port));
    const LoadBalancerPolicy& lb = cluster.policy.loadBalancer;
    return lb.kind == LoadBalancerPolicy::Kind::Maglev ? HashTable::maglev(keys, lb.tableSize)
                                                       : HashTable::ring(keys, lb.tableSize);
  }

  PolicyProblem reporterFor(const model::Resource& resource) {
    return [this, &resource](const std::string& path, const std::string& message) {
      model::SourceMark mark = resource.locate(path);
      out_.problems.push_back(resource.source().file + ":" + std::to_string(mark.line) + ":" +
                              std::to_string(mark.column) + ": " + resource.displayName() + " " + path + ": " +
                              message);
    };
  }

  void compileClusters() {
    // Each DestinationRule decoded and resolved once.
    struct Rule {
      const model::Resource* resource;
      model::DestinationRuleSpec spec;
      const ServiceEntryInfo* service;
    };
    std::vector<Rule> rules;
    for (const model::Resource& resource : resources_) {
      if (resource.kind() != model::ResourceKind::DestinationRule) continue;
      auto spec = resource.specAs<model::DestinationRuleSpec>();
      if (!spec || !spec->host) continue;
      if (const ServiceEntryInfo* service = out_.directory.resolve(*spec->host, ns(resource)))
        rules.push_back({&resource, std::move(*spec), service});
    }
    // Several DestinationRules for one host merge: the first top-level trafficPolicy wins, and
    // the first definition of each subset (bp).
    std::map<std::string, const Rule*> hostPolicy;
    for (const Rule& rule : rules)
      if (rule.spec.trafficPolicy) hostPolicy.try_emplace(rule.service->fqdn, &rule);
    auto policyOf = [&](const ServiceEntryInfo& service) -> const Rule* {
      auto it = hostPolicy.find(service.fqdn);
      return it == hostPolicy.end() ? nullptr : it->second;
    };
    for (const ServiceEntryInfo& service : out_.directory.services()) {
      const Rule* rule = policyOf(service);
      for (const model::ServicePort& port : service.service.ports) {
        ClusterPolicy policy;
        if (rule)
          policy =
              resolveClusterPolicy(&*rule->spec.trafficPolicy, nullptr, "", port.port, reporterFor(*rule->resource));
        addCluster(service, port.port, "", {}, std::move(policy));
      }
    }
    for (const Rule& rule : rules) {
      // The host's merged top-level policy, whichever rule wrote it.
      const Rule* merged = policyOf(*rule.service);
      const model::TrafficPolicy* rulePolicy = merged ? &*merged->spec.trafficPolicy : nullptr;
      for (std::size_t i = 0; i < rule.spec.subsets.size(); ++i) {
        const model::Subset& subset = rule.spec.subsets[i];
        if (!subset.name) continue;
        const std::string subsetPath = "spec.subsets[" + std::to_string(i) + "].trafficPolicy";
        for (const model::ServicePort& port : rule.service->service.ports) {
          ClusterPolicy policy =
              resolveClusterPolicy(rulePolicy, subset.trafficPolicy ? &*subset.trafficPolicy : nullptr, subsetPath,
                                   port.port, reporterFor(*rule.resource));
          addCluster(*rule.service, port.port, *subset.name, subset.labels, std::move(policy));
        }
      }
    }
  }

  void compileRateLimits() {
    out_.podRateLimits.assign(out_.directory.pods().size(), {});
    for (const model::Resource& resource : resources_) {
      if (resource.kind() != model::ResourceKind::EnvoyFilter) continue;
      const std::string filterNamespace = ns(resource);
      for (const model::LocalRateLimit& limit : model::localRateLimitsOf(resource)) {
        const std::string path = "spec.configPatches[" + std::to_string(limit.patchIndex) + "]";
        auto interval = parseMilliseconds(limit.fillInterval);
        if (!interval || interval->count() <= 0 || limit.maxTokens <= 0) {
          reporterFor(resource)(path, "the token bucket needs max_tokens > 0 and a fill_interval; not run");
          continue;
        }
        RateLimitPolicy policy;
        nameStats(policy, limit.statPrefix.empty() ? "http_local_rate_limiter" : limit.statPrefix);
        policy.maxTokens = static_cast<std::uint64_t>(limit.maxTokens);
        policy.tokensPerFill = static_cast<std::uint64_t>(std::max<std::int64_t>(limit.tokensPerFill, 1));
        policy.fillInterval = *interval;
        policy.enabledPercent = limit.enabledPercent;
        policy.enforcedPercent = limit.enforcedPercent;
        for (const auto& [name, value] : limit.responseHeadersToAdd) policy.responseHeaders.emplace_back(name, value);
        policy.key = filterNamespace + "/" + resource.name() + "#" + std::to_string(limit.patchIndex) + "|" +
                     std::to_string(policy.maxTokens) + "/" + std::to_string(policy.tokensPerFill) + "/" +
                     std::to_string(interval->count());
        if (limit.applyTo == "HTTP_ROUTE")
          reporterFor(resource)(path, "a per-route rate limit runs for the whole listener here");
        const std::size_t index = out_.rateLimits.size();
        out_.rateLimits.push_back(std::move(policy));
        // An EnvoyFilter in the root namespace (istio-system) applies to every namespace; one
        // without a workloadSelector to every workload of its namespace.
        const bool everywhere = filterNamespace == "istio-system";
        auto selects = [&](const model::StringMap& labels) {
          return limit.workloadSelector.empty() || model::selectorMatches(limit.workloadSelector, labels);
        };
        const std::string& context = limit.context;
        if (context == "SIDECAR_INBOUND" || context == "ANY" || context.empty()) {
          for (std::size_t pod = 0; pod < out_.directory.pods().size(); ++pod) {
            const SimulatedPod& simulated = out_.directory.pods()[pod];
            if ((everywhere || simulated.namespaceName == filterNamespace) && selects(simulated.labels))
              out_.podRateLimits[pod].push_back(index);
          }
        }
        if ((context == "SIDECAR_OUTBOUND" || context == "ANY" || context.empty()) &&
            (everywhere || out_.settings.sourceNamespace == filterNamespace) && selects(out_.settings.sourceLabels))
          out_.meshRateLimits.push_back(index);
        if (context == "GATEWAY" || context == "ANY" || context.empty()) out_.gatewayRateLimits.push_back(index);
      }
    }
  }

  ListenerContext meshContext() const {
    ListenerContext context;
    context.sourceNamespace = out_.settings.sourceNamespace;
    context.sourceLabels = out_.settings.sourceLabels;
    return context;
  }

  void compileMesh() {
    const ListenerContext mesh = meshContext();
    RouteTable& table = out_.mesh;
    table.name = "mesh";
    std::vector<std::vector<bool>> hostUsed(virtualServices_.size());
    for (std::size_t v = 0; v < virtualServices_.size(); ++v)
      hostUsed[v].assign(virtualServices_[v].spec.hosts.size(), false);

    for (const ServiceEntryInfo& service : out_.directory.services()) {
      VirtualHost host;
      host.name = service.fqdn;
      host.serviceFqdn = service.fqdn;
      host.namespaceName = service.namespaceName;
      const std::string qualified = service.name + "." + service.namespaceName;
      host.domains = {service.fqdn, qualified + ".svc", qualified};
      // A request naming no port reaches the Service's port 80 when it has one, as a client
      // dialling http://name would; otherwise its first port.
      for (const model::ServicePort& port : service.service.ports)
        if (host.servicePort == 0 || port.port == 80) host.servicePort = port.port;
      if (service.namespaceName == mesh.sourceNamespace) host.domains.push_back(service.name);
      // Sidecars take one VirtualService per host (no merging): an exact host beats a wildcard.
      std::optional<std::size_t> chosen;
      std::size_t chosenWildcard = 0;
      for (std::size_t v = 0; v < virtualServices_.size() && !(chosen && chosenWildcard == 0); ++v) {
        const auto& [resource, spec] = virtualServices_[v];
        if (!RouteCompiler::boundTo(spec, ns(*resource), mesh)) continue;
        for (std::size_t h = 0; h < spec.hosts.size(); ++h) {
          const std::string written = model::lowercase(spec.hosts[h]);
          if (out_.directory.resolve(written, ns(*resource)) == &service) {
            hostUsed[v][h] = true;
            chosen = v;
            chosenWildcard = 0;
            break;
          }
          if (written.starts_with('*') && wildcardCovers(written, service.fqdn) &&
              (!chosen || (chosenWildcard > 0 && written.size() > chosenWildcard))) {
            chosen = v;
            chosenWildcard = written.size();
          }
        }
      }
      if (!chosen ||
          !routes_.compile(*virtualServices_[*chosen].resource, virtualServices_[*chosen].spec, mesh, host)) {
        host.actions = {routes_.defaultAction(service)};
        host.routes = {Route{"default", std::nullopt, 0}};
      }
      table.virtualHosts.push_back(std::move(host));
    }
    // VirtualService hosts that name no Service (external names, wildcards): their own virtual host.
    for (std::size_t v = 0; v < virtualServices_.size(); ++v) {
      const auto& [resource, spec] = virtualServices_[v];
      if (!RouteCompiler::boundTo(spec, ns(*resource), mesh)) continue;
      VirtualHost host;
      for (std::size_t h = 0; h < spec.hosts.size(); ++h)
        if (!hostUsed[v][h]) host.domains.push_back(model::lowercase(spec.hosts[h]));
      if (host.domains.empty()) continue;
      host.name = host.domains.front();
      host.namespaceName = ns(*resource);
      if (routes_.compile(*resource, spec, mesh, host)) table.virtualHosts.push_back(std::move(host));
    }
    table.index();
  }

  void compileGateways() {
    std::map<std::int64_t, GatewayListener> listeners;
    GatewayTlsCompiler tls(resources_, out_);
    for (const model::Resource& resource : resources_) {
      if (resource.kind() != model::ResourceKind::Gateway) continue;
      auto spec = resource.specAs<model::GatewaySpec>();
      if (!spec) continue;
      const std::string gatewayName = ns(resource) + "/" + resource.name();
      for (std::size_t i = 0; i < spec->servers.size(); ++i) {
        const model::Server& server = spec->servers[i];
        if (!server.port || !server.port->number) continue;
        TlsMode mode = TlsMode::Simple;
        const auto kind = tls.classify(resource, i, server, mode);
        if (kind == GatewayTlsCompiler::ServerKind::NotRun) continue;
        const bool isTls = kind != GatewayTlsCompiler::ServerKind::Http;
        const std::int64_t port = *server.port->number;
        auto existing = listeners.find(port);
        if (existing != listeners.end() && existing->second.tls != isTls) {
          // Envoy cannot tell plaintext from TLS on one port by server name; Istio keeps the first.
          model::SourceMark mark = resource.locate("spec.servers[" + std::to_string(i) + "].port");
          out_.problems.push_back(resource.source().file + ":" + std::to_string(mark.line) + ":" +
                                  std::to_string(mark.column) + ": " + resource.displayName() + " spec.servers[" +
                                  std::to_string(i) + "]: port " + std::to_string(port) +
                                  " already has plaintext and TLS servers cannot share it; not run locally");
          continue;
        }
        GatewayListener& listener = listeners[port];
        listener.gatewayPort = port;
        listener.localPort = out_.settings.localPortFor(listener.gatewayPort);
        listener.table.name = "gateway:" + std::to_string(listener.gatewayPort);
        listener.table.servicePort = listener.gatewayPort;
        listener.tls = isTls;
        if (isTls) listener.table.scheme = "https";  // passthrough traffic never reaches the table
        if (std::find(listener.gateways.begin(), listener.gateways.end(), gatewayName) == listener.gateways.end())
          listener.gateways.push_back(gatewayName);
        if (kind == GatewayTlsCompiler::ServerKind::Passthrough) {
          tls.passthrough(resource, gatewayName, server, port, listener.tlsRoutes);
          continue;
        }
        if (kind == GatewayTlsCompiler::ServerKind::Terminate) {
          auto terminating = tls.terminating(resource, gatewayName, i, server, mode);
          if (!terminating) continue;
          listener.tlsServers.push_back(std::move(*terminating));
        }
        const bool requireTls = !isTls && server.tls && server.tls->httpsRedirect.value_or(false);
        compileServer(resource, gatewayName, spec->selector, server, requireTls, listener.table);
      }
    }
    for (auto& [port, listener] : listeners) {
      for (VirtualHost& host : listener.table.virtualHosts) moveCatchAllsLast(host);
      listener.table.index();
      out_.gateways.push_back(std::move(listener));
    }
  }

  void compileServer(const model::Resource& gateway, const std::string& gatewayName, const model::StringMap& selector,
                     const model::Server& server, bool requireTls, RouteTable& table) {
    ListenerContext context;
    context.isGateway = true;
    context.gateway = gatewayName;
    context.sourceLabels = selector;  // the gateway workload's labels, as its selector names them
    context.sourceNamespace = ns(gateway);
    for (const auto& [resource, spec] : virtualServices_) {
      if (!RouteCompiler::boundTo(spec, ns(*resource), context)) continue;
      for (const std::string& serverHost : server.hosts) {
        std::string dnsName;
        if (!serverHostAccepts(serverHost, ns(gateway), ns(*resource), dnsName)) continue;
        for (const std::string& vsHost : spec.hosts) {
          auto domain = intersectHosts(dnsName, gatewayHostName(vsHost, ns(*resource)));
          if (!domain) continue;
          VirtualHost* host = nullptr;
          for (VirtualHost& existing : table.virtualHosts)
            if (existing.domains.front() == *domain) host = &existing;
          if (!host) {
            table.virtualHosts.emplace_back();
            host = &table.virtualHosts.back();
            host->name = *domain + ":" + std::to_string(table.servicePort);
            host->domains = {*domain};
            host->namespaceName = ns(*resource);
            host->requireTls = requireTls;
          }
          const std::string name = resource->kindName() + " " + ns(*resource) + "/" + resource->name();
          if (std::find(host->virtualServices.begin(), host->virtualServices.end(), name) ==
              host->virtualServices.end())
            routes_.compile(*resource, spec, context, *host);
        }
      }
    }
  }

  std::string ns(const model::Resource& resource) const { return out_.directory.namespaceOf(resource); }

  const std::vector<model::Resource>& resources_;
  Snapshot& out_;
  RouteCompiler routes_;
  std::vector<VirtualServiceInput> virtualServices_;
};

}  // namespace

std::string simulatedPodAddress(std::size_t pod, std::int64_t port) {
  const std::size_t host = pod + 1;  // .0 is a network address
  return "10.1." + std::to_string((host >> 8) & 0xff) + "." + std::to_string(host & 0xff) + ":" + std::to_string(port);
}

const Cluster* Snapshot::cluster(const std::string& name) const {
  auto it = clusters.find(name);
  return it == clusters.end() ? nullptr : &it->second;
}

const GatewayListener* Snapshot::gatewayForLocalPort(std::uint16_t port) const {
  for (const GatewayListener& listener : gateways)
    if (listener.localPort == port) return &listener;
  return nullptr;
}

const GatewayListener* Snapshot::gatewayForPort(std::int64_t gatewayPort) const {
  for (const GatewayListener& listener : gateways)
    if (listener.gatewayPort == gatewayPort) return &listener;
  return nullptr;
}

std::shared_ptr<const Snapshot> Snapshot::compile(const std::vector<model::Resource>& resources,
                                                  const model::Value& projectSettings) {
  auto snapshot = std::make_shared<Snapshot>();
  snapshot->version = nextVersion.fetch_add(1);
  snapshot->settings = EngineSettings::fromProjectSettings(projectSettings, snapshot->problems);
  snapshot->directory = ServiceDirectory::build(resources, snapshot->settings.defaultNamespace);
  for (const SimulatedPod& pod : snapshot->directory.pods()) {
    snapshot->behaviours.push_back(PodBehaviour::parse(pod, snapshot->problems));
    const auto& upstream = snapshot->behaviours.back().upstream;
    snapshot->upstreamAddresses.push_back(upstream ? upstream->address() : std::string());
  }
  SnapshotCompiler(resources, *snapshot).run();
  return snapshot;
}

}  // namespace meshstudio::engine
