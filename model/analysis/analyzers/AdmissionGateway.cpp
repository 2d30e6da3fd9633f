// Gateway admission rules. Sources: istio/istio pkg/config/validation/validation.go (ValidateGateway,
// validateServer, validateServerPort, validateTLSOptions) and agent/validation.go
// (ValidateNamespaceSlashWildcardHostname, ValidatePartialWildCard).

#include <algorithm>
#include <map>

#include "model/analysis/analyzers/AdmissionSupport.h"

namespace meshstudio::model::analysis {
namespace {

using namespace admission;

QuickFix gwFix(const AnalysisContext& ctx, std::string title, const std::function<void(GatewaySpec&)>& edit) {
  GatewaySpec fixed = *ctx.subject().gateway;
  edit(fixed);
  return QuickFix{std::move(title), {replaceSpec(ctx.subject(), fixed)}};
}

std::string serverBase(std::size_t i) { return indexed("spec.servers", i); }

// validateSidecarOrGatewayHostnamePart / ValidateNamespaceSlashWildcardHostname for gateways.
std::optional<std::string> gatewayHostError(const std::string& host) {
  std::string dnsName = host;
  std::size_t slash = host.find('/');
  if (slash != std::string::npos) {
    std::string ns = host.substr(0, slash);
    dnsName = host.substr(slash + 1);
    if (ns.empty() || dnsName.empty()) return std::string("neither the namespace nor the host part may be empty");
    if (ns != "*" && ns != "." && !isDns1123Label(ns))
      return "namespace " + quoted(ns) + " must be \"*\", \".\" or a namespace name";
  }
  if (dnsName != "*" && dnsName.find('.') == std::string::npos)
    return "short names are not allowed; write the fully qualified name (e.g. " + dnsName + ".example.com)";
  if (dnsName.find('*') != std::string::npos && dnsName != "*" && !dnsName.starts_with("*."))
    return "partial wildcard " + quoted(dnsName) +
           " is not allowed; a wildcard must be the whole first label (*.example.com)";
  if (auto error = wildcardDomainError(dnsName); error && !isIpAddress(dnsName)) return error;
  return std::nullopt;
}

// --- gw.servers ------------------------------------------------------------------------------------------------------

void runServers(AnalysisContext& ctx) {
  if (!ctx.subject().gateway) return;
  const GatewaySpec& gw = *ctx.subject().gateway;
  std::string name = ctx.subject().resource.name();
  if (!name.empty() && !isDns1123Label(name))
    ctx.error(
        "MS1306", "metadata.name",
        "Gateway name " + quoted(name) +
            " is not a DNS-1123 label: VirtualServices refer to gateways as <namespace>/<name>, so the name cannot "
            "contain dots. Rename the Gateway.");
  if (gw.servers.empty() && !undecoded(gw.extras, "servers")) {
    ctx.error("MS1300", gw.servers.isPresent() ? "spec.servers" : "spec",
              "The Gateway has no servers, so it opens no port. Add a server with a port and hosts.");
    return;
  }
  std::map<std::string, std::size_t> portNames;
  std::set<std::string> allNames;
  for (const Server& server : gw.servers)
    if (server.port && server.port->name) allNames.insert(*server.port->name);
  for (std::size_t i = 0; i < gw.servers.size(); ++i) {
    const Server& server = gw.servers[i];
    std::string base = serverBase(i);
    if (server.hosts.empty())
      ctx.error("MS1301", server.hosts.isPresent() ? child(base, "hosts") : base,
                "The server has no hosts. Add at least one, e.g. \"*/example.com\" or \"*\" for any host.");
    for (std::size_t h = 0; h < server.hosts.size(); ++h)
      if (auto error = gatewayHostError(server.hosts[h]))
        ctx.error("MS1302", indexed(child(base, "hosts"), h),
                  "Invalid server host " + quoted(server.hosts[h]) + ": " + *error + ".");
    if (!server.port) continue;
    const ServerPort& port = *server.port;
    std::string portPath = child(base, "port");
    if (port.protocol && !parseProtocol(*port.protocol).supported)
      ctx.error("MS1305", child(portPath, "protocol"),
                "Unsupported protocol " + quoted(*port.protocol) +
                    ". Use HTTP, HTTPS, GRPC, GRPC-WEB, HTTP2, MONGO, MYSQL, REDIS, TCP or TLS.");
    bool unixSocket = server.bind && server.bind->starts_with("unix://");
    if (port.number && (*port.number > 0 || !unixSocket) && (*port.number < 1 || *port.number > 65535))
      ctx.error("MS1305", child(portPath, "number"),
                "Port " + std::to_string(*port.number) + " is outside 1-65535. Fix the port number.");
    if (port.name && port.name->empty())
      ctx.error("MS1305", child(portPath, "name"), "The server port needs a name. Name it, e.g. after its protocol.");
    if (port.targetPort && *port.targetPort > 0) {
      Diagnostic& d =
          ctx.error("MS1304", child(portPath, "targetPort"),
                    "targetPort has no effect on Gateways (the gateway listens on port.number). Remove it.");
      d.fixes.push_back(
          gwFix(ctx, "Remove targetPort", [i](GatewaySpec& f) { f.servers[i].port->targetPort.reset(); }));
    }
    std::string portName = port.name.value_or("");
    if (auto [it, inserted] = portNames.emplace(portName, i); !inserted) {
      Diagnostic& d =
          ctx.error("MS1303", child(portPath, "name"),
                    "Port name " + quoted(portName) + " is already used by server " + std::to_string(it->second) +
                        ". Port names must be unique across the Gateway's "
                        "servers; rename this one.");
      if (!portName.empty()) {
        std::string renamed;
        for (int n = 2; renamed.empty() || allNames.count(renamed); ++n) renamed = portName + "-" + std::to_string(n);
        allNames.insert(renamed);
        d.fixes.push_back(gwFix(ctx, "Rename the port to " + quoted(renamed),
                                [i, renamed](GatewaySpec& f) { f.servers[i].port->name = renamed; }));
      }
    }
  }
}

// --- gw.tls: TLS presence per protocol, validateTLSOptions -----------------------------------------------------------

void runTls(AnalysisContext& ctx) {
  if (!ctx.subject().gateway) return;
  const GatewaySpec& gw = *ctx.subject().gateway;
  for (std::size_t i = 0; i < gw.servers.size(); ++i) {
    const Server& server = gw.servers[i];
    std::string base = serverBase(i);
    std::string tlsPath = child(base, "tls");
    Protocol protocol;
    if (server.port && server.port->protocol) protocol = parseProtocol(*server.port->protocol);
    const ServerTLSSettings* tls = server.tls ? &*server.tls : nullptr;
    std::string mode = tls && tls->mode ? *tls->mode : "PASSTHROUGH";  // the enum's zero value
    bool passthrough = mode == "PASSTHROUGH" || mode == "AUTO_PASSTHROUGH";
    if (protocol.supported) {
      if (protocol.tls && !tls) {
        ctx.error(
            "MS1310", base,
            "This " + *server.port->protocol +
                " server needs tls settings: add tls with mode SIMPLE and a credentialName (or mode PASSTHROUGH).");
      } else if (!protocol.tls && tls) {
        if (protocol.http) {
          if (!passthrough || nonEmpty(tls->caCertificates) || nonEmpty(tls->privateKey) ||
              nonEmpty(tls->serverCertificate))
            ctx.error("MS1311", tlsPath,
                      "This plain " + *server.port->protocol +
                          " server cannot terminate TLS; its tls block may only carry httpsRedirect. Change the "
                          "protocol to HTTPS, or keep only httpsRedirect.");
        } else {
          ctx.error(
              "MS1312", tlsPath,
              "This " + *server.port->protocol +
                  " server cannot have tls settings (only HTTPS and TLS servers can). Change the protocol to TLS, "
                  "or remove tls.");
        }
      }
    }
    if (!tls) continue;
    if (server.port && !protocol.http && tls->httpsRedirect.value_or(false)) {
      Diagnostic& d = ctx.warning("MS1313", child(tlsPath, "httpsRedirect"),
                                  "httpsRedirect only applies to plain HTTP servers; on this server it does nothing. "
                                  "Remove it, or move it to the port-80 HTTP server.");
      d.fixes.push_back(
          gwFix(ctx, "Remove httpsRedirect", [i](GatewaySpec& f) { f.servers[i].tls->httpsRedirect.reset(); }));
    }
    // validateTLSOptions.
    struct Field {
      const char* name;
      bool set;
    };
    const Field certificateFields[] = {
        {"serverCertificate", nonEmpty(tls->serverCertificate)}, {"privateKey", nonEmpty(tls->privateKey)},
        {"caCertificates", nonEmpty(tls->caCertificates)},       {"caCrl", nonEmpty(tls->caCrl)},
        {"tlsCertificates", !tls->tlsCertificates.empty()},      {"credentialName", nonEmpty(tls->credentialName)},
        {"credentialNames", !tls->credentialNames.empty()}};
    auto stripCertificates = [i](GatewaySpec& f) {
      ServerTLSSettings& t = *f.servers[i].tls;
      t.serverCertificate.reset();
      t.privateKey.reset();
      t.caCertificates.reset();
      t.caCrl.reset();
      t.tlsCertificates.clear();
      t.tlsCertificates.present = false;
      t.credentialName.reset();
      t.credentialNames.clear();
      t.credentialNames.present = false;
    };
    std::string setFields;
    const char* firstSet = nullptr;
    int setCount = 0;
    for (const Field& f : certificateFields)
      if (f.set && (mode != "ISTIO_MUTUAL" || std::string_view(f.name) != "caCrl")) {
        setFields += (setFields.empty() ? "" : ", ") + std::string(f.name);
        if (!firstSet) firstSet = f.name;
        ++setCount;
      }
    const char* isAre = setCount > 1 ? " are" : " is";
    if (mode == "ISTIO_MUTUAL") {
      if (firstSet) {
        Diagnostic& d = ctx.error("MS1314", child(tlsPath, firstSet),
                                  "ISTIO_MUTUAL uses Istio's own workload certificates, so " + setFields +
                                      " cannot be set. Remove them, or use mode MUTUAL with your certificates.");
        d.fixes.push_back(gwFix(ctx, "Remove the certificate settings", stripCertificates));
      }
      continue;
    }
    // A tls block with no mode is PASSTHROUGH too; that case is advice (MS5013, AdviceAnalyzers.cpp),
    // so here only an explicit passthrough mode with certificates is reported.
    if (passthrough && firstSet && tls->mode) {
      Diagnostic& d =
          ctx.warning("MS1319", child(tlsPath, "mode"),
                      mode + " does not terminate TLS, so " + setFields + isAre +
                          " ignored. Remove the certificate settings, or use mode SIMPLE to terminate TLS.");
      d.fixes.push_back(gwFix(ctx, "Remove the certificate settings", stripCertificates));
    }
    int sources = (nonEmpty(tls->serverCertificate) && nonEmpty(tls->privateKey) ? 1 : 0) +
                  (nonEmpty(tls->credentialName) ? 1 : 0) + (!tls->credentialNames.empty() ? 1 : 0) +
                  (!tls->tlsCertificates.empty() ? 1 : 0);
    if (sources > 1)
      ctx.error("MS1315", tlsPath,
                "More than one certificate source is set; use exactly one of credentialName, credentialNames, "
                "serverCertificate/privateKey or tlsCertificates.");
    bool terminating = mode == "SIMPLE" || mode == "MUTUAL" || mode == "OPTIONAL_MUTUAL";
    if (terminating && (nonEmpty(tls->credentialName) || !tls->credentialNames.empty()))
      continue;  // certificates (and CA, CRL) come from the secret
    if (terminating) {
      bool mutual = mode != "SIMPLE";
      if (mutual && !nonEmpty(tls->caCertificates))
        ctx.error("MS1317", child(tlsPath, "mode"),
                  mode +
                      " TLS verifies client certificates, so it needs caCertificates (or a credentialName whose "
                      "secret holds the CA). Add the CA bundle.");
      std::vector<std::pair<std::string, std::pair<bool, bool>>> certificates;  // path, {has cert, has key}
      if (!tls->tlsCertificates.empty()) {
        for (std::size_t k = 0; k < tls->tlsCertificates.size(); ++k) {
          const Value& cert = tls->tlsCertificates[k];
          auto has = [&](const char* key) {
            const Value* v = cert.find(key);
            return v && v->isString() && !v->text().empty();
          };
          certificates.push_back(
              {indexed(child(tlsPath, "tlsCertificates"), k), {has("serverCertificate"), has("privateKey")}});
        }
      } else {
        certificates.push_back({tlsPath, {nonEmpty(tls->serverCertificate), nonEmpty(tls->privateKey)}});
      }
      for (const auto& [path, has] : certificates)
        if (!has.first || !has.second)
          ctx.error("MS1316", path,
                    mode +
                        " TLS needs a server certificate: set credentialName (a kubernetes.io/tls secret), or both "
                        "serverCertificate and privateKey. Missing: " +
                        std::string(!has.first && !has.second ? "serverCertificate and privateKey"
                                    : !has.first              ? "serverCertificate"
                                                              : "privateKey") +
                        ".");
    }
    if (nonEmpty(tls->caCrl)) {
      if (nonEmpty(tls->credentialName))
        ctx.error("MS1318", child(tlsPath, "caCrl"),
                  "caCrl cannot be combined with credentialName: put the CRL into the credential's secret (ca.crl) "
                  "instead.");
      else if (mode == "SIMPLE")
        ctx.error("MS1318", child(tlsPath, "caCrl"),
                  "SIMPLE TLS does not verify client certificates, so a CRL has nothing to check. Remove caCrl, or use "
                  "MUTUAL.");
    }
  }
}

}  // namespace

void addAdmissionGatewayAnalyzers(std::vector<Analyzer>& out) {
  const std::vector<ResourceKind> gw{ResourceKind::Gateway};
  out.push_back(Analyzer{"gw.servers", gw, runServers});
  out.push_back(Analyzer{"gw.tls", gw, runTls});
}

}  // namespace meshstudio::model::analysis
