// Jobs board benchmark: building the in-memory JobIndex from the database, filtered job search by
// query class (search::JobIndex::search, with FTS5 keyword ids from store::JobStore::keyword_ids), a
// naive SQL baseline, facet cost, salary parser throughput and Indeed-style XML feed import.
// Runs the real library functions on one store::open connection, one thread.
//
//   gazette_jobs_bench --db FILE [--queries N] [--feed N] [--seed N] [--keep-feed]
//
// FILE must already hold adverts, e.g. `gazette --db FILE demo-data --articles 0 --jobs 50000 --quiet`.
// Built only with -DGAZETTE_BENCH=ON; bench/jobs builds and runs it. See bench/README.md.
#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "content/text.h"
#include "councils/tagging.h"
#include "demo/demo_jobs.h"
#include "demo/demo_random.h"
#include "importers/job_feed_importer.h"
#include "jobs/categories.h"
#include "jobs/job.h"
#include "jobs/salary.h"
#include "search/job_search.h"
#include "search/query.h"
#include "store/connection.h"
#include "store/job_store.h"
#include "store/migrations.h"

namespace {

using namespace gazette;
using Clock = std::chrono::steady_clock;

constexpr const char* kUsage = R"(Usage: gazette_jobs_bench --db FILE [options]

Measures the jobs board on a database already filled by
`gazette --db FILE demo-data --articles 0 --jobs 50000 --quiet`:
  (a) building search::JobIndex from the database, (b) filtered search latency by query class, with a
  naive SQL baseline, (c) facet cost (an empty result against a full one), (d) salary parser
  throughput, (e) Indeed-style XML feed import into a fresh database.

Options:
  --db FILE      the database (required; opened read-only)
  --queries N    timed queries per search class, after a warm-up pass (default 500)
  --feed N       adverts in the generated XML feed (default 50000; 0 skips the import)
  --seed N       random seed for query choice and the feed's adverts (default 1)
  --keep-feed    keep the feed file and its database (next to FILE) instead of deleting them
  -h, --help     this text
)";

struct Options {
  std::string db;
  int queries = 500;
  int feed = 50000;
  std::uint64_t seed = 1;
  bool keep_feed = false;
};

// The generators' splitmix64: fixed output on every standard library.
struct Rng : demo::DemoRng {
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[below(v.size())];
  }
};

double micros(Clock::duration d) {
  return std::chrono::duration<double, std::micro>(d).count();
}
double millis(Clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

struct Stats {
  double p50 = 0, p95 = 0, p99 = 0, max = 0, mean = 0;
};

Stats stats(std::vector<double> v) {
  Stats s;
  if (v.empty()) return s;
  std::sort(v.begin(), v.end());
  auto at = [&](double q) {
    return v[std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size())))];
  };
  s.p50 = at(0.50);
  s.p95 = at(0.95);
  s.p99 = at(0.99);
  s.max = v.back();
  double sum = 0;
  for (double x : v) sum += x;
  s.mean = sum / static_cast<double>(v.size());
  return s;
}

// A read-only raw SQLite handle for the baseline and for reading salary texts; the library's
// Connection runs only the named queries.
struct RawDb {
  sqlite3* h = nullptr;
  explicit RawDb(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
      throw std::runtime_error("cannot open " + path + ": " + sqlite3_errmsg(h));
  }
  ~RawDb() { sqlite3_close(h); }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;

  // Runs `sql` with text/int parameters; calls on_row for each row.
  void run(const std::string& sql, const std::vector<std::string>& text_params,
           const std::vector<std::int64_t>& int_params, const std::function<void(sqlite3_stmt*)>& on_row) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
      throw std::runtime_error(std::string("prepare: ") + sqlite3_errmsg(h));
    int i = 1;
    for (const auto& t : text_params) sqlite3_bind_text(st, i++, t.c_str(), -1, SQLITE_TRANSIENT);
    for (auto v : int_params) sqlite3_bind_int64(st, i++, v);
    while (sqlite3_step(st) == SQLITE_ROW)
      if (on_row) on_row(st);
    sqlite3_finalize(st);
  }
};

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

