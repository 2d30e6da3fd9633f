#include "engine/RequestReader.h"

#include <boost/beast/core/string.hpp>

#include <algorithm>
#include <string_view>

namespace meshstudio::engine {

namespace beast = boost::beast;

namespace {

/// Where the header block ends (just past its empty line), or npos. A bare LF counts as a line
/// end here so that a client using them gets Beast's "bad line ending" at once rather than a wait
/// for a CRLF that never comes.
std::size_t headerBlockEnd(std::string_view bytes, std::size_t from) {
  for (std::size_t at = bytes.find('\n', from); at != std::string_view::npos; at = bytes.find('\n', at + 1)) {
    if (at + 1 < bytes.size() && bytes[at + 1] == '\n') return at + 2;
    if (at + 2 < bytes.size() && bytes[at + 1] == '\r' && bytes[at + 2] == '\n') return at + 3;
  }
  return std::string_view::npos;
}

/// A header line that starts with a space or tab continues the previous one (obs-fold, RFC 9112
/// section 5.2): a server must refuse it or unfold it, and unfolding is how smuggling starts.
bool hasObsoleteLineFolding(std::string_view header) {
  for (std::size_t at = header.find('\n'); at != std::string_view::npos && at + 1 < header.size();
       at = header.find('\n', at + 1))
    if (header[at + 1] == ' ' || header[at + 1] == '\t') return true;
  return false;
}

}  // namespace

void RequestReader::reset(const DownstreamLimits& limits) {
  limits_ = limits;
  parser_.emplace();
  parser_->eager(true);  // parse the body in the same pass as the header when it is there
  parser_->header_limit(limits_.maxRequestHeadersBytes + 1);  // waitForHeaderBlock has checked it already
  parser_->body_limit(limits_.maxRequestBodyBytes);
  scanned_ = 0;
  started_ = headerDone_ = false;
  refusalStatus_ = http::status::ok;
  refusalDetails_.clear();
}

RequestReader::State RequestReader::consume(beast::flat_buffer& buffer) {
  if (buffer.size() > 0) started_ = true;
  if (!headerDone_) return waitForHeaderBlock(buffer);
  return parseAvailable(buffer);
}

RequestReader::State RequestReader::waitForHeaderBlock(beast::flat_buffer& buffer) {
  const std::string_view bytes(static_cast<const char*>(buffer.data().data()), buffer.size());
  const std::size_t lineEnd = bytes.find('\n');
  if ((lineEnd == std::string_view::npos ? bytes.size() : lineEnd) > limits_.maxRequestLineBytes)
    return refuse(http::status::uri_too_long, "http1.request_line_too_long");
  const std::size_t end = headerBlockEnd(bytes, scanned_);
  if (end == std::string_view::npos ? bytes.size() > limits_.maxRequestHeadersBytes
                                    : end > limits_.maxRequestHeadersBytes)
    return refuse(http::status::request_header_fields_too_large, "http1.headers_too_large");
  if (end == std::string_view::npos) {
    scanned_ = bytes.empty() ? 0 : bytes.size() - 1;  // a line end may straddle the next read
    return State::NeedMore;
  }
  if (hasObsoleteLineFolding(bytes.substr(0, end))) return refuse(http::status::bad_request, "http1.codec_error");
  return parseAvailable(buffer);
}

RequestReader::State RequestReader::parseAvailable(beast::flat_buffer& buffer) {
  while (buffer.size() > 0 || parser_->is_done()) {
    if (parser_->is_done()) return State::Complete;
    beast::error_code error;
    const std::size_t used = parser_->put(buffer.data(), error);
    buffer.consume(used);
    if (error == http::error::need_more) break;
    if (error == http::error::body_limit) return refuse(http::status::payload_too_large, "request_payload_too_large");
    if (error == http::error::header_limit)
      return refuse(http::status::request_header_fields_too_large, "http1.headers_too_large");
    if (error) return refuse(http::status::bad_request, "http1.codec_error");
    if (!headerDone_ && parser_->is_header_done()) {
      headerDone_ = true;
      // Only `chunked` is a transfer coding a proxy can frame a request by; Envoy answers
      // anything else (identity, gzip, chunked twice or not last) with 501.
      const auto& fields = parser_->get();
      const auto codings = fields.equal_range(http::field::transfer_encoding);
      const auto count = std::distance(codings.first, codings.second);
      if (count > 1 || (count == 1 && !beast::iequals(trimOptionalWhitespace(codings.first->value()), "chunked")))
        return refuse(http::status::not_implemented, "http1.invalid_transfer_encoding");
    }
    if (used == 0) break;
  }
  return parser_->is_done() ? State::Complete : State::NeedMore;
}

bool RequestReader::expectsContinue() const {
  if (!headerDone_ || parser_->is_done()) return false;
  const auto& request = parser_->get();
  return request.version() >= 11 &&
         beast::iequals(trimOptionalWhitespace(request[http::field::expect]), "100-continue");
}

RequestReader::State RequestReader::refuse(http::status status, std::string details) {
  refusalStatus_ = status;
  refusalDetails_ = std::move(details);
  return State::Refused;
}

}  // namespace meshstudio::engine
