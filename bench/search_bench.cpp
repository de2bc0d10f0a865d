// Search benchmark: latency of search::run_search by query class, the naive LIKE baseline, related
// reading (search::related_articles), database and FTS index size, and optionally the time to rebuild
// the FTS index. Runs the real library functions on one store::open connection, one thread.
//
//   gazette_search_bench --db FILE [--queries N] [--related N] [--naive N] [--seed N] [--rebuild-fts]
//
// FILE must already hold an archive, e.g. `gazette --db FILE demo-data --articles 100000 --quiet`.
// Built only with -DGAZETTE_BENCH=ON; bench/search builds and runs it. See bench/README.md.
#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <ctime>
#include <exception>
#include <filesystem>
#include <functional>
#include <iostream>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "content/text.h"
#include "search/query.h"
#include "search/related.h"
#include "search/search.h"
#include "store/connection.h"
#include "store/content_store.h"
#include "store/council_store.h"
#include "store/related_store.h"
#include "store/search_store.h"

namespace {

using namespace gazette;
using Clock = std::chrono::steady_clock;

constexpr const char* kUsage = R"(Usage: gazette_search_bench --db FILE [options]

Measures search latency by query class (search::run_search), the naive LIKE baseline
(SearchStore::naive_like_search), related reading (search::related_articles) and the database and FTS
index size, on a database already filled by `gazette --db FILE demo-data --articles 100000 --quiet`.

Options:
  --db FILE        the database (required; opened read-only except for --rebuild-fts)
  --queries N      timed queries per search class, after a warm-up pass (default 200)
  --related N      articles to time related reading on (default 300)
  --naive N        timed naive LIKE queries (default 60: each LIKE scan can take a while)
  --seed N         random seed for filters and article choice (default 1)
  --rebuild-fts    at the end, time INSERT INTO articles_fts(articles_fts) VALUES('rebuild') (writes
                   to FILE: same content, freshly merged index), then re-time one-word searches
  -h, --help       this text
)";

struct Options {
  std::string db;
  int queries = 200;
  int related = 300;
  int naive = 60;
  std::uint64_t seed = 1;
  bool rebuild_fts = false;
};

// ---------------------------------------------------------------------------------------- query lists

// Realistic single words for this sector's readers.
const std::vector<std::string> kOneWord = {
    "housing",     "flood",     "pensions",  "libraries", "SEND",    "potholes",     "devolution",      "homelessness",
    "procurement", "recycling", "planning",  "audit",     "budget",  "workforce",    "regeneration",    "highways",
    "transport",   "cyber",     "elections", "scrutiny",  "climate", "safeguarding", "apprenticeships", "reserves",
    "retrofit",    "digital",   "waste",     "parking",   "leisure", "schools"};

const std::vector<std::string> kTwoWord = {
    "housing budget",       "flood defences",       "social care",         "waste contract",
    "bus services",         "planning reform",      "audit committee",     "digital transformation",
    "homelessness funding", "cyber attack",         "workforce shortages", "devolution deal",
    "school transport",     "housing regeneration", "climate emergency",   "pothole repairs",
    "library closures",     "procurement rules",    "budget gap",          "council housing"};

const std::vector<std::string> kPhrase = {"\"adult social care\"",
                                          "\"levelling up\"",
                                          "\"council tax\"",
                                          "\"temporary accommodation\"",
                                          "\"section 114\"",
                                          "\"net zero\"",
                                          "\"children's services\"",
                                          "\"business rates\"",
                                          "\"local plan\"",
                                          "\"combined authority\"",
                                          "\"artificial intelligence\"",
                                          "\"social housing\"",
                                          "\"chief executive\"",
                                          "\"special educational needs\"",
                                          "\"bus services\""};

const std::vector<std::string> kPrefix = {"hous*",      "devol*",  "regen*", "procur*",    "safeguard*",
                                          "homeless*",  "recycl*", "plan*",  "apprentic*", "digit*",
                                          "transform*", "climat*", "libr*",  "flood*",     "audit*"};

