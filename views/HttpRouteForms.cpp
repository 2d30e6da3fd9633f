#include "views/HttpRouteForms.h"

namespace meshstudio::views {

namespace {

FieldSpec spec(const char* path, FieldType type, const QString& label, const QString& toolTip,
               const QString& placeholder = {}) {
  FieldSpec field;
  field.path = path;
  field.type = type;
  field.label = label;
  field.toolTip = toolTip;
  field.placeholder = placeholder;
  return field;
}

FieldSpec range(FieldSpec field, int minimum, int maximum) {
  field.minimum = minimum;
  field.maximum = maximum;
  return field;
}

FieldSpec choices(FieldSpec field, const QStringList& list) {
  field.choices = list;
  return field;
}

}  // namespace

QStringList HttpRouteForms::retryOnTokens() {
  return {QStringLiteral("5xx"),
          QStringLiteral("gateway-error"),
          QStringLiteral("reset"),
          QStringLiteral("reset-before-request"),
          QStringLiteral("connect-failure"),
          QStringLiteral("envoy-ratelimited"),
          QStringLiteral("retriable-4xx"),
          QStringLiteral("refused-stream"),
          QStringLiteral("retriable-status-codes"),
          QStringLiteral("retriable-headers"),
          QStringLiteral("cancelled"),
          QStringLiteral("deadline-exceeded"),
          QStringLiteral("internal"),
          QStringLiteral("resource-exhausted"),
          QStringLiteral("unavailable")};
}

QStringList HttpRouteForms::grpcStatuses() {
  return {QStringLiteral("CANCELLED"),
          QStringLiteral("UNKNOWN"),
          QStringLiteral("INVALID_ARGUMENT"),
          QStringLiteral("DEADLINE_EXCEEDED"),
          QStringLiteral("NOT_FOUND"),
          QStringLiteral("ALREADY_EXISTS"),
          QStringLiteral("PERMISSION_DENIED"),
          QStringLiteral("RESOURCE_EXHAUSTED"),
          QStringLiteral("FAILED_PRECONDITION"),
          QStringLiteral("ABORTED"),
          QStringLiteral("OUT_OF_RANGE"),
          QStringLiteral("UNIMPLEMENTED"),
          QStringLiteral("INTERNAL"),
          QStringLiteral("UNAVAILABLE"),
          QStringLiteral("DATA_LOSS"),
          QStringLiteral("UNAUTHENTICATED")};
}

QList<FieldSpec> HttpRouteForms::route() {
  return {spec("name", FieldType::Text, tr("Route name"),
               tr("A name for the route, shown in Envoy's route name, access logs and metrics. Empty: no name."),
               tr("unnamed"))};
}

QList<FieldSpec> HttpRouteForms::rewrite() {
  return {
      spec("rewrite.uri", FieldType::Text, tr("Path"),
           tr("Replaces the part of the path the match matched before forwarding: the prefix for a prefix "
              "match, the whole path for an exact or regex match (/ for a route without match). Empty: the "
              "path is forwarded as it came."),
           tr("unchanged")),
      spec("rewrite.uriRegexRewrite.match", FieldType::Text, tr("Path regex"),
           tr("An RE2 expression; every match in the path is replaced by the replacement below, the query "
              "string is left alone. Cannot be combined with Path. Empty: no regex rewrite."),
           tr("none")),
      spec("rewrite.uriRegexRewrite.rewrite", FieldType::Text, tr("Replacement"),
           tr("What each match of the path regex becomes; \\1, \\2 ... insert its groups. Empty: the matches "
              "are removed."),
           tr("empty")),
      spec("rewrite.authority", FieldType::Text, tr("Authority"),
           tr("Replaces the Host (authority) header sent to the destination. Empty: the request's own host is "
              "sent."),
           tr("unchanged")),
  };
}

QList<FieldSpec> HttpRouteForms::redirect() {
  return {
      spec("redirect.uri", FieldType::Text, tr("Path"),
           tr("The path of the redirect's Location; it replaces the whole path whatever the match. The query "
              "string is kept unless the path has its own. Empty: the request's path."),
           tr("same path")),
      spec("redirect.authority", FieldType::Text, tr("Authority"),
           tr("The host of the Location. Empty: the request's host."), tr("same host")),
      choices(spec("redirect.scheme", FieldType::Choice, tr("Scheme"),
                   tr("The scheme of the Location. Default: the request's scheme."), tr("(same scheme)")),
              {QStringLiteral("http"), QStringLiteral("https")}),
      range(spec("redirect.port", FieldType::Integer, tr("Port"),
                 tr("The port of the Location. Default: the request's port, left out when it is the "
                    "scheme's usual one (80, 443)."),
                 tr("same port")),
            1, 65535),
      choices(spec("redirect.derivePort", FieldType::Choice, tr("Derive port"),
                   tr("FROM_REQUEST_PORT: the port the request came in on; FROM_PROTOCOL_DEFAULT: no port, the "
                      "scheme's usual one. Default: the explicit port, if any."),
                   tr("(not derived)")),
              {QStringLiteral("FROM_PROTOCOL_DEFAULT"), QStringLiteral("FROM_REQUEST_PORT")}),
      range(spec("redirect.redirectCode", FieldType::Integer, tr("Status"),
                 tr("The redirect's HTTP status; Istio emits 301, 302, 303, 307 and 308. Default: 301 (moved "
                    "permanently)."),
                 tr("default (301)")),
            300, 399),
  };
}

QList<FieldSpec> HttpRouteForms::directResponse() {
  return {
      range(spec("directResponse.status", FieldType::Integer, tr("Status"),
                 tr("The HTTP status the proxy answers with itself, without calling any destination. Needed "
                    "for a direct response; empty: no direct response."),
                 tr("none")),
            200, 599),
      spec("directResponse.body.string", FieldType::Text, tr("Body"),
           tr("The text of the response body (under 1 MB). Empty: no body."), tr("no body")),
  };
}

QList<FieldSpec> HttpRouteForms::headerOperations(bool request) {
  const char* set = request ? "headers.request.set" : "headers.response.set";
  const char* add = request ? "headers.request.add" : "headers.response.add";
  const char* remove = request ? "headers.request.remove" : "headers.response.remove";
  const QString what = request ? tr("the request sent to the destination") : tr("the response sent back");
  return {
      spec(set, FieldType::StringMap, tr("Set"),
           tr("Headers of %1 to set, replacing any value they had. Values may use Envoy's %VARIABLE% "
              "formatters (write %% for a percent sign). Empty: nothing is set.")
               .arg(what)),
      spec(add, FieldType::StringMap, tr("Add"),
           tr("Headers of %1 to add as a further value, keeping existing ones. Applied after Remove and Set. "
              "Empty: nothing is added.")
               .arg(what)),
      spec(remove, FieldType::TextList, tr("Remove"),
           tr("Header names of %1 to remove, comma-separated; applied first. Empty: nothing is removed.").arg(what),
           tr("none")),
  };
}

QList<FieldSpec> HttpRouteForms::timeoutAndRetries() {
  return {
      spec("timeout", FieldType::Duration, tr("Timeout"),
           tr("How long the proxy waits for the whole request, every retry and back-off included, before "
              "answering 504. Empty: no timeout (Istio disables Envoy's 15 s default)."),
           tr("no timeout")),
      range(spec("retries.attempts", FieldType::Integer, tr("Attempts"),
                 tr("How many times a failed request is retried (0: never). Empty: Istio's default of 2 retries, "
                    "or the mesh's defaultHttpRetryPolicy."),
                 tr("default (2)")),
            0, 100),
      spec("retries.perTryTimeout", FieldType::Duration, tr("Per-try timeout"),
           tr("How long one attempt may take before it is abandoned (and retried under 5xx, gateway-error or "
              "reset). Empty: the route's timeout, i.e. none without one."),
           tr("route timeout")),
      choices(spec("retries.retryOn", FieldType::TokenSet, tr("Retry on"),
                   tr("Which failures are retried. None checked: Istio's default, connect-failure, refused-stream, "
                      "unavailable, cancelled and retriable-status-codes.")),
              retryOnTokens()),
      spec("retries.retryRemoteLocalities", FieldType::Boolean, tr("Retry in other localities"),
           tr("Let retries go to endpoints in other localities (zones, regions) than the failed attempt. "
              "Unchecked (the default): retries prefer the same priority as before.")),
  };
}

QList<FieldSpec> HttpRouteForms::fault() {
  return {
      spec("fault.delay.fixedDelay", FieldType::Duration, tr("Delay"),
           tr("Holds requests this long before forwarding them (at least 1ms); the delay does not count against "
              "the route timeout. Empty: no delay."),
           tr("no delay")),
      range(spec("fault.delay.percentage.value", FieldType::Number, tr("Delayed share (%)"),
                 tr("The percentage of requests delayed, 0 to 100. Empty: 0 %, so nothing is delayed."),
                 tr("default (0 %)")),
            0, 100),
      range(spec("fault.abort.httpStatus", FieldType::Integer, tr("Abort with HTTP status"),
                 tr("The status the proxy answers aborted requests with, without forwarding them; retries and "
                    "timeouts never apply to them. Empty: no HTTP abort."),
                 tr("none")),
            200, 599),
      choices(spec("fault.abort.grpcStatus", FieldType::Choice, tr("Abort with gRPC status"),
                   tr("For gRPC clients: the grpc-status aborted requests get (with HTTP 200). Empty: no gRPC "
                      "abort."),
                   tr("(none)")),
              grpcStatuses()),
      range(spec("fault.abort.percentage.value", FieldType::Number, tr("Aborted share (%)"),
                 tr("The percentage of requests aborted, 0 to 100, drawn independently of the delay. Empty: 0 %, "
                    "so nothing is aborted."),
                 tr("default (0 %)")),
            0, 100),
  };
}

QList<FieldSpec> HttpRouteForms::mirror() {
  return {
      spec("mirror.host", FieldType::Text, tr("Mirror to host"),
           tr("A copy of each request also goes to this host; its answers are discarded and the caller never "
              "waits for it. Empty: no mirroring."),
           tr("no mirror")),
      spec("mirror.subset", FieldType::Choice, tr("Subset"),
           tr("The mirror host's subset, as its DestinationRule defines it. Empty: every endpoint of the host."),
           tr("(no subset)")),
      range(spec("mirror.port.number", FieldType::Integer, tr("Port"),
                 tr("The mirror host's port; needed only when it has several. Empty: its only port."), tr("any")),
            1, 65535),
      range(spec("mirrorPercentage.value", FieldType::Number, tr("Mirrored share (%)"),
                 tr("The percentage of requests copied to the mirror, 0 to 100. Empty: 100 %, every request."),
                 tr("default (100 %)")),
            0, 100),
  };
}

QList<FieldSpec> HttpRouteForms::cors() {
  return {
      spec("corsPolicy.allowMethods", FieldType::TextList, tr("Allowed methods"),
           tr("Methods a cross-origin request may use (Access-Control-Allow-Methods), comma-separated. Empty: "
              "the header is not sent."),
           tr("GET, POST")),
      spec("corsPolicy.allowHeaders", FieldType::TextList, tr("Allowed headers"),
           tr("Request headers a cross-origin request may send (Access-Control-Allow-Headers). Empty: the "
              "header is not sent."),
           tr("none")),
      spec("corsPolicy.exposeHeaders", FieldType::TextList, tr("Exposed headers"),
           tr("Response headers the browser may show the page (Access-Control-Expose-Headers). Empty: the "
              "header is not sent."),
           tr("none")),
      spec("corsPolicy.maxAge", FieldType::Duration, tr("Max age"),
           tr("How long a browser may cache the preflight answer, in whole seconds (Access-Control-Max-Age). "
              "Empty: the header is not sent; browsers use their own default."),
           tr("browser default")),
      spec("corsPolicy.allowCredentials", FieldType::Boolean, tr("Allow credentials"),
           tr("Allow cross-origin requests with cookies or authorization (Access-Control-Allow-Credentials). "
              "Unchecked (the default): not allowed.")),
      choices(spec("corsPolicy.unmatchedPreflights", FieldType::Choice, tr("Unmatched preflights"),
                   tr("What happens to a preflight from an origin that is not allowed: FORWARD passes it to the "
                      "destination, IGNORE answers 200 without CORS headers. Default: FORWARD."),
                   tr("(default: FORWARD)")),
              {QStringLiteral("FORWARD"), QStringLiteral("IGNORE")}),
  };
}

}  // namespace meshstudio::views
