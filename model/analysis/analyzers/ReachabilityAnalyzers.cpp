// Reachability of VirtualService HTTP rules: rules that can never be reached because an earlier
// rule already takes all of their traffic (IST0130), and match blocks an earlier block already
// covers (IST0131). istio/istio `analyzeUnreachableHTTPRules` (pkg/config/validation) is the
// reference; this goes further (prefix shadowing with headers, exact/regex under a prefix,
// ignoreUriCase, selectors) but only reports a shadow that is certain: when in doubt, a block is
// treated as reachable.

#include <algorithm>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <re2/re2.h>

#include "model/analysis/AnalyzerSupport.h"

namespace meshstudio::model::analysis {
namespace {

// ---------------------------------------------------------------------------------------------
// One condition on a string (URI, a header, a query parameter), reduced to what can be compared.

// Views point into the VirtualServiceSpec under analysis, which outlives the analysis: no copies.

struct Matcher {
  enum class Kind {
    Any,      ///< no condition
    Present,  ///< the header / parameter exists, any value
    Exact,
    Prefix,
    Regex,
    Unknown  ///< not understood (extras, several match types): never used to prove a shadow
  };
  Kind kind = Kind::Any;
  std::string_view value;

  /// The compiled regex, built on first use (rarely needed: only a regex over an exact), null
  /// when it does not compile.
  const RE2* regex() const {
    if (!compiled_) {
      compiled_ = true;
      RE2::Options options;
      options.set_log_errors(false);
      auto re = std::make_shared<const RE2>(value, options);
      if (re->ok()) regex_ = std::move(re);
    }
    return regex_.get();
  }

  bool operator==(const Matcher& other) const { return kind == other.kind && value == other.value; }

 private:
  mutable bool compiled_ = false;
  mutable std::shared_ptr<const RE2> regex_;
};

Matcher matcher(Matcher::Kind kind, std::string_view value = {}) {
  Matcher m;
  m.kind = kind;
  m.value = value;
  return m;
}

/// A header-like StringMatch: `{}` and Istio's `regex: "*"` are presence tests. For a positive
/// condition an empty prefix or `.*` accepts every value, which is the same thing (header values
/// hold no newlines); negated (`withoutHeaders`), they are not: Istio reads a missing header as ""
/// there, so they match nothing. `anyValueIsPresence` is false for negated conditions.
Matcher headerMatcher(const StringMatch& match, bool anyValueIsPresence = true) {
  int set = int(match.exact.has_value()) + int(match.prefix.has_value()) + int(match.regex.has_value());
  if (!match.extras.empty() || set > 1) return matcher(Matcher::Kind::Unknown);
  if (match.exact) return matcher(Matcher::Kind::Exact, *match.exact);
  if (match.prefix)
    return match.prefix->empty() && anyValueIsPresence ? matcher(Matcher::Kind::Present)
                                                       : matcher(Matcher::Kind::Prefix, *match.prefix);
  if (match.regex && *match.regex != "*" && (*match.regex != ".*" || !anyValueIsPresence))
    return matcher(Matcher::Kind::Regex, *match.regex);
  return matcher(Matcher::Kind::Present);
}

/// The URI: every request has a path, so `{}`, prefix "" or "/" and regex `.*` / `/.*` match all
/// (Istio's own catch-all test, IsCatchAllRoute, uses prefix "/" and regex ".*").
Matcher uriMatcher(const std::optional<StringMatch>& uri) {
  if (!uri) return {};
  if (uri->regex && *uri->regex == "*") return matcher(Matcher::Kind::Unknown);  // not a valid path regex
  Matcher out = headerMatcher(*uri);
  if (out.kind == Matcher::Kind::Present) return {};
  if (out.kind == Matcher::Kind::Prefix && out.value == "/") return {};
  if (out.kind == Matcher::Kind::Regex && out.value == "/.*") return {};
  return out;
}

Matcher optionalHeaderMatcher(const std::optional<StringMatch>& match) {
  return match ? headerMatcher(*match) : Matcher{};
}

char asciiLower(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return asciiLower(x) == asciiLower(y); });
}

