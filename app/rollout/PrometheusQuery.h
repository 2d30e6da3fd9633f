#pragma once

// Prometheus' HTTP API (`GET /api/v1/query`) for one number: the query sent with a deadline,
// the answer's JSON read as an instant vector. An empty vector, NaN or ±Inf is "no data".
// Qt-free (Beast through engine::httpGet).

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace meshstudio::rollout {

struct QueryAnswer {
  std::optional<double> value;  ///< the first sample's value; nullopt = no data
  std::string error;            ///< the request or the query failed
};

class PrometheusQuery {
 public:
  /// `baseUrl` like `http://127.0.0.1:9090` (a path prefix is kept). False when it is not such a URL.
  bool setBaseUrl(const std::string& baseUrl);
  QueryAnswer query(const std::string& promql, std::chrono::milliseconds timeout = std::chrono::seconds(5)) const;

  /// Reads a /api/v1/query answer (`{"status":"success","data":{"resultType":"vector","result":[...]}}`
  /// or a scalar). Never throws, whatever the text.
  static QueryAnswer parse(std::string_view json);

 private:
  std::string host_;
  std::uint16_t port_ = 0;
  std::string prefix_;
};

}  // namespace meshstudio::rollout
