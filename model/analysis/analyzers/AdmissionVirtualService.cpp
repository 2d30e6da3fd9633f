// VirtualService admission rules about the resource as a whole (hosts, gateways, delegation) and
// about each HTTP rule's action (route / redirect / directResponse, rewrite). Sources: istio/istio
// pkg/config/validation/validation.go (ValidateVirtualService, validateHTTPRedirect,
// validateHTTPDirectResponse, validateHTTPRewrite) and virtualservice.go (validateHTTPRouteConflict,
// validateAuthorityRewrite).

#include <algorithm>
#include <functional>

#include "model/analysis/analyzers/AdmissionSupport.h"

namespace meshstudio::model::analysis {
namespace {

using namespace admission;

bool boundToGatewaysOnly(const VirtualServiceSpec& vs) {
  return !vs.gateways.empty() && std::find(vs.gateways.begin(), vs.gateways.end(), "mesh") == vs.gateways.end();
}

// --- vs.hosts ------------------------------------------------------------------------------------------------------

void runHosts(AnalysisContext& ctx) {
  if (!ctx.subject().virtualService) return;
  const VirtualServiceSpec& vs = *ctx.subject().virtualService;
  if (undecoded(vs.extras, "hosts") || undecoded(vs.extras, "gateways")) return;
  if (vs.hosts.empty()) {
    // No hosts: Istio treats the VirtualService as a delegate, which only carries HTTP rules.
    auto delegateOnly = [&](bool present, const char* field, const char* what) {
      if (present)
        ctx.error("MS1104", std::string("spec.") + field,
                  std::string("A VirtualService without hosts is a delegate, and a delegate cannot have ") + what +
                      ". Add hosts, or remove " + field + ".");
    };
    delegateOnly(!vs.gateways.empty(), "gateways", "gateways (the root VirtualService decides where it applies)");
    delegateOnly(!vs.tls.empty(), "tls", "TLS routes");
    delegateOnly(!vs.tcp.empty(), "tcp", "TCP routes");
  }
  bool gatewaysOnly = boundToGatewaysOnly(vs);
  bool allValid = true;
  for (std::size_t i = 0; i < vs.hosts.size(); ++i) {
    const std::string& host = vs.hosts[i];
    std::string path = indexed("spec.hosts", i);
    // Gateway-bound TLS routes may use AUTO_PASSTHROUGH's generated `outbound_.<port>_._.<host>` names.
    if (gatewaysOnly && host.starts_with("outbound_")) continue;
    if (auto error = wildcardDomainError(host); error && !isIpAddress(host)) {
      ctx.error(
          "MS1102", path,
          "Invalid host " + quoted(host) + ": " + *error +
              ". Use a DNS name (a wildcard only as the whole first label, like *.example.com) or an IP address.");
      allValid = false;
    } else if (!error && !gatewaysOnly && host == "*") {
      ctx.error("MS1101", path,
                "The wildcard host \"*\" is not allowed on a VirtualService bound to the mesh (sidecars). Bind it to "
                "gateways only (spec.gateways without \"mesh\"), or list concrete hosts.");
      allValid = false;
    }
  }
  if (allValid) {
    for (std::size_t j = 1; j < vs.hosts.size(); ++j)
      for (std::size_t i = 0; i < j; ++i) {
        if (!hostsOverlap(vs.hosts[i], vs.hosts[j])) continue;
        bool same = vs.hosts[i] == vs.hosts[j];
        Diagnostic& d = ctx.error(
            "MS1100", indexed("spec.hosts", j),
            same ? "Duplicate host " + quoted(vs.hosts[j]) + " in this VirtualService. Remove the duplicate."
                 : "Hosts " + quoted(vs.hosts[i]) + " and " + quoted(vs.hosts[j]) +
                       " overlap in the same VirtualService, which Istio rejects. Keep only the broader one, or move "
                       "one into its own VirtualService.");
        if (same) {
          VirtualServiceSpec fixed = vs;
          fixed.hosts.erase(fixed.hosts.begin() + static_cast<std::ptrdiff_t>(j));
          d.fixes.push_back(QuickFix{"Remove the duplicate host", {replaceSpec(ctx.subject(), fixed)}});
        }
        break;
      }
  }
  if (vs.http.empty() && vs.tcp.empty() && vs.tls.empty() && !undecoded(vs.extras, "http") &&
      !undecoded(vs.extras, "tcp") && !undecoded(vs.extras, "tls"))
    ctx.error("MS1103", "spec",
              "The VirtualService has no http, tcp or tls rules, so it does nothing and Istio rejects it. Add rules, "
              "or delete the resource.");
}

// --- vs.gateway-names: validateGatewayNames --------------------------------------------------------------------------

void checkGatewayName(AnalysisContext& ctx, const std::string& name, const std::string& path,
                      const std::function<ResourceEdit(const std::string&)>& replaced) {
  std::size_t slash = name.find('/');
  if (slash == std::string::npos) {
    if (name.find('.') != std::string::npos) {
      std::size_t dot = name.find('.');
      std::size_t next = name.find('.', dot + 1);
      std::string recommended =
          name.substr(dot + 1, next == std::string::npos ? next : next - dot - 1) + "/" + name.substr(0, dot);
      if (auto error = fqdnError(name)) {
        ctx.error("MS1110", path,
                  "Invalid gateway reference " + quoted(name) + ": " + *error + ". Use <namespace>/<name>.");
        return;
      }
      Diagnostic& d =
          ctx.warning("MS1111", path,
                      "Gateway " + quoted(name) +
                          " uses the legacy FQDN form. Prefer <namespace>/<name>: " + quoted(recommended) + ".");
      d.fixes.push_back(QuickFix{"Use " + quoted(recommended), {replaced(recommended)}});
      return;
    }
    if (auto error = fqdnError(name))
      ctx.error("MS1110", path,
                "Invalid gateway reference " + quoted(name) + ": " + *error + ". Use <namespace>/<name>.");
    return;
  }
  std::string ns = name.substr(0, slash), gateway = name.substr(slash + 1);
  if (ns.empty() || gateway.empty())
    ctx.error("MS1110", path,
              "Invalid gateway reference " + quoted(name) +
                  ": neither the namespace nor the name may be empty. Use <namespace>/<name>.");
  else if (!isDns1123Label(ns))
    ctx.error("MS1110", path,
              "Invalid gateway reference " + quoted(name) + ": namespace " + quoted(ns) +
                  " is not a DNS-1123 label. Fix the namespace.");
  else if (!isDns1123Label(gateway))
    ctx.error("MS1110", path,
              "Invalid gateway reference " + quoted(name) + ": gateway name " + quoted(gateway) +
                  " is not a DNS-1123 label (Gateway names cannot contain dots). Fix the name.");
}

void runGatewayNames(AnalysisContext& ctx) {
  if (!ctx.subject().virtualService) return;
  const VirtualServiceSpec& vs = *ctx.subject().virtualService;
  for (std::size_t i = 0; i < vs.gateways.size(); ++i)
    checkGatewayName(ctx, vs.gateways[i], indexed("spec.gateways", i), [&](const std::string& replacement) {
      VirtualServiceSpec fixed = vs;
      fixed.gateways[i] = replacement;
      return replaceSpec(ctx.subject(), fixed);
    });
  for (std::size_t r = 0; r < vs.http.size(); ++r)
    for (std::size_t m = 0; m < vs.http[r].match.size(); ++m) {
      const auto& gateways = vs.http[r].match[m].gateways;
      std::string base = child(indexed(child(indexed("spec.http", r), "match"), m), "gateways");
      for (std::size_t g = 0; g < gateways.size(); ++g)
        checkGatewayName(ctx, gateways[g], indexed(base, g), [&](const std::string& replacement) {
          VirtualServiceSpec fixed = vs;
          fixed.http[r].match[m].gateways[g] = replacement;
          return replaceSpec(ctx.subject(), fixed);
        });
    }
  // TCP and TLS rules are kept as plain values; their match blocks carry the same gateway lists.
  for (const char* kind : {"tcp", "tls"}) {
    const List<Value>& rules = std::string_view(kind) == "tcp" ? vs.tcp : vs.tls;
    for (std::size_t r = 0; r < rules.size(); ++r) {
      const Value* match = rules[r].find("match");
      if (!match || !match->isSeq()) continue;
      for (std::size_t m = 0; m < match->items().size(); ++m) {
        const Value* gateways = match->items()[m].find("gateways");
        if (!gateways || !gateways->isSeq()) continue;
        std::string base = child(indexed(child(indexed(std::string("spec.") + kind, r), "match"), m), "gateways");
        for (std::size_t g = 0; g < gateways->items().size(); ++g) {
          const Value& name = gateways->items()[g];
          if (!name.isString()) continue;
          checkGatewayName(ctx, name.text(), indexed(base, g), [&](const std::string& replacement) {
            VirtualServiceSpec fixed = vs;
            List<Value>& fixedRules = std::string_view(kind) == "tcp" ? fixed.tcp : fixed.tls;
            fixedRules[r].find("match")->items()[m].find("gateways")->items()[g] = Value::string(replacement);
            return replaceSpec(ctx.subject(), fixed);
          });
        }
      }
    }
  }
}

// --- vs.rule-action: validateHTTPRouteConflict --------------------------------------------------------------------

void runRuleAction(AnalysisContext& ctx) {
  if (!ctx.subject().virtualService) return;
  const VirtualServiceSpec& vs = *ctx.subject().virtualService;
  if (undecoded(vs.extras, "hosts")) return;  // whether this is a delegate is unknown
  bool delegateVs = vs.hosts.empty();
  for (std::size_t i = 0; i < vs.http.size(); ++i) {
    const HTTPRoute& rule = vs.http[i];
    std::string base = indexed("spec.http", i);
    auto removeFix = [&](Diagnostic& d, const char* field, auto member) {
      VirtualServiceSpec fixed = vs;
      (fixed.http[i].*member).reset();
      d.fixes.push_back(QuickFix{std::string("Remove the ") + field, {replaceSpec(ctx.subject(), fixed)}});
    };
    if (!delegateVs && rule.delegate) {
      // A root rule hands the whole action to the delegate VirtualService.
      if (rule.redirect)
        ctx.error(
            "MS1002", child(base, "redirect"),
            "A rule with a delegate cannot also redirect: the delegate VirtualService supplies the action. Remove "
            "the redirect, or the delegate.");
      if (!rule.route.empty())
        ctx.error(
            "MS1002", child(base, "route"),
            "A rule with a delegate cannot also route: the delegate VirtualService supplies the routes. Remove the "
            "route, or the delegate.");
      continue;
    }
    if (delegateVs && rule.delegate)
      ctx.error("MS1004", child(base, "delegate"),
                "This VirtualService has no hosts, so it is itself a delegate, and delegation is only one level deep. "
                "Replace the delegate with a route, or give this VirtualService hosts.");
    if (rule.redirect) {
      if (!rule.route.empty())
        ctx.error("MS1002", child(base, "redirect"),
                  "An HTTP rule cannot both route and redirect. Keep either the route or the redirect.");
      if (rule.directResponse)
        ctx.error("MS1002", child(base, "directResponse"),
                  "An HTTP rule cannot both redirect and send a direct response. Keep one of them.");
      if (rule.fault) {
        Diagnostic& d = ctx.error("MS1003", child(base, "fault"),
                                  "Fault injection cannot be combined with a redirect. Remove the fault, or route the "
                                  "request instead of redirecting it.");
        removeFix(d, "fault", &HTTPRoute::fault);
      }
      if (rule.rewrite) {
        Diagnostic& d =
            ctx.error("MS1003", child(base, "rewrite"),
                      "A rewrite cannot be combined with a redirect (the request is never forwarded). Remove "
                      "the rewrite; a redirect changes the path with redirect.uri or redirect.prefixRewrite.");
        removeFix(d, "rewrite", &HTTPRoute::rewrite);
      }
    } else if (rule.directResponse) {
      if (!rule.route.empty())
        ctx.error("MS1002", child(base, "directResponse"),
                  "An HTTP rule cannot both route and send a direct response. Keep either the route or the "
                  "directResponse.");
      if (rule.fault) {
        Diagnostic& d = ctx.error("MS1003", child(base, "fault"),
                                  "Fault injection cannot be combined with a direct response. Remove the fault.");
        removeFix(d, "fault", &HTTPRoute::fault);
      }
      if (rule.rewrite) {
        Diagnostic& d = ctx.error("MS1003", child(base, "rewrite"),
                                  "A rewrite cannot be combined with a direct response (the request is never "
                                  "forwarded). Remove the rewrite.");
        removeFix(d, "rewrite", &HTTPRoute::rewrite);
      }
    } else if (rule.route.empty()) {
      ctx.error("MS1001", base,
                "This HTTP rule has no action. Give it a route, a redirect or a directResponse" +
                    std::string(delegateVs ? "." : " (or a delegate)."));
    }
  }
}

// --- vs.redirect: validateHTTPRedirect --------------------------------------------------------------------------

void runRedirect(AnalysisContext& ctx) {
  if (!ctx.subject().virtualService) return;
  const VirtualServiceSpec& vs = *ctx.subject().virtualService;
  for (std::size_t i = 0; i < vs.http.size(); ++i) {
    const HTTPRoute& rule = vs.http[i];
    if (!rule.redirect) continue;
    const HTTPRedirect& redirect = *rule.redirect;
    std::string base = child(indexed("spec.http", i), "redirect");
    if (!nonEmpty(redirect.uri) && !nonEmpty(redirect.authority) && !redirect.port && !redirect.derivePort &&
        !nonEmpty(redirect.scheme) && !nonEmpty(redirect.prefixRewrite))
      ctx.error("MS1010", base,
                "The redirect changes nothing: set at least one of uri, prefixRewrite, authority, port (or derivePort) "
                "or scheme.");
    if (nonEmpty(redirect.uri) && nonEmpty(redirect.prefixRewrite))
      ctx.error(
          "MS1011", child(base, "prefixRewrite"),
          "A redirect takes either uri (replace the whole path) or prefixRewrite (replace the matched prefix), not "
          "both. Remove one of them.");
    if (nonEmpty(redirect.prefixRewrite))
      for (std::size_t m = 0; m < rule.match.size(); ++m) {
        const auto& uri = rule.match[m].uri;
        if (uri && (uri->exact || uri->regex))
          ctx.error("MS1012", child(indexed(child(indexed("spec.http", i), "match"), m), "uri"),
                    "redirect.prefixRewrite replaces the matched URI prefix, so every URI match of the rule must be a "
                    "prefix match. Use uri.prefix here, or redirect.uri instead of prefixRewrite.");
      }
    if (redirect.redirectCode && *redirect.redirectCode != 0 &&
        (*redirect.redirectCode < 300 || *redirect.redirectCode > 399)) {
      Diagnostic& d = ctx.error("MS1013", child(base, "redirectCode"),
                                "Redirect code " + std::to_string(*redirect.redirectCode) +
                                    " is not a 3xx status. Use 301, 302, 303, 307 or 308 (default 301).");
      VirtualServiceSpec fixed = vs;
      fixed.http[i].redirect->redirectCode.reset();
      d.fixes.push_back(QuickFix{"Use the default redirect code (301)", {replaceSpec(ctx.subject(), fixed)}});
    }
    if (nonEmpty(redirect.scheme) && *redirect.scheme != "http" && *redirect.scheme != "https") {
      Diagnostic& d = ctx.error(
          "MS1014", child(base, "scheme"),
          "Invalid redirect scheme " + quoted(*redirect.scheme) + ": it must be \"http\" or \"https\" (lower case).");
      std::string lowered = lowercase(*redirect.scheme);
      if (lowered == "http" || lowered == "https") {
        VirtualServiceSpec fixed = vs;
        fixed.http[i].redirect->scheme = lowered;
        d.fixes.push_back(QuickFix{"Use scheme " + quoted(lowered), {replaceSpec(ctx.subject(), fixed)}});
      }
    }
    if (redirect.port && *redirect.port > 65535)
      ctx.error("MS1015", child(base, "port"),
                "Redirect port " + std::to_string(*redirect.port) + " is outside 1-65535. Fix the port.");
  }
}

// --- vs.direct-response: validateHTTPDirectResponse ----------------------------------------------------------------

std::size_t base64DecodedSize(std::string_view text) {
  std::size_t chars = 0;
  for (char c : text)
    if (c != '=' && c != '\n' && c != '\r' && c != ' ') ++chars;
  return chars * 3 / 4;
}

void runDirectResponse(AnalysisContext& ctx) {
  if (!ctx.subject().virtualService) return;
  const VirtualServiceSpec& vs = *ctx.subject().virtualService;
  constexpr std::size_t kKb = 1024, kMb = 1024 * kKb;
  for (std::size_t i = 0; i < vs.http.size(); ++i) {
    if (!vs.http[i].directResponse) continue;
    const HTTPDirectResponse& response = *vs.http[i].directResponse;
    std::string base = child(indexed("spec.http", i), "directResponse");
    if (response.status && (*response.status < 200 || *response.status > 600))
      ctx.error("MS1020", child(base, "status"),
                "Direct response status " + std::to_string(*response.status) +
                    " is outside 200-600. Use a status in that range (to redirect, use a redirect instead).");
    if (!response.body) continue;
    std::string path;
    std::size_t size = 0;
    if (response.body->string) {
      path = child(base, "body.string");
      size = response.body->string->size();
    } else if (response.body->bytes) {
      path = child(base, "body.bytes");
      size = base64DecodedSize(*response.body->bytes);
    } else {
      continue;
    }
    if (size > kMb)
      ctx.error("MS1021", path,
                "The direct response body is " + std::to_string(size / kKb) +
                    " KiB; Istio rejects bodies over 1 MiB. Serve large content from a service instead.");
    else if (size > 100 * kKb)
      ctx.warning("MS1022", path,
                  "The direct response body is " + std::to_string(size / kKb) +
                      " KiB; bodies over 100 KiB slow down the control plane. Consider serving it from a service.");
  }
}

// --- vs.rewrite: validateHTTPRewrite, validateAuthorityRewrite ------------------------------------------------------

bool isAuthorityHeader(std::string_view name) {
  std::string l = lowercase(name);
  return l == ":authority" || l == "host";
}

void runRewrite(AnalysisContext& ctx) {
  if (!ctx.subject().virtualService) return;
  const VirtualServiceSpec& vs = *ctx.subject().virtualService;
  for (std::size_t i = 0; i < vs.http.size(); ++i) {
    const HTTPRoute& rule = vs.http[i];
    std::string rulePath = indexed("spec.http", i);
    if (rule.rewrite) {
      const HTTPRewrite& rewrite = *rule.rewrite;
      std::string base = child(rulePath, "rewrite");
      if (nonEmpty(rewrite.uri) && rewrite.uriRegexRewrite)
        ctx.error("MS1030", child(base, "uriRegexRewrite"),
                  "A rewrite takes either uri (replace the matched prefix) or uriRegexRewrite, not both. Remove one of "
                  "them.");
      if (!nonEmpty(rewrite.uri) && !rewrite.uriRegexRewrite && !nonEmpty(rewrite.authority)) {
        Diagnostic& d = ctx.error("MS1031", base,
                                  "The rewrite changes nothing: set uri, uriRegexRewrite or authority, or remove the "
                                  "rewrite.");
        VirtualServiceSpec fixed = vs;
        fixed.http[i].rewrite.reset();
        d.fixes.push_back(QuickFix{"Remove the empty rewrite", {replaceSpec(ctx.subject(), fixed)}});
      }
      if (rewrite.uriRegexRewrite && (!nonEmpty(rewrite.uriRegexRewrite->match) || !rewrite.uriRegexRewrite->rewrite ||
                                      rewrite.uriRegexRewrite->rewrite->empty()))
        ctx.error("MS1032", child(base, "uriRegexRewrite"),
                  "uriRegexRewrite needs both match (an RE2 regex) and rewrite (the substitution). Set the missing "
                  "field.");
    }
    // The authority may be rewritten in one place only: rewrite.authority or one :authority/host header.
    std::string current = rule.rewrite && rule.rewrite->authority ? *rule.rewrite->authority : "";
    std::string currentWhere = "rewrite.authority";
    bool reported = false;
    if (rule.headers && rule.headers->request) {
      for (const char* op : {"set", "add"}) {
        const StringMap& entries =
            std::string_view(op) == "set" ? rule.headers->request->set : rule.headers->request->add;
        for (const auto& [name, value] : entries) {
          if (!isAuthorityHeader(name) || reported) continue;
          std::string here = "headers.request." + std::string(op) + "." + name;
          if (!current.empty()) {
            ctx.error("MS1033", mapKey(child(rulePath, std::string("headers.request.") + op), name),
                      "The authority is rewritten twice: " + currentWhere + " sets " + quoted(current) + " and " +
                          here + " sets " + quoted(value) + ". Keep only one of them.");
            reported = true;
            continue;
          }
          current = value;
          currentWhere = here;
        }
      }
    }
  }
}

}  // namespace

void addAdmissionVirtualServiceAnalyzers(std::vector<Analyzer>& out) {
  const std::vector<ResourceKind> vs{ResourceKind::VirtualService};
  out.push_back(Analyzer{"vs.hosts", vs, runHosts});
  out.push_back(Analyzer{"vs.gateway-names", vs, runGatewayNames});
  out.push_back(Analyzer{"vs.rule-action", vs, runRuleAction});
  out.push_back(Analyzer{"vs.redirect", vs, runRedirect});
  out.push_back(Analyzer{"vs.direct-response", vs, runDirectResponse});
  out.push_back(Analyzer{"vs.rewrite", vs, runRewrite});
}

}  // namespace meshstudio::model::analysis
