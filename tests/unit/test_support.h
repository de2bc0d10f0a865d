// Helpers shared by unit tests: temporary databases.
#pragma once

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <string_view>

#include "store/connection.h"
#include "store/migrations.h"

namespace gazette::testing {

// The PostgreSQL server the tests run against: GAZETTE_TEST_PG (a libpq URL of a database whose user
// may create databases) when GAZETTE_TEST_BACKEND=postgresql (the ctest entry unit.pg, started by
// scripts/test with scripts/pg-cluster); empty for SQLite.
inline std::string test_pg_url() {
  const char* backend = std::getenv("GAZETTE_TEST_BACKEND");
  const char* url = std::getenv("GAZETTE_TEST_PG");
  if (!backend || std::string_view(backend) != "postgresql" || !url) return {};
  return url;
}

// The URL of database `name` on the server of `admin_url` (postgresql://user@host:port/db?params).
inline std::string pg_url_for(const std::string& admin_url, const std::string& name) {
  const auto query = admin_url.find('?');
  const std::string base = admin_url.substr(0, query);
  const auto slash = base.rfind('/');
  return base.substr(0, slash + 1) + name + (query == std::string::npos ? "" : admin_url.substr(query));
}

// A fresh, migrated database, removed on destruction: an SQLite file in a temporary directory, or a
// new PostgreSQL database when the tests run on PostgreSQL (test_pg_url()); path() is then its URL.
// The temporary directory exists either way (for other files a test writes).
class TempDb {
 public:
  TempDb() {
    std::random_device rd;
    const std::string id = std::to_string(rd()) + std::to_string(rd());
    dir_ = std::filesystem::temp_directory_path() / ("gazette-test-" + id);
    std::filesystem::create_directories(dir_);
    admin_ = test_pg_url();
    if (!admin_.empty()) {
      pg_name_ = "gazette_test_" + id;
      store::open(admin_)->exec_script("CREATE DATABASE " + pg_name_);
      path_ = pg_url_for(admin_, pg_name_);
    } else {
      path_ = (dir_ / "test.db").string();
    }
    db_ = store::open(path_);
    store::migrate(*db_);
  }
  ~TempDb() {
    db_.reset();
    if (!pg_name_.empty()) {
      try {
        store::open(admin_)->exec_script("DROP DATABASE IF EXISTS " + pg_name_ + " WITH (FORCE)");
      } catch (...) {
      }
    }
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  bool postgresql() const { return !pg_name_.empty(); }
  store::Connection& db() { return *db_; }
  const std::string& path() const { return path_; }
  std::filesystem::path dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
  std::string admin_, pg_name_;
  std::string path_;
  std::unique_ptr<store::Connection> db_;
};

// Whitespace-separated tokens with at least one letter or digit (Markdown markers don't count): how a
// reader would count the words of a generated body.
inline int count_words(std::string_view text) {
  int words = 0;
  bool in_token = false, has_alnum = false;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ' ';
    if (c == ' ' || c == '\n' || c == '\t') {
      if (in_token && has_alnum) ++words;
      in_token = has_alnum = false;
    } else {
      in_token = true;
      if (std::isalnum(static_cast<unsigned char>(c))) has_alnum = true;
    }
  }
  return words;
}

}  // namespace gazette::testing