bool startsWithIgnoreCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && equalsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

/// True when no case variant of `text` differs from it: no letters (and, to be safe, nothing
/// outside ASCII).
bool caseInvariant(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u < 0x80 && asciiLower(c) == c && !(c >= 'a' && c <= 'z');
  });
}

/// Every string `b` accepts is accepted by `a`. `aFold`/`bFold` are ignoreUriCase (URI only: it
/// applies to exact and prefix, never to regex).
bool covers(const Matcher& a, const Matcher& b, bool aFold = false, bool bFold = false) {
  using K = Matcher::Kind;
  if (a.kind == K::Any) return true;
  if (a.kind == K::Unknown || b.kind == K::Unknown || b.kind == K::Any) return false;
  if (a.kind == K::Present) return true;  // every other b requires the value to exist
  if (b.kind == K::Present) return false;

  bool aFolds = aFold && a.kind != K::Regex;
  bool bFolds = bFold && b.kind != K::Regex;
  // `b` accepts b.value and, when it folds case, every case variant of it.
  auto textCovered = [&](bool prefixMode) {
    if (aFolds) return prefixMode ? startsWithIgnoreCase(b.value, a.value) : equalsIgnoreCase(b.value, a.value);
    if (bFolds && !caseInvariant(a.value)) return false;
    return prefixMode ? b.value.starts_with(a.value) : b.value == a.value;
  };
  switch (a.kind) {
    case K::Exact:
      return b.kind == K::Exact && textCovered(false);
    case K::Prefix:
      return (b.kind == K::Exact || b.kind == K::Prefix) && textCovered(true);
    case K::Regex:
      if (b.kind == K::Regex) return a.value == b.value;
      if (b.kind == K::Exact && (!bFolds || caseInvariant(b.value)) && a.regex())
        return RE2::FullMatch(b.value, *a.regex());
      return false;
    default:
      return false;
  }
}

std::string describe(const Matcher& m) {
  switch (m.kind) {
    case Matcher::Kind::Any:
      return "any";
    case Matcher::Kind::Present:
      return "present";
    case Matcher::Kind::Exact:
      return "exact \"" + std::string(m.value) + "\"";
    case Matcher::Kind::Prefix:
      return "prefix \"" + std::string(m.value) + "\"";
    case Matcher::Kind::Regex:
      return "regex \"" + std::string(m.value) + "\"";
    case Matcher::Kind::Unknown:
      break;
  }
  return "unrecognised";
}

// ---------------------------------------------------------------------------------------------
// One match block (or the implicit "everything" of a rule without match), normalised.

/// A header or query-parameter condition. Envoy compares header names case-insensitively; query
/// parameter names and JWT claim keys (`@request.auth.claims.x`) are compared as written.
struct Condition {
  std::string_view name;
  bool foldName = false;
  Matcher match;

  bool sameName(const Condition& other) const {
    return foldName ? equalsIgnoreCase(name, other.name) : name == other.name;
  }
};
using Conditions = std::vector<Condition>;

struct Block {
  bool understood = true;  ///< false when the block holds anything not modelled: only duplicates count
  bool universal = false;  ///< matches every request wherever the VirtualService applies
  Matcher uri;
  bool ignoreUriCase = false;
  Matcher scheme, method, authority;
  Conditions headers, queryParams, withoutHeaders;
  std::optional<Int> port;
  /// Where the block is emitted: every gateway of the VirtualService, or the (sorted) subset
  /// its own `gateways` name.
  bool allGateways = true;
  std::vector<std::string> gateways;
  const StringMap* sourceLabels = nullptr;       ///< ignored by Istio when the block names gateways
  const std::string* sourceNamespace = nullptr;  ///< likewise
  std::optional<Value> identity;                 ///< for blocks not understood: the block without name/statPrefix
};

std::string gatewayKey(const std::string& reference, const std::string& ns) {
  if (reference == "mesh" || reference.find('/') != std::string::npos) return reference;
  return ns + "/" + reference;
}

