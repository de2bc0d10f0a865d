#include "web/page_cache.h"

#include <boost/url/url.hpp>

#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <ctime>
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

std::string cache_key(const http::Request& req, const std::vector<std::string>& params) {
  boost::urls::url u;
  u.set_path(req.path);
  for (const auto& name : params)
    for (const auto& [k, v] : req.query)
      if (k == name) {
        u.params().append({k, v});  // empty too: "?page=" is a 400, not the first page
        break;
      }
  return std::string(u.buffer());
}

std::int64_t steady_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

PageCache::PageCache(std::size_t max_entries, std::size_t max_bytes)
    : max_entries_(max_entries), max_bytes_(max_bytes == 0 ? SIZE_MAX : max_bytes) {
  ring_.reserve(kRing);
}

PageCache::Shard& PageCache::shard(const std::string& key) const {
  return shards_[std::hash<std::string>{}(key) % kShards];
}

CacheLookup PageCache::find(const std::string& key) const {
  CacheLookup out;
  if (max_entries_ == 0) return out;
  Shard& s = shard(key);
  std::shared_lock lock(s.mutex);
  auto it = s.entries.find(key);
  if (it == s.entries.end()) return out;
  const Entry& e = *it->second;
  const std::uint64_t tick = use_clock_.load(std::memory_order_relaxed);
  if (e.last_used.load(std::memory_order_relaxed) != tick) e.last_used.store(tick, std::memory_order_relaxed);
  const std::int64_t now = steady_ms();
  out.page = e.page;
  std::int64_t since = e.stale_since_ms.load(std::memory_order_acquire);
  if (since == 0 && e.page->expires_at_ms != 0 && now >= e.page->expires_at_ms) since = e.page->expires_at_ms;
  if (since != 0) {
    out.stale_for_ms = std::max<std::int64_t>(0, now - since);
    out.refreshing = e.refreshing.load(std::memory_order_acquire);
  }
  return out;
}

bool PageCache::invalidated_since(const std::vector<std::string>& deps, std::uint64_t stamp) const {
  if (stamp_.load() == stamp) return false;
  // The ring holds the last kRing invalidated names; when the render began before the oldest of
  // them, assume the worst.
  if (ring_.size() == kRing && ring_[ring_next_].first > stamp + 1) return true;
  for (const auto& [at, name] : ring_)
    if (at > stamp && (name == "all" || std::binary_search(deps.begin(), deps.end(), name))) return true;
  return false;
}

void PageCache::unindex(const Entry& e) {
  for (const auto& name : e.page->deps) {
    auto it = index_.find(name);
    if (it == index_.end()) continue;
    it->second.erase(e.id);
    if (it->second.empty()) index_.erase(it);
  }
  keys_.erase(e.id);
}