// ---------------------------------------------------------------------------------------------- stats

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  auto rank = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(v.size())));
  return v[std::clamp<size_t>(rank, 1, v.size()) - 1];
}

double micros(Clock::duration d) {
  return std::chrono::duration<double, std::micro>(d).count();
}

struct ClassResult {
  std::string name;
  std::vector<double> us;
  std::int64_t min_total = std::numeric_limits<std::int64_t>::max(), max_total = 0;
  int zero = 0;
  std::vector<std::int64_t> totals;    // result count of each timed query, same order as us
  std::set<std::string> zero_queries;  // distinct queries with no results
  double slowest_us = 0;
  std::string slowest;                // the slowest query, described, with its result count
  std::vector<std::string> problems;  // errors and failed sanity checks, each once
  void problem(const std::string& p) {
    if (std::find(problems.begin(), problems.end(), p) == problems.end()) problems.push_back(p);
  }
};

std::string ms_or_us(double us) {
  return us >= 10000 ? fmt::format("{:.1f} ms", us / 1000) : fmt::format("{:.0f} us", us);
}

std::string mb(double bytes) {
  return fmt::format("{:.1f} MB", bytes / 1048576.0);
}

std::string day(std::int64_t unix_seconds) {
  auto p = content::date_parts(unix_seconds);
  return p.year + "-" + p.month + "-" + p.day;
}

std::int64_t parse_day(const std::string& s) {
  return content::unix_from_date(std::stoi(s.substr(0, 4)), std::stoi(s.substr(5, 2)), std::stoi(s.substr(8, 2)));
}

std::string describe(const search::SearchRequest& r) {
  std::string s = "q=" + r.q;
  if (!r.section.empty()) s += " section=" + r.section;
  if (!r.council.empty()) s += " council=" + r.council;
  if (!r.from.empty()) s += " from=" + r.from + " to=" + r.to;
  if (r.sort != "relevance") s += " sort=" + r.sort;
  return s;
}

// ------------------------------------------------------------------------------------------ the bench

class Bench {
 public:
  Bench(const Options& o) : opt_(o), rng_(o.seed), now_(std::time(nullptr)) {
    db_ = store::open(o.db, /*read_only=*/true);
  }

  int run();

 private:
  // One run_search, checked. `check` adds class-specific checks; untimed.
  using Check = std::function<void(const search::SearchRequest&, const search::SearchResponse&, ClassResult&)>;
  ClassResult time_class(const std::string& name, const std::vector<search::SearchRequest>& reqs,
                         const Check& check = nullptr);
  std::int64_t plain_total(const std::string& q);  // unfiltered relevance total, cached, untimed
  void sizes(const std::string& when);
  void related();
  void naive(const ClassResult& one_word);
  void rebuild_fts();
  void print_class(const ClassResult& c);

  Options opt_;
  std::mt19937_64 rng_;
  std::int64_t now_;
  std::unique_ptr<store::Connection> db_;
  std::map<std::string, std::int64_t> totals_;
  std::vector<ClassResult> results_;
  std::vector<std::string> out_;  // summary lines, printed at the end
  int total_problems_ = 0;

  void line(const std::string& s) { out_.push_back(s); }
};

std::int64_t Bench::plain_total(const std::string& q) {
  auto it = totals_.find(q);
  if (it != totals_.end()) return it->second;
  search::SearchRequest r;
  r.q = q;
  return totals_[q] = search::run_search(*db_, r, now_).total;
}

