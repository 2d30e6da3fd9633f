#pragma once

// Typed view of networking.istio.io Gateway
// (https://istio.io/latest/docs/reference/config/networking/gateway/).

#include "model/VirtualService.h"

namespace meshstudio::model {

struct ServerPort {
  Opt<Int> number;
  Opt<std::string> protocol, name;
  Opt<Int> targetPort;
  Extras extras;
  static constexpr auto fields() {
    return std::make_tuple(field("number", &ServerPort::number), field("protocol", &ServerPort::protocol),
                           field("name", &ServerPort::name), field("targetPort", &ServerPort::targetPort));
  }
};

/// Every TLS mode: PASSTHROUGH (the zero value), SIMPLE, MUTUAL, AUTO_PASSTHROUGH, ISTIO_MUTUAL, OPTIONAL_MUTUAL.
struct ServerTLSSettings {
  Opt<bool> httpsRedirect;
  Opt<std::string> mode, serverCertificate, privateKey, caCertificates, caCrl, credentialName;
  List<std::string> credentialNames;
  List<Value> tlsCertificates;
  List<std::string> subjectAltNames, verifyCertificateSpki, verifyCertificateHash;
  Opt<std::string> minProtocolVersion, maxProtocolVersion;
  List<std::string> cipherSuites;
  Extras extras;
  static constexpr auto fields() {
    using M = ServerTLSSettings;
    return std::make_tuple(
        field("httpsRedirect", &M::httpsRedirect), field("mode", &M::mode),
        field("serverCertificate", &M::serverCertificate), field("privateKey", &M::privateKey),
        field("caCertificates", &M::caCertificates), field("caCrl", &M::caCrl),
        field("credentialName", &M::credentialName), field("credentialNames", &M::credentialNames),
        field("tlsCertificates", &M::tlsCertificates), field("subjectAltNames", &M::subjectAltNames),
        field("verifyCertificateSpki", &M::verifyCertificateSpki),
        field("verifyCertificateHash", &M::verifyCertificateHash), field("minProtocolVersion", &M::minProtocolVersion),
        field("maxProtocolVersion", &M::maxProtocolVersion), field("cipherSuites", &M::cipherSuites));
  }
};

struct Server {
  Opt<ServerPort> port;
  Opt<std::string> bind;
  List<std::string> hosts;
  Opt<ServerTLSSettings> tls;
  Opt<std::string> defaultEndpoint, name;
  Extras extras;
  static constexpr auto fields() {
    return std::make_tuple(field("port", &Server::port), field("bind", &Server::bind), field("hosts", &Server::hosts),
                           field("tls", &Server::tls), field("defaultEndpoint", &Server::defaultEndpoint),
                           field("name", &Server::name));
  }
};

struct GatewaySpec {
  List<Server> servers;
  StringMap selector;
  Extras extras;
  static constexpr auto fields() {
    return std::make_tuple(field("servers", &GatewaySpec::servers), field("selector", &GatewaySpec::selector));
  }
};

}  // namespace meshstudio::model
