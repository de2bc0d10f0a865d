// PostgreSQL implementation of store::Connection: libpq, one connection per thread (like SQLite's),
// each named query prepared once per connection (PQprepare, statement name "g_<name>"), parameters
// and results in text format.
//
// When the server goes away, the failing call throws store::Unavailable (the site answers 503) and the
// connection is marked broken; the next call reconnects, at most once per backoff interval (200 ms,
// doubling up to 5 s), so an outage costs a refused connection per interval rather than a hang, and
// the site recovers by itself when the server is back.
#include "store/pg_connection.h"

#include <libpq-fe.h>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <set>
#include <vector>

#include "store/change_listener.h"
#include "store/sql_catalog.h"

#include <poll.h>

namespace gazette::store {
namespace {

using Clock = std::chrono::steady_clock;

class PgRow final : public Row {
 public:
  PgRow(const PGresult* res, int row) : res_(res), row_(row) {}
  bool is_null(int col) const override { return PQgetisnull(res_, row_, col) != 0; }
  std::int64_t int64(int col) const override {
    const char* p = PQgetvalue(res_, row_, col);
    if (*p == 't') return 1;  // a boolean column
    if (*p == 'f') return 0;
    std::int64_t v = 0;
    const char* end = p + PQgetlength(res_, row_, col);
    auto [ptr, ec] = std::from_chars(p, end, v);
    if (ec != std::errc() || ptr != end) return static_cast<std::int64_t>(std::strtod(p, nullptr));
    return v;
  }
  double real(int col) const override { return std::strtod(PQgetvalue(res_, row_, col), nullptr); }
  std::string text(int col) const override {
    return std::string(PQgetvalue(res_, row_, col), static_cast<size_t>(PQgetlength(res_, row_, col)));
  }

 private:
  const PGresult* res_;
  int row_;
};

struct Result {
  PGresult* res = nullptr;
  explicit Result(PGresult* r) : res(r) {}
  ~Result() { PQclear(res); }
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;
};

// SQLSTATEs that mean "the database cannot answer now" rather than "this query is wrong": connection
// exceptions (08...), the server shutting down or starting (57P01-57P03), a statement timeout or
// cancel (57014), too many connections (53300).
bool unavailable_state(const char* state) {
  if (!state) return false;
  std::string_view s(state);
  return s.starts_with("08") || s == "57P01" || s == "57P02" || s == "57P03" || s == "57014" || s == "53300";
}

void ignore_notice(void*, const char*) {}

// Parameters as libpq's text values (NULL stays a null pointer).
struct Params {
  std::vector<std::string> texts;
  std::vector<const char*> values;
  Params(const Value* begin, const Value* end) {
    texts.reserve(static_cast<size_t>(end - begin));
    std::vector<bool> nulls;
    for (const Value* it = begin; it != end; ++it) {
      const Value& v = *it;
      nulls.push_back(std::holds_alternative<std::nullptr_t>(v));
      if (auto* n = std::get_if<std::int64_t>(&v)) {
        texts.push_back(std::to_string(*n));
      } else if (auto* d = std::get_if<double>(&v)) {
        char buf[64];
        auto [end_, ec] = std::to_chars(buf, buf + sizeof buf, *d);
        texts.emplace_back(buf, ec == std::errc() ? end_ : buf);
      } else if (auto* s = std::get_if<std::string_view>(&v)) {
        // Text parameters end at a NUL byte; PostgreSQL text cannot hold one anyway.
        texts.emplace_back(s->substr(0, s->find('\0')));
      } else {
        texts.emplace_back();
      }
    }
    values.resize(texts.size());
    for (size_t i = 0; i < texts.size(); ++i) values[i] = nulls[i] ? nullptr : texts[i].c_str();
  }
};

class PgConnection final : public Connection {
 public:
  PgConnection(std::string database, bool read_only) : database_(std::move(database)), read_only_(read_only) {
    connect();
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
      std::string why = conn_ ? PQerrorMessage(conn_) : "out of memory";
      while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
      PQfinish(conn_);
      conn_ = nullptr;
      throw Unavailable("cannot connect to the PostgreSQL database: " + why);
    }
  }
  ~PgConnection() override { PQfinish(conn_); }

  std::string_view backend() const override { return "postgresql"; }

  void query(std::string_view name, std::initializer_list<Value> params, const RowFn& on_row) override {
    Result r(run(name, params));
    const int rows = PQntuples(r.res);
    if (!on_row) return;
    for (int i = 0; i < rows; ++i) on_row(PgRow(r.res, i));
  }

