#pragma once

// Turns the bytes a downstream client sent into one request, or into the reason to refuse it.
// No I/O: the session reads into a buffer and hands it over; the fuzz target does the same with
// arbitrary bytes.
//
// Beast parses. Before it sees a header block, the reader waits for the whole block (so the
// request line and header limits give 414 and 431 rather than a parse error) and refuses what
// Beast would accept but a proxy must not, because the next hop may read it differently
// (request smuggling): obsolete line folding, and any Transfer-Encoding but `chunked`, which
// Envoy answers with 501. Beast itself refuses Content-Length with Transfer-Encoding, differing
// Content-Lengths, bad chunk sizes, a space before the colon, control characters and bare CR or LF.

#include <boost/beast/core/flat_buffer.hpp>

#include <optional>
#include <string>

#include "engine/DownstreamLimits.h"
#include "engine/HttpTypes.h"

namespace meshstudio::engine {

class RequestReader {
 public:
  enum class State {
    NeedMore,  ///< read more bytes into the buffer and call consume again
    Complete,  ///< parser() holds the whole request
    Refused,   ///< answer refusal() and close the connection
  };

  /// Starts a new request under `limits`.
  void reset(const DownstreamLimits& limits);
  /// Parses what `buffer` holds, consuming the bytes that belong to this request (a pipelined
  /// next request stays in the buffer).
  State consume(boost::beast::flat_buffer& buffer);

  /// A byte of this request has arrived (the request-headers timeout runs from here).
  bool started() const { return started_; }
  bool headerDone() const { return headerDone_; }
  /// The client waits for `100 Continue` before it sends the body.
  bool expectsContinue() const;
  RequestParser& parser() { return *parser_; }
  const DownstreamLimits& limits() const { return limits_; }

  /// Why the request was refused: the status, and Envoy's response code details.
  http::status refusalStatus() const { return refusalStatus_; }
  const std::string& refusalDetails() const { return refusalDetails_; }

 private:
  State waitForHeaderBlock(boost::beast::flat_buffer& buffer);
  State parseAvailable(boost::beast::flat_buffer& buffer);
  State refuse(http::status status, std::string details);

  DownstreamLimits limits_;
  std::optional<RequestParser> parser_;
  std::size_t scanned_ = 0;  ///< how far the buffer was searched for the header block's end
  bool started_ = false;
  bool headerDone_ = false;
  http::status refusalStatus_ = http::status::ok;
  std::string refusalDetails_;
};

}  // namespace meshstudio::engine
