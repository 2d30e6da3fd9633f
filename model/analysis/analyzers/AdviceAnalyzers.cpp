// Operational advice: configuration Istio accepts but that behaves differently from what it
// suggests once Envoy runs it. This file registers the group (route advice lives in
// AdviceRouteAnalyzers.cpp, DestinationRule advice in AdviceDestinationRuleAnalyzers.cpp) and
// holds the Gateway check.

#include "model/analysis/analyzers/AdviceAnalyzers.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace meshstudio::model::analysis {
namespace advice {

std::string formatNumber(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string text = buffer;
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return text;
}

std::string formatDuration(double nanoseconds) {
  if (nanoseconds >= 1e9) return formatNumber(nanoseconds / 1e9, 3) + "s";
  return formatNumber(nanoseconds / 1e6, 3) + "ms";
}

}  // namespace advice

namespace {

std::string uppercase(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

bool hasExtra(const Extras& extras, std::string_view key) {
  return std::any_of(extras.begin(), extras.end(), [&](const Value::Entry& e) { return e.key == key; });
}

/// MS5013: a `tls` block without `mode` on an HTTPS/TLS server is PASSTHROUGH (the enum's zero
/// value), so the gateway does not terminate TLS and any certificate in the block is ignored.
void reportTlsWithoutMode(AnalysisContext& ctx) {
  const auto& spec = ctx.subject().gateway;
  if (!spec) return;
  for (std::size_t i = 0; i < spec->servers.size(); ++i) {
    const Server& server = spec->servers[i];
    if (!server.tls || server.tls->mode || hasExtra(server.tls->extras, "mode")) continue;
    std::string protocol = server.port && server.port->protocol ? uppercase(*server.port->protocol) : "";
    if (protocol != "HTTPS" && protocol != "TLS") continue;

    const ServerTLSSettings& tls = *server.tls;
    std::string path = child(indexed("spec.servers", i), "tls");
    std::vector<std::string> material;
    if (tls.credentialName) material.push_back("credentialName \"" + *tls.credentialName + "\"");
    if (!tls.credentialNames.empty()) material.push_back("credentialNames");
    if (!tls.tlsCertificates.empty()) material.push_back("tlsCertificates");
    if (tls.serverCertificate) material.push_back("serverCertificate");
    if (tls.privateKey) material.push_back("privateKey");
    if (tls.caCertificates) material.push_back("caCertificates");

    if (material.empty()) {
      ctx.info("MS5013", path,
               "Server tls has no mode, so it is PASSTHROUGH (the zero value): the gateway forwards the encrypted "
               "stream by SNI without terminating it, and only VirtualService tls routes apply. Write mode: "
               "PASSTHROUGH to say so, or mode: SIMPLE with a credentialName to terminate TLS here.")
          .fixes.push_back([&] {
            GatewaySpec edited = *spec;
            edited.servers[i].tls->mode = "PASSTHROUGH";
            return QuickFix{"Set mode: PASSTHROUGH", {replaceSpec(ctx.subject(), edited)}};
          }());
      continue;
    }

    std::string listed;
    for (std::size_t k = 0; k < material.size(); ++k) listed += (k == 0 ? "" : ", ") + material[k];
    Diagnostic& d = ctx.warning(
        "MS5013", path,
        "Server tls has no mode, so it is PASSTHROUGH (the zero value): the gateway does not terminate TLS and "
        "ignores " +
            listed + "; HTTP routes bound to port " +
            (server.port && server.port->number ? std::to_string(*server.port->number) : std::string("?")) +
            " never see the traffic, only tls routes matching SNI do. Set mode: SIMPLE to terminate TLS with "
            "these certificates (MUTUAL to also require client certificates).");
    // SIMPLE is only a valid completion when the block carries a server certificate and no
    // client-verification settings (those ask for MUTUAL, which the user has to decide).
    bool terminates = tls.credentialName || !tls.credentialNames.empty() || !tls.tlsCertificates.empty() ||
                      (tls.serverCertificate && tls.privateKey);
    bool verifiesClients = tls.caCertificates || tls.caCrl || !tls.subjectAltNames.empty() ||
                           !tls.verifyCertificateSpki.empty() || !tls.verifyCertificateHash.empty();
    if (terminates && !verifiesClients) {
      GatewaySpec edited = *spec;
      edited.servers[i].tls->mode = "SIMPLE";
      d.fixes.push_back(QuickFix{"Set mode: SIMPLE", {replaceSpec(ctx.subject(), edited)}});
    }
  }
}

}  // namespace

void addAdviceAnalyzers(std::vector<Analyzer>& out) {
  advice::addRouteAnalyzers(out);
  advice::addDestinationRuleAnalyzers(out);
  out.push_back(Analyzer{"gw.tls-mode-unset", {ResourceKind::Gateway}, &reportTlsWithoutMode});
}

}  // namespace meshstudio::model::analysis
