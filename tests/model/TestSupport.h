#pragma once

// Helpers shared by the model suites: where the reference data lives, and reading files.

#include <QtTest/QtTest>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace meshstudio::test {

/// ../shared from the source tree; tests that need it QSKIP with a clear message when absent.
inline std::filesystem::path sharedDir() { return std::filesystem::path(MESHSTUDIO_SHARED_DIR); }
inline std::filesystem::path samplesDir() { return sharedDir() / "data" / "istio" / "samples"; }
inline std::filesystem::path sourceDir() { return std::filesystem::path(MESHSTUDIO_SOURCE_DIR); }

inline std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

inline QString q(const std::string& text) { return QString::fromStdString(text); }

/// A fresh, empty temporary folder for one test.
inline std::filesystem::path freshTempDir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("meshstudio-test-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace meshstudio::test

#define MESHSTUDIO_REQUIRE_SHARED()                                                                      \
  do {                                                                                                   \
    if (!std::filesystem::exists(meshstudio::test::samplesDir()))                                        \
      QSKIP("../shared/data/istio is absent (set MESHSTUDIO_SHARED_DIR); skipping reference-data test"); \
  } while (false)
