// DestinationRule admission rules. Sources: istio/istio pkg/config/validation/validation.go
// (ValidateDestinationRule, validateTrafficPolicy, validatePortTrafficPolicies, validateOutlierDetection,
// validateConnectionPool, validateLoadBalancer, validateSubset) and agent/validation.go (ValidateTLS).

#include <algorithm>
#include <cmath>
#include <set>

#include "model/analysis/analyzers/AdmissionSupport.h"

namespace meshstudio::model::analysis {
namespace {

using namespace admission;

QuickFix drFix(const AnalysisContext& ctx, std::string title, const std::function<void(DestinationRuleSpec&)>& edit) {
  DestinationRuleSpec fixed = *ctx.subject().destinationRule;
  edit(fixed);
  return QuickFix{std::move(title), {replaceSpec(ctx.subject(), fixed)}};
}

/// A fix that edits the policy block at `path` in a copy of the spec.
QuickFix blockFix(const AnalysisContext& ctx, std::string title, const std::string& path,
                  const std::function<void(MutablePolicyBlock&)>& edit) {
  return drFix(ctx, std::move(title), [&](DestinationRuleSpec& f) {
    if (auto block = policyBlockAt(f, path)) edit(*block);
  });
}

// --- dr.subsets: host, subset names ----------------------------------------------------------------------------------

void runSubsets(AnalysisContext& ctx) {
  if (!ctx.subject().destinationRule) return;
  const DestinationRuleSpec& dr = *ctx.subject().destinationRule;
  if (dr.host)
    if (auto error = wildcardDomainError(*dr.host))
      ctx.error("MS1205", "spec.host",
                "Invalid host " + quoted(*dr.host) + ": " + *error +
                    ". Use a service name, an FQDN, or a wildcard such as *.example.com.");
  // Subsets are few per rule: a linear scan beats building sets for every DestinationRule of the project.
  static const std::string kNoName;
  auto nameOf = [&](std::size_t k) -> const std::string& { return dr.subsets[k].name ? *dr.subsets[k].name : kNoName; };
  for (std::size_t k = 0; k < dr.subsets.size(); ++k) {
    const std::string& name = nameOf(k);
    bool duplicate = false;
    for (std::size_t j = 0; j < k && !duplicate; ++j) duplicate = nameOf(j) == name;
    if (duplicate) {
      Diagnostic& d = ctx.error("MS1200", child(indexed("spec.subsets", k), "name"),
                                "Duplicate subset name " + quoted(name) +
                                    ": only the first definition is used, and Istio rejects the rule. Rename or merge "
                                    "the subsets.");
      if (!name.empty()) {
        // The first `<name>-<n>` no subset uses; earlier duplicates' fixes are not applied, so they may suggest the
        // same.
        auto used = [&](const std::string& candidate) {
          for (std::size_t j = 0; j < dr.subsets.size(); ++j)
            if (nameOf(j) == candidate) return true;
          return false;
        };
        std::string renamed;
        for (int n = 2; renamed.empty() || used(renamed); ++n) renamed = name + "-" + std::to_string(n);
        d.fixes.push_back(drFix(ctx, "Rename the duplicate subset to " + quoted(renamed),
                                [&](DestinationRuleSpec& f) { f.subsets[k].name = renamed; }));
      }
      continue;
    }
    for (const auto& [key, value] : dr.subsets[k].labels)
      if (auto error = labelError(key, value))
        ctx.error("MS1202", mapKey(child(indexed("spec.subsets", k), "labels"), key),
                  "Invalid subset label: " + *error + ". Use the labels the pods actually carry.");
    if (name.empty())
      ctx.error("MS1201", child(indexed("spec.subsets", k), "name"),
                "A subset name cannot be empty. Name the subset (e.g. after its version label).");
    else if (!isDns1123Label(name))
      ctx.error("MS1201", child(indexed("spec.subsets", k), "name"),
                "Invalid subset name " + quoted(name) +
                    ": subset names are DNS-1123 labels (letters, digits and '-', at most 63). Rename the subset.");
  }
}

// --- dr.traffic-policy: validateTrafficPolicy, validatePortTrafficPolicies, empty connection pools ------------------

bool policyIsEmpty(const TrafficPolicy& p) {
  return !p.outlierDetection && !p.connectionPool && !p.loadBalancer && !p.tls && p.portLevelSettings.empty() &&
         !p.tunnel && !p.proxyProtocol && !p.retryBudget;
}

void runTrafficPolicy(AnalysisContext& ctx) {
  if (!ctx.subject().destinationRule) return;
  const DestinationRuleSpec& dr = *ctx.subject().destinationRule;
  auto checkPolicy = [&](const TrafficPolicy& policy, const std::string& path,
                         const std::function<void(DestinationRuleSpec&)>& remove) {
    if (policyIsEmpty(policy)) {
      Diagnostic& d = ctx.error("MS1210", path,
                                "The trafficPolicy sets nothing, which Istio rejects. Add a setting, or remove the "
                                "trafficPolicy.");
      d.fixes.push_back(drFix(ctx, "Remove the empty trafficPolicy", remove));
      return;
    }
    if (policy.tunnel && policy.proxyProtocol)
      ctx.error("MS1211", child(path, "proxyProtocol"),
                "tunnel and proxyProtocol cannot be set together. Keep one of them.");
  };
  if (dr.trafficPolicy)
    checkPolicy(*dr.trafficPolicy, "spec.trafficPolicy", [](DestinationRuleSpec& f) { f.trafficPolicy.reset(); });
  for (std::size_t k = 0; k < dr.subsets.size(); ++k)
    if (dr.subsets[k].trafficPolicy)
      checkPolicy(*dr.subsets[k].trafficPolicy, child(indexed("spec.subsets", k), "trafficPolicy"),
                  [k](DestinationRuleSpec& f) { f.subsets[k].trafficPolicy.reset(); });
  forEachPolicyBlock(dr, [&](const PolicyBlock& block) {
    if (block.port) {
      const PortTrafficPolicy& entry = *block.port;
      if (!entry.port)
        ctx.error("MS1212", block.path,
                  "A portLevelSettings entry needs a port: set port.number to the service port it applies to.");
      if (!entry.loadBalancer && !entry.connectionPool && !entry.outlierDetection && !entry.tls) {
        Diagnostic& d = ctx.error("MS1213", block.path,
                                  "This portLevelSettings entry sets nothing. Add a setting, or remove the entry.");
        std::string path = block.path;
        d.fixes.push_back(drFix(ctx, "Remove the empty port-level entry", [&](DestinationRuleSpec& f) {
          // block.path ends in `portLevelSettings[n]`; find the owning list through the same walk.
          std::size_t open = path.rfind('[');
          std::size_t index = std::stoul(path.substr(open + 1));
          std::string owner = path.substr(0, path.rfind(".portLevelSettings"));
          if (auto parent = policyBlockAt(f, owner); parent && parent->policy)
            parent->policy->portLevelSettings.erase(parent->policy->portLevelSettings.begin() +
                                                    static_cast<std::ptrdiff_t>(index));
        }));
      }
    }
    if (const ConnectionPoolSettings* pool = block.connectionPool(); pool && !pool->tcp && !pool->http) {
      Diagnostic& d = ctx.error("MS1214", child(block.path, "connectionPool"),
                                "The connectionPool sets neither tcp nor http. Add settings, or remove it.");
      d.fixes.push_back(blockFix(ctx, "Remove the empty connectionPool", block.path,
                                 [](MutablePolicyBlock& b) { b.connectionPool().reset(); }));
    }
  });
}

// --- dr.outlier-detection: validateOutlierDetection
// --------------------------------------------------------------------

void runOutlierDetection(AnalysisContext& ctx) {
  if (!ctx.subject().destinationRule) return;
  forEachPolicyBlock(*ctx.subject().destinationRule, [&](const PolicyBlock& block) {
    const OutlierDetection* od = block.outlierDetection();
    if (!od) return;
    std::string base = child(block.path, "outlierDetection");
    for (auto [value, field] :
         {std::pair{od->maxEjectionPercent, "maxEjectionPercent"}, std::pair{od->minHealthPercent, "minHealthPercent"}})
      if (value && (*value < 0 || *value > 100))
        ctx.error(
            "MS1220", child(base, field),
            std::string(field) + " " + std::to_string(*value) + " is outside 0-100. It is a percentage of hosts.");
    if (od->consecutiveLocalOriginFailures && *od->consecutiveLocalOriginFailures > 0 &&
        !od->splitExternalLocalOriginErrors.value_or(false)) {
      Diagnostic& d =
          ctx.error("MS1221", child(base, "consecutiveLocalOriginFailures"),
                    "consecutiveLocalOriginFailures only counts when splitExternalLocalOriginErrors is true. "
                    "Set splitExternalLocalOriginErrors: true, or remove consecutiveLocalOriginFailures.");
      d.fixes.push_back(
          blockFix(ctx, "Set splitExternalLocalOriginErrors: true", block.path,
                   [](MutablePolicyBlock& b) { b.outlierDetection()->splitExternalLocalOriginErrors = true; }));
    }
    // consecutiveErrors (ignored since Istio 1.7) is operational advice: MS5009 in AdviceDestinationRuleAnalyzers.cpp.
  });
}

// --- dr.connection-pool: validateConnectionPool
// ------------------------------------------------------------------------

void runConnectionPool(AnalysisContext& ctx) {
  if (!ctx.subject().destinationRule) return;
  forEachPolicyBlock(*ctx.subject().destinationRule, [&](const PolicyBlock& block) {
    const ConnectionPoolSettings* pool = block.connectionPool();
    if (!pool) return;
    std::string base = child(block.path, "connectionPool");
    auto nonNegative = [&](const Opt<Int>& value, const std::string& where, const char* field) {
      if (value && *value < 0)
        ctx.error("MS1231", child(where, field),
                  "This limit cannot be negative. Use 0 for Istio's default, or a positive number.");
    };
    if (pool->http) {
      const HTTPSettings& http = *pool->http;
      std::string path = child(base, "http");
      nonNegative(http.http1MaxPendingRequests, path, "http1MaxPendingRequests");
      nonNegative(http.http2MaxRequests, path, "http2MaxRequests");
      nonNegative(http.maxRequestsPerConnection, path, "maxRequestsPerConnection");
      nonNegative(http.maxRetries, path, "maxRetries");
      nonNegative(http.maxConcurrentStreams, path, "maxConcurrentStreams");
      if (http.h2UpgradePolicy == "UPGRADE" && http.useClientProtocol.value_or(false)) {
        Diagnostic& d = ctx.error("MS1230", child(path, "useClientProtocol"),
                                  "useClientProtocol cannot be true when h2UpgradePolicy is UPGRADE: one keeps the "
                                  "client's protocol, the other upgrades to HTTP/2. Remove one of them.");
        d.fixes.push_back(blockFix(ctx, "Remove useClientProtocol", block.path,
                                   [](MutablePolicyBlock& b) { b.connectionPool()->http->useClientProtocol.reset(); }));
      }
      if (http.http2KeepAlive && http.http2KeepAlive->isMap() &&
          (!http.http2KeepAlive->find("interval") || !http.http2KeepAlive->find("timeout")))
        ctx.error("MS1232", child(path, "http2KeepAlive"),
                  "http2KeepAlive needs both interval and timeout. Set the missing field.");
    }
    if (pool->tcp) nonNegative(pool->tcp->maxConnections, base, "tcp.maxConnections");
  });
}

// --- dr.load-balancer: validateLoadBalancer
// ----------------------------------------------------------------------------

// Envoy's isPrime (source/common/common/utility.cc), which Istio copies: 1, 2 and 3 count as prime.
bool isPrime(std::int64_t x) {
  if (x != 0 && x < 4) return true;
  if ((x & 1) == 0) return false;
  auto limit = static_cast<std::int64_t>(std::sqrt(static_cast<double>(x)));
  for (std::int64_t factor = 3; factor <= limit; factor += 2)
    if (x % factor == 0) return false;
  return true;
}

constexpr std::int64_t kMaglevLimit = 5000011;

std::int64_t nearestMaglevTableSize(std::int64_t size) {
  if (size <= 0) return 65537;  // Envoy's default
  if (size >= kMaglevLimit) size = kMaglevLimit - 1;
  for (std::int64_t up = size; up < kMaglevLimit; ++up)
    if (isPrime(up)) return up;
  for (std::int64_t down = size; down > 3; --down)
    if (isPrime(down)) return down;
  return 65537;
}

void runLoadBalancer(AnalysisContext& ctx) {
  if (!ctx.subject().destinationRule) return;
  forEachPolicyBlock(*ctx.subject().destinationRule, [&](const PolicyBlock& block) {
    const LoadBalancerSettings* lb = block.loadBalancer();
    if (!lb) return;
    std::string base = child(block.path, "loadBalancer");
    if (lb->consistentHash) {
      const ConsistentHashLB& hash = *lb->consistentHash;
      std::string hashPath = child(base, "consistentHash");
      if (hash.httpCookie) {
        if (hash.httpCookie->name && hash.httpCookie->name->empty())
          ctx.error("MS1240", child(hashPath, "httpCookie.name"),
                    "The hash cookie needs a name. Set httpCookie.name to the cookie to hash on.");
        std::set<std::string> attributes;
        for (std::size_t k = 0; k < hash.httpCookie->attributes.size(); ++k) {
          std::string name = hash.httpCookie->attributes[k].name.value_or("");
          if (!attributes.insert(name).second)
            ctx.error("MS1245", child(indexed(child(hashPath, "httpCookie.attributes"), k), "name"),
                      "Duplicate cookie attribute " + quoted(name) + ". Remove the duplicate.");
        }
      }
      if (hash.minimumRingSize && *hash.minimumRingSize != 0) {
        std::string path = child(hashPath, "minimumRingSize");
        if (hash.ringHash || hash.maglev) {
          Diagnostic& d = ctx.error("MS1242", path,
                                    "The deprecated minimumRingSize cannot be combined with " +
                                        std::string(hash.ringHash ? "ringHash" : "maglev") +
                                        ". Set ringHash.minimumRingSize instead, and remove this field.");
          bool move = hash.ringHash && !hash.ringHash->minimumRingSize;
          d.fixes.push_back(blockFix(ctx, move ? "Move it to ringHash.minimumRingSize" : "Remove minimumRingSize",
                                     block.path, [move](MutablePolicyBlock& b) {
                                       ConsistentHashLB& h = *b.loadBalancer()->consistentHash;
                                       if (move) h.ringHash->minimumRingSize = h.minimumRingSize;
                                       h.minimumRingSize.reset();
                                     }));
        } else {
          Diagnostic& d = ctx.warning(
              "MS1243", path, "consistentHash.minimumRingSize is deprecated. Use ringHash: {minimumRingSize: ...}.");
          d.fixes.push_back(blockFix(ctx, "Move it to ringHash.minimumRingSize", block.path, [](MutablePolicyBlock& b) {
            ConsistentHashLB& h = *b.loadBalancer()->consistentHash;
            h.ringHash = RingHash{h.minimumRingSize, {}};
            h.minimumRingSize.reset();
          }));
        }
      }
      if (hash.maglev) {
        std::int64_t size = hash.maglev->tableSize.value_or(0);
        std::string problem;
        if (size == 0)
          problem = "tableSize must be set for maglev";
        else if (size >= kMaglevLimit)
          problem = "tableSize " + std::to_string(size) + " must be below 5000011";
        else if (!isPrime(size))
          problem = "tableSize " + std::to_string(size) + " is not a prime number";
        if (!problem.empty()) {
          std::int64_t suggestion = nearestMaglevTableSize(size);
          Diagnostic& d = ctx.error(
              "MS1241", hash.maglev->tableSize ? child(hashPath, "maglev.tableSize") : child(hashPath, "maglev"),
              "Invalid maglev table: " + problem + ". Use a prime below 5000011, e.g. " + std::to_string(suggestion) +
                  (suggestion == 65537 ? " (the default)." : " (the default is 65537)."));
          d.fixes.push_back(blockFix(ctx, "Use tableSize " + std::to_string(suggestion), block.path,
                                     [suggestion](MutablePolicyBlock& b) {
                                       b.loadBalancer()->consistentHash->maglev->tableSize = suggestion;
                                     }));
        }
      }
    }
    if (lb->warmup && lb->warmup->aggression && *lb->warmup->aggression < 1.0) {
      Diagnostic& d = ctx.error("MS1244", child(base, "warmup.aggression"),
                                "Warmup aggression must be at least 1 (1 ramps traffic up linearly, higher values "
                                "faster). Fix the value.");
      d.fixes.push_back(blockFix(ctx, "Use aggression 1 (linear ramp)", block.path,
                                 [](MutablePolicyBlock& b) { b.loadBalancer()->warmup->aggression = 1.0; }));
    }
    bool zoneAware = std::any_of(lb->extras.begin(), lb->extras.end(),
                                 [](const Value::Entry& e) { return e.key == "zoneAwareLbSetting"; });
    if (zoneAware && lb->localityLbSetting)
      ctx.error("MS1246", child(base, "zoneAwareLbSetting"),
                "localityLbSetting and zoneAwareLbSetting cannot be set together. Keep one of them.");
  });
}

// --- dr.client-tls: agent.ValidateTLS ------------------------------------------------------------------------------

void runClientTls(AnalysisContext& ctx) {
  if (!ctx.subject().destinationRule) return;
  forEachPolicyBlock(*ctx.subject().destinationRule, [&](const PolicyBlock& block) {
    const ClientTLSSettings* tls = block.tls();
    if (!tls) return;
    std::string base = child(block.path, "tls");
    std::string mode = tls->mode.value_or("");
    if (tls->insecureSkipVerify.value_or(false)) {
      bool conflict = mode == "SIMPLE" ? nonEmpty(tls->caCertificates) || nonEmpty(tls->credentialName) ||
                                             !tls->subjectAltNames.empty()
                      : mode == "MUTUAL" ? nonEmpty(tls->caCertificates) || !tls->subjectAltNames.empty()
                                         : false;
      if (conflict)
        ctx.error("MS1252", child(base, "insecureSkipVerify"),
                  "insecureSkipVerify turns server verification off, so caCertificates" +
                      std::string(mode == "SIMPLE" ? ", credentialName" : "") +
                      " and subjectAltNames cannot be set with it. Remove insecureSkipVerify, or the verification "
                      "settings.");
    }
    if ((mode == "SIMPLE" || mode == "MUTUAL") && nonEmpty(tls->credentialName)) {
      if (nonEmpty(tls->clientCertificate) || nonEmpty(tls->caCertificates) || nonEmpty(tls->privateKey) ||
          nonEmpty(tls->caCrl)) {
        Diagnostic& d =
            ctx.error("MS1250", child(base, "credentialName"),
                      "With credentialName, the certificates come from the secret: clientCertificate, "
                      "privateKey, caCertificates and caCrl cannot be set as well. Remove the file paths, or "
                      "credentialName.");
        d.fixes.push_back(blockFix(ctx, "Remove the certificate file paths", block.path, [](MutablePolicyBlock& b) {
          ClientTLSSettings& t = *b.tls();
          t.clientCertificate.reset();
          t.privateKey.reset();
          t.caCertificates.reset();
          t.caCrl.reset();
        }));
      }
      return;
    }
    if (mode == "MUTUAL" && (!nonEmpty(tls->clientCertificate) || !nonEmpty(tls->privateKey)))
      ctx.error("MS1251", base,
                "MUTUAL TLS needs a client certificate: set clientCertificate and privateKey, or credentialName (a "
                "secret holding them). For Istio's own certificates use mode ISTIO_MUTUAL.");
  });
}

}  // namespace

void addAdmissionDestinationRuleAnalyzers(std::vector<Analyzer>& out) {
  const std::vector<ResourceKind> dr{ResourceKind::DestinationRule};
  out.push_back(Analyzer{"dr.subsets", dr, runSubsets});
  out.push_back(Analyzer{"dr.traffic-policy", dr, runTrafficPolicy});
  out.push_back(Analyzer{"dr.outlier-detection", dr, runOutlierDetection});
  out.push_back(Analyzer{"dr.connection-pool", dr, runConnectionPool});
  out.push_back(Analyzer{"dr.load-balancer", dr, runLoadBalancer});
  out.push_back(Analyzer{"dr.client-tls", dr, runClientTls});
}

}  // namespace meshstudio::model::analysis
