// Fuzzes the engine's request path without sockets: arbitrary bytes, as a client would send them
// on one connection, go through the RequestReader (limits, smuggling checks, Beast's parser)
// request after request, as pipelining would deliver them; every request that completes is routed
// on the shop sample's compiled mesh and Gateway tables as HttpSession routes it. Anything may be
// refused; nothing may crash, hang or read out of bounds.

#include <boost/beast/core/flat_buffer.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <memory>

#include "engine/ConfigSource.h"
#include "engine/RandomSource.h"
#include "engine/RequestReader.h"
#include "engine/Router.h"

using namespace meshstudio::engine;

namespace {

const Snapshot& shop() {
  static const std::shared_ptr<const Snapshot> snapshot =
      ConfigSource({std::filesystem::path(MESHSTUDIO_SOURCE_DIR) / "resources" / "samples" / "shop"}).load().snapshot;
  return *snapshot;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Snapshot& snapshot = shop();
  DownstreamLimits limits;
  limits.maxRequestHeadersBytes = 4096;  // small limits reach the refusal paths with short inputs
  limits.maxRequestLineBytes = 1024;
  limits.maxRequestBodyBytes = 4096;
  boost::beast::flat_buffer buffer;
  if (size > 0) {  // an empty input has no bytes to copy (and libFuzzer passes a null pointer)
    auto space = buffer.prepare(size);
    std::memcpy(space.data(), data, size);
    buffer.commit(size);
  }
  SeededRandom random(size);
  RequestReader reader;
  for (int requests = 0; requests < 64; ++requests) {
    reader.reset(limits);
    if (reader.consume(buffer) != RequestReader::State::Complete) break;
    Request request = reader.parser().release();
    normalizeProxyRequest(request);
    Request forGateway = request;
    routeRequest(snapshot, snapshot.mesh, request, random);
    for (const GatewayListener& gateway : snapshot.gateways) {
      Request copy = forGateway;
      routeRequest(snapshot, gateway.table, copy, random);
    }
  }
  return 0;
}