class Bench {
 public:
  explicit Bench(Options o) : opt_(std::move(o)) {}

  int run() {
    db_ = store::open(opt_.db, /*read_only=*/true);
    store::JobStore jobs(*db_);
    const std::int64_t total = jobs.count();
    if (total == 0) {
      std::cerr << "gazette_jobs_bench: " << opt_.db << " holds no adverts (run gazette demo-data --jobs N first)\n";
      return 1;
    }
    now_ = std::time(nullptr);
    build_index(jobs, total);
    prepare_values();
    search_classes(jobs);
    naive_baseline();
    facet_cost();
    salary_throughput();
    if (opt_.feed > 0) feed_import();
    for (const auto& p : problems_) fmt::print("PROBLEM: {}\n", p);
    return problems_.empty() ? 0 : 3;
  }

 private:
  // --------------------------------------------------------------------------------------- (a)
  void build_index(store::JobStore& jobs, std::int64_t total) {
    std::vector<double> load_ms, build_ms;
    for (int i = 0; i < 5; ++i) {
      auto t0 = Clock::now();
      auto rows = jobs.index_rows();
      auto t1 = Clock::now();
      auto index = std::make_shared<search::JobIndex>(std::move(rows));
      auto t2 = Clock::now();
      load_ms.push_back(millis(t1 - t0));
      build_ms.push_back(millis(t2 - t0));
      index_ = index;
    }
    std::int64_t live = 0;
    for (const auto& r : index_rows_copy(jobs)) {
      if (r.status == "live" && (r.closes_at == 0 || r.closes_at > now_)) ++live;
      if (r.council_id) councils_.insert(r.council_id);
      employers_.insert(r.employer_id);
    }
    auto s = stats(build_ms);
    fmt::print("Jobs benchmark on {}: {} adverts ({} live now, {} employers, {} linked to councils)\n\n", opt_.db,
               total, live, employers_.size(), councils_.size());
    fmt::print("(a) JobIndex build from the database (JobStore::index_rows + JobIndex), 5 runs\n");
    fmt::print(
        "    median {:.1f} ms, best {:.1f} ms, {} rows indexed (reading the rows is nearly all of it: median {:.1f} "
        "ms)\n\n",
        s.p50, *std::min_element(build_ms.begin(), build_ms.end()), index_->size(), stats(load_ms).p50);
    if (static_cast<std::int64_t>(index_->size()) > total) problems_.push_back("index has more rows than adverts");
  }

  std::vector<store::JobIndexRow> index_rows_copy(store::JobStore& jobs) { return jobs.index_rows(); }

  void prepare_values() {
    for (const auto& c : jobs::categories()) categories_.push_back(c.slug);
    store::JobStore jobs(*db_);
    regions_ = jobs.regions();
    council_list_.assign(councils_.begin(), councils_.end());
    employer_list_.assign(employers_.begin(), employers_.end());
    if (council_list_.empty()) problems_.push_back("no advert is linked to a council (employer names not detected)");
    if (regions_.empty()) problems_.push_back("no regions");
  }

  // --------------------------------------------------------------------------------------- (b)
  struct QueryClass {
    std::string name;
    std::function<search::JobQuery(Rng&)> make;
    std::vector<std::string> keywords;  // non-empty: each query also runs keyword_ids for a word
  };

  struct ClassResult {
    std::string name;
    Stats st;
    std::int64_t min_total = -1, max_total = 0;
    double keyword_share = 0;  // share of mean time spent in keyword_ids
  };

  static std::vector<std::string> keyword_list() {
    return {"social",  "housing", "planning", "engineer", "manager", "officer",  "children", "waste",
            "finance", "senior",  "digital",  "library",  "care",    "highways", "policy",   "assistant"};
  }

