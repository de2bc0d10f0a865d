// Raw bytes from a client, through what the server does with them before any handler runs: Beast's
// request parser under the server's header and body limits, Gazette's target parsing (percent-decoding,
// path normalisation, query), cookies, and the router's path split.
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/http.hpp>
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"
#include "http/form.h"
#include "http/message.h"
#include "http/router.h"

namespace bhttp = boost::beast::http;
using namespace gazette;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(16 * 1024);
  parser.body_limit(64 * 1024);
  parser.eager(true);
  boost::beast::error_code ec;
  std::size_t used = parser.put(boost::asio::buffer(data, size), ec);
  if (!ec && !parser.is_done() && used < size) parser.put(boost::asio::buffer(data + used, size - used), ec);
  if (ec || !parser.is_header_done()) return 0;
  auto& msg = parser.get();
  http::Request req;
  req.method = std::string(msg.method_string());
  req.target = std::string(msg.target());
  for (const auto& f : msg) req.headers.emplace_back(std::string(f.name_string()), std::string(f.value()));
  req.body = msg.body();
  if (!req.parse_target()) return 0;
  // What the router and handlers rely on: a normalised path starting with '/', no empty segments.
  if (req.path.empty() || req.path[0] != '/') __builtin_trap();
  if (req.path.size() > 1 && req.path.find("//") != std::string::npos) __builtin_trap();
  for (const auto& segment : http::split_path(req.path))
    if (segment.empty() || segment == "." || segment == "..") __builtin_trap();
  (void)req.param("page");
  (void)http::cookie(req, "gazette_session");
  return 0;
}
