#pragma once

// How a timeout reads in a message: "300 ms", "30 s", "1.5 s".

#include <chrono>
#include <string>

namespace meshstudio::cluster {

inline std::string describeDuration(std::chrono::milliseconds duration) {
  const auto ms = duration.count();
  if (ms < 1000) return std::to_string(ms) + " ms";
  if (ms % 1000 == 0) return std::to_string(ms / 1000) + " s";
  return std::to_string(ms / 1000) + "." + std::to_string((ms % 1000) / 100) + " s";
}

}  // namespace meshstudio::cluster