std::set<std::string> vsGateways(const VirtualServiceSpec& spec, const std::string& ns) {
  std::set<std::string> out;
  for (const std::string& g : spec.gateways) out.insert(gatewayKey(g, ns));
  if (out.empty()) out.insert("mesh");  // omitted gateways = sidecars only
  return out;
}

bool understood(const Conditions& conditions) {
  return std::none_of(conditions.begin(), conditions.end(),
                      [](const Condition& c) { return c.match.kind == Matcher::Kind::Unknown; });
}

Block universalBlock() {
  Block block;
  block.universal = true;
  return block;
}

/// JWT claim keys (`@request.auth.claims.x`) become metadata matchers, whose reading of a
/// presence test is not modelled: such a claim condition is not understood.
void addConditions(const OrderedMap<StringMatch>& in, bool headers, bool negated, Conditions& out) {
  out.reserve(in.size());
  for (const auto& [name, m] : in) {
    bool claim = headers && name.starts_with("@");
    Matcher match = headerMatcher(m, !negated);
    if (claim && match.kind == Matcher::Kind::Present) match = matcher(Matcher::Kind::Unknown);
    out.push_back(Condition{name, headers && !claim, match});
  }
}

Block normalise(const HTTPMatchRequest& match, const std::set<std::string>& vsGw, const std::string& ns) {
  Block b;
  b.uri = uriMatcher(match.uri);
  b.ignoreUriCase = match.ignoreUriCase.value_or(false);
  b.scheme = optionalHeaderMatcher(match.scheme);
  b.method = optionalHeaderMatcher(match.method);
  b.authority = optionalHeaderMatcher(match.authority);
  addConditions(match.headers, true, false, b.headers);
  addConditions(match.queryParams, false, false, b.queryParams);
  addConditions(match.withoutHeaders, true, true, b.withoutHeaders);
  if (match.port && *match.port != 0) b.port = match.port;  // Istio reads 0 as "no port"
  // Block gateways narrow the VirtualService's. A name that is not among the VirtualService's
  // (another spelling, or a gateway the VS is not bound to) leaves the block's scope uncertain.
  bool gatewaysKnown = true;
  if (!match.gateways.empty()) {
    std::set<std::string> own;
    for (const std::string& g : match.gateways) {
      std::string key = gatewayKey(g, ns);
      if (vsGw.count(key))
        own.insert(std::move(key));
      else
        gatewaysKnown = false;
    }
    b.allGateways = own.size() == vsGw.size();
    if (!b.allGateways) b.gateways.assign(own.begin(), own.end());
  } else {
    if (match.sourceLabels.isPresent() && !match.sourceLabels.empty()) b.sourceLabels = &match.sourceLabels;
    if (match.sourceNamespace) b.sourceNamespace = &*match.sourceNamespace;
  }

  using K = Matcher::Kind;
  b.understood = match.extras.empty() && gatewaysKnown && b.uri.kind != K::Unknown && b.scheme.kind != K::Unknown &&
                 b.method.kind != K::Unknown && b.authority.kind != K::Unknown && understood(b.headers) &&
                 understood(b.queryParams) && understood(b.withoutHeaders);
  b.universal = b.understood && b.uri.kind == K::Any && b.scheme.kind == K::Any && b.method.kind == K::Any &&
                b.authority.kind == K::Any && b.headers.empty() && b.queryParams.empty() && b.withoutHeaders.empty() &&
                !b.port && b.allGateways && !b.sourceLabels && !b.sourceNamespace;
  if (!b.understood) {
    HTTPMatchRequest anonymous = match;
    anonymous.name.reset();
    anonymous.statPrefix.reset();
    b.identity = encode(anonymous);
  }
  return b;
}

