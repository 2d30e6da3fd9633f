#pragma once

// Typed view of networking.istio.io DestinationRule, in the order of the Istio reference
// (https://istio.io/latest/docs/reference/config/networking/destination-rule/).

#include "model/VirtualService.h"

namespace meshstudio::model {

struct HTTPCookieAttribute {
  Opt<std::string> name, value;
  Extras extras;
  static constexpr auto fields() {
    return std::make_tuple(field("name", &HTTPCookieAttribute::name), field("value", &HTTPCookieAttribute::value));
  }
};

struct HTTPCookie {
  Opt<std::string> name, path, ttl;
  List<HTTPCookieAttribute> attributes;
  Extras extras;
  static constexpr auto fields() {
    return std::make_tuple(field("name", &HTTPCookie::name), field("path", &HTTPCookie::path),
                           field("ttl", &HTTPCookie::ttl), field("attributes", &HTTPCookie::attributes));
  }
};

struct RingHash {
  Opt<Int> minimumRingSize;
  Extras extras;
  static constexpr auto fields() { return std::make_tuple(field("minimumRingSize", &RingHash::minimumRingSize)); }
};

struct MagLev {
  Opt<Int> tableSize;
  Extras extras;
  static constexpr auto fields() { return std::make_tuple(field("tableSize", &MagLev::tableSize)); }
};

/// Exactly one hash key is meant to be set: header, cookie, source IP or query parameter.
struct ConsistentHashLB {
  Opt<std::string> httpHeaderName;
  Opt<HTTPCookie> httpCookie;
  Opt<bool> useSourceIp;
  Opt<std::string> httpQueryParameterName;
  Opt<RingHash> ringHash;
  Opt<MagLev> maglev;
  Opt<Int> minimumRingSize;  ///< deprecated
  Extras extras;
  static constexpr auto fields() {
    using M = ConsistentHashLB;
    return std::make_tuple(field("httpHeaderName", &M::httpHeaderName), field("httpCookie", &M::httpCookie),
                           field("useSourceIp", &M::useSourceIp),
                           field("httpQueryParameterName", &M::httpQueryParameterName), field("ringHash", &M::ringHash),
                           field("maglev", &M::maglev), field("minimumRingSize", &M::minimumRingSize));
  }
};

struct WarmupConfiguration {
  Opt<std::string> duration;
  Opt<Number> minimumPercent, aggression;
  Extras extras;
  static constexpr auto fields() {
    using M = WarmupConfiguration;
    return std::make_tuple(field("duration", &M::duration), field("minimumPercent", &M::minimumPercent),
                           field("aggression", &M::aggression));
  }
};

struct LoadBalancerSettings {
  Opt<std::string> simple;  ///< UNSPECIFIED | RANDOM | PASSTHROUGH | ROUND_ROBIN | LEAST_REQUEST | LEAST_CONN
  Opt<ConsistentHashLB> consistentHash;
  Opt<Value> localityLbSetting;
  Opt<std::string> warmupDurationSecs;
  Opt<WarmupConfiguration> warmup;
  Extras extras;
  static constexpr auto fields() {
    using M = LoadBalancerSettings;
    return std::make_tuple(field("simple", &M::simple), field("consistentHash", &M::consistentHash),
                           field("localityLbSetting", &M::localityLbSetting),
                           field("warmupDurationSecs", &M::warmupDurationSecs), field("warmup", &M::warmup));
  }
};

struct TcpKeepalive {
  Opt<Int> probes;
  Opt<std::string> time, interval;
  Extras extras;
  static constexpr auto fields() {
    return std::make_tuple(field("probes", &TcpKeepalive::probes), field("time", &TcpKeepalive::time),
                           field("interval", &TcpKeepalive::interval));
  }
};

struct TCPSettings {
  Opt<Int> maxConnections;
  Opt<std::string> connectTimeout;
  Opt<TcpKeepalive> tcpKeepalive;
  Opt<std::string> maxConnectionDuration, idleTimeout;
  Extras extras;
  static constexpr auto fields() {
    using M = TCPSettings;
    return std::make_tuple(field("maxConnections", &M::maxConnections), field("connectTimeout", &M::connectTimeout),
                           field("tcpKeepalive", &M::tcpKeepalive),
                           field("maxConnectionDuration", &M::maxConnectionDuration),
                           field("idleTimeout", &M::idleTimeout));
  }
};

struct HTTPSettings {
  Opt<Int> http1MaxPendingRequests, http2MaxRequests, maxRequestsPerConnection, maxRetries;
  Opt<std::string> idleTimeout, h2UpgradePolicy;
  Opt<bool> useClientProtocol;
  Opt<Int> maxConcurrentStreams;
  Opt<Value> http2KeepAlive;
  Extras extras;
  static constexpr auto fields() {
    using M = HTTPSettings;
    return std::make_tuple(
        field("http1MaxPendingRequests", &M::http1MaxPendingRequests), field("http2MaxRequests", &M::http2MaxRequests),
        field("maxRequestsPerConnection", &M::maxRequestsPerConnection), field("maxRetries", &M::maxRetries),
        field("idleTimeout", &M::idleTimeout), field("h2UpgradePolicy", &M::h2UpgradePolicy),
        field("useClientProtocol", &M::useClientProtocol), field("maxConcurrentStreams", &M::maxConcurrentStreams),
        field("http2KeepAlive", &M::http2KeepAlive));
  }
};

struct ConnectionPoolSettings {
  Opt<TCPSettings> tcp;
  Opt<HTTPSettings> http;
  Extras extras;
  static constexpr auto fields() {
    return std::make_tuple(field("tcp", &ConnectionPoolSettings::tcp), field("http", &ConnectionPoolSettings::http));
  }
};

struct OutlierDetection {
  Opt<bool> splitExternalLocalOriginErrors;
  Opt<Int> consecutiveLocalOriginFailures, consecutiveGatewayErrors, consecutive5xxErrors;
  Opt<std::string> interval, baseEjectionTime;
  Opt<Int> maxEjectionPercent, minHealthPercent;
  Opt<Int> consecutiveErrors;  ///< deprecated, ignored by Istio since 1.7
  Extras extras;
  static constexpr auto fields() {
    using M = OutlierDetection;
    return std::make_tuple(
        field("splitExternalLocalOriginErrors", &M::splitExternalLocalOriginErrors),
        field("consecutiveLocalOriginFailures", &M::consecutiveLocalOriginFailures),
        field("consecutiveGatewayErrors", &M::consecutiveGatewayErrors),
        field("consecutive5xxErrors", &M::consecutive5xxErrors), field("interval", &M::interval),
        field("baseEjectionTime", &M::baseEjectionTime), field("maxEjectionPercent", &M::maxEjectionPercent),
        field("minHealthPercent", &M::minHealthPercent), field("consecutiveErrors", &M::consecutiveErrors));
  }
};

struct ClientTLSSettings {
  Opt<std::string> mode, clientCertificate, privateKey, caCertificates, credentialName;
  List<std::string> subjectAltNames;
  Opt<std::string> sni;
  Opt<bool> insecureSkipVerify;
  Opt<std::string> caCrl;
  Extras extras;
  static constexpr auto fields() {
    using M = ClientTLSSettings;
    return std::make_tuple(field("mode", &M::mode), field("clientCertificate", &M::clientCertificate),
                           field("privateKey", &M::privateKey), field("caCertificates", &M::caCertificates),
                           field("credentialName", &M::credentialName), field("subjectAltNames", &M::subjectAltNames),
                           field("sni", &M::sni), field("insecureSkipVerify", &M::insecureSkipVerify),
                           field("caCrl", &M::caCrl));
  }
};

struct PortTrafficPolicy {
  Opt<PortSelector> port;
  Opt<LoadBalancerSettings> loadBalancer;
  Opt<ConnectionPoolSettings> connectionPool;
  Opt<OutlierDetection> outlierDetection;
  Opt<ClientTLSSettings> tls;
  Extras extras;
  static constexpr auto fields() {
    using M = PortTrafficPolicy;
    return std::make_tuple(field("port", &M::port), field("loadBalancer", &M::loadBalancer),
                           field("connectionPool", &M::connectionPool), field("outlierDetection", &M::outlierDetection),
                           field("tls", &M::tls));
  }
};

struct TrafficPolicy {
  Opt<LoadBalancerSettings> loadBalancer;
  Opt<ConnectionPoolSettings> connectionPool;
  Opt<OutlierDetection> outlierDetection;
  Opt<ClientTLSSettings> tls;
  List<PortTrafficPolicy> portLevelSettings;
  Opt<Value> tunnel, proxyProtocol, retryBudget;
  Extras extras;
  static constexpr auto fields() {
    using M = TrafficPolicy;
    return std::make_tuple(field("loadBalancer", &M::loadBalancer), field("connectionPool", &M::connectionPool),
                           field("outlierDetection", &M::outlierDetection), field("tls", &M::tls),
                           field("portLevelSettings", &M::portLevelSettings), field("tunnel", &M::tunnel),
                           field("proxyProtocol", &M::proxyProtocol), field("retryBudget", &M::retryBudget));
  }
};

struct Subset {
  Opt<std::string> name;
  StringMap labels;
  Opt<TrafficPolicy> trafficPolicy;
  Extras extras;
  static constexpr auto fields() {
    return std::make_tuple(field("name", &Subset::name), field("labels", &Subset::labels),
                           field("trafficPolicy", &Subset::trafficPolicy));
  }
};

struct DestinationRuleSpec {
  Opt<std::string> host;
  Opt<TrafficPolicy> trafficPolicy;
  List<Subset> subsets;
  List<std::string> exportTo;
  Opt<Value> workloadSelector;
  Extras extras;
  static constexpr auto fields() {
    using M = DestinationRuleSpec;
    return std::make_tuple(field("host", &M::host), field("trafficPolicy", &M::trafficPolicy),
                           field("subsets", &M::subsets), field("exportTo", &M::exportTo),
                           field("workloadSelector", &M::workloadSelector));
  }
};

}  // namespace meshstudio::model