  std::int64_t exec(std::string_view name, std::initializer_list<Value> params) override {
    Result r(run(name, params));
    const char* n = PQcmdTuples(r.res);
    return n && *n ? std::strtoll(n, nullptr, 10) : 0;
  }

  void query_sql(const std::string& sql, const std::vector<Value>& params, const RowFn& on_row) override {
    ensure_connected();
    Params p(params.data(), params.data() + params.size());
    Result r(PQexecParams(conn_, sql.c_str(), static_cast<int>(p.values.size()), nullptr, p.values.data(), nullptr,
                          nullptr, 0));
    const auto st = PQresultStatus(r.res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) fail("(copy)", r.res);
    if (!on_row) return;
    for (int i = 0, n = PQntuples(r.res); i < n; ++i) on_row(PgRow(r.res, i));
  }

  void exec_script(std::string_view sql) override {
    ensure_connected();
    // Migrations may rewrite a whole archive: no statement timeout for them.
    simple("SET statement_timeout = 0");
    std::string text(sql);
    Result r(PQexec(conn_, text.c_str()));
    const auto st = PQresultStatus(r.res);
    simple(timeout_sql().c_str());
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY) fail("SQL script", r.res);
  }

  void begin() override {
    ensure_connected();
    Result r(PQexec(conn_, "BEGIN"));
    if (PQresultStatus(r.res) != PGRES_COMMAND_OK) fail("BEGIN", r.res);
  }
  void commit() override {
    Result r(PQexec(conn_, "COMMIT"));
    if (PQresultStatus(r.res) != PGRES_COMMAND_OK) fail("COMMIT", r.res);
  }
  void rollback() noexcept override {
    if (conn_ && PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) != PQTRANS_IDLE)
      PQclear(PQexec(conn_, "ROLLBACK"));
  }

 private:
  static std::string timeout_sql() {
    const char* env = std::getenv("GAZETTE_PG_STATEMENT_TIMEOUT_MS");
    long ms = env ? std::strtol(env, nullptr, 10) : 30000;
    return "SET statement_timeout = " + std::to_string(ms > 0 ? ms : 30000);
  }

  void connect() {
    // connect_timeout first, the caller's address after it: the address's own settings win.
    const char* keys[] = {"connect_timeout", "application_name", "dbname", nullptr};
    const char* values[] = {"5", "gazette", database_.c_str(), nullptr};
    conn_ = PQconnectdbParams(keys, values, 1);
    if (conn_ && PQstatus(conn_) == CONNECTION_OK) session_setup();
  }

  void session_setup() {
    PQsetNoticeProcessor(conn_, &ignore_notice, nullptr);
    prepared_.clear();
    simple(timeout_sql().c_str());
    // Plan each execution with its parameters: the filters "($2 = 0 OR section_id = $2)" and the empty
    // search then fold away and the indexes are used (a generic plan would keep both branches).
    simple("SET plan_cache_mode = force_custom_plan");
    simple("SET client_min_messages = warning");
    if (read_only_) simple("SET default_transaction_read_only = on");
  }

  void simple(const char* sql) {
    Result r(PQexec(conn_, sql));
    const auto st = PQresultStatus(r.res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) fail(sql, r.res);
  }

  // Reconnects a broken connection, at most once per backoff interval.
  void ensure_connected() {
    if (conn_ && PQstatus(conn_) == CONNECTION_OK) return;
    const auto now = Clock::now();
    if (now < retry_at_) throw Unavailable("the PostgreSQL database is unavailable (reconnecting)");
    if (conn_)
      PQreset(conn_);
    else
      connect();
    if (conn_ && PQstatus(conn_) == CONNECTION_OK) {
      backoff_ = std::chrono::milliseconds(200);
      spdlog::info("reconnected to the PostgreSQL database");
      session_setup();
      return;
    }
    retry_at_ = now + backoff_;
    backoff_ = std::min(backoff_ * 2, std::chrono::milliseconds(5000));
    std::string why = conn_ ? PQerrorMessage(conn_) : "out of memory";
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    throw Unavailable("the PostgreSQL database is unavailable: " + why);
  }

  PGresult* run(std::string_view name, std::initializer_list<Value> params) {
    ensure_connected();
    std::string stmt = "g_" + std::string(name);
    if (!prepared_.contains(stmt)) {
      const std::string& sql = SqlCatalog::postgresql().get(name);
      Result r(PQprepare(conn_, stmt.c_str(), sql.c_str(), 0, nullptr));
      if (PQresultStatus(r.res) != PGRES_COMMAND_OK) fail("query " + std::string(name), r.res);
      prepared_.insert(stmt);
    }
    Params p(params.begin(), params.end());
    PGresult* res =
        PQexecPrepared(conn_, stmt.c_str(), static_cast<int>(p.values.size()), p.values.data(), nullptr, nullptr, 0);
    const auto st = PQresultStatus(res);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      Result r(res);
      fail("query " + std::string(name), r.res);
    }
    return res;
  }

  [[noreturn]] void fail(const std::string& what, const PGresult* res) {
    const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    std::string why = res && *PQresultErrorMessage(res) ? PQresultErrorMessage(res) : PQerrorMessage(conn_);
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    if (PQstatus(conn_) != CONNECTION_OK || unavailable_state(state)) {
      if (PQstatus(conn_) != CONNECTION_OK) retry_at_ = Clock::now();  // try again on the next call
      throw Unavailable(what + " failed: the database is unavailable: " + why);
    }
    throw Error(what + " failed: " + why);
  }

  std::string database_;
  bool read_only_;
  PGconn* conn_ = nullptr;
  std::set<std::string, std::less<>> prepared_;
  Clock::time_point retry_at_{};
  std::chrono::milliseconds backoff_{200};
};

