#pragma once

// Strict standard base64 (RFC 4648, with padding), as kubeconfig's `*-data` fields hold it.
// Qt-free, because Kubeconfig is.

#include <optional>
#include <string>
#include <string_view>

namespace meshstudio::cluster {

/// Decodes `text`; line breaks and spaces are skipped (PEM-style wrapped data is common in
/// hand-written kubeconfigs). nullopt when any other character is not base64, or when the
/// padding is wrong.
std::optional<std::string> decodeBase64(std::string_view text);
/// Encodes with padding, no line breaks (KUBERNETES_EXEC_INFO's certificate-authority-data).
std::string encodeBase64(std::string_view bytes);

}  // namespace meshstudio::cluster