  std::vector<QueryClass> classes() {
    std::vector<QueryClass> c;
    auto base = [](Rng& r) {
      search::JobQuery q;
      q.page = 1 + static_cast<int>(r.below(3));
      return q;
    };
    c.push_back({"no filter (newest)", [=](Rng& r) { return base(r); }, {}});
    c.push_back({"category",
                 [=, this](Rng& r) {
                   auto q = base(r);
                   q.category = r.pick(categories_);
                   return q;
                 },
                 {}});
    c.push_back({"category + min salary",
                 [=, this](Rng& r) {
                   auto q = base(r);
                   q.category = r.pick(categories_);
                   q.min_salary = 25000 + 5000 * static_cast<double>(r.below(6));
                   return q;
                 },
                 {}});
    c.push_back({"council",
                 [=, this](Rng& r) {
                   auto q = base(r);
                   q.page = 1;
                   q.council_id = r.pick(council_list_);
                   return q;
                 },
                 {}});
    c.push_back(
        {"region + contract + hours",
         [=, this](Rng& r) {
           auto q = base(r);
           q.page = 1;
           q.region = r.pick(regions_);
           static const std::vector<std::string> contracts = {"permanent", "permanent", "fixed-term", "temporary"};
           static const std::vector<std::string> hours = {"full-time", "full-time", "part-time"};
           q.contract = r.pick(contracts);
           q.hours = r.pick(hours);
           return q;
         },
         {}});
    c.push_back({"posted within 7 days",
                 [=](Rng& r) {
                   auto q = base(r);
                   q.posted_within_days = 7;
                   return q;
                 },
                 {}});
    c.push_back({"keyword + category",
                 [=, this](Rng& r) {
                   auto q = base(r);
                   q.page = 1;
                   q.category = r.pick(categories_);
                   q.sort = "relevance";
                   return q;
                 },
                 keyword_list()});
    c.push_back({"keyword only",
                 [=](Rng& r) {
                   auto q = base(r);
                   q.page = 1;
                   q.sort = "relevance";
                   return q;
                 },
                 keyword_list()});
    c.push_back({"sort by salary",
                 [=](Rng& r) {
                   auto q = base(r);
                   q.sort = "salary";
                   return q;
                 },
                 {}});
    c.push_back({"sort by closing",
                 [=](Rng& r) {
                   auto q = base(r);
                   q.sort = "closing";
                   return q;
                 },
                 {}});
    c.push_back({"employer page (incl. closed)",
                 [=, this](Rng& r) {
                   search::JobQuery q;
                   q.employer_id = r.pick(employer_list_);
                   q.include_closed = true;
                   return q;
                 },
                 {}});
    return c;
  }

  void check(const search::JobQuery& q, const search::JobSearchResult& r, const std::string& cls) {
    if (static_cast<std::int64_t>(r.ids.size()) > std::min<std::int64_t>(r.total, q.page_size))
      problems_.push_back(cls + ": more ids than the total or the page size");
    for (const char* f : {"category", "contract", "hours", "region"})
      if (!r.facets.count(f)) {
        problems_.push_back(cls + ": no '" + f + "' facet");
        break;
      }
  }