/// Every request `b` matches, on every proxy where `b` is emitted, is matched by `a`, which is
/// emitted there too. (Headers/query conditions of `a` must each be implied by one of `b`'s.)
bool blockCovers(const Block& a, const Block& b) {
  if (a.universal) return true;
  if (!a.understood || !b.understood) return a.identity && b.identity && *a.identity == *b.identity;  // duplicate

  if (a.port && a.port != b.port) return false;
  if (!a.allGateways &&
      (b.allGateways || !std::includes(a.gateways.begin(), a.gateways.end(), b.gateways.begin(), b.gateways.end())))
    return false;
  if (a.sourceLabels)
    for (const auto& label : *a.sourceLabels)
      if (!b.sourceLabels || !b.sourceLabels->find(label.first) || *b.sourceLabels->find(label.first) != label.second)
        return false;
  if (a.sourceNamespace && (!b.sourceNamespace || *a.sourceNamespace != *b.sourceNamespace)) return false;

  if (!covers(a.uri, b.uri, a.ignoreUriCase, b.ignoreUriCase)) return false;
  if (!covers(a.scheme, b.scheme) || !covers(a.method, b.method) || !covers(a.authority, b.authority)) return false;

  auto impliedBy = [](const Conditions& need, const Conditions& have) {
    return std::all_of(need.begin(), need.end(), [&](const Condition& n) {
      return std::any_of(have.begin(), have.end(),
                         [&](const Condition& h) { return h.sameName(n) && covers(n.match, h.match); });
    });
  };
  if (!impliedBy(a.headers, b.headers) || !impliedBy(a.queryParams, b.queryParams)) return false;
  // A negated condition of `a` holds for `b` only when `b` carries the very same negation
  // (missing headers are read as "" for value matchers, which makes anything subtler unsafe).
  return std::all_of(a.withoutHeaders.begin(), a.withoutHeaders.end(), [&](const Condition& n) {
    return std::any_of(b.withoutHeaders.begin(), b.withoutHeaders.end(),
                       [&](const Condition& h) { return h.sameName(n) && h.match == n.match; });
  });
}

/// The conditions of a block, for messages: `uri prefix "/api", header x-env exact "prod"`.
std::string describeBlock(const Block& block) {
  std::vector<std::string> parts;
  if (block.uri.kind != Matcher::Kind::Any)
    parts.push_back("uri " + describe(block.uri) + (block.ignoreUriCase ? " ignoring case" : ""));
  auto field = [&](const char* name, const Matcher& m) {
    if (m.kind != Matcher::Kind::Any) parts.push_back(std::string(name) + " " + describe(m));
  };
  field("method", block.method);
  field("scheme", block.scheme);
  field("authority", block.authority);
  auto conditions = [&](const char* what, const Conditions& list) {
    for (const Condition& c : list) parts.push_back(what + std::string(c.name) + " " + describe(c.match));
  };
  conditions("header ", block.headers);
  conditions("query parameter ", block.queryParams);
  conditions("without header ", block.withoutHeaders);
  if (block.port) parts.push_back("port " + std::to_string(*block.port));
  if (!block.allGateways) {
    std::string list;
    for (const std::string& g : block.gateways) list += (list.empty() ? "" : ", ") + g;
    parts.push_back("gateways " + list);
  }
  if (block.sourceLabels)
    for (const auto& [k, v] : *block.sourceLabels) parts.push_back("source label " + k + "=" + v);
  if (block.sourceNamespace) parts.push_back("source namespace " + *block.sourceNamespace);
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i == 0 ? "" : ", ") + parts[i];
  return out;
}

/// Why `a` covers `b`, for the message.
std::string coverReason(const Block& a, const Block& b) {
  if (a.universal) return "it matches every request";
  if (blockCovers(b, a)) return "identical match";
  std::string conditions = describeBlock(a);
  if (conditions.empty()) return "it matches every request on its gateways";
  return conditions + " already takes every request this match takes";
}

// ---------------------------------------------------------------------------------------------

std::string ruleLabel(const HTTPRoute& route, std::size_t index) {
  if (route.name && !route.name->empty()) return "\"" + *route.name + "\"";
  return "#" + std::to_string(index);
}

std::string matchLabel(const HTTPRoute& route, std::size_t index) {
  if (index < route.match.size() && route.match[index].name && !route.match[index].name->empty())
    return "\"" + *route.match[index].name + "\"";
  return "#" + std::to_string(index);
}

struct Cover {
  std::size_t rule = 0;
  std::size_t block = 0;
};