std::shared_ptr<const CachedPage> PageCache::store(const std::string& key, const http::Response& res,
                                                   std::uint64_t stamp, std::int64_t now, const std::string& target) {
  auto page = std::make_shared<CachedPage>();
  std::string_view body = res.body_view();
  page->status = res.status;
  page->content_type = res.content_type;
  page->headers = res.headers;
  page->identity = std::make_shared<const std::string>(body);
  // With the cache off, respond() compresses the one encoding a client asks for instead.
  page->gzip = std::make_shared<const std::string>(max_entries_ == 0 ? std::string() : http::gzip_compress(body));
  page->br = std::make_shared<const std::string>(max_entries_ == 0 ? std::string() : http::brotli_compress(body));
  page->etag = etag_of(body);
  page->target = target.empty() ? key : target;
  page->deps = res.cache_tags;
  std::sort(page->deps.begin(), page->deps.end());
  page->deps.erase(std::unique(page->deps.begin(), page->deps.end()), page->deps.end());
  for (const auto& d : page->deps) {
    if (!page->surrogate_key.empty()) {
      page->surrogate_key.push_back(' ');
      page->cache_tag.push_back(',');
    }
    page->surrogate_key += d;
    page->cache_tag += d;
  }
  const std::int64_t now_ms = steady_ms();
  if (res.cache_ttl > 0) page->expires_at_ms = now_ms + std::int64_t{res.cache_ttl} * 1000;
  page->bytes = key.size() * 2 + page->identity->size() + page->gzip->size() + page->br->size() +
                page->surrogate_key.size() * 3 + 512;
  if (now == 0) now = std::time(nullptr);
  page->last_modified_unix = now;
  if (max_entries_ == 0) {
    page->last_modified = content::format_rfc1123(now);
    return page;
  }
  auto entry = std::make_shared<Entry>();
  entry->last_used = use_clock_.fetch_add(1, std::memory_order_relaxed) + 1;

  std::lock_guard index_lock(index_mutex_);
  // A name this page depends on was invalidated while it rendered: store it, but stale.
  if (invalidated_since(page->deps, stamp)) entry->stale_since_ms = now_ms;
  Shard& s = shard(key);
  std::unique_lock lock(s.mutex);
  auto it = s.entries.find(key);
  if (it != s.entries.end()) {
    if (it->second->page->etag == page->etag)
      page->last_modified_unix = std::min(now, it->second->page->last_modified_unix);
    unindex(*it->second);
    s.bytes -= it->second->page->bytes;
    bytes_ -= it->second->page->bytes;
    s.entries.erase(it);
  }
  page->last_modified = content::format_rfc1123(page->last_modified_unix);
  entry->page = page;
  entry->id = next_id_++;
  keys_.emplace(entry->id, key);
  for (const auto& name : page->deps) index_[name].insert(entry->id);
  s.entries.emplace(key, entry);
  s.bytes += page->bytes;
  bytes_ += page->bytes;
  evict_locked(s);
  return page;
}

void PageCache::evict_locked(Shard& s) {
  const std::size_t max_entries = std::max<std::size_t>(1, max_entries_ / kShards);
  const std::size_t max_bytes = std::max<std::size_t>(1, max_bytes_ / kShards);
  if (s.entries.size() <= max_entries && s.bytes <= max_bytes) return;
  // Evict the least recently used tenth (at least one entry, and enough to fit again).
  std::vector<std::pair<std::uint64_t, const std::string*>> by_use;
  by_use.reserve(s.entries.size());
  for (const auto& [k, e] : s.entries) by_use.emplace_back(e->last_used.load(std::memory_order_relaxed), &k);
  std::sort(by_use.begin(), by_use.end());
  std::size_t target_entries =
      std::min(max_entries, s.entries.size() - std::max<std::size_t>(1, s.entries.size() / 10));
  std::size_t target_bytes = max_bytes - max_bytes / 10;
  std::vector<std::string> victims;
  std::size_t entries = s.entries.size(), bytes = s.bytes;
  for (const auto& [used, k] : by_use) {
    if (entries <= target_entries && bytes <= target_bytes) break;
    victims.push_back(*k);
    --entries;
    bytes -= s.entries.at(*k)->page->bytes;
  }
  for (const auto& k : victims) {
    auto it = s.entries.find(k);
    unindex(*it->second);
    s.bytes -= it->second->page->bytes;
    bytes_ -= it->second->page->bytes;
    s.entries.erase(it);
  }
}

std::size_t PageCache::invalidate(const std::vector<std::string>& names,
                                  std::vector<std::pair<std::string, std::string>>* marked_keys) {
  if (names.empty()) return 0;
  std::lock_guard index_lock(index_mutex_);
  const std::uint64_t stamp = stamp_.fetch_add(1, std::memory_order_acq_rel) + 1;
  const std::int64_t now = steady_ms();
  std::size_t marked = 0;
  auto mark = [&](const Entry& e) {
    std::int64_t expected = 0;
    if (e.stale_since_ms.compare_exchange_strong(expected, now)) {
      ++marked;
      if (marked_keys) marked_keys->emplace_back(keys_[e.id], e.page->target);
    }
  };
  auto remember = [&](const std::string& name) {
    if (ring_.size() < kRing) {
      ring_.emplace_back(stamp, name);
    } else {
      ring_[ring_next_] = {stamp, name};
      ring_next_ = (ring_next_ + 1) % kRing;
    }
  };
  // A change naming more than the ring can hold is remembered as "all" (the marking below stays precise).
  if (names.size() > kRing / 4) remember("all");
  for (const auto& name : names) {
    if (names.size() <= kRing / 4) remember(name);
    if (name == "all") {
      for (auto& s : shards_) {
        std::shared_lock lock(s.mutex);
        for (const auto& [k, e] : s.entries) mark(*e);
      }
      continue;
    }
    auto it = index_.find(name);
    if (it == index_.end()) continue;
    for (std::uint64_t id : it->second) {
      auto key = keys_.find(id);
      if (key == keys_.end()) continue;
      Shard& s = shard(key->second);
      std::shared_lock lock(s.mutex);
      auto e = s.entries.find(key->second);
      if (e != s.entries.end() && e->second->id == id) mark(*e->second);
    }
  }
  return marked;
}

