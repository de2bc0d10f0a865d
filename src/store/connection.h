// A database connection that runs named SQL (sql/<backend>/queries.sql) with bound parameters only.
// One Connection belongs to one thread at a time; open one per thread (web::Site::db() keeps one per
// worker thread). Failures throw store::Error, whose message names the query and the database's reason.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace gazette::store {

struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The database cannot answer now (a PostgreSQL server that is down, restarting or overloaded): the
// request may succeed later. The site answers 503; the connection reconnects by itself.
struct Unavailable : Error {
  using Error::Error;
};

// A bound parameter. Text is copied by the driver before the call returns.
using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string_view>;

// A result row, valid only inside the row callback.
class Row {
 public:
  virtual ~Row() = default;
  virtual bool is_null(int col) const = 0;
  virtual std::int64_t int64(int col) const = 0;
  virtual double real(int col) const = 0;
  virtual std::string text(int col) const = 0;
};

using RowFn = std::function<void(const Row&)>;

class Connection {
 public:
  virtual ~Connection() = default;
  // Which sql/<backend>/ this connection runs: "sqlite" or "postgresql". Only src/store/ looks at it.
  virtual std::string_view backend() const = 0;
  // Runs a named query, calling on_row for each result row.
  virtual void query(std::string_view name, std::initializer_list<Value> params, const RowFn& on_row) = 0;
  // Runs a named statement; returns the number of rows it changed.
  virtual std::int64_t exec(std::string_view name, std::initializer_list<Value> params) = 0;
  // Runs raw SQL script text (migrations only).
  virtual void exec_script(std::string_view sql) = 0;
  // Runs one raw SQL statement with bound parameters (store/copy.cpp only: `gazette db copy` reads and
  // writes tables it finds in the database, so it cannot name its statements in advance).
  virtual void query_sql(const std::string& sql, const std::vector<Value>& params, const RowFn& on_row) = 0;
  virtual void begin() = 0;  // a write transaction (BEGIN IMMEDIATE on SQLite, BEGIN on PostgreSQL)
  virtual void commit() = 0;
  virtual void rollback() noexcept = 0;

  // Convenience: the first column of the first row as an integer, or `fallback` when there is no row
  // or it is NULL.
  std::int64_t scalar(std::string_view name, std::initializer_list<Value> params, std::int64_t fallback = 0);
};

// Opens the database the `database` setting names. The one factory: nothing outside src/store/ knows
// which backend it gets. An SQLite file path (":memory:" too) opens, creating the file if needed, in
// WAL mode with foreign keys on and a busy timeout. A PostgreSQL address ("postgresql://...",
// "postgres://...", or libpq keywords such as "host=... dbname=..."; PG* environment variables fill in
// what it leaves out) connects with libpq; store::Unavailable when the server cannot be reached.
// `read_only` opens without write access (the server's reader connections).
std::unique_ptr<Connection> open(const std::string& database, bool read_only = false);

// The file beside which Gazette may keep its own files (the warm-start list, DATABASE.hot): the
// SQLite file itself; nullopt for an in-memory database or a database server.
std::optional<std::string> database_file(const std::string& database);

// Commits on commit(), rolls back in the destructor otherwise: the unit of every write.
class Transaction {
 public:
  explicit Transaction(Connection& db) : db_(db) { db_.begin(); }
  ~Transaction() {
    if (!done_) db_.rollback();
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit() {
    db_.commit();
    done_ = true;
  }

 private:
  Connection& db_;
  bool done_ = false;
};

}  // namespace gazette::store
