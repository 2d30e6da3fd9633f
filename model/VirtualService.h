#pragma once

// Typed view of networking.istio.io VirtualService, field for field as in the Istio reference
// (https://istio.io/latest/docs/reference/config/networking/virtual-service/). Fields are
// listed in the reference's order, which is also the order they are exported in.
// `extras` keeps whatever a struct does not model, so nothing is lost on the way through.

#include <cstdint>
#include <optional>
#include <string>

#include "model/FieldCodec.h"

namespace meshstudio::model {

template <class T>
using Opt = std::optional<T>;
using Int = std::int64_t;

/// exact | prefix | regex; all unset (`{}`) means "present" for headers and query parameters.
struct StringMatch {
  Opt<std::string> exact, prefix, regex;
  Extras extras;
  static constexpr auto fields() {
    return std::make_tuple(field("exact", &StringMatch::exact), field("prefix", &StringMatch::prefix),
                           field("regex", &StringMatch::regex));
  }
};

struct PortSelector {
  Opt<Int> number;
  Extras extras;
  static constexpr auto fields() { return std::make_tuple(field("number", &PortSelector::number)); }
};

struct Destination {
  Opt<std::string> host, subset;
  Opt<PortSelector> port;
  Extras extras;
  static constexpr auto fields() {
    return std::make_tuple(field("host", &Destination::host), field("subset", &Destination::subset),
                           field("port", &Destination::port));
  }
};

struct HeaderOperations {
  StringMap set, add;
  List<std::string> remove;
  Extras extras;
  static constexpr auto fields() {
    return std::make_tuple(field("set", &HeaderOperations::set), field("add", &HeaderOperations::add),
                           field("remove", &HeaderOperations::remove));
  }
};

struct Headers {
  Opt<HeaderOperations> request, response;
  Extras extras;
  static constexpr auto fields() {
    return std::make_tuple(field("request", &Headers::request), field("response", &Headers::response));
  }
};

struct HTTPMatchRequest {
  Opt<std::string> name;
  Opt<StringMatch> uri, scheme, method, authority;
  OrderedMap<StringMatch> headers;
  Opt<Int> port;
  StringMap sourceLabels;
  List<std::string> gateways;
  OrderedMap<StringMatch> queryParams;
  Opt<bool> ignoreUriCase;
  OrderedMap<StringMatch> withoutHeaders;
  Opt<std::string> sourceNamespace, statPrefix;
  Extras extras;
  static constexpr auto fields() {
    using M = HTTPMatchRequest;
    return std::make_tuple(
        field("name", &M::name), field("uri", &M::uri), field("scheme", &M::scheme), field("method", &M::method),
        field("authority", &M::authority), field("headers", &M::headers), field("port", &M::port),
        field("sourceLabels", &M::sourceLabels), field("gateways", &M::gateways), field("queryParams", &M::queryParams),
        field("ignoreUriCase", &M::ignoreUriCase), field("withoutHeaders", &M::withoutHeaders),
        field("sourceNamespace", &M::sourceNamespace), field("statPrefix", &M::statPrefix));
  }
};

struct HTTPRouteDestination {
  Opt<Destination> destination;
  Opt<Int> weight;
  Opt<Headers> headers;
  Extras extras;
  static constexpr auto fields() {
    using M = HTTPRouteDestination;
    return std::make_tuple(field("destination", &M::destination), field("weight", &M::weight),
                           field("headers", &M::headers));
  }
};

struct HTTPRedirect {
  Opt<std::string> uri, authority;
  Opt<Int> port;
  Opt<std::string> derivePort, scheme;
  Opt<Int> redirectCode;
  Opt<std::string> prefixRewrite;
  Extras extras;
  static constexpr auto fields() {
    using M = HTTPRedirect;
    return std::make_tuple(field("uri", &M::uri), field("authority", &M::authority), field("port", &M::port),
                           field("derivePort", &M::derivePort), field("scheme", &M::scheme),
                           field("redirectCode", &M::redirectCode), field("prefixRewrite", &M::prefixRewrite));
  }
};

struct HTTPBody {
  Opt<std::string> string, bytes;
  Extras extras;
  static constexpr auto fields() {
    return std::make_tuple(field("string", &HTTPBody::string), field("bytes", &HTTPBody::bytes));
  }
};

struct HTTPDirectResponse {
  Opt<Int> status;
  Opt<HTTPBody> body;
  Extras extras;
  static constexpr auto fields() {
    return std::make_tuple(field("status", &HTTPDirectResponse::status), field("body", &HTTPDirectResponse::body));
  }
};

struct Delegate {
  Opt<std::string> name, namespace_;
  Extras extras;
  static constexpr auto fields() {
    return std::make_tuple(field("name", &Delegate::name), field("namespace", &Delegate::namespace_));
  }
};

struct RegexRewrite {
  Opt<std::string> match, rewrite;
  Extras extras;
  static constexpr auto fields() {
    return std::make_tuple(field("match", &RegexRewrite::match), field("rewrite", &RegexRewrite::rewrite));
  }
};

struct HTTPRewrite {
  Opt<std::string> uri, authority;
  Opt<RegexRewrite> uriRegexRewrite;
  Extras extras;
  static constexpr auto fields() {
    return std::make_tuple(field("uri", &HTTPRewrite::uri), field("authority", &HTTPRewrite::authority),
                           field("uriRegexRewrite", &HTTPRewrite::uriRegexRewrite));
  }
};

struct HTTPRetry {
  Opt<Int> attempts;
  Opt<std::string> perTryTimeout, retryOn;
  Opt<bool> retryRemoteLocalities, retryIgnorePreviousHosts;
  Opt<std::string> backoff;
  Extras extras;
  static constexpr auto fields() {
    using M = HTTPRetry;
    return std::make_tuple(field("attempts", &M::attempts), field("perTryTimeout", &M::perTryTimeout),
                           field("retryOn", &M::retryOn), field("retryRemoteLocalities", &M::retryRemoteLocalities),
                           field("retryIgnorePreviousHosts", &M::retryIgnorePreviousHosts),
                           field("backoff", &M::backoff));
  }
};

struct Percent {
  Opt<Number> value;
  Extras extras;
  static constexpr auto fields() { return std::make_tuple(field("value", &Percent::value)); }
};

struct FaultDelay {
  Opt<std::string> fixedDelay, exponentialDelay;
  Opt<Percent> percentage;
  Opt<Int> percent;  ///< deprecated integer form
  Extras extras;
  static constexpr auto fields() {
    using M = FaultDelay;
    return std::make_tuple(field("fixedDelay", &M::fixedDelay), field("exponentialDelay", &M::exponentialDelay),
                           field("percentage", &M::percentage), field("percent", &M::percent));
  }
};

struct FaultAbort {
  Opt<Int> httpStatus;
  Opt<std::string> grpcStatus, http2Error;
  Opt<Percent> percentage;
  Extras extras;
  static constexpr auto fields() {
    using M = FaultAbort;
    return std::make_tuple(field("httpStatus", &M::httpStatus), field("grpcStatus", &M::grpcStatus),
                           field("http2Error", &M::http2Error), field("percentage", &M::percentage));
  }
};

struct HTTPFaultInjection {
  Opt<FaultDelay> delay;
  Opt<FaultAbort> abort;
  Extras extras;
  static constexpr auto fields() {
    return std::make_tuple(field("delay", &HTTPFaultInjection::delay), field("abort", &HTTPFaultInjection::abort));
  }
};

struct HTTPMirrorPolicy {
  Opt<Destination> destination;
  Opt<Percent> percentage;
  Extras extras;
  static constexpr auto fields() {
    return std::make_tuple(field("destination", &HTTPMirrorPolicy::destination),
                           field("percentage", &HTTPMirrorPolicy::percentage));
  }
};

struct CorsPolicy {
  List<StringMatch> allowOrigins;
  List<std::string> allowOrigin;  ///< deprecated
  List<std::string> allowMethods, allowHeaders, exposeHeaders;
  Opt<std::string> maxAge;
  Opt<bool> allowCredentials;
  Opt<std::string> unmatchedPreflights;
  Extras extras;
  static constexpr auto fields() {
    using M = CorsPolicy;
    return std::make_tuple(field("allowOrigins", &M::allowOrigins), field("allowOrigin", &M::allowOrigin),
                           field("allowMethods", &M::allowMethods), field("allowHeaders", &M::allowHeaders),
                           field("exposeHeaders", &M::exposeHeaders), field("maxAge", &M::maxAge),
                           field("allowCredentials", &M::allowCredentials),
                           field("unmatchedPreflights", &M::unmatchedPreflights));
  }
};

struct HTTPRoute {
  Opt<std::string> name;
  List<HTTPMatchRequest> match;
  List<HTTPRouteDestination> route;
  Opt<HTTPRedirect> redirect;
  Opt<HTTPDirectResponse> directResponse;
  Opt<Delegate> delegate;
  Opt<HTTPRewrite> rewrite;
  Opt<std::string> timeout;
  Opt<HTTPRetry> retries;
  Opt<HTTPFaultInjection> fault;
  Opt<Destination> mirror;
  List<HTTPMirrorPolicy> mirrors;
  Opt<Percent> mirrorPercentage;
  Opt<CorsPolicy> corsPolicy;
  Opt<Headers> headers;
  Extras extras;  ///< includes the deprecated mirrorPercent / mirror_percent
  static constexpr auto fields() {
    using M = HTTPRoute;
    return std::make_tuple(
        field("name", &M::name), field("match", &M::match), field("route", &M::route), field("redirect", &M::redirect),
        field("directResponse", &M::directResponse), field("delegate", &M::delegate), field("rewrite", &M::rewrite),
        field("timeout", &M::timeout), field("retries", &M::retries), field("fault", &M::fault),
        field("mirror", &M::mirror), field("mirrors", &M::mirrors), field("mirrorPercentage", &M::mirrorPercentage),
        field("corsPolicy", &M::corsPolicy), field("headers", &M::headers));
  }
};

struct VirtualServiceSpec {
  List<std::string> hosts, gateways;
  List<HTTPRoute> http;
  List<Value> tls, tcp;  ///< kept whole: the studio edits HTTP routes only
  List<std::string> exportTo;
  Extras extras;
  static constexpr auto fields() {
    using M = VirtualServiceSpec;
    return std::make_tuple(field("hosts", &M::hosts), field("gateways", &M::gateways), field("http", &M::http),
                           field("tls", &M::tls), field("tcp", &M::tcp), field("exportTo", &M::exportTo));
  }
};

}  // namespace meshstudio::model
