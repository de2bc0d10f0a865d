#include "store/copy.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "store/backup.h"

namespace gazette::store {
namespace {

// Parents before children (foreign keys); tables not listed (added later) go after these, by name.
const std::vector<std::string>& table_order() {
  static const std::vector<std::string> order = {"meta",
                                                 "site_secrets",
                                                 "sections",
                                                 "authors",
                                                 "tags",
                                                 "councils",
                                                 "users",
                                                 "media",
                                                 "employers",
                                                 "articles",
                                                 "article_authors",
                                                 "article_tags",
                                                 "article_councils",
                                                 "article_old_slugs",
                                                 "article_revisions",
                                                 "redirects",
                                                 "related_articles",
                                                 "related_pending",
                                                 "article_lead_images",
                                                 "article_body_media",
                                                 "author_photos",
                                                 "employer_logos",
                                                 "jobs",
                                                 "changes",
                                                 "sessions",
                                                 "invitations",
                                                 "audit_log",
                                                 "subscribers",
                                                 "mailings",
                                                 "outbox",
                                                 "mail_notices",
                                                 "mail_lease"};
  return order;
}

// Made by migrations or on first use, not by anyone running the site: replaced without --into-non-empty.
bool derived(const std::string& table) {
  return table == "meta" || table == "councils" || table == "site_secrets";
}

bool postgresql(const Connection& db) {
  return db.backend() == "postgresql";
}

std::string quoted(const std::string& name) {
  return "\"" + name + "\"";
}

std::vector<std::string> tables(Connection& db) {
  std::vector<std::string> out;
  const std::string sql =
      postgresql(db) ? "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
                     : "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
  db.query_sql(sql, {}, [&](const Row& r) {
    std::string t = r.text(0);
    // SQLite's full-text tables (and their shadow tables) are the index, rebuilt by the target itself.
    if (t.find("_fts") != std::string::npos || t == "schema_migrations") return;
    out.push_back(std::move(t));
  });
  return out;
}

std::vector<std::string> columns(Connection& db, const std::string& table) {
  std::vector<std::string> out;
  if (postgresql(db))
    db.query_sql(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = "
        "$1 AND data_type <> 'tsvector' ORDER BY ordinal_position",
        {std::string_view(table)}, [&](const Row& r) { out.push_back(r.text(0)); });
  else
    db.query_sql("SELECT name FROM pragma_table_info(?1) ORDER BY cid", {std::string_view(table)},
                 [&](const Row& r) { out.push_back(r.text(0)); });
  return out;
}

std::int64_t count(Connection& db, const std::string& table) {
  std::int64_t n = 0;
  db.query_sql("SELECT count(*) FROM " + quoted(table), {}, [&](const Row& r) { n = r.int64(0); });
  return n;
}

std::string placeholder(const Connection& db, size_t n) {
  return (postgresql(db) ? "$" : "?") + std::to_string(n);
}

// One batch of rows read as text (NULL kept), written with a multi-row INSERT.
struct Batch {
  std::vector<std::optional<std::string>> cells;
  size_t rows = 0;
};

void write(Connection& to, const std::string& insert_head, size_t ncols, const Batch& b) {
  if (b.rows == 0) return;
  std::string sql = insert_head;
  size_t p = 1;
  for (size_t r = 0; r < b.rows; ++r) {
    sql += r ? ",(" : "(";
    for (size_t c = 0; c < ncols; ++c) sql += (c ? "," : "") + placeholder(to, p++);
    sql += ")";
  }
  std::vector<Value> values;
  values.reserve(b.cells.size());
  for (const auto& cell : b.cells) values.push_back(cell ? Value(std::string_view(*cell)) : Value(nullptr));
  to.query_sql(sql, values, nullptr);
}

}  // namespace

std::vector<TableCopy> copy_database(Connection& from, Connection& to, bool into_non_empty,
                                     const CopyProgress& progress) {
  const int from_version = schema_version(from), to_version = schema_version(to);
  if (from_version != to_version)
    throw Error("the databases' schemas differ (version " + std::to_string(from_version) + " and " +
                std::to_string(to_version) + "): migrate both first");

  // The tables in copy order: known ones by their dependencies, then any others by name.
  const auto source_tables = tables(from);
  const auto target_tables = tables(to);
  std::vector<std::string> order;
  for (const auto& t : table_order())
    if (std::find(source_tables.begin(), source_tables.end(), t) != source_tables.end()) order.push_back(t);
  for (const auto& t : source_tables)
    if (std::find(order.begin(), order.end(), t) == order.end()) order.push_back(t);
  for (const auto& t : order)
    if (std::find(target_tables.begin(), target_tables.end(), t) == target_tables.end())
      throw Error("the target has no table " + t);

  std::string occupied;
  for (const auto& t : order)
    if (!derived(t))
      if (auto n = count(to, t); n > 0) occupied += (occupied.empty() ? "" : ", ") + t + " (" + std::to_string(n) + ")";
  if (!occupied.empty() && !into_non_empty)
    throw Error("the target database is not empty: " + occupied + "; give --into-non-empty to replace what it holds");

  // One snapshot of the source for every table.
  from.exec_script(postgresql(from) ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN");
  std::vector<TableCopy> result;
  try {
    Transaction tx(to);
    for (auto it = order.rbegin(); it != order.rend(); ++it) to.query_sql("DELETE FROM " + quoted(*it), {}, nullptr);
    for (const auto& t : order) {
      const auto source_cols = columns(from, t), target_cols = columns(to, t);
      std::vector<std::string> cols;
      for (const auto& c : source_cols)
        if (std::find(target_cols.begin(), target_cols.end(), c) != target_cols.end()) cols.push_back(c);
      std::string list;
      for (const auto& c : cols) list += (list.empty() ? "" : ", ") + quoted(c);
      const std::string head = "INSERT INTO " + quoted(t) + " (" + list + ") VALUES ";
      const std::int64_t total = count(from, t);
      // Up to 500 rows or 30000 values a statement (SQLite binds at most 32766).
      const size_t per_batch = std::max<size_t>(1, std::min<size_t>(500, 30000 / std::max<size_t>(1, cols.size())));
      std::int64_t done = 0;
      Batch b;
      auto flush = [&] {
        write(to, head, cols.size(), b);
        done += static_cast<std::int64_t>(b.rows);
        b.cells.clear();
        b.rows = 0;
        if (progress) progress(t, done, total);
      };
      auto take = [&](const Row& r) {
        for (size_t c = 0; c < cols.size(); ++c)
          b.cells.push_back(r.is_null(static_cast<int>(c)) ? std::nullopt
                                                           : std::optional<std::string>(r.text(static_cast<int>(c))));
        if (++b.rows == per_batch) flush();
      };
      const std::string select = "SELECT " + list + " FROM " + quoted(t);
      if (postgresql(from)) {
        // A cursor: a PostgreSQL result is read whole, and an archive's articles do not fit in memory.
        from.query_sql("DECLARE gazette_copy NO SCROLL CURSOR FOR " + select, {}, nullptr);
        for (;;) {
          int fetched = 0;
          from.query_sql("FETCH 2000 FROM gazette_copy", {}, [&](const Row& r) {
            ++fetched;
            take(r);
          });
          if (fetched == 0) break;
        }
        from.query_sql("CLOSE gazette_copy", {}, nullptr);
      } else {
        from.query_sql(select, {}, take);
      }
      if (b.rows > 0 || total == 0) flush();
    }
    // Identity columns continue after the copied ids.
    if (postgresql(to)) {
      for (const auto& t : order)
        for (const char* col : {"id", "seq"})
          if (auto cols = columns(to, t); std::find(cols.begin(), cols.end(), col) != cols.end())
            to.query_sql("SELECT setval(pg_get_serial_sequence($1, $2), coalesce(max(" + quoted(col) + "), 0) + 1, " +
                             "false) FROM " + quoted(t) + " WHERE pg_get_serial_sequence($1, $2) IS NOT NULL",
                         {std::string_view(t), std::string_view(col)}, nullptr);
    }
    for (const auto& t : order) result.push_back({t, count(from, t), count(to, t)});
    std::string differ;
    for (const auto& r : result)
      if (r.source_rows != r.target_rows)
        differ += (differ.empty() ? "" : ", ") + r.table + " " + std::to_string(r.source_rows) + " -> " +
                  std::to_string(r.target_rows);
    if (!differ.empty()) throw Error("row counts differ after the copy: " + differ + "; nothing was written");
    tx.commit();
  } catch (...) {
    from.rollback();
    throw;
  }
  from.commit();
  return result;
}

}  // namespace gazette::store
