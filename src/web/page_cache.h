// The rendered-page cache in front of the public pages. Each entry is a page as rendered for one
// content generation, with its gzip and brotli forms compressed once, an ETag (a hash of the bytes)
// and a Last-Modified time. Any content change bumps the generation, which makes every entry stale.
// Thread-safe: lookups take a shared lock on one of several shards.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "http/message.h"

namespace gazette::web {

struct CachedPage {
  std::uint64_t generation = 0;
  int status = 200;
  std::string content_type;
  http::Fields headers;  // the handler's own headers (X-Robots-Tag, ...), served with every copy
  std::shared_ptr<const std::string> identity, gzip, br;
  std::string etag;           // quoted strong validator
  std::string last_modified;  // IMF-fixdate
  std::int64_t last_modified_unix = 0;
};

// The cache key for a request: the path and its query string, so /news?page=2 is its own page.
std::string cache_key(const http::Request& req);

class PageCache {
 public:
  explicit PageCache(std::size_t max_entries) : max_entries_(max_entries) {}

  std::uint64_t generation() const { return generation_.load(std::memory_order_acquire); }
  // Marks every cached page stale (content changed).
  void invalidate() { generation_.fetch_add(1, std::memory_order_acq_rel); }

  // The entry for `key` if it was rendered in the current generation.
  std::shared_ptr<const CachedPage> find(const std::string& key) const;

  // Builds an entry from a rendered response (compressing it) and stores it, unless the cache is
  // disabled. Keeps the previous Last-Modified when the bytes did not change. `generation` is the
  // generation read before rendering, so a change during rendering is not masked.
  std::shared_ptr<const CachedPage> store(const std::string& key, const http::Response& res, std::uint64_t generation,
                                          std::int64_t now);

  // The response for an entry, honouring If-None-Match / If-Modified-Since (304) and Accept-Encoding.
  static http::Response respond(const CachedPage& page, const http::Request& req, int max_age);

  std::size_t size() const;

 private:
  static constexpr std::size_t kShards = 16;
  struct Shard {
    mutable std::shared_mutex mutex;
    std::unordered_map<std::string, std::shared_ptr<const CachedPage>> pages;
  };
  Shard& shard(const std::string& key) const;

  std::size_t max_entries_;
  std::atomic<std::uint64_t> generation_{1};
  mutable Shard shards_[kShards];
};

}  // namespace gazette::web