  void search_classes(store::JobStore& jobs) {
    fmt::print(
        "(b) Filtered search latency, {} queries per class after a warm-up pass (microseconds; keyword classes\n"
        "    include JobStore::keyword_ids over FTS5 and search::parse_query; the target is p95 < 5,000 us)\n",
        opt_.queries);
    fmt::print("    {:<30} {:>8} {:>8} {:>8} {:>8} {:>8}  {:>13}  {}\n", "class", "p50", "p95", "p99", "max", "mean",
               "results", "notes");
    double worst_p95 = 0;
    std::string worst;
    for (const auto& cls : classes()) {
      std::vector<double> times, kw_times;
      ClassResult res;
      res.name = cls.name;
      for (int pass = 0; pass < 2; ++pass) {
        Rng r{opt_.seed * 7919 + std::hash<std::string>{}(cls.name)};
        for (int i = 0; i < opt_.queries; ++i) {
          auto q = cls.make(r);
          std::string word = cls.keywords.empty() ? std::string() : r.pick(cls.keywords);
          auto t0 = Clock::now();
          std::vector<std::int64_t> ids;
          Clock::time_point t1 = t0;
          bool have_kw = false;
          if (!word.empty()) {
            auto parsed = search::parse_query(word);
            if (!parsed.text.empty()) {
              ids = jobs.keyword_ids(parsed.text, 100000);
              have_kw = true;
            }
            t1 = Clock::now();
          }
          auto result = index_->search(q, have_kw ? &ids : nullptr, now_);
          auto t2 = Clock::now();
          if (pass == 0) {
            check(q, result, cls.name);
            continue;
          }
          times.push_back(micros(t2 - t0));
          if (!word.empty()) kw_times.push_back(micros(t1 - t0));
          res.min_total = res.min_total < 0 ? result.total : std::min(res.min_total, result.total);
          res.max_total = std::max(res.max_total, result.total);
        }
      }
      res.st = stats(times);
      std::string notes;
      if (!kw_times.empty()) {
        auto k = stats(kw_times);
        notes = fmt::format("keyword_ids alone: p50 {:.0f}, p95 {:.0f}", k.p50, k.p95);
      }
      fmt::print("    {:<30} {:>8.0f} {:>8.0f} {:>8.0f} {:>8.0f} {:>8.0f}  {:>6}-{:<6}  {}\n", res.name, res.st.p50,
                 res.st.p95, res.st.p99, res.st.max, res.st.mean, res.min_total, res.max_total, notes);
      if (res.st.p95 > worst_p95) {
        worst_p95 = res.st.p95;
        worst = res.name;
      }
    }
    fmt::print("    worst p95: {:.0f} us ({}): {}\n\n", worst_p95, worst,
               worst_p95 < 5000 ? "meets the 5 ms target" : "MISSES the 5 ms target");
  }

  // Naive SQL baseline for "keyword + category": what the page would cost without the index and FTS
  // (a LIKE over title and description, an exact count, the first page, and the four facet GROUP BYs).
  void naive_baseline() {
    RawDb raw(opt_.db);
    const int n = std::max(20, opt_.queries / 5);
    std::vector<double> times, fast_times;
    Rng r{opt_.seed * 31};
    const auto words = keyword_list();
    naive_query(raw, categories_.front(), "%officer%", false);  // warm-up: pages the table in
    for (int i = 0; i < n; ++i) {
      const std::string cat = r.pick(categories_);
      const std::string like = "%" + r.pick(words) + "%";
      auto t0 = Clock::now();
      naive_query(raw, cat, like, /*title_only=*/false);
      times.push_back(micros(Clock::now() - t0));
      auto t1 = Clock::now();
      naive_query(raw, cat, like, /*title_only=*/true);
      fast_times.push_back(micros(Clock::now() - t1));
    }
    auto s = stats(times), f = stats(fast_times);
    fmt::print(
        "    naive SQL baseline for 'keyword + category' ({} queries: LIKE '%word%', exact count, first page of\n"
        "    20 newest, four facet GROUP BYs; no FTS, no in-memory index):\n",
        n);
    fmt::print("    {:<30} {:>8.0f} {:>8.0f} {:>8.0f} {:>8.0f} {:>8.0f}\n", "LIKE over title + description", s.p50,
               s.p95, s.p99, s.max, s.mean);
    fmt::print("    {:<30} {:>8.0f} {:>8.0f} {:>8.0f} {:>8.0f} {:>8.0f}\n\n", "LIKE over title only", f.p50, f.p95,
               f.p99, f.max, f.mean);
  }

