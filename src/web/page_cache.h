// The rendered-page cache in front of the public pages.
//
// Each entry is a page as rendered, with its gzip and brotli forms compressed once, an ETag (a hash of
// the bytes), a Last-Modified time and the dependency names it was built from (content::deps: "a42"
// this article, "s3" a section's first pages, "jobs" the board, ...). A write names what it changed;
// invalidate(names) marks stale only the entries that depend on one of those names. A stale entry is
// still returned by find() (with how long it has been stale), so the caller can serve it while one
// re-render runs; the caller decides the bound. Entries may also carry a lifetime (deep listing pages),
// after which they count as stale.
//
// Memory is bounded in bytes and in entries; when a shard is over its share, the least recently used
// tenth of it is evicted.
//
// Thread-safe. Lookups take a shared lock on one of 16 shards and touch only atomics; stores and
// invalidations take one mutex for the dependency index (lock order: index, then shard).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "http/message.h"

namespace gazette::web {

struct CachedPage {
  int status = 200;
  std::string content_type;
  http::Fields headers;  // the handler's own headers (X-Robots-Tag, ...), served with every copy
  std::shared_ptr<const std::string> identity, gzip, br;
  std::string etag;           // quoted strong validator
  std::string last_modified;  // IMF-fixdate
  std::int64_t last_modified_unix = 0;
  std::vector<std::string> deps;  // dependency names, sorted
  std::string surrogate_key;      // deps joined by spaces (Surrogate-Key); Cache-Tag uses commas
  std::string cache_tag;
  std::int64_t expires_at_ms = 0;  // steady-clock ms after which it is stale; 0: only by invalidation
  std::size_t bytes = 0;           // memory it holds, roughly
  std::string target;              // the request target it was rendered for (to render it again)
};

// What find() returns: the page and, when it is stale, since when.
struct CacheLookup {
  std::shared_ptr<const CachedPage> page;
  std::int64_t stale_for_ms = -1;  // -1: fresh
  bool refreshing = false;         // a re-render of it is already under way
  explicit operator bool() const { return page != nullptr; }
  bool stale() const { return stale_for_ms >= 0; }
};

// The cache key for a request: its (normalised) path and, of its query, only the parameters the page
// reads (`params`, in that order, the first of each as the page reads it), so /news?page=2 is its own page and
// /news?page=2&utm_source=x is the same one. The key is itself a request target (percent-encoded), so
// the cache can render the page again from it.
std::string cache_key(const http::Request& req, const std::vector<std::string>& params);

// Monotonic milliseconds (steady clock), the cache's notion of time.
std::int64_t steady_ms();

class PageCache {
 public:
  // max_entries 0 disables the cache (find() never hits, store() keeps nothing).
  PageCache(std::size_t max_entries, std::size_t max_bytes);

  bool enabled() const { return max_entries_ > 0; }

  // The entry for `key`, fresh or stale; empty when there is none.
  CacheLookup find(const std::string& key) const;

  // A number to read before rendering a page and pass to store(): a name invalidated while the page
  // rendered then makes the stored page stale at once rather than wrongly fresh.
  std::uint64_t stamp() const { return stamp_.load(std::memory_order_acquire); }

  // Builds an entry from a rendered response (compressing it) and stores it with its dependency
  // names (response.cache_tags) and lifetime (response.cache_ttl seconds, 0: none). Keeps the previous
  // Last-Modified when the bytes did not change. Returns the page even when the cache is disabled.
  // `now` is the Unix time for Last-Modified (0: the clock); `target` the request target, kept so the
  // page can be rendered again (empty: the key).
  std::shared_ptr<const CachedPage> store(const std::string& key, const http::Response& res, std::uint64_t stamp,
                                          std::int64_t now = 0, const std::string& target = "");

  // Marks stale every entry that depends on one of `names` ("all" marks every entry). Returns how many
  // entries it marked; `marked` (optional) receives their {key, target}.
  std::size_t invalidate(const std::vector<std::string>& names,
                         std::vector<std::pair<std::string, std::string>>* marked = nullptr);
  void invalidate_all() { invalidate({"all"}); }

  // Claims the re-render of a stale entry: true for exactly one caller until release_refresh().
  bool claim_refresh(const std::string& key);
  void release_refresh(const std::string& key);
  // Drops an entry (a page that no longer exists).
  void erase(const std::string& key);

  // The response for a page, honouring If-None-Match / If-Modified-Since (304) and Accept-Encoding.
  // `stale_while_revalidate` is announced to shared caches; `expose_dependencies` adds Surrogate-Key
  // and Cache-Tag headers.
  static http::Response respond(const CachedPage& page, const http::Request& req, int max_age,
                                int stale_while_revalidate = 0, bool expose_dependencies = true);

  std::size_t size() const;
  std::size_t bytes() const { return bytes_.load(std::memory_order_relaxed); }
  // Keys of the entries used most recently, most recent first (for a warm start).
  std::vector<std::string> hottest(std::size_t n) const;

 private:
  static constexpr std::size_t kShards = 16;
  static constexpr std::size_t kRing = 8192;  // recent invalidations, checked by store()
  struct Entry {
    std::shared_ptr<const CachedPage> page;
    std::uint64_t id = 0;
    mutable std::atomic<std::int64_t> stale_since_ms{0};  // 0: fresh
    mutable std::atomic<bool> refreshing{false};
    mutable std::atomic<std::uint64_t> last_used{0};  // use_clock_ when last found or stored
  };
  struct Shard {
    mutable std::shared_mutex mutex;
    std::unordered_map<std::string, std::shared_ptr<Entry>> entries;
    std::size_t bytes = 0;
  };
  Shard& shard(const std::string& key) const;
  // With index_mutex_ held: drops an entry's names from the index.
  void unindex(const Entry& e);
  void evict_locked(Shard& s);
  bool invalidated_since(const std::vector<std::string>& deps, std::uint64_t stamp) const;

  std::size_t max_entries_, max_bytes_;
  mutable Shard shards_[kShards];
  std::atomic<std::size_t> bytes_{0};
  std::atomic<std::uint64_t> stamp_{1};
  // Recency: ticks once per store; a lookup copies the current tick into its entry (a relaxed load
  // and, at most once per tick, a store), so hits cost no shared write on a hot page.
  std::atomic<std::uint64_t> use_clock_{1};

  std::mutex index_mutex_;
  std::unordered_map<std::string, std::unordered_set<std::uint64_t>> index_;  // name -> entry ids
  std::unordered_map<std::uint64_t, std::string> keys_;                       // entry id -> key
  std::uint64_t next_id_ = 1;
  std::vector<std::pair<std::uint64_t, std::string>> ring_;  // (stamp, name) of recent invalidations
  std::size_t ring_next_ = 0;                                // where the next one goes once full
};

}  // namespace gazette::web
