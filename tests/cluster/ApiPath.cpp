#include "cluster/ApiPath.h"

#include <cstdlib>
#include <vector>

#include "cluster/ApiResourceCatalog.h"

namespace meshstudio::test {

std::string percentDecode(const std::string& text, bool plusIsSpace) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%' && i + 2 < text.size()) {
      const std::string hex = text.substr(i + 1, 2);
      char* end = nullptr;
      const long value = std::strtol(hex.c_str(), &end, 16);
      if (end == hex.c_str() + 2) {
        out += static_cast<char>(value);
        i += 2;
        continue;
      }
    }
    out += (plusIsSpace && c == '+') ? ' ' : c;
  }
  return out;
}

ApiPath ApiPath::parse(const std::string& path) {
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::size_t end = slash == std::string::npos ? path.size() : slash;
    if (end > start) segments.push_back(percentDecode(path.substr(start, end - start), false));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }

  ApiPath result;
  if (segments.size() == 1 && segments[0] == "version") {
    result.kind = Kind::Version;
    return result;
  }
  std::size_t rest = 0;
  if (!segments.empty() && segments[0] == "api") {
    if (segments.size() == 1) {
      result.kind = Kind::CoreVersions;
      return result;
    }
    result.version = segments[1];
    rest = 2;
  } else if (!segments.empty() && segments[0] == "apis") {
    if (segments.size() == 1) {
      result.kind = Kind::GroupList;
      return result;
    }
    result.group = segments[1];
    if (segments.size() == 2) {
      result.kind = Kind::Group;
      return result;
    }
    result.version = segments[2];
    rest = 3;
  } else {
    return result;
  }

  const std::size_t remaining = segments.size() - rest;
  auto at = [&](std::size_t i) -> const std::string& { return segments[rest + i]; };
  if (remaining == 0) {
    result.kind = Kind::Resources;
  } else if (remaining == 1 && at(0) == "namespaces" && result.group.empty()) {
    result.kind = Kind::Namespaces;
  } else if (remaining == 2 && at(0) == "namespaces" && result.group.empty()) {
    result.kind = Kind::Namespace;
    result.name = at(1);
  } else if (remaining == 1) {
    result.kind = Kind::Collection;
    result.plural = at(0);
  } else if (remaining == 3 && at(0) == "namespaces") {
    result.kind = Kind::Collection;
    result.namespaceName = at(1);
    result.plural = at(2);
  } else if (remaining == 4 && at(0) == "namespaces") {
    result.kind = Kind::Item;
    result.namespaceName = at(1);
    result.plural = at(2);
    result.name = at(3);
  }
  return result;
}

std::string ApiPath::groupVersion() const { return ApiResourceCatalog::groupVersion(group, version); }

}  // namespace meshstudio::test