struct RuleReachability {
  bool unreachable = false;                  ///< every block is covered by an earlier rule
  std::vector<std::optional<Cover>> covers;  ///< per block: the first earlier block covering it
};

struct Analysis {
  std::vector<std::vector<Block>> blocks;  ///< per rule; a rule without match has one universal block
  std::vector<RuleReachability> rules;
};

Analysis analyse(const VirtualServiceSpec& spec, const std::string& ns) {
  Analysis out;
  std::set<std::string> gateways = vsGateways(spec, ns);
  out.blocks.reserve(spec.http.size());
  for (const HTTPRoute& route : spec.http) {
    std::vector<Block> blocks;
    if (route.match.empty()) {
      blocks.push_back(universalBlock());
    } else {
      for (const HTTPMatchRequest& match : route.match) blocks.push_back(normalise(match, gateways, ns));
    }
    out.blocks.push_back(std::move(blocks));
  }

  out.rules.resize(spec.http.size());
  for (std::size_t j = 0; j < out.blocks.size(); ++j) {
    RuleReachability& rule = out.rules[j];
    rule.covers.resize(out.blocks[j].size());
    bool allByEarlierRules = true;
    for (std::size_t k = 0; k < out.blocks[j].size(); ++k) {
      const Block& b = out.blocks[j][k];
      std::optional<Cover> found;
      for (std::size_t i = 0; i < j && !found; ++i)
        for (std::size_t m = 0; m < out.blocks[i].size() && !found; ++m)
          if (blockCovers(out.blocks[i][m], b)) found = Cover{i, m};
      if (!found) allByEarlierRules = false;
      for (std::size_t m = 0; m < k && !found; ++m)
        if (blockCovers(out.blocks[j][m], b)) found = Cover{j, m};
      rule.covers[k] = found;
    }
    rule.unreachable = j > 0 && allByEarlierRules;
  }
  return out;
}

/// The first rule (at or before `limit`) with a block that matches everything.
std::optional<Cover> firstCatchAll(const Analysis& analysis, std::size_t limit) {
  for (std::size_t i = 0; i < limit && i < analysis.blocks.size(); ++i)
    for (std::size_t m = 0; m < analysis.blocks[i].size(); ++m)
      if (analysis.blocks[i][m].universal) return Cover{i, m};
  return std::nullopt;
}

std::size_t catchAllRuleCount(const Analysis& analysis) {
  return std::count_if(analysis.blocks.begin(), analysis.blocks.end(), [](const std::vector<Block>& blocks) {
    return std::any_of(blocks.begin(), blocks.end(), [](const Block& b) { return b.universal; });
  });
}

/// "Move catch-all route last": only offered when the VS has a single catch-all rule and the
/// unreachable rule is reachable once it has moved, so the fix really removes the finding.
std::optional<QuickFix> moveCatchAllLast(const AnalysisContext& ctx, const VirtualServiceSpec& spec,
                                         const Analysis& analysis, std::size_t catchAll, std::size_t unreachable) {
  if (catchAllRuleCount(analysis) != 1 || catchAll + 1 == spec.http.size()) return std::nullopt;
  VirtualServiceSpec moved = spec;
  HTTPRoute rule = moved.http[catchAll];
  moved.http.erase(moved.http.begin() + static_cast<std::ptrdiff_t>(catchAll));
  moved.http.push_back(std::move(rule));
  Analysis after = analyse(moved, ctx.namespaceName());
  if (after.rules[unreachable - 1].unreachable) return std::nullopt;
  return QuickFix{"Move catch-all route " + ruleLabel(spec.http[catchAll], catchAll) + " last",
                  {replaceSpec(ctx.subject(), moved)}};
}