  void naive_query(RawDb& raw, const std::string& category, const std::string& like, bool title_only) {
    const std::string match = title_only ? "title LIKE ?1" : "(title LIKE ?1 OR description_markdown LIKE ?1)";
    const std::string live = "status = 'live' AND (closes_at IS NULL OR closes_at > ?3)";
    std::int64_t total = 0;
    raw.run("SELECT count(*) FROM jobs WHERE " + match + " AND category = ?2 AND " + live, {like, category}, {now_},
            [&](sqlite3_stmt* st) { total = sqlite3_column_int64(st, 0); });
    std::vector<std::int64_t> page;
    raw.run(
        "SELECT id FROM jobs WHERE " + match + " AND category = ?2 AND " + live + " ORDER BY posted_at DESC LIMIT 20",
        {like, category}, {now_}, [&](sqlite3_stmt* st) { page.push_back(sqlite3_column_int64(st, 0)); });
    // Facets: each counts over the other filters (category facet ignores the category filter).
    raw.run("SELECT category, count(*) FROM jobs WHERE " + match + " AND ?2 = ?2 AND " + live + " GROUP BY category",
            {like, category}, {now_}, nullptr);
    for (const char* col : {"contract", "hours", "region"})
      raw.run(std::string("SELECT ") + col + ", count(*) FROM jobs WHERE " + match + " AND category = ?2 AND " + live +
                  " GROUP BY " + col,
              {like, category}, {now_}, nullptr);
    if (static_cast<std::int64_t>(page.size()) > total) problems_.push_back("naive baseline: page larger than count");
  }

  // --------------------------------------------------------------------------------------- (c)
  void facet_cost() {
    auto time_query = [&](const search::JobQuery& q, std::int64_t& total) {
      std::vector<double> t;
      for (int pass = 0; pass < 2; ++pass)
        for (int i = 0; i < opt_.queries; ++i) {
          auto t0 = Clock::now();
          auto r = index_->search(q, nullptr, now_);
          if (pass) t.push_back(micros(Clock::now() - t0));
          total = r.total;
        }
      return stats(t);
    };
    search::JobQuery live_q;  // every live advert
    search::JobQuery live_none = live_q;
    live_none.region = "Atlantis";  // matches nothing
    search::JobQuery all_q;
    all_q.include_closed = true;  // every advert, closed ones too (as employer pages count them)
    search::JobQuery all_none = all_q;
    all_none.region = "Atlantis";
    std::int64_t n_live = 0, n_live_none = 0, n_all = 0, n_none = 0;
    auto a = time_query(live_q, n_live), b = time_query(live_none, n_live_none);
    auto c = time_query(all_q, n_all), d = time_query(all_none, n_none);
    fmt::print(
        "(c) Facet cost: the index counts the four facets on every search in the same pass over the rows, so a\n"
        "    search that finds nothing should cost about the same as one that finds everything ({} queries each, us)\n",
        opt_.queries);
    fmt::print("    {:<44} {:>8} {:>8} {:>8}  {:>8}\n", "query", "p50", "p95", "p99", "results");
    auto row = [](const char* name, const Stats& s, std::int64_t n) {
      fmt::print("    {:<44} {:>8.0f} {:>8.0f} {:>8.0f}  {:>8}\n", name, s.p50, s.p95, s.p99, n);
    };
    row("live adverts, no filter (page 1, facets)", a, n_live);
    row("live adverts, region 'Atlantis' (no match)", b, n_live_none);
    row("closed included, no filter", c, n_all);
    row("closed included, region 'Atlantis'", d, n_none);
    fmt::print("\n");
    n_none += n_live_none;
    if (n_none != 0) problems_.push_back("region 'Atlantis' matched adverts");
  }

