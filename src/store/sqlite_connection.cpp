// SQLite implementation of store::Connection: prepared statements cached per query name.
#include <sqlite3.h>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <thread>

#include "store/connection.h"
#include "store/pg_connection.h"
#include "store/sql_catalog.h"
#include "store/sqlite_rank.h"

namespace gazette::store {
namespace {

class SqliteRow final : public Row {
 public:
  explicit SqliteRow(sqlite3_stmt* st) : st_(st) {}
  bool is_null(int col) const override { return sqlite3_column_type(st_, col) == SQLITE_NULL; }
  std::int64_t int64(int col) const override { return sqlite3_column_int64(st_, col); }
  double real(int col) const override { return sqlite3_column_double(st_, col); }
  std::string text(int col) const override {
    auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st_, col));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(st_, col))) : std::string();
  }

 private:
  sqlite3_stmt* st_;
};

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(const std::string& path, bool read_only) {
    read_only_ = read_only;
    int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw Error("cannot open database " + path + ": " + why);
    }
    // Writers wait their turn: two imports at once both complete, one after the other. Readers never
    // wait on a writer in WAL mode, so this only holds up writes (and says so in the log after 5 s).
    sqlite3_busy_handler(db_, &SqliteConnection::on_busy, this);
    sqlite3_extended_result_codes(db_, 1);
    if (!register_rank_function(db_)) {
      sqlite3_close(db_);
      throw Error("cannot open database " + path + ": this SQLite has no FTS5 (full-text search)");
    }
    try {
      if (!read_only) exec_script("PRAGMA journal_mode = WAL;");
      exec_script(
          "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA mmap_size = 17179869184; PRAGMA cache_size = "
          "-32768;");
    } catch (...) {
      sqlite3_close(db_);
      throw;
    }
  }

  // SQLite calls this while another connection holds the write lock: sleep a little longer each time,
  // up to kWriterWait in all. Returns 0 to give up (the statement then fails with SQLITE_BUSY).
  static int on_busy(void* self, int count) {
    auto* c = static_cast<SqliteConnection*>(self);
    if (count == 0) {
      c->busy_since_ = std::chrono::steady_clock::now();
      c->busy_logged_ = false;
    }
    const auto waited = std::chrono::steady_clock::now() - c->busy_since_;
    // A reader (the server's read-only connections) is never held up for long.
    if (waited > (c->read_only_ ? std::chrono::seconds(5) : kWriterWait)) return 0;
    if (waited > std::chrono::seconds(5) && !c->busy_logged_) {
      c->busy_logged_ = true;
      spdlog::info("the database is busy with another writer (an import?): waiting for it to finish");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(count + 1, 50)));
    return 1;
  }
  static constexpr auto kWriterWait = std::chrono::minutes(10);

  ~SqliteConnection() override {
    for (auto& [name, st] : statements_) sqlite3_finalize(st);
    sqlite3_close(db_);
  }

  void query(std::string_view name, std::initializer_list<Value> params, const RowFn& on_row) override {
    sqlite3_stmt* st = prepare(name, params);
    Reset reset{st};
    SqliteRow row(st);
    for (;;) {
      int rc = sqlite3_step(st);
      if (rc == SQLITE_ROW) {
        if (on_row) on_row(row);
      } else if (rc == SQLITE_DONE) {
        return;
      } else {
        fail(name);
      }
    }
  }

  std::int64_t exec(std::string_view name, std::initializer_list<Value> params) override {
    query(name, params, nullptr);
    return sqlite3_changes64(db_);
  }

  std::string_view backend() const override { return "sqlite"; }

  void query_sql(const std::string& sql, const std::vector<Value>& params, const RowFn& on_row) override {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &st, nullptr) != SQLITE_OK) fail("(copy)");
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> owner(st, &sqlite3_finalize);
    bind(st, params.data(), params.data() + params.size(), "(copy)");
    SqliteRow row(st);
    for (;;) {
      int rc = sqlite3_step(st);
      if (rc == SQLITE_ROW) {
        if (on_row) on_row(row);
      } else if (rc == SQLITE_DONE) {
        return;
      } else {
        fail("(copy)");
      }
    }
  }

  void exec_script(std::string_view sql) override {
    std::string text(sql);
    char* err = nullptr;
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string why = err ? err : sqlite3_errmsg(db_);
      sqlite3_free(err);
      throw Error("SQL script failed: " + why);
    }
  }

  void begin() override { exec_script("BEGIN IMMEDIATE"); }
  void commit() override { exec_script("COMMIT"); }
  void rollback() noexcept override {
    if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }

 private:
  struct Reset {
    sqlite3_stmt* st;
    ~Reset() {
      sqlite3_reset(st);
      sqlite3_clear_bindings(st);
    }
  };

  sqlite3_stmt* prepare(std::string_view name, std::initializer_list<Value> params) {
    auto it = statements_.find(name);
    if (it == statements_.end()) {
      const std::string& sql = SqlCatalog::sqlite().get(name);
      sqlite3_stmt* st = nullptr;
      if (sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &st, nullptr) !=
          SQLITE_OK)
        fail(name);
      it = statements_.emplace(std::string(name), st).first;
    }
    sqlite3_stmt* st = it->second;
    bind(st, params.begin(), params.end(), name);
    return st;
  }

  void bind(sqlite3_stmt* st, const Value* begin, const Value* end, std::string_view name) {
    int i = 1;
    for (const Value* p = begin; p != end; ++p) {
      const Value& v = *p;
      int rc = SQLITE_OK;
      if (std::holds_alternative<std::nullptr_t>(v))
        rc = sqlite3_bind_null(st, i);
      else if (auto* n = std::get_if<std::int64_t>(&v))
        rc = sqlite3_bind_int64(st, i, *n);
      else if (auto* d = std::get_if<double>(&v))
        rc = sqlite3_bind_double(st, i, *d);
      else {
        auto s = std::get<std::string_view>(v);
        rc = sqlite3_bind_text64(st, i, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
      }
      if (rc != SQLITE_OK) fail(name);
      ++i;
    }
  }

  [[noreturn]] void fail(std::string_view name) {
    throw Error("query " + std::string(name) + " failed: " + sqlite3_errmsg(db_));
  }

  sqlite3* db_ = nullptr;
  std::map<std::string, sqlite3_stmt*, std::less<>> statements_;
  std::chrono::steady_clock::time_point busy_since_;
  bool busy_logged_ = false;
  bool read_only_ = false;
};

}  // namespace

std::int64_t Connection::scalar(std::string_view name, std::initializer_list<Value> params, std::int64_t fallback) {
  std::int64_t out = fallback;
  bool first = true;
  query(name, params, [&](const Row& r) {
    if (first && !r.is_null(0)) out = r.int64(0);
    first = false;
  });
  return out;
}

std::unique_ptr<Connection> open(const std::string& database, bool read_only) {
  if (database.empty())
    throw Error("no database given: set `database` (GAZETTE_DB, --db) to an SQLite file path or a postgresql:// URL");
  if (is_postgresql(database)) return open_postgresql(database, read_only);
  return std::make_unique<SqliteConnection>(database, read_only);
}

std::optional<std::string> database_file(const std::string& database) {
  if (database.empty() || database == ":memory:" || is_postgresql(database) || database.starts_with("file:"))
    return std::nullopt;
  return database;
}

}  // namespace gazette::store