void reportUnreachableRules(AnalysisContext& ctx) {
  const auto& spec = ctx.subject().virtualService;
  if (!spec || spec->http.size() < 2) return;
  Analysis analysis = analyse(*spec, ctx.namespaceName());
  for (std::size_t j = 1; j < spec->http.size(); ++j) {
    if (!analysis.rules[j].unreachable) continue;
    const HTTPRoute& route = spec->http[j];
    std::string path = indexed("spec.http", j);
    std::string rule = ruleLabel(route, j);

    // A catch-all ahead of this rule explains everything on its own.
    if (auto catchAll = firstCatchAll(analysis, j)) {
      const HTTPRoute& all = spec->http[catchAll->rule];
      std::string which = ruleLabel(all, catchAll->rule);
      std::string reason = all.match.empty() ? "rule " + which + " has no match, so it takes every request first"
                                             : "rule " + which + " match " + matchLabel(all, catchAll->block) +
                                                   " matches every request, so it takes them all first";
      bool alsoCatchAll =
          std::any_of(analysis.blocks[j].begin(), analysis.blocks[j].end(), [](const Block& b) { return b.universal; });
      std::string advice =
          alsoCatchAll
              ? "Only one catch-all rule can take effect: remove one of them, or give rule " + which + " a match."
              : "Move rule " + which + " to the end of http, or give it a match that leaves room for this rule.";
      Diagnostic& d =
          ctx.warning("IST0130", path, "VirtualService rule " + rule + " not used (" + reason + "). " + advice);
      if (auto fix = moveCatchAllLast(ctx, *spec, analysis, catchAll->rule, j)) d.fixes.push_back(std::move(*fix));
      continue;
    }

    std::string detail;
    for (std::size_t k = 0; k < analysis.rules[j].covers.size(); ++k) {
      const Cover& c = *analysis.rules[j].covers[k];
      if (!detail.empty()) detail += "; ";
      detail += "match " + matchLabel(route, k) + " by rule " + ruleLabel(spec->http[c.rule], c.rule) + " match " +
                matchLabel(spec->http[c.rule], c.block);
    }
    ctx.warning("IST0130", path,
                "VirtualService rule " + rule + " not used (all matches used by prior rules: " + detail +
                    "). Remove the rule, or move it above the rules that take its traffic.");
  }
}

void reportIneffectiveMatches(AnalysisContext& ctx) {
  const auto& spec = ctx.subject().virtualService;
  if (!spec || spec->http.empty()) return;
  Analysis analysis = analyse(*spec, ctx.namespaceName());
  for (std::size_t j = 0; j < spec->http.size(); ++j) {
    // A wholly unreachable rule is IST0130's; listing each of its blocks again adds nothing.
    if (analysis.rules[j].unreachable) continue;
    const HTTPRoute& route = spec->http[j];
    for (std::size_t k = 0; k < route.match.size(); ++k) {
      const auto& cover = analysis.rules[j].covers[k];
      if (!cover) continue;
      const HTTPRoute& by = spec->http[cover->rule];
      std::string where = cover->rule == j
                              ? "earlier match " + matchLabel(route, cover->block) + " of the same rule"
                              : "rule " + ruleLabel(by, cover->rule) + " match " + matchLabel(by, cover->block);
      std::string reason = coverReason(analysis.blocks[cover->rule][cover->block], analysis.blocks[j][k]);
      Diagnostic& d = ctx.warning(
          "IST0131", child(indexed("spec.http", j), indexed("match", k)),
          "VirtualService rule " + ruleLabel(route, j) + " match " + matchLabel(route, k) +
              " is not used (duplicate/overlapping match in " + where + ": " + reason +
              "). Remove this match, or move it above the match that takes its traffic if it needs other handling.");
      // Dropping a block that can never match changes nothing; dropping the only block would
      // turn the rule into a catch-all, so that case gets no fix.
      if (route.match.size() > 1) {
        VirtualServiceSpec edited = *spec;
        auto& blocks = edited.http[j].match;
        blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(k));
        d.fixes.push_back(QuickFix{"Remove the ineffective match", {replaceSpec(ctx.subject(), edited)}});
      }
    }
  }
}

}  // namespace

void addReachabilityAnalyzers(std::vector<Analyzer>& out) {
  out.push_back(Analyzer{"vs.unreachable-rules", {ResourceKind::VirtualService}, &reportUnreachableRules});
  out.push_back(Analyzer{"vs.ineffective-matches", {ResourceKind::VirtualService}, &reportIneffectiveMatches});
}

}  // namespace meshstudio::model::analysis