  // --------------------------------------------------------------------------------------- (d)
  void salary_throughput() {
    RawDb raw(opt_.db);
    std::vector<std::string> texts;
    raw.run("SELECT salary_text FROM jobs", {}, {}, [&](sqlite3_stmt* st) {
      const unsigned char* t = sqlite3_column_text(st, 0);
      texts.emplace_back(t ? reinterpret_cast<const char*>(t) : "");
    });
    std::size_t parsed = 0, distinct = std::set<std::string>(texts.begin(), texts.end()).size();
    for (const auto& t : texts) parsed += jobs::parse_salary(t).parsed ? 1 : 0;
    std::size_t done = 0, bytes = 0;
    auto t0 = Clock::now();
    double secs = 0;
    volatile double sink = 0;
    while (secs < 1.0) {
      for (const auto& t : texts) {
        auto s = jobs::parse_salary(t);
        sink = sink + (s.annual_min ? *s.annual_min : 0);
        bytes += t.size();
      }
      done += texts.size();
      secs = std::chrono::duration<double>(Clock::now() - t0).count();
    }
    fmt::print("(d) Salary parser: {} salary texts ({} distinct), {:.1f}% parsed\n", texts.size(), distinct,
               100.0 * static_cast<double>(parsed) / static_cast<double>(std::max<std::size_t>(1, texts.size())));
    fmt::print("    {:.0f} strings/s ({:.2f} us per string, {:.1f} MB/s), {} parses in {:.2f} s\n\n",
               static_cast<double>(done) / secs, secs * 1e6 / static_cast<double>(done),
               static_cast<double>(bytes) / secs / 1e6, done, secs);
  }

  // --------------------------------------------------------------------------------------- (e)
  // Writes adverts [from, to) as an Indeed-style feed; returns its size in bytes, 0 on failure.
  std::size_t write_feed(const std::filesystem::path& path, const std::vector<jobs::JobInput>& all, std::size_t from,
                         std::size_t to) {
    std::string xml;
    xml.reserve((to - from) * 2200);
    xml += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<source>\n<publisher>Gazette benchmark</publisher>\n";
    auto field = [&](const char* tag, std::string_view v) {
      xml += "  <";
      xml += tag;
      xml += '>';
      xml += xml_escape(v);
      xml += "</";
      xml += tag;
      xml += ">\n";
    };
    for (std::size_t i = from; i < to; ++i) {
      const auto& j = all[i];
      xml += "<job>\n";
      field("title", j.title);
      field("date", content::format_rfc1123(j.posted_at));
      field("referencenumber", "bench-" + std::to_string(i + 1));
      field("url", "https://jobs.example.org/bench-" + std::to_string(i + 1));
      field("company", j.employer);
      field("city", j.location);
      field("state", j.region);
      field("country", "GB");
      field("description", j.description_markdown);
      field("salary", j.salary_text);
      field("jobtype", j.contract + ", " + j.hours);
      field("category", j.category);
      if (!j.closing_date.empty()) field("expirationdate", j.closing_date);
      xml += "</job>\n";
    }
    xml += "</source>\n";
    std::ofstream out(path, std::ios::binary);
    out << xml;
    return out ? xml.size() : 0;
  }