ClassResult Bench::time_class(const std::string& name, const std::vector<search::SearchRequest>& reqs,
                              const Check& check) {
  std::cerr << "== search: " << name << " (" << reqs.size() << " queries, after a warm-up pass)\n";
  ClassResult c;
  c.name = name;
  for (const auto& r : reqs) search::run_search(*db_, r, now_);  // warm-up: OS page cache, prepared statements
  for (const auto& r : reqs) {
    auto t0 = Clock::now();
    auto res = search::run_search(*db_, r, now_);
    c.us.push_back(micros(Clock::now() - t0));
    if (c.us.back() > c.slowest_us) {
      c.slowest_us = c.us.back();
      c.slowest = fmt::format("{} ({} results)", describe(r), res.total);
    }

    c.totals.push_back(res.total);
    c.min_total = std::min(c.min_total, res.total);
    c.max_total = std::max(c.max_total, res.total);
    if (res.total == 0) ++c.zero, c.zero_queries.insert(r.q);
    // The ranking-window note is information for the reader, not a failure.
    if (!res.message.empty() && res.message != "No articles match your search." &&
        !res.message.starts_with("Showing the best matches among"))
      c.problem(describe(r) + ": message \"" + res.message + "\"");
    auto expected =
        static_cast<size_t>(std::clamp<std::int64_t>(res.total - (r.page - 1) * r.page_size, 0, r.page_size));
    if (res.hits.size() != expected)
      c.problem(fmt::format("{}: total {} but {} hits on page {} (expected {})", describe(r), res.total,
                            res.hits.size(), r.page, expected));
    for (const auto& h : res.hits)
      if (h.headline_marked.empty() || h.article.slug.empty()) {
        c.problem(describe(r) + ": a hit without headline or slug");
        break;
      }
    if (check) check(r, res, c);
  }
  if (c.min_total == std::numeric_limits<std::int64_t>::max()) c.min_total = 0;
  total_problems_ += static_cast<int>(c.problems.size());
  results_.push_back(c);
  return c;
}

void Bench::print_class(const ClassResult& c) {
  line(fmt::format("{:<28}{:>6}{:>10.0f}{:>10.0f}{:>10.0f}{:>10.0f}   {}..{} ({} with none)", c.name, c.us.size(),
                   percentile(c.us, 50), percentile(c.us, 95), percentile(c.us, 99), percentile(c.us, 100), c.min_total,
                   c.max_total, c.zero));
}

