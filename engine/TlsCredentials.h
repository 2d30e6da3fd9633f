#pragma once

// A Gateway server's certificate, key and CA, as Istio's credential fetcher reads them from the
// Secret `credentialName` names, and the server-side SSL context built from them. PEM text only
// lives in memory; nothing here logs it (messages name Secrets and keys, never contents).

#include <memory>
#include <string>
#include <vector>

#include "engine/GatewayTls.h"
#include "model/Resource.h"

namespace meshstudio::engine {

class ServiceDirectory;

struct TlsCredentials {
  std::string certificateChain;  ///< PEM, leaf first
  std::string privateKey;        ///< PEM
  std::string caCertificates;    ///< PEM; empty when the Secrets carry no CA
};

/// The credentials of Secret `name` in `namespaceName`: `tls.crt`/`tls.key` (else `cert`/`key`),
/// from `data` (base64) or `stringData`, and the CA from Secret `<name>-cacert` when it exists,
/// else from `ca.crt` (or `cacert`) of the Secret itself (Istio's kube secrets controller).
/// nullopt with `why` when the Secret is missing or lacks a certificate or key.
std::optional<TlsCredentials> credentialsFromSecrets(const std::vector<model::Resource>& resources,
                                                     const ServiceDirectory& directory,
                                                     const std::string& namespaceName, const std::string& name,
                                                     std::string& why);

/// A server context: TLS 1.2 and later (Istio's gateway default), the certificate chain and key,
/// and for MUTUAL (a client certificate required) and OPTIONAL_MUTUAL (requested, verified when
/// sent) verification against `caCertificates`. nullptr with `why` when the PEM does not load or
/// the key does not match the certificate.
std::shared_ptr<boost::asio::ssl::context> makeServerContext(const TlsCredentials& credentials, TlsMode mode,
                                                             std::string& why);

}  // namespace meshstudio::engine
