#include "engine/TlsCredentials.h"

#include <boost/asio/buffer.hpp>
#include <boost/asio/ssl/context.hpp>

#include <openssl/ssl.h>

#include "engine/RouteCompiler.h"
#include "engine/ServiceDirectory.h"

namespace meshstudio::engine {
namespace {

namespace ssl = boost::asio::ssl;

const model::Resource* findSecret(const std::vector<model::Resource>& resources, const ServiceDirectory& directory,
                                  const std::string& namespaceName, const std::string& name) {
  for (const model::Resource& resource : resources)
    if (resource.kind() == model::ResourceKind::Secret && resource.name() == name &&
        directory.namespaceOf(resource) == namespaceName)
      return &resource;
  return nullptr;
}

/// One key of a Secret: `stringData` as written (the API server merges it over `data`), else
/// `data` decoded from base64. Line breaks inside the base64 are skipped, as Go's decoder does.
std::optional<std::string> secretValue(const model::Resource& secret, const char* key) {
  const model::Value* plain = secret.document().at("stringData");
  if (const model::Value* value = plain ? plain->find(key) : nullptr; value && value->isScalar()) return value->text();
  const model::Value* data = secret.document().at("data");
  const model::Value* value = data ? data->find(key) : nullptr;
  if (!value || !value->isScalar()) return std::nullopt;
  std::string encoded;
  for (char c : value->text())
    if (c != '\n' && c != '\r' && c != ' ') encoded += c;
  std::string decoded = base64Decode(encoded);
  if (decoded.empty()) return std::nullopt;
  return decoded;
}

std::optional<std::string> firstValue(const model::Resource& secret, const char* key, const char* alternative) {
  auto value = secretValue(secret, key);
  return value ? value : secretValue(secret, alternative);
}

}  // namespace

std::optional<TlsCredentials> credentialsFromSecrets(const std::vector<model::Resource>& resources,
                                                     const ServiceDirectory& directory,
                                                     const std::string& namespaceName, const std::string& name,
                                                     std::string& why) {
  const model::Resource* secret = findSecret(resources, directory, namespaceName, name);
  if (!secret) {
    why = "no Secret " + namespaceName + "/" + name + " in the project";
    return std::nullopt;
  }
  // Istio takes tls.crt/tls.key when both are there, else cert/key (the generic form).
  auto certificate = secretValue(*secret, "tls.crt");
  auto key = secretValue(*secret, "tls.key");
  if (!certificate || !key) {
    certificate = secretValue(*secret, "cert");
    key = secretValue(*secret, "key");
  }
  if (!certificate || !key) {
    why = "Secret " + namespaceName + "/" + name + " has no tls.crt and tls.key (nor cert and key)";
    return std::nullopt;
  }
  TlsCredentials credentials{std::move(*certificate), std::move(*key), {}};
  if (const model::Resource* caSecret = findSecret(resources, directory, namespaceName, name + "-cacert"))
    credentials.caCertificates = firstValue(*caSecret, "ca.crt", "cacert").value_or("");
  if (credentials.caCertificates.empty())
    credentials.caCertificates = firstValue(*secret, "ca.crt", "cacert").value_or("");
  return credentials;
}

std::shared_ptr<ssl::context> makeServerContext(const TlsCredentials& credentials, TlsMode mode, std::string& why) {
  auto context = std::make_shared<ssl::context>(ssl::context::tls_server);
  boost::system::error_code ec;
  context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                           ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use,
                       ec);
  // Asio's messages carry OpenSSL's reason (`no start line`, `key values mismatch`), never the PEM.
  auto failed = [&](const std::string& what) {
    why = what + ": " + ec.message();
    return nullptr;
  };
  if (ec) return failed("cannot set up TLS");
  context->use_certificate_chain(boost::asio::buffer(credentials.certificateChain), ec);
  if (ec) return failed("the certificate does not load");
  context->use_private_key(boost::asio::buffer(credentials.privateKey), ssl::context::pem, ec);
  if (ec) return failed("the private key does not load");
  if (SSL_CTX_check_private_key(context->native_handle()) != 1) {
    why = "the private key does not match the certificate";
    return nullptr;
  }
  if (mode == TlsMode::Mutual || mode == TlsMode::OptionalMutual) {
    if (!credentials.caCertificates.empty()) {
      context->add_certificate_authority(boost::asio::buffer(credentials.caCertificates), ec);
      if (ec) return failed("the CA certificate does not load");
    }
    // Without a CA nothing verifies, so MUTUAL then refuses every client (it fails closed).
    context->set_verify_mode(
        mode == TlsMode::Mutual ? ssl::verify_peer | ssl::verify_fail_if_no_peer_cert : ssl::verify_peer, ec);
    if (ec) return failed("cannot require client certificates");
    // Verifying clients makes OpenSSL insist on a session id context before resuming a session.
    static constexpr unsigned char kSessionContext[] = "meshstudio-gateway";
    SSL_CTX_set_session_id_context(context->native_handle(), kSessionContext, sizeof kSessionContext - 1);
  }
  return context;
}

}  // namespace meshstudio::engine
