#include "web/page_cache.h"

#include <sodium.h>

#include <algorithm>
#include <mutex>

#include "content/text.h"
#include "http/compression.h"

namespace gazette::web {
namespace {

std::string etag_of(std::string_view body) {
  unsigned char hash[12];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(body.data()), body.size(), nullptr, 0);
  static const char* hex = "0123456789abcdef";
  std::string out = "\"";
  for (unsigned char b : hash) {
    out.push_back(hex[b >> 4]);
    out.push_back(hex[b & 15]);
  }
  out.push_back('"');
  return out;
}

// True when an If-None-Match list names this ETag (weak comparison, as RFC 9110 asks for GET).
bool etag_matches(std::string_view header, std::string_view etag) {
  size_t pos = 0;
  while (pos < header.size()) {
    size_t end = header.find(',', pos);
    if (end == std::string_view::npos) end = header.size();
    std::string_view item = header.substr(pos, end - pos);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item.starts_with("W/")) item.remove_prefix(2);
    if (item == "*" || item == etag) return true;
    pos = end + 1;
  }
  return false;
}

}  // namespace

std::string cache_key(const http::Request& req) {
  auto q = req.target.find('?');
  return q == std::string::npos ? req.path : req.path + req.target.substr(q);
}

PageCache::Shard& PageCache::shard(const std::string& key) const {
  return shards_[std::hash<std::string>{}(key) % kShards];
}

std::shared_ptr<const CachedPage> PageCache::find(const std::string& key) const {
  if (max_entries_ == 0) return nullptr;
  Shard& s = shard(key);
  std::shared_lock lock(s.mutex);
  auto it = s.pages.find(key);
  if (it == s.pages.end() || it->second->generation != generation()) return nullptr;
  return it->second;
}

std::shared_ptr<const CachedPage> PageCache::store(const std::string& key, const http::Response& res,
                                                   std::uint64_t generation, std::int64_t now) {
  auto page = std::make_shared<CachedPage>();
  std::string_view body = res.body_view();
  page->generation = generation;
  page->status = res.status;
  page->content_type = res.content_type;
  page->headers = res.headers;
  page->identity = std::make_shared<const std::string>(body);
  page->gzip = std::make_shared<const std::string>(http::gzip_compress(body));
  page->br = std::make_shared<const std::string>(http::brotli_compress(body));
  page->etag = etag_of(body);
  page->last_modified_unix = now;
  if (max_entries_ == 0) {
    page->last_modified = content::format_rfc1123(now);
    return page;
  }
  Shard& s = shard(key);
  std::unique_lock lock(s.mutex);
  auto it = s.pages.find(key);
  if (it != s.pages.end() && it->second->etag == page->etag)
    page->last_modified_unix = std::min(now, it->second->last_modified_unix);
  page->last_modified = content::format_rfc1123(page->last_modified_unix);
  // Bounded memory: a full shard is emptied rather than tracking recency on the hot path.
  if (s.pages.size() >= std::max<std::size_t>(1, max_entries_ / kShards) && it == s.pages.end()) s.pages.clear();
  s.pages[key] = page;
  return page;
}

http::Response PageCache::respond(const CachedPage& page, const http::Request& req, int max_age) {
  http::Response res;
  res.status = page.status;
  res.content_type = page.content_type;
  res.headers.reserve(6 + page.headers.size());
  res.headers = page.headers;
  res.headers.emplace_back("ETag", page.etag);
  res.headers.emplace_back("Last-Modified", page.last_modified);
  res.headers.emplace_back("Cache-Control", "public, max-age=" + std::to_string(max_age));
  res.headers.emplace_back("Vary", "Accept-Encoding");
  if (page.status == 200) {
    auto inm = req.header("If-None-Match");
    bool not_modified = !inm.empty() ? etag_matches(inm, page.etag)
                                     : (!req.header("If-Modified-Since").empty() &&
                                        req.header("If-Modified-Since") == page.last_modified);
    if (not_modified) {
      res.status = 304;
      return res;
    }
  }
  switch (http::negotiate_encoding(req.header("Accept-Encoding"))) {
    case http::Encoding::br:
      if (!page.br->empty()) {
        res.shared_body = page.br;
        res.headers.emplace_back("Content-Encoding", "br");
        return res;
      }
      [[fallthrough]];
    case http::Encoding::gzip:
      if (!page.gzip->empty()) {
        res.shared_body = page.gzip;
        res.headers.emplace_back("Content-Encoding", "gzip");
        return res;
      }
      [[fallthrough]];
    case http::Encoding::identity: res.shared_body = page.identity;
  }
  return res;
}

std::size_t PageCache::size() const {
  std::size_t n = 0;
  for (auto& s : shards_) {
    std::shared_lock lock(s.mutex);
    n += s.pages.size();
  }
  return n;
}

}  // namespace gazette::web
