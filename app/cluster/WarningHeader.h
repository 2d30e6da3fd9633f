#pragma once

// The `Warning:` response header (RFC 7234 5.5), as Kubernetes sends it:
// `299 - "spec.foo is deprecated"`. Qt joins repeated headers with ", ", and warning texts can
// themselves hold commas, so the header is read as a sequence of warn-values, not split on commas.

#include <string>
#include <string_view>
#include <vector>

namespace meshstudio::cluster {

/// The texts of the warn-values in `header` (quotes and backslash escapes removed). Anything
/// that does not follow the grammar is kept as one trimmed text rather than dropped: a
/// warning the user never sees is worse than an odd-looking one.
std::vector<std::string> parseWarningHeader(std::string_view header);

}  // namespace meshstudio::cluster
