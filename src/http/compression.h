// gzip (zlib) and brotli compression of whole bodies, and Accept-Encoding negotiation.
// Pure functions; safe from any thread.
#pragma once

#include <string>
#include <string_view>

namespace gazette::http {

enum class Encoding { identity, gzip, br };

std::string gzip_compress(std::string_view data, int level = 6);
std::string brotli_compress(std::string_view data, int quality = 7);
// For tests: inflates a gzip stream; returns empty on error.
std::string gzip_decompress(std::string_view data);

// The best encoding the client accepts (br over gzip), from an Accept-Encoding header value. Honours
// q=0 exclusions; parsing uses Beast's extension-list grammar.
Encoding negotiate_encoding(std::string_view accept_encoding);

}  // namespace gazette::http