class PgChangeListener final : public ChangeListener {
 public:
  explicit PgChangeListener(const std::string& database) {
    const char* keys[] = {"connect_timeout", "application_name", "dbname", nullptr};
    const char* values[] = {"5", "gazette-listener", database.c_str(), nullptr};
    conn_ = PQconnectdbParams(keys, values, 1);
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
      PQfinish(conn_);
      conn_ = nullptr;
      throw Unavailable("cannot listen for changes: the PostgreSQL database is unavailable");
    }
    PQsetNoticeProcessor(conn_, &ignore_notice, nullptr);
    Result r(PQexec(conn_, "LISTEN gazette_changes"));
    if (PQresultStatus(r.res) != PGRES_COMMAND_OK) throw Unavailable("cannot listen for changes");
  }
  ~PgChangeListener() override { PQfinish(conn_); }

  bool wait(int timeout_ms) override {
    if (drain()) return true;
    pollfd p{PQsocket(conn_), POLLIN, 0};
    if (p.fd < 0) throw Unavailable("the change listener lost its connection");
    if (::poll(&p, 1, timeout_ms) <= 0) return false;
    if (!PQconsumeInput(conn_) || PQstatus(conn_) != CONNECTION_OK)
      throw Unavailable("the change listener lost its connection");
    return drain();
  }

 private:
  bool drain() {
    bool any = false;
    while (PGnotify* n = PQnotifies(conn_)) {
      any = true;
      PQfreemem(n);
    }
    return any;
  }
  PGconn* conn_ = nullptr;
};

}  // namespace

std::unique_ptr<ChangeListener> change_listener(const std::string& database) {
  if (!is_postgresql(database)) return nullptr;
  return std::make_unique<PgChangeListener>(database);
}

bool is_postgresql(const std::string& database) {
  if (database.starts_with("postgresql://") || database.starts_with("postgres://")) return true;
  // libpq's keyword form: "host=db.internal dbname=news user=gazette".
  for (const char* key : {"dbname=", "host=", "hostaddr=", "service="})
    if (database.starts_with(key) || database.find(std::string(" ") + key) != std::string::npos) return true;
  return false;
}

std::unique_ptr<Connection> open_postgresql(const std::string& database, bool read_only) {
  // A server that refused one thread's connection is not asked again by every other thread at once:
  // new connections wait out the same backoff (a remote server that does not answer would otherwise
  // hold each request for connect_timeout).
  static std::atomic<std::int64_t> down_until{0};
  static std::atomic<std::int64_t> backoff_ms{200};
  const auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch()).count();
  if (now_ms < down_until.load()) throw Unavailable("the PostgreSQL database is unavailable (reconnecting)");
  try {
    auto conn = std::make_unique<PgConnection>(database, read_only);
    backoff_ms = 200;
    return conn;
  } catch (const Unavailable&) {
    const std::int64_t wait = backoff_ms.load();
    down_until = now_ms + wait;
    backoff_ms = std::min<std::int64_t>(wait * 2, 5000);
    throw;
  }
}

}  // namespace gazette::store
