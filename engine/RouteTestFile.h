#pragma once

// Route test files in the format of istio-config-validator
// (https://github.com/getyourguide/istio-config-validator, docs/test-cases.md), run against the
// engine through an explainer, so tests users already keep for that tool run here unchanged.
//
//   testCases:
//     - description: happy path users
//       wantMatch: true
//       request:
//         authority: ["www.example.com", "example.com"]
//         method: ["GET", "POST"]
//         uri: ["/users", "/users/"]
//         headers: {x-user-id: abc123}
//       route:
//         - destination: {host: users.users.svc.cluster.local, port: {number: 80}}
//       rewrite: {uri: /v2/users}          # optional, like redirect, fault, headers, delegate
//
// Semantics, as istio-config-validator implements them (internal/pkg/unit/unit.go, parser/testcase.go):
// - Every authority × method × uri is one request (uri outermost, then authority, then method).
//   The query of a uri is not part of the request path (Unfold keeps url.Path); it is kept
//   apart in RouteTestRequest::query.
// - Each assertion that is written is checked per request: "the matched rule's <field> equals
//   the expectation" must be true when wantMatch is true, and false when it is false. So
//   `wantMatch: false` means "anything but this", including "no rule matched".
// - `wantMatch` left out is true, as Mesh Studio's route tests define it: a case describes the
//   route it expects. istio-config-validator itself reads a missing `wantMatch` as false (a Go
//   bool's zero value), so a warning names the difference; files that write it behave the same.
// - `route` compares the whole list, in order: host as written in the VirtualService
//   (`reviews` ≠ `reviews.default.svc.cluster.local`), subset, port, weight and headers.
//   Protobuf semantics: an absent field equals its zero value (`weight: 0`, `port: {number: 0}`).
// - `rewrite`, `redirect`, `fault`, `headers` compare the matched rule's fields as written (the
//   rule's `rewrite: {uri: /v2}`, not the rewritten path); `delegate` compares the delegating
//   rule's `delegate`, while the other fields come from the delegate's rule that matched.
// Differences: unknown fields are errors (the tool's strict mode); a written `delegate` is also
// checked when no rule delegates (the tool then skips it); the path keeps its %-escapes as
// written (Go's url.Path would decode them) so that it stays a valid request target.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/Value.h"
#include "model/VirtualService.h"

namespace meshstudio::engine {

/// One HTTPRouteDestination, as written in a test file or in the VirtualService that matched.
struct RouteExpectation {
  std::string host, subset;
  std::optional<std::int64_t> port;    ///< `destination.port.number`
  std::optional<std::int64_t> weight;  ///< as written; absent and 0 are the same
  std::optional<model::Headers> headers;

  static RouteExpectation fromModel(const model::HTTPRouteDestination& destination);
  /// `reviews.shop.svc.cluster.local:9080 (subset v1, weight 80)`.
  std::string describe() const;
};

struct RouteTestRequest {
  std::string authority, method;
  std::string uri;    ///< the path, without `?query` (as istio-config-validator's Unfold)
  std::string query;  ///< what followed `?` in the test file, without the `?`; empty when none
  std::vector<std::pair<std::string, std::string>> headers;
  /// `GET www.example.com/users`
  std::string describe() const;
};

struct RouteTestCase {
  std::string description;
  std::string file;
  model::SourceMark mark;  ///< the test case's first line
  std::vector<std::string> authorities, methods, uris;
  std::vector<std::pair<std::string, std::string>> headers;
  bool wantMatch = true;  ///< when not written (see above)
  bool wantMatchWritten = false;
  // Assertions: each is checked only when written.
  std::optional<std::vector<RouteExpectation>> route;
  std::optional<model::HTTPRewrite> rewrite;
  std::optional<model::HTTPRedirect> redirect;
  std::optional<model::HTTPFaultInjection> fault;
  std::optional<model::Headers> headerOperations;  ///< the test case's `headers`
  std::optional<model::Delegate> delegate;

  bool assertsSomething() const { return route || rewrite || redirect || fault || headerOperations || delegate; }
};

/// What the engine did with one request; the explainer fills it.
struct RouteOutcome {
  bool routed = false;  ///< a rule matched (after delegation)
  /// The matched rule's fields, as written in its VirtualService (fromRule fills them).
  std::vector<RouteExpectation> destinations;
  std::optional<model::HTTPRewrite> rewrite;
  std::optional<model::HTTPRedirect> redirect;
  std::optional<model::HTTPFaultInjection> fault;
  std::optional<model::Headers> headers;
  /// The `delegate` of the root VirtualService's rule, when the request went through one.
  std::optional<model::Delegate> delegate;
  std::string summary;  ///< one line for failure messages: `VirtualService shop/reviews http[1] (routing.yaml:52)`

  /// routed = true and the rule's route, rewrite, redirect, fault and headers.
  static RouteOutcome fromRule(const model::HTTPRoute& rule, std::string summary = {});
};

using RouteExplainer = std::function<RouteOutcome(const RouteTestRequest&)>;

struct RouteTestFailure {
  std::string file;
  int line = 0;  ///< the test case's line
  std::string description;
  RouteTestRequest request;
  std::string assertion;  ///< route | rewrite | redirect | fault | headers | delegate
  std::string expected, actual;
  /// `tests.yaml:12: happy path users: GET example.com/users: route: expected ..., got ... (summary)`
  std::string message;
};

struct RouteTestSuite {
  std::string file;
  std::vector<RouteTestCase> cases;  ///< the cases without errors, in file order
  std::vector<std::string> errors;   ///< `file:line:column: message`; a case with an error is not run
  std::vector<std::string> warnings;
};

struct RouteTestReport {
  int casesRun = 0;
  int requestsRun = 0;
  std::vector<RouteTestFailure> failures;
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
  bool passed() const { return failures.empty() && errors.empty(); }
};

/// Parses a test file's text. Never throws; what cannot be used is reported in `errors`.
RouteTestSuite parseRouteTests(std::string_view text, const std::string& fileName);
/// Every authority × method × uri of a case, in istio-config-validator's order.
std::vector<RouteTestRequest> expandRequests(const RouteTestCase& testCase);
RouteTestReport runRouteTests(const RouteTestSuite& suite, const RouteExplainer& explain);
RouteTestReport runRouteTestText(std::string_view text, const std::string& fileName, const RouteExplainer& explain);
RouteTestReport runRouteTestFile(const std::filesystem::path& path, const RouteExplainer& explain);

}  // namespace meshstudio::engine
