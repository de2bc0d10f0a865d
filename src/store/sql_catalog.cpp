#include "store/sql_catalog.h"

#include <algorithm>
#include <charconv>

#include "embedded.h"
#include "store/connection.h"

namespace gazette::store {
namespace {

void parse_queries(std::string_view text, std::map<std::string, std::string, std::less<>>& out) {
  constexpr std::string_view marker = "-- name: ";
  std::string name, sql;
  auto flush = [&] {
    if (!name.empty() && !out.emplace(name, sql).second) throw Error("query '" + name + "' is defined twice");
    sql.clear();
  };
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.starts_with(marker)) {
      flush();
      name = std::string(line.substr(marker.size()));
      while (!name.empty() && (name.back() == ' ' || name.back() == '\r')) name.pop_back();
    } else if (!name.empty() && !line.starts_with("--")) {
      sql.append(line).push_back('\n');
    }
  }
  flush();
}

}  // namespace

SqlCatalog::SqlCatalog(std::string_view backend) {
  std::string prefix = "sql/" + std::string(backend) + "/";
  auto queries = embedded_file(prefix + "queries.sql");
  if (!queries) throw Error("no named SQL for backend " + std::string(backend));
  parse_queries(*queries, queries_);
  for (const auto& [path, data] : embedded_files()) {
    std::string_view p = path;
    // An area's own query file beside the main one (queries_mail.sql): the same name space.
    if (p.starts_with(prefix + "queries_") && p.ends_with(".sql")) parse_queries(data, queries_);
    if (!p.starts_with(prefix + "schema_")) continue;
    std::string_view digits = p.substr(prefix.size() + 7);
    int version = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), version);
    migrations_.emplace_back(version, std::string(data));
  }
  std::sort(migrations_.begin(), migrations_.end());
}

const std::string& SqlCatalog::get(std::string_view name) const {
  auto it = queries_.find(name);
  if (it == queries_.end()) throw Error("unknown query: " + std::string(name));
  return it->second;
}

const SqlCatalog& SqlCatalog::sqlite() {
  static const SqlCatalog catalog("sqlite");
  return catalog;
}

const SqlCatalog& SqlCatalog::postgresql() {
  static const SqlCatalog catalog("postgresql");
  return catalog;
}

std::vector<std::string> SqlCatalog::names() const {
  std::vector<std::string> out;
  for (const auto& [name, sql] : queries_) out.push_back(name);
  return out;
}

const SqlCatalog& SqlCatalog::of(std::string_view backend) {
  if (backend == "sqlite") return sqlite();
  if (backend == "postgresql") return postgresql();
  throw Error("no SQL for the backend '" + std::string(backend) + "'");
}

}  // namespace gazette::store
