#include "model/AtomicFile.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>

namespace meshstudio::model {
namespace {

std::string systemError(const std::string& what, const std::filesystem::path& path) {
  return what + " " + path.string() + ": " + std::strerror(errno);
}

}  // namespace

std::string AtomicFile::write(const std::filesystem::path& path, std::string_view content) {
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  if (ec) return "cannot create folder " + path.parent_path().string() + ": " + ec.message();

  // Same folder as the target, so that rename() is atomic (same file system).
  std::random_device entropy;
  std::filesystem::path temporary = path;
  temporary += ".tmp-" + std::to_string(entropy());
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return systemError("cannot create", temporary);
  std::size_t written = 0;
  while (written < content.size()) {
    ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      std::string error = systemError("cannot write", temporary);
      ::close(fd);
      ::unlink(temporary.c_str());
      return error;
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    std::string error = systemError("cannot flush", temporary);
    ::unlink(temporary.c_str());
    return error;
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    std::string error = systemError("cannot replace", path);
    ::unlink(temporary.c_str());
    return error;
  }
  return {};
}

std::string AtomicFile::read(const std::filesystem::path& path, std::string& content) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return systemError("cannot read", path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return systemError("cannot read", path);
  content = std::move(buffer).str();
  return {};
}

}  // namespace meshstudio::model
