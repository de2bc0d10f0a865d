#include <gtest/gtest.h>

#include "http/compression.h"
#include "http/message.h"
#include "http/router.h"
#include "web/page_cache.h"

namespace gazette::http {
namespace {

Request get(std::string target) {
  Request r;
  r.method = "GET";
  r.target = std::move(target);
  EXPECT_TRUE(r.parse_target());
  return r;
}

TEST(Request, DecodesPathAndQuery) {
  Request r = get("/tags/adult%20social%20care?page=2&q=a%2Bb");
  EXPECT_EQ(r.path, "/tags/adult social care");
  EXPECT_EQ(r.param("page").value(), "2");
  EXPECT_EQ(r.param("q").value(), "a+b");
  EXPECT_FALSE(r.param("missing"));
}

TEST(Request, RejectsInvalidTargets) {
  Request r;
  r.target = "/%zz";
  EXPECT_FALSE(r.parse_target());
  r.target = "http://[bad";
  EXPECT_FALSE(r.parse_target());
}

TEST(Request, HeadersAreCaseInsensitive) {
  Request r;
  r.headers = {{"Accept-Encoding", "gzip"}};
  EXPECT_EQ(r.header("accept-encoding"), "gzip");
  EXPECT_EQ(r.header("x-missing"), "");
}

TEST(Router, MatchesWholeSegmentsAndExtractsParams) {
  Router router;
  router.get("/authors/{slug}",
             [](const Request&, const Params& p) { return Response::text(200, "author " + p.at("slug")); });
  router.get("/{section}/{y}/{m}/{d}/{slug}", [](const Request&, const Params& p) {
    return Response::text(200, p.at("section") + "|" + p.at("y") + "|" + p.at("slug"));
  });
  router.not_found([](const Request&, const Params&) { return Response::text(404, "nope"); });
  EXPECT_EQ(router.dispatch(get("/authors/jane-doe")).body, "author jane-doe");
  EXPECT_EQ(router.dispatch(get("/news/2022/05/19/a-story")).body, "news|2022|a-story");
  EXPECT_EQ(router.dispatch(get("/news/2022/05/19")).status, 404);
  Request post = get("/authors/x");
  post.method = "POST";
  EXPECT_EQ(router.dispatch(post).status, 405);
  Request head = get("/authors/x");
  head.method = "HEAD";
  EXPECT_EQ(router.dispatch(head).status, 200);
}

TEST(Router, LiteralSegmentsWinWhateverTheOrderOfRegistration) {
  Router router;
  // Registered captures-first: a first-match router would send every one of these to "/{section}".
  router.get("/{section}",
             [](const Request&, const Params& p) { return Response::text(200, "section " + p.at("section")); });
  router.get("/{section}/{slug}",
             [](const Request&, const Params& p) { return Response::text(200, "story " + p.at("slug")); });
  router.get("/jobs/{id}", [](const Request&, const Params& p) { return Response::text(200, "job " + p.at("id")); });
  router.get("/jobs", [](const Request&, const Params&) { return Response::text(200, "jobs"); });
  router.get("/jobs/feed.xml", [](const Request&, const Params&) { return Response::text(200, "feed"); });
  router.post("/api/articles", [](const Request&, const Params&) { return Response::text(201, "created"); });
  EXPECT_EQ(router.dispatch(get("/jobs")).body, "jobs");
  EXPECT_EQ(router.dispatch(get("/news")).body, "section news");
  EXPECT_EQ(router.dispatch(get("/jobs/feed.xml")).body, "feed");
  EXPECT_EQ(router.dispatch(get("/jobs/42")).body, "job 42");
  EXPECT_EQ(router.dispatch(get("/news/a-story")).body, "story a-story");
  Request post = get("/api/articles");
  post.method = "POST";
  EXPECT_EQ(router.dispatch(post).status, 201);
  // A GET there falls to the capture route of its method, not to a 405.
  EXPECT_EQ(router.dispatch(get("/api/articles")).body, "story articles");
  Request put = get("/jobs");
  put.method = "PUT";
  Response r = router.dispatch(put);
  EXPECT_EQ(r.status, 405);
}

TEST(Compression, GzipRoundTripsAndBrotliShrinks) {
  std::string page;
  for (int i = 0; i < 200; ++i) page += "<p>Council budgets under pressure, again and again.</p>\n";
  std::string gz = gzip_compress(page);
  EXPECT_LT(gz.size(), page.size() / 5);
  EXPECT_EQ(gzip_decompress(gz), page);
  EXPECT_LT(brotli_compress(page).size(), gz.size());
}

TEST(Compression, NegotiatesBrotliThenGzipAndHonoursQZero) {
  EXPECT_EQ(negotiate_encoding("gzip, deflate, br"), Encoding::br);
  EXPECT_EQ(negotiate_encoding("gzip"), Encoding::gzip);
  EXPECT_EQ(negotiate_encoding("br;q=0, gzip;q=0.5"), Encoding::gzip);
  EXPECT_EQ(negotiate_encoding(""), Encoding::identity);
  EXPECT_EQ(negotiate_encoding("identity"), Encoding::identity);
  EXPECT_EQ(negotiate_encoding(",,;;==garbage"), Encoding::identity);
}

}  // namespace
}  // namespace gazette::http

