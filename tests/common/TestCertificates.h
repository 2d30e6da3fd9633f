#pragma once

// A throwaway PKI for TLS tests, generated in memory with OpenSSL: a CA, and server or client
// certificates it signs (EC P-256, valid one day). No fixture files to expire or leak.
// Shared by the engine's TLS tests and the Kubernetes API test server (tests/cluster).

#include <arpa/inet.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <atomic>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace meshstudio::test {

struct Credential {
  std::string certificate;  ///< PEM
  std::string key;          ///< PEM
};

namespace pki {

template <auto Free>
struct Deleter {
  template <class T>
  void operator()(T* pointer) const {
    Free(pointer);
  }
};
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, Deleter<X509_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO_free>>;

inline void check(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("test PKI: ") + what);
}

inline std::string pemOf(BIO* bio) {
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<std::size_t>(size));
}

inline void extend(X509* cert, X509* issuer, int nid, const std::string& value) {
  X509V3_CTX context;
  X509V3_set_ctx(&context, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value.c_str());
  check(extension && X509_add_ext(cert, extension, -1) == 1, "extension");
  X509_EXTENSION_free(extension);
}

inline bool isIpAddress(const std::string& name) {
  unsigned char address[16];
  return inet_pton(AF_INET, name.c_str(), address) == 1 || inet_pton(AF_INET6, name.c_str(), address) == 1;
}

/// Signs a new certificate for a new key; `issuer` null: self-signed (a CA). `organizations`
/// become O= entries of the subject (Kubernetes reads a client certificate's O as its groups).
/// Names in `dnsNames` that are IP addresses become IP: entries, which is what TLS clients
/// check a connection to an address against.
inline Credential make(const std::string& commonName, const std::vector<std::string>& dnsNames, bool isCa,
                       bool forClient, const Credential* issuer, const std::vector<std::string>& organizations = {}) {
  Key key(EVP_EC_gen("P-256"));
  Cert cert(X509_new());
  check(key && cert, "allocation");
  static std::atomic<long> serial{1000};  // the test server issues client certificates from any thread
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), ++serial);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 24 * 3600);
  X509_set_pubkey(cert.get(), key.get());
  X509_NAME* subject = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(commonName.c_str()),
                             -1, -1, 0);
  for (const std::string& organization : organizations)
    X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(organization.c_str()),
                               -1, -1, 0);
  Cert issuerCert;
  Key issuerKey;
  if (issuer) {
    Bio certBio(BIO_new_mem_buf(issuer->certificate.data(), static_cast<int>(issuer->certificate.size())));
    Bio keyBio(BIO_new_mem_buf(issuer->key.data(), static_cast<int>(issuer->key.size())));
    issuerCert.reset(PEM_read_bio_X509(certBio.get(), nullptr, nullptr, nullptr));
    issuerKey.reset(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
    check(issuerCert && issuerKey, "issuer");
    X509_set_issuer_name(cert.get(), X509_get_subject_name(issuerCert.get()));
  } else {
    X509_set_issuer_name(cert.get(), subject);
  }
  X509* signer = issuer ? issuerCert.get() : cert.get();
  if (isCa) {
    extend(cert.get(), signer, NID_basic_constraints, "critical,CA:TRUE");
    extend(cert.get(), signer, NID_key_usage, "critical,keyCertSign,cRLSign");
  } else {
    extend(cert.get(), signer, NID_basic_constraints, "critical,CA:FALSE");
    extend(cert.get(), signer, NID_ext_key_usage, forClient ? "clientAuth" : "serverAuth");
  }
  if (!dnsNames.empty()) {
    std::string san;
    for (const std::string& name : dnsNames)
      san += (san.empty() ? "" : ",") + std::string(isIpAddress(name) ? "IP:" : "DNS:") + name;
    extend(cert.get(), signer, NID_subject_alt_name, san);
  }
  check(X509_sign(cert.get(), issuer ? issuerKey.get() : key.get(), EVP_sha256()) > 0, "signature");
  Bio certOut(BIO_new(BIO_s_mem())), keyOut(BIO_new(BIO_s_mem()));
  PEM_write_bio_X509(certOut.get(), cert.get());
  PEM_write_bio_PrivateKey(keyOut.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr);
  return {pemOf(certOut.get()), pemOf(keyOut.get())};
}

}  // namespace pki

inline Credential makeCa(const std::string& name) { return pki::make(name, {}, true, false, nullptr); }
inline Credential issueServer(const Credential& ca, const std::vector<std::string>& dnsNames) {
  return pki::make(dnsNames.front(), dnsNames, false, false, &ca);
}
inline Credential issueClient(const Credential& ca, const std::string& name,
                              const std::vector<std::string>& organizations = {}) {
  return pki::make(name, {}, false, true, &ca, organizations);
}

inline std::string base64(const std::string& bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int length =
      EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                      reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(length));
  return out;
}

/// The dNSName entries of a certificate's subjectAltName.
inline std::vector<std::string> subjectAltNames(X509* cert) {
  std::vector<std::string> names;
  auto* list = static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
  if (!list) return names;
  for (int i = 0; i < sk_GENERAL_NAME_num(list); ++i) {
    const GENERAL_NAME* name = sk_GENERAL_NAME_value(list, i);
    if (name->type != GEN_DNS) continue;
    const ASN1_IA5STRING* text = name->d.dNSName;
    names.emplace_back(reinterpret_cast<const char*>(ASN1_STRING_get0_data(text)),
                       static_cast<std::size_t>(ASN1_STRING_length(text)));
  }
  GENERAL_NAMES_free(list);
  return names;
}

}  // namespace meshstudio::test