bool PageCache::claim_refresh(const std::string& key) {
  Shard& s = shard(key);
  std::shared_lock lock(s.mutex);
  auto it = s.entries.find(key);
  if (it == s.entries.end()) return false;
  return !it->second->refreshing.exchange(true, std::memory_order_acq_rel);
}

void PageCache::release_refresh(const std::string& key) {
  Shard& s = shard(key);
  std::shared_lock lock(s.mutex);
  auto it = s.entries.find(key);
  if (it != s.entries.end()) it->second->refreshing.store(false, std::memory_order_release);
}

void PageCache::erase(const std::string& key) {
  std::lock_guard index_lock(index_mutex_);
  Shard& s = shard(key);
  std::unique_lock lock(s.mutex);
  auto it = s.entries.find(key);
  if (it == s.entries.end()) return;
  unindex(*it->second);
  s.bytes -= it->second->page->bytes;
  bytes_ -= it->second->page->bytes;
  s.entries.erase(it);
}

http::Response PageCache::respond(const CachedPage& page, const http::Request& req, int max_age,
                                  int stale_while_revalidate, bool expose_dependencies) {
  http::Response res;
  res.status = page.status;
  res.content_type = page.content_type;
  res.headers.reserve(8 + page.headers.size());
  res.headers = page.headers;
  res.headers.emplace_back("ETag", page.etag);
  res.headers.emplace_back("Last-Modified", page.last_modified);
  std::string cc = "public, max-age=" + std::to_string(max_age);
  if (stale_while_revalidate > 0) cc += ", stale-while-revalidate=" + std::to_string(stale_while_revalidate);
  res.headers.emplace_back("Cache-Control", std::move(cc));
  res.headers.emplace_back("Vary", "Accept-Encoding");
  if (expose_dependencies && !page.surrogate_key.empty()) {
    res.headers.emplace_back("Surrogate-Key", page.surrogate_key);
    res.headers.emplace_back("Cache-Tag", page.cache_tag);
  }
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
  const http::Encoding encoding = http::negotiate_encoding(req.header("Accept-Encoding"));
  if (page.br->empty() && page.gzip->empty() && !page.identity->empty() && encoding != http::Encoding::identity) {
    // A page that was not kept (cache off): compress it for this client only.
    const bool br = encoding == http::Encoding::br;
    res.body = br ? http::brotli_compress(*page.identity) : http::gzip_compress(*page.identity);
    res.headers.emplace_back("Content-Encoding", br ? "br" : "gzip");
    return res;
  }
  switch (encoding) {
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
    case http::Encoding::identity:
      res.shared_body = page.identity;
  }
  return res;
}

std::size_t PageCache::size() const {
  std::size_t n = 0;
  for (auto& s : shards_) {
    std::shared_lock lock(s.mutex);
    n += s.entries.size();
  }
  return n;
}

std::vector<std::string> PageCache::hottest(std::size_t n) const {
  std::vector<std::pair<std::uint64_t, std::string>> all;
  for (auto& s : shards_) {
    std::shared_lock lock(s.mutex);
    for (const auto& [k, e] : s.entries) all.emplace_back(e->last_used.load(std::memory_order_relaxed), k);
  }
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < all.size() && i < n; ++i) out.push_back(std::move(all[i].second));
  return out;
}

}  // namespace gazette::web
