#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace meshstudio::model {

/// Writes a whole file or nothing: the content goes to a temporary file in the same folder,
/// is flushed to disk, then renamed over the target. A crash mid-save leaves the old file.
class AtomicFile {
 public:
  /// Empty on success, else a message that names the file and the system error.
  static std::string write(const std::filesystem::path& path, std::string_view content);
  /// Reads a whole file into `content`. Empty on success, else a message naming the file.
  static std::string read(const std::filesystem::path& path, std::string& content);
};

}  // namespace meshstudio::model
