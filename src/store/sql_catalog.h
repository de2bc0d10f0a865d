// The named SQL of one backend, parsed from the embedded sql/<backend>/queries.sql.
// Immutable after construction; safe to share between threads.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::store {

class SqlCatalog {
 public:
  // Parses "-- name: x" blocks from sql/<backend>/queries.sql; throws store::Error if it is missing.
  explicit SqlCatalog(std::string_view backend);
  // The SQL text for `name`; throws store::Error naming the query when unknown.
  const std::string& get(std::string_view name) const;
  // Every query name, in order (tests compare the backends).
  std::vector<std::string> names() const;
  // Migration scripts sql/<backend>/schema_NNN_*.sql as {version, sql}, in version order.
  const std::vector<std::pair<int, std::string>>& migrations() const { return migrations_; }

  static const SqlCatalog& sqlite();
  static const SqlCatalog& postgresql();
  // The catalog of a connection's backend (Connection::backend()); throws store::Error for an unknown one.
  static const SqlCatalog& of(std::string_view backend);

 private:
  std::map<std::string, std::string, std::less<>> queries_;
  std::vector<std::pair<int, std::string>> migrations_;
};

}  // namespace gazette::store