void Bench::sizes(const std::string& when) {
  namespace fs = std::filesystem;
  std::error_code ec;
  auto file = fs::file_size(opt_.db, ec);
  if (ec) file = 0;
  auto wal = fs::exists(opt_.db + "-wal") ? fs::file_size(opt_.db + "-wal", ec) : 0;
  if (ec) wal = 0;
  std::string s = fmt::format("database {}: {} (file {} + wal {})", when, mb(static_cast<double>(file + wal)),
                              mb(static_cast<double>(file)), mb(static_cast<double>(wal)));

  // dbstat through the SQLite C API: the store's Connection only runs the named queries of sql/.
  sqlite3* raw = nullptr;
  std::string fts;
  if (sqlite3_open_v2(opt_.db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    const char* sql =
        "SELECT name, sum(pgsize) FROM dbstat WHERE name LIKE 'articles_fts%' OR name = 'articles' "
        "GROUP BY name ORDER BY name";
    if (sqlite3_prepare_v2(raw, sql, -1, &st, nullptr) == SQLITE_OK) {
      std::int64_t fts_total = 0, articles = 0;
      std::string parts;
      while (sqlite3_step(st) == SQLITE_ROW) {
        std::string name = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
        auto bytes = sqlite3_column_int64(st, 1);
        if (name == "articles") {
          articles = bytes;
          continue;
        }
        fts_total += bytes;
        parts += fmt::format("{}{} {}", parts.empty() ? "" : ", ", name.substr(std::string("articles_fts").size()),
                             mb(static_cast<double>(bytes)));
      }
      sqlite3_finalize(st);
      fts = fmt::format("FTS index {} ({}); articles table {}", mb(static_cast<double>(fts_total)), parts,
                        mb(static_cast<double>(articles)));
    } else {
      fts = std::string("FTS index size not measured: ") + sqlite3_errmsg(raw) +
            " (this SQLite has no dbstat virtual table, SQLITE_ENABLE_DBSTAT_VTAB)";
    }
  } else {
    fts = "FTS index size not measured: cannot open the database read-only";
  }
  sqlite3_close(raw);
  line(s);
  line("  " + fts);
}

void Bench::naive(const ClassResult& one_word) {
  std::cerr << "== naive LIKE baseline (" << opt_.naive << " queries, after a warm-up pass)\n";
  store::SearchStore ss(*db_);
  for (size_t i = 0; i < kOneWord.size() && i < static_cast<size_t>(opt_.naive); ++i)
    ss.naive_like_search(kOneWord[i], now_);  // warm-up: one query per distinct word
  std::vector<double> us;
  int empty = 0;
  std::set<std::string> disagree;  // FTS finds nothing where LIKE finds something, or the reverse
  for (int i = 0; i < opt_.naive; ++i) {
    const auto& w = kOneWord[static_cast<size_t>(i) % kOneWord.size()];
    auto t0 = Clock::now();
    auto n = ss.naive_like_search(w, now_);
    us.push_back(micros(Clock::now() - t0));
    if (n == 0) ++empty;
    if ((n == 0) != (plain_total(w) == 0))
      disagree.insert(fmt::format("{} (LIKE {}{}, FTS {})", w, n, n == 20 ? "+" : "", plain_total(w)));
  }
  double naive50 = percentile(us, 50), fts50 = percentile(one_word.us, 50);
  double naive95 = percentile(us, 95), fts95 = percentile(one_word.us, 95);
  line(fmt::format("{:<28}{:>6}{:>10.0f}{:>10.0f}{:>10.0f}{:>10.0f}   {} with none (LIMIT 20, ids only)",
                   "naive LIKE '%word%'", us.size(), naive50, percentile(us, 95), percentile(us, 99),
                   percentile(us, 100), empty));
  line(fmt::format("ratio naive / FTS, one-word p50: {:.2f}x ({} vs {}); p95: {:.2f}x ({} vs {})",
                   fts50 > 0 ? naive50 / fts50 : 0.0, ms_or_us(naive50), ms_or_us(fts50),
                   fts95 > 0 ? naive95 / fts95 : 0.0, ms_or_us(naive95), ms_or_us(fts95)));
  if (disagree.empty()) {
    line("  LIKE and FTS agree on which of these words have no matches");
  } else {
    std::string d;
    for (const auto& x : disagree) d += (d.empty() ? "" : ", ") + x;
    line("  LIKE and FTS disagree on whether there are matches (substring vs stemmed words): " + d);
  }
  line(
      "  (FTS = run_search: exact count + ranked page + highlights, snippets, authors; naive = newest 20 ids"
      " only, no count: it stops early on common words and scans every row on rare ones)");
}

void Bench::related() {
  std::cerr << "== related reading (" << opt_.related << " articles, after 20 warm-up articles)\n";
  store::ContentStore content(*db_);
  auto visible = content.count({}, now_);
  auto all = content.sitemap(now_, static_cast<int>(visible), 0);
  if (all.empty()) {
    line("related reading: no visible articles");
    return;
  }
  std::vector<size_t> idx(all.size());
  for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  std::shuffle(idx.begin(), idx.end(), rng_);
  size_t warm = std::min<size_t>(20, idx.size() / 2);
  size_t n = std::min<size_t>(static_cast<size_t>(opt_.related), idx.size() - warm);

  auto load = [&](size_t i) { return content.article_by_slug(all[idx[i]].slug, now_); };
  for (size_t i = 0; i < warm; ++i)
    if (auto a = load(i)) search::related_articles(*db_, *a, 4, now_);

  std::vector<double> us, us_councils;
  store::RelatedStore rs(*db_);
  int empty = 0, returned = 0;
  ClassResult problems;
  std::vector<std::pair<content::Article, std::vector<content::Article>>> examples;
  for (size_t i = warm; i < warm + n; ++i) {
    auto a = load(i);
    if (!a) {
      problems.problem("article_by_slug found no visible article for sitemap slug " + all[idx[i]].slug);
      continue;
    }
    auto t0 = Clock::now();
    auto rel = search::related_articles(*db_, *a, 4, now_);
    us.push_back(micros(Clock::now() - t0));
    // Breakdown (untimed above): the council candidate query related_articles starts with.
    t0 = Clock::now();
    rs.by_councils(a->id, 200);
    us_councils.push_back(micros(Clock::now() - t0));
    returned += static_cast<int>(rel.size());
    if (rel.empty()) ++empty;
    if (rel.size() > 4) problems.problem(fmt::format("{} related articles for id {} (asked for 4)", rel.size(), a->id));
    std::set<std::int64_t> seen;
    for (const auto& r : rel) {
      if (r.id == a->id) problems.problem(fmt::format("article {} is related to itself", a->id));
      if (!seen.insert(r.id).second) problems.problem(fmt::format("article {} listed twice for {}", r.id, a->id));
      if (r.published_at > now_) problems.problem(fmt::format("related article {} is not yet published", r.id));
    }
    if (examples.size() < 2 && rel.size() >= 3) examples.emplace_back(*a, rel);
  }
  total_problems_ += static_cast<int>(problems.problems.size());
  line(fmt::format("{:<28}{:>6}{:>10.0f}{:>10.0f}{:>10.0f}{:>10.0f}   {:.2f} related per article ({} with none)",
                   "related_articles(4)", us.size(), percentile(us, 50), percentile(us, 95), percentile(us, 99),
                   percentile(us, 100), us.empty() ? 0.0 : returned / static_cast<double>(us.size()), empty));
  line(fmt::format("{:<28}{:>6}{:>10.0f}{:>10.0f}{:>10.0f}{:>10.0f}   (RelatedStore::by_councils, 200)",
                   "  of which: by_councils", us_councils.size(), percentile(us_councils, 50),
                   percentile(us_councils, 95), percentile(us_councils, 99), percentile(us_councils, 100)));
  for (const auto& p : problems.problems) line("  PROBLEM: " + p);

  store::CouncilStore councils(*db_);
  auto council_names = [&](std::int64_t id) {
    std::string s;
    for (const auto& c : councils.for_article(id)) s += (s.empty() ? "" : ", ") + c.official_name;
    return s.empty() ? std::string("no councils") : s;
  };
  auto tag_names = [](const content::Article& a) {
    std::string s;
    for (const auto& t : a.tags) s += (s.empty() ? "" : ", ") + t.name;
    return s.empty() ? std::string("no tags") : s;
  };
  for (const auto& [a, rel] : examples) {
    line("");
    line(fmt::format("example: \"{}\" ({}, {})", a.headline, a.section.name, day(a.published_at)));
    line(fmt::format("         councils: {}; tags: {}", council_names(a.id), tag_names(a)));
    for (const auto& r : rel) {
      auto full = content.article_by_slug(r.slug, now_);
      line(fmt::format("   -> \"{}\" ({}, {}; councils: {}; tags: {}; similarity {:.2f})", r.headline, r.section.name,
                       day(r.published_at), council_names(r.id), full ? tag_names(*full) : "?",
                       search::headline_similarity(a.headline, r.headline)));
    }
  }
}

void Bench::rebuild_fts() {
  std::cerr << "== FTS rebuild\n";
  db_.reset();  // no reader holding a snapshot while the rebuild commits
  auto rw = store::open(opt_.db);
  auto t0 = Clock::now();
  rw->exec_script("INSERT INTO articles_fts(articles_fts) VALUES('rebuild');");
  double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  rw->exec_script("PRAGMA wal_checkpoint(TRUNCATE);");
  rw.reset();
  db_ = store::open(opt_.db, true);
  line(fmt::format("FTS rebuild (INSERT INTO articles_fts(articles_fts) VALUES('rebuild'), one transaction): {:.1f} s",
                   secs));
}

int Bench::run() {
  store::ContentStore content(*db_);
  const std::int64_t visible = content.count({}, now_);
  const std::int64_t total = db_->scalar("article_total", {});
  if (visible == 0) {
    std::cerr << "gazette_search_bench: " << opt_.db
              << " has no visible articles; fill it first: gazette --db FILE demo-data --articles 100000 --quiet\n";
    return 1;
  }
  line(fmt::format("Search benchmark: {} ({} articles, {} visible), SQLite {}, seed {}", opt_.db, total, visible,
                   sqlite3_libversion(), opt_.seed));
  sizes("as generated");
  line("");

  // Filters: sections, date windows inside the archive, councils that have articles.
  auto sections = content.sections();
  auto newest = content.list({}, now_, 1, 0);
  auto oldest = content.list({}, now_, 1, static_cast<int>(visible - 1));
  const std::int64_t t_new = newest.empty() ? now_ : newest.front().published_at;
  const std::int64_t t_old = oldest.empty() ? t_new - 365 * 86400 : oldest.front().published_at;
  std::vector<store::CouncilRow> councils;
  for (auto& c : store::CouncilStore(*db_).all())
    if (c.articles > 0) councils.push_back(std::move(c));
  std::size_t councils_with_articles = councils.size();
  std::shuffle(councils.begin(), councils.end(), rng_);
  if (councils.size() > 40) councils.resize(40);
  std::int64_t cmin = std::numeric_limits<std::int64_t>::max(), cmax = 0;
  for (const auto& c : councils) cmin = std::min(cmin, c.articles), cmax = std::max(cmax, c.articles);
  line(fmt::format("archive spans {} .. {}; {} sections; {} councils have articles ({} sampled, {}..{} articles each)",
                   day(t_old), day(t_new), sections.size(), councils_with_articles, councils.size(),
                   councils.empty() ? 0 : cmin, cmax));
  line("");

  const int n = opt_.queries;
  auto cycle = [&](const std::vector<std::string>& words, const std::string& sort = "relevance") {
    std::vector<search::SearchRequest> out;
    for (int i = 0; i < n; ++i) {
      search::SearchRequest r;
      r.q = words[static_cast<size_t>(i) % words.size()];
      r.sort = sort;
      out.push_back(r);
    }
    return out;
  };

  line("search::run_search latency in microseconds (first page of 20 with highlights, snippets, authors; relevance");
  line("  ranks the newest 2,000 matches (1,000 for a phrase) and counts within them, date order counts up to 10,000)");
  line(fmt::format("{:<28}{:>6}{:>10}{:>10}{:>10}{:>10}   {}", "class", "n", "p50", "p95", "p99", "max",
                   "results per query: min..max"));

  // Sanity checks that need no second source of truth.
  auto at_most_plain = [&](const std::string& label, auto plain_of) {
    return [&, label, plain_of](const search::SearchRequest& r, const search::SearchResponse& res, ClassResult& c) {
      for (const auto& q : plain_of(r)) {
        auto p = plain_total(q);
        if (res.total > p)
          c.problem(fmt::format("{}: {} results, more than {} for '{}' ({})", describe(r), res.total, p, q, label));
      }
    };
  };
  auto words_of = [](const std::string& q) {
    std::vector<std::string> out;
    std::string cur;
    for (char ch : q + " ") {
      if (ch == ' ' || ch == '"') {
        if (!cur.empty()) out.push_back(cur);
        cur.clear();
      } else {
        cur += ch;
      }
    }
    return out;
  };

  auto one = time_class("one-word", cycle(kOneWord));

  time_class("two-word (AND)", cycle(kTwoWord),
             at_most_plain("each word alone", [&](const search::SearchRequest& r) { return words_of(r.q); }));
  time_class("phrase", cycle(kPhrase), at_most_plain("the same words unquoted", [&](const search::SearchRequest& r) {
               auto w = words_of(r.q);
               std::string unquoted;
               for (const auto& x : w) unquoted += (unquoted.empty() ? "" : " ") + x;
               return std::vector<std::string>{unquoted};
             }));
  time_class("prefix (hous*)", cycle(kPrefix));

  // Filtered: one word + one filter, the filter value drawn at random.
  {
    auto reqs = cycle(kOneWord);
    std::uniform_int_distribution<size_t> pick(0, sections.size() - 1);
    for (auto& r : reqs) r.section = sections[pick(rng_)].slug;
    std::map<std::string, std::int64_t> section_ids;
    for (const auto& s : sections) section_ids[s.slug] = s.id;
    time_class("one word + section", reqs,
               [&](const search::SearchRequest& r, const search::SearchResponse& res, ClassResult& c) {
                 if (res.total > plain_total(r.q)) c.problem(describe(r) + ": more results than without the filter");
                 for (const auto& h : res.hits)
                   if (h.article.section.slug != r.section) {
                     c.problem(describe(r) + ": a hit from section " + h.article.section.slug);
                     break;
                   }
               });
  }
  {
    auto reqs = cycle(kOneWord);
    const std::int64_t windows[] = {30, 365, 5 * 365};
    int i = 0;
    for (auto& r : reqs) {
      std::int64_t len = windows[i++ % 3] * 86400;
      std::int64_t span = std::max<std::int64_t>(t_new - t_old - len, 1);
      std::int64_t from = t_old + std::uniform_int_distribution<std::int64_t>(0, span)(rng_);
      r.from = day(from);
      r.to = day(from + len);
    }
    time_class("one word + date range", reqs,
               [&](const search::SearchRequest& r, const search::SearchResponse& res, ClassResult& c) {
                 if (res.total > plain_total(r.q)) c.problem(describe(r) + ": more results than without the filter");
                 std::int64_t from = parse_day(r.from), to = parse_day(r.to) + 86400;
                 for (const auto& h : res.hits)
                   if (h.article.published_at < from || h.article.published_at >= to) {
                     c.problem(describe(r) + ": a hit published " + day(h.article.published_at));
                     break;
                   }
               });
  }
  if (!councils.empty()) {
    auto reqs = cycle(kOneWord);
    std::uniform_int_distribution<size_t> pick(0, councils.size() - 1);
    std::map<std::string, std::int64_t> ids;
    for (const auto& c : councils) ids[c.slug] = c.id;
    for (auto& r : reqs) r.council = councils[pick(rng_)].slug;
    store::CouncilStore cs(*db_);
    time_class("one word + council", reqs,
               [&](const search::SearchRequest& r, const search::SearchResponse& res, ClassResult& c) {
                 if (res.total > plain_total(r.q)) c.problem(describe(r) + ": more results than without the filter");
                 for (const auto& h : res.hits) {
                   bool found = false;
                   for (const auto& row : cs.for_article(h.article.id)) found = found || row.id == ids[r.council];
                   if (!found) {
                     c.problem(describe(r) + fmt::format(": hit {} does not mention the council", h.article.id));
                     break;
                   }
                 }
               });
  } else {
    line("one word + council: not measured, no council has articles (was the archive tagged?)");
  }
  time_class("one word, sort=date", cycle(kOneWord, "date"),
             [&](const search::SearchRequest& r, const search::SearchResponse& res, ClassResult& c) {
               // Relevance counts within its ranking window (2,000); date order counts up to 10,000.
               if (std::min<std::int64_t>(res.total, search::rank_window(res.query)) != plain_total(r.q))
                 c.problem(fmt::format("{}: {} results, but {} sorted by relevance", describe(r), res.total,
                                       plain_total(r.q)));
               for (size_t i = 1; i < res.hits.size(); ++i)
                 if (res.hits[i].article.published_at > res.hits[i - 1].article.published_at) {
                   c.problem(describe(r) + ": hits not newest first");
                   break;
                 }
             });
  for (const auto& c : results_) print_class(c);

  {
    std::vector<double> with;
    for (size_t i = 0; i < one.us.size(); ++i)
      if (one.totals[i] > 0) with.push_back(one.us[i]);
    line(fmt::format("{:<28}{:>6}{:>10.0f}{:>10.0f}{:>10.0f}{:>10.0f}   (the one-word queries that found something)",
                     "  one-word: with results", with.size(), percentile(with, 50), percentile(with, 95),
                     percentile(with, 99), percentile(with, 100)));
  }
  // A breakdown for one-word queries: the count alone (run_search runs it before the page).
  {
    store::SearchStore ss(*db_);
    std::vector<double> us;
    for (int i = 0; i < n; ++i) {
      store::SearchFilter f;
      f.text = search::parse_query(kOneWord[static_cast<size_t>(i) % kOneWord.size()]).text;
      auto t0 = Clock::now();
      ss.count(f, now_, search::kCountCap + 1);
      us.push_back(micros(Clock::now() - t0));
    }
    line(fmt::format("{:<28}{:>6}{:>10.0f}{:>10.0f}{:>10.0f}{:>10.0f}   (SearchStore::count only)",
                     "  one-word: count part", us.size(), percentile(us, 50), percentile(us, 95), percentile(us, 99),
                     percentile(us, 100)));
  }
  naive(one);
  line("");
  line("slowest query per class:");
  for (const auto& c : results_) line(fmt::format("  {:<26}{:>10}  {}", c.name, ms_or_us(c.slowest_us), c.slowest));
  line("queries with no results (unfiltered classes; with a filter, none is often the right answer):");
  for (const auto& c : results_) {
    if (c.name.find('+') != std::string::npos || c.name.find("sort") != std::string::npos) continue;
    std::string z;
    for (const auto& q : c.zero_queries) z += (z.empty() ? "" : ", ") + q;
    line(fmt::format("  {:<26}{}", c.name, z.empty() ? "(none)" : z));
  }
  line("");
  related();

  for (const auto& c : results_)
    for (const auto& p : c.problems) line("PROBLEM [" + c.name + "]: " + p);

  if (opt_.rebuild_fts) {
    line("");
    rebuild_fts();
    sizes("after the FTS rebuild");
    results_.clear();
    auto after = time_class("one-word, rebuilt index", cycle(kOneWord));
    print_class(after);
    for (const auto& p : after.problems) line("PROBLEM [" + after.name + "]: " + p);
  }
  line("");
  line(total_problems_ == 0 ? "checks: all search and related-reading sanity checks passed"
                            : fmt::format("checks: {} PROBLEM(S), listed above", total_problems_));
  for (const auto& l : out_) std::cout << l << "\n";
  return total_problems_ == 0 ? 0 : 3;
}

bool parse_args(int argc, char** argv, Options& o) {
  auto need_int = [](const std::string& flag, const std::string& v, long long lo, long long hi) -> long long {
    std::size_t used = 0;
    long long x = 0;
    try {
      x = std::stoll(v, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != v.size() || v.empty() || x < lo || x > hi)
      throw std::runtime_error(flag + " needs a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
    return x;
  };
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i], v;
    auto eq = a.find('=');
    bool has_eq = a.rfind("--", 0) == 0 && eq != std::string::npos;
    if (has_eq) v = a.substr(eq + 1), a = a.substr(0, eq);
    auto value = [&]() -> std::string {
      if (has_eq) return v;
      if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
      return argv[++i];
    };
    if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      return false;
    } else if (a == "--db") {
      o.db = value();
    } else if (a == "--queries") {
      o.queries = static_cast<int>(need_int(a, value(), 1, 1'000'000));
    } else if (a == "--related") {
      o.related = static_cast<int>(need_int(a, value(), 1, 1'000'000));
    } else if (a == "--naive") {
      o.naive = static_cast<int>(need_int(a, value(), 1, 1'000'000));
    } else if (a == "--seed") {
      o.seed = static_cast<std::uint64_t>(need_int(a, value(), 0, std::numeric_limits<long long>::max()));
    } else if (a == "--rebuild-fts") {
      o.rebuild_fts = true;
    } else {
      throw std::runtime_error("unknown option '" + a + "' (see --help)");
    }
  }
  if (o.db.empty()) throw std::runtime_error("--db FILE is required (see --help)");
  if (!std::filesystem::exists(o.db)) throw std::runtime_error("no database at " + o.db);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  try {
    if (!parse_args(argc, argv, o)) return 0;
  } catch (const std::exception& e) {
    std::cerr << "gazette_search_bench: " << e.what() << "\n";
    return 2;
  }
  try {
    Bench b(o);
    return b.run();
  } catch (const std::exception& e) {
    std::cerr << "gazette_search_bench: " << e.what() << "\n";
    return 1;
  }
}