  std::unique_ptr<store::Connection> fresh_db(const std::string& path) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix, ec);
    auto db = store::open(path);
    store::migrate(*db);
    store::Transaction tx(*db);
    councils::sync_builtin_register(*db);
    tx.commit();
    return db;
  }

  void feed_import() {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(opt_.db).parent_path().empty() ? fs::path(".") : fs::path(opt_.db).parent_path();
    const fs::path feed = dir / "jobs-bench-feed.xml", chunk = dir / "jobs-bench-chunk.xml";
    const std::string feed_db = (dir / "jobs-bench-feed.db").string(),
                      chunk_db = (dir / "jobs-bench-chunks.db").string();
    const std::size_t n = static_cast<std::size_t>(opt_.feed);

    auto t0 = Clock::now();
    demo::DemoJobGenerator gen(opt_.seed + 1000, now_ - 3600);
    std::vector<jobs::JobInput> all;
    all.reserve(n);
    for (std::size_t i = 0; i < n; ++i) all.push_back(gen.next());
    const std::size_t feed_bytes = write_feed(feed, all, 0, n);
    const double write_s = std::chrono::duration<double>(Clock::now() - t0).count();
    if (feed_bytes == 0) {
      problems_.push_back("cannot write " + feed.string());
      return;
    }
    fmt::print(
        "(e) XML feed import: importers::import_job_feed_file into a fresh migrated database, on an Indeed-style\n"
        "    feed of {} generated adverts ({:.1f} MB, generated and written in {:.1f} s)\n",
        n, static_cast<double>(feed_bytes) / 1e6, write_s);

    auto import = [&](store::Connection& db, const fs::path& file, importers::JobFeedReport& total) {
      auto r = importers::import_job_feed_file(db, file.string());
      if (!r.ok) problems_.push_back("feed import failed: " + r.error);
      total.jobs += r.jobs;
      total.added += r.added;
      total.already_present += r.already_present;
    };
    {
      auto db = fresh_db(feed_db);
      importers::JobFeedReport total;
      auto t1 = Clock::now();
      import(*db, feed, total);
      const double s = std::chrono::duration<double>(Clock::now() - t1).count();
      fmt::print("    one file of {:>6} adverts: {} added in {:.2f} s: {:.0f} adverts/s\n", n, total.added, s,
                 static_cast<double>(total.jobs) / s);
      if (static_cast<std::size_t>(total.added) != n)
        problems_.push_back("feed import added " + std::to_string(total.added) + " of " + std::to_string(n));
    }
    // The same adverts in files of at most 5,000: shows how the rate depends on file size.
    constexpr std::size_t kChunk = 5000;
    if (n > kChunk) {
      auto db = fresh_db(chunk_db);
      importers::JobFeedReport total;
      double s = 0;
      std::size_t files = 0;
      for (std::size_t from = 0; from < n; from += kChunk, ++files) {
        write_feed(chunk, all, from, std::min(n, from + kChunk));
        auto t1 = Clock::now();
        import(*db, chunk, total);
        s += std::chrono::duration<double>(Clock::now() - t1).count();
      }
      fmt::print("    {} files of {:>5} adverts: {} added in {:.2f} s: {:.0f} adverts/s\n", files, kChunk, total.added,
                 s, static_cast<double>(total.jobs) / s);
    }
    fmt::print("\n");
    if (!opt_.keep_feed) {
      std::error_code ec;
      fs::remove(feed, ec);
      fs::remove(chunk, ec);
      for (const auto& p : {feed_db, chunk_db})
        for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(p + suffix, ec);
    }
  }

  Options opt_;
  std::unique_ptr<store::Connection> db_;
  std::shared_ptr<search::JobIndex> index_;
  std::int64_t now_ = 0;
  std::set<std::int64_t> councils_, employers_;
  std::vector<std::int64_t> council_list_, employer_list_;
  std::vector<std::string> categories_, regions_;
  std::vector<std::string> problems_;
};

}  // namespace

int main(int argc, char** argv) {
  Options o;
  std::vector<std::string> args(argv + 1, argv + argc);
  auto number = [&](std::size_t& i, const std::string& name) -> long long {
    if (i + 1 >= args.size()) throw std::invalid_argument(name + " needs a value");
    return std::stoll(args[++i]);
  };
  try {
    for (std::size_t i = 0; i < args.size(); ++i) {
      const auto& a = args[i];
      if (a == "-h" || a == "--help") {
        std::cout << kUsage;
        return 0;
      } else if (a == "--db") {
        if (i + 1 >= args.size()) throw std::invalid_argument("--db needs a file");
        o.db = args[++i];
      } else if (a == "--queries") {
        o.queries = static_cast<int>(std::max(1LL, number(i, a)));
      } else if (a == "--feed") {
        o.feed = static_cast<int>(std::max(0LL, number(i, a)));
      } else if (a == "--seed") {
        o.seed = static_cast<std::uint64_t>(number(i, a));
      } else if (a == "--keep-feed") {
        o.keep_feed = true;
      } else {
        throw std::invalid_argument("unknown option '" + a + "'");
      }
    }
    if (o.db.empty()) throw std::invalid_argument("--db FILE is required");
  } catch (const std::exception& e) {
    std::cerr << "gazette_jobs_bench: " << e.what() << "\n\n" << kUsage;
    return 2;
  }
  try {
    return Bench(o).run();
  } catch (const std::exception& e) {
    std::cerr << "gazette_jobs_bench: " << e.what() << "\n";
    return 1;
  }
}
