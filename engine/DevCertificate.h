#pragma once

// The certificate a terminating Gateway server falls back to when its Secret is missing or
// unusable, so that HTTPS can be tried locally before any certificate exists. Clients must skip
// verification (curl -k) or trust it explicitly; the compile reports a warning for it.

#include <optional>
#include <string>
#include <vector>

#include "engine/TlsCredentials.h"

namespace meshstudio::engine {

/// A self-signed development certificate (EC P-256, valid 30 days, serverAuth) whose
/// subjectAltName lists `hosts` (wildcards kept; `localhost` when none is a DNS name). The key is
/// generated in memory, never written anywhere, and reused for the same hosts while the process
/// runs, so a reload does not change the certificate a browser was told to accept. nullopt only
/// when OpenSSL cannot generate one (out of memory).
std::optional<TlsCredentials> developmentCredentials(const std::vector<std::string>& hosts);

}  // namespace meshstudio::engine