namespace gazette::web {
namespace {

http::Request req(std::string target, http::Fields headers = {}) {
  http::Request r;
  r.method = "GET";
  r.target = std::move(target);
  r.parse_target();
  r.headers = std::move(headers);
  return r;
}

http::Response page(std::string body) {
  http::Response r;
  r.body = std::move(body);
  r.cacheable = true;
  return r;
}

TEST(CacheKey, HoldsOnlyTheParametersThePageReads) {
  const std::vector<std::string> page_only = {"page"};
  EXPECT_EQ(cache_key(req("/news"), page_only), "/news");
  EXPECT_EQ(cache_key(req("/news?page=2"), page_only), "/news?page=2");
  EXPECT_NE(cache_key(req("/news?page=2"), page_only), cache_key(req("/news?page=3"), page_only));
  // Tracking and made-up parameters cannot make new pages.
  EXPECT_EQ(cache_key(req("/news?utm_source=x&page=2&x=1"), page_only), "/news?page=2");
  EXPECT_EQ(cache_key(req("/jobs/feed.xml?x=123"), {}), "/jobs/feed.xml");
  // The first of a repeated parameter, as the page reads it; an empty one still counts ("?page=" is a 400).
  EXPECT_EQ(cache_key(req("/news?page=2&page=3"), page_only), "/news?page=2");
  EXPECT_EQ(cache_key(req("/news?page="), page_only), "/news?page=");
  // In the order the page names them, whatever order the request had.
  EXPECT_EQ(cache_key(req("/jobs?sort=salary&q=planner"), {"q", "sort"}), "/jobs?q=planner&sort=salary");
  // The key is a target again: encoded, and one form per path.
  EXPECT_EQ(cache_key(req("/tags/a%20b"), {}), "/tags/a%20b");
  EXPECT_EQ(cache_key(req("//news/"), page_only), "/news");
  EXPECT_EQ(cache_key(req("/search?q=a%26b"), {"q"}), "/search?q=a%26b");
}

TEST(RequestTarget, PathsAreNormalisedOnceAndDotSegmentsRefused) {
  EXPECT_EQ(req("//newsroom").path, "/newsroom");
  EXPECT_EQ(req("/%2Fnewsroom").path, "/newsroom");
  EXPECT_EQ(req("/news//2024/").path, "/news/2024");
  EXPECT_EQ(req("/").path, "/");
  http::Request r;
  r.target = "/static/../etc/passwd";
  EXPECT_FALSE(r.parse_target());
  r.target = "/static/%2e%2e/x";
  EXPECT_FALSE(r.parse_target());
}

TEST(PageCache, HitUntilInvalidatedThenStale) {
  PageCache cache(100, 1 << 20);
  auto page1 = page("<p>one</p>");
  page1.cache_tags = {"a1"};
  cache.store("/", page1, cache.stamp(), 1000);
  ASSERT_TRUE(cache.find("/"));
  EXPECT_EQ(*cache.find("/").page->identity, "<p>one</p>");
  EXPECT_FALSE(cache.find("/").stale());
  cache.invalidate({"a1"});
  EXPECT_TRUE(cache.find("/").stale());
}

TEST(PageCache, PageRenderedBeforeAnInvalidationIsStale) {
  PageCache cache(100, 1 << 20);
  auto stamp = cache.stamp();  // read before rendering
  cache.invalidate({"all"});   // content changed while rendering
  cache.store("/", page("stale"), stamp, 1000);
  EXPECT_TRUE(cache.find("/").stale());
}

TEST(PageCache, EtagDependsOnBytesAndLastModifiedSurvivesIdenticalRerender) {
  PageCache cache(100, 1 << 20);
  auto a = cache.store("/", page("same"), cache.stamp(), 1000);
  cache.invalidate_all();
  auto b = cache.store("/", page("same"), cache.stamp(), 2000);
  EXPECT_EQ(a->etag, b->etag);
  EXPECT_EQ(b->last_modified_unix, 1000);
  cache.invalidate_all();
  auto c = cache.store("/", page("different"), cache.stamp(), 3000);
  EXPECT_NE(c->etag, a->etag);
  EXPECT_EQ(c->last_modified_unix, 3000);
}

TEST(PageCache, ConditionalRequestsGet304) {
  PageCache cache(100, 1 << 20);
  auto p = cache.store("/", page("body"), cache.stamp(), 1000);
  EXPECT_EQ(PageCache::respond(*p, req("/", {{"If-None-Match", p->etag}}), 60).status, 304);
  EXPECT_EQ(PageCache::respond(*p, req("/", {{"If-None-Match", "\"other\", " + p->etag}}), 60).status, 304);
  EXPECT_EQ(PageCache::respond(*p, req("/", {{"If-None-Match", "W/" + p->etag}}), 60).status, 304);
  EXPECT_EQ(PageCache::respond(*p, req("/", {{"If-None-Match", "\"other\""}}), 60).status, 200);
  EXPECT_EQ(PageCache::respond(*p, req("/", {{"If-Modified-Since", p->last_modified}}), 60).status, 304);
  auto full = PageCache::respond(*p, req("/"), 60);
  EXPECT_EQ(full.status, 200);
  EXPECT_EQ(full.body_view(), "body");
}

TEST(PageCache, ServesPrecompressedBodyMatchingAcceptEncoding) {
  PageCache cache(100, 1 << 20);
  std::string body(5000, 'x');
  auto p = cache.store("/", page(body), cache.stamp(), 1000);
  auto gz = PageCache::respond(*p, req("/", {{"Accept-Encoding", "gzip"}}), 60);
  EXPECT_EQ(http::gzip_decompress(gz.body_view()), body);
  auto br = PageCache::respond(*p, req("/", {{"Accept-Encoding", "gzip, br"}}), 60);
  EXPECT_EQ(br.body_view().size(), p->br->size());
  bool has_br = false;
  for (auto& [k, v] : br.headers) has_br = has_br || (k == "Content-Encoding" && v == "br");
  EXPECT_TRUE(has_br);
}

TEST(PageCache, StaysBoundedAndZeroDisablesIt) {
  PageCache cache(32, 1 << 20);
  for (int i = 0; i < 1000; ++i) cache.store("/p" + std::to_string(i), page("x"), cache.stamp(), 1);
  EXPECT_LE(cache.size(), 32u);
  PageCache off(0, 1 << 20);
  off.store("/", page("x"), off.stamp(), 1);
  EXPECT_FALSE(off.find("/"));
}

}  // namespace
}  // namespace gazette::web
