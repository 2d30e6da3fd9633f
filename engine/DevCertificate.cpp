#include "engine/DevCertificate.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

namespace meshstudio::engine {
namespace {

template <auto Free>
struct Deleter {
  template <class T>
  void operator()(T* pointer) const {
    Free(pointer);
  }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using CertPtr = std::unique_ptr<X509, Deleter<X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free>>;
using NamesPtr = std::unique_ptr<GENERAL_NAMES, Deleter<GENERAL_NAMES_free>>;
using BignumPtr = std::unique_ptr<BIGNUM, Deleter<BN_free>>;

constexpr long kValiditySeconds = 30L * 24 * 3600;
constexpr long kBackdateSeconds = 3600;  // a client whose clock runs a little behind still accepts it

/// What a SAN dNSName may hold: a DNS name, `*.` as its whole left-most label at most.
bool isDnsName(const std::string& host) {
  if (host.empty() || host == "*" || host.size() > 253) return false;
  for (std::size_t i = 0; i < host.size(); ++i) {
    const char c = host[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                    (c == '*' && i == 0 && host.size() > 2 && host[1] == '.');
    if (!ok) return false;
  }
  return true;
}

std::string pem(BIO* bio) {
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio, &data);
  return size > 0 ? std::string(data, static_cast<std::size_t>(size)) : std::string();
}

bool addExtension(X509* cert, int nid, const char* value) {
  X509V3_CTX context;
  X509V3_set_ctx(&context, cert, cert, nullptr, nullptr, 0);
  X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
  if (!extension) return false;
  const bool added = X509_add_ext(cert, extension, -1) == 1;
  X509_EXTENSION_free(extension);
  return added;
}

/// The subjectAltName, built name by name (no config string a host could inject into).
bool addSubjectAltNames(X509* cert, const std::vector<std::string>& dnsNames) {
  NamesPtr names(GENERAL_NAMES_new());
  if (!names) return false;
  for (const std::string& dnsName : dnsNames) {
    GENERAL_NAME* name = GENERAL_NAME_new();
    ASN1_IA5STRING* text = ASN1_IA5STRING_new();
    if (!name || !text || ASN1_STRING_set(text, dnsName.data(), static_cast<int>(dnsName.size())) != 1) {
      GENERAL_NAME_free(name);
      ASN1_IA5STRING_free(text);
      return false;
    }
    GENERAL_NAME_set0_value(name, GEN_DNS, text);
    if (sk_GENERAL_NAME_push(names.get(), name) == 0) {
      GENERAL_NAME_free(name);
      return false;
    }
  }
  return X509_add1_ext_i2d(cert, NID_subject_alt_name, names.get(), 0, X509V3_ADD_DEFAULT) == 1;
}

std::optional<TlsCredentials> generate(const std::vector<std::string>& dnsNames) {
  KeyPtr key(EVP_EC_gen("P-256"));
  CertPtr cert(X509_new());
  BignumPtr serial(BN_new());
  if (!key || !cert || !serial) return std::nullopt;
  // 159 random bits: positive and unique enough that browsers never see two certificates with
  // the same issuer and serial (which they refuse).
  bool ok = X509_set_version(cert.get(), 2) == 1 && BN_rand(serial.get(), 159, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) &&
            BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())) != nullptr &&
            X509_gmtime_adj(X509_getm_notBefore(cert.get()), -kBackdateSeconds) != nullptr &&
            X509_gmtime_adj(X509_getm_notAfter(cert.get()), kValiditySeconds) != nullptr &&
            X509_set_pubkey(cert.get(), key.get()) == 1;
  X509_NAME* subject = X509_get_subject_name(cert.get());
  // CN is limited to 64 characters; SAN is what clients check anyway.
  const std::string commonName = dnsNames.front().substr(0, 64);
  ok = ok &&
       X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_ASC,
                                  reinterpret_cast<const unsigned char*>("Mesh Studio development certificate"), -1, -1,
                                  0) == 1 &&
       X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_ASC,
                                  reinterpret_cast<const unsigned char*>(commonName.c_str()), -1, -1, 0) == 1 &&
       X509_set_issuer_name(cert.get(), subject) == 1 && addSubjectAltNames(cert.get(), dnsNames) &&
       addExtension(cert.get(), NID_basic_constraints, "critical,CA:FALSE") &&
       addExtension(cert.get(), NID_key_usage, "critical,digitalSignature") &&
       addExtension(cert.get(), NID_ext_key_usage, "serverAuth") && X509_sign(cert.get(), key.get(), EVP_sha256()) > 0;
  BioPtr certBio(BIO_new(BIO_s_mem())), keyBio(BIO_new(BIO_s_mem()));
  ok = ok && certBio && keyBio && PEM_write_bio_X509(certBio.get(), cert.get()) == 1 &&
       PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1;
  if (!ok) return std::nullopt;  // out of memory, or an OpenSSL without P-256
  return TlsCredentials{pem(certBio.get()), pem(keyBio.get()), {}};
}

}  // namespace

std::optional<TlsCredentials> developmentCredentials(const std::vector<std::string>& hosts) {
  std::vector<std::string> dnsNames;
  for (const std::string& host : hosts)
    if (isDnsName(host) && std::find(dnsNames.begin(), dnsNames.end(), host) == dnsNames.end())
      dnsNames.push_back(host);
  if (dnsNames.empty()) dnsNames.push_back("localhost");
  std::string key;
  for (const std::string& name : dnsNames) key += name + ",";
  static std::mutex mutex;
  static std::map<std::string, TlsCredentials> generated;  // memory only, for the process's life
  std::lock_guard lock(mutex);
  auto it = generated.find(key);
  if (it == generated.end()) {
    auto credentials = generate(dnsNames);
    if (!credentials) return std::nullopt;
    it = generated.emplace(key, std::move(*credentials)).first;
  }
  return it->second;
}

}  // namespace meshstudio::engine
