#include "http/compression.h"

#include <brotli/encode.h>
#include <zlib.h>

#include <boost/beast/http/rfc7230.hpp>
#include <charconv>

namespace gazette::http {

std::string gzip_compress(std::string_view data, int level) {
  z_stream zs{};
  if (deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return rc == Z_STREAM_END ? out : std::string();
}

std::string gzip_decompress(std::string_view data) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 16) != Z_OK) return {};
  std::string out;
  char buf[16384];
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  int rc = Z_OK;
  while (rc == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof buf - zs.avail_out);
  }
  inflateEnd(&zs);
  return rc == Z_STREAM_END ? out : std::string();
}

std::string brotli_compress(std::string_view data, int quality) {
  size_t size = BrotliEncoderMaxCompressedSize(data.size());
  if (size == 0) size = data.size() + 1024;
  std::string out(size, '\0');
  if (!BrotliEncoderCompress(quality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, data.size(),
                             reinterpret_cast<const uint8_t*>(data.data()), &size,
                             reinterpret_cast<uint8_t*>(out.data())))
    return {};
  out.resize(size);
  return out;
}

Encoding negotiate_encoding(std::string_view accept_encoding) {
  bool gzip = false, br = false;
  for (const auto& ext : boost::beast::http::ext_list(accept_encoding)) {
    double q = 1.0;
    for (const auto& param : ext.second)
      if (param.first == "q") {
        auto v = param.second;
        q = (v.starts_with("0") && v.find_first_not_of("0.") == std::string_view::npos) ? 0.0 : 1.0;
      }
    if (q <= 0) continue;
    if (boost::beast::iequals(ext.first, "br")) br = true;
    else if (boost::beast::iequals(ext.first, "gzip")) gzip = true;
  }
  if (br) return Encoding::br;
  if (gzip) return Encoding::gzip;
  return Encoding::identity;
}

}  // namespace gazette::http
