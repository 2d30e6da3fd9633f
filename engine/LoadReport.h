#pragma once

// A load run as fortio prints it (`Code 200 : 17 (85.0 %)`, `# target 99% ...`, the
// `# range, mid point, percentile, count` histogram, `All done N calls ... qps`), with times in
// milliseconds rather than fortio's seconds, and the engine's per-destination counts; or the same
// as one JSON object for scripts.

#include <string>

#include "engine/LoadOptions.h"
#include "engine/LoadResult.h"

namespace meshstudio::engine {

class LoadReport {
 public:
  /// The percentiles every report shows, as fortio's default -p "50,75,90,99,99.9".
  static constexpr double kPercentiles[] = {50, 75, 90, 99, 99.9};

  /// fortio's opening line: rate, connections, length of the run and where it goes.
  static std::string header(const LoadOptions& options, const std::string& url);
  /// One line for a progress report (the CLI prints it to stderr about once a second).
  static std::string progressLine(const LoadProgress& progress);
  static std::string text(const LoadResult& result);
  /// One JSON object (see the `--json` section of the README); `url` is echoed as given.
  static std::string json(const LoadResult& result, const LoadOptions& options, const std::string& url);
};

}  // namespace meshstudio::engine
