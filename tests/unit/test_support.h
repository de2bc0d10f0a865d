// Helpers shared by unit tests: temporary databases.
#pragma once

#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "store/connection.h"
#include "store/migrations.h"

namespace gazette::testing {

// A fresh, migrated SQLite database in a temporary directory, removed on destruction.
class TempDb {
 public:
  TempDb() {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() / ("gazette-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "test.db").string();
    db_ = store::open_sqlite(path_);
    store::migrate(*db_);
  }
  ~TempDb() {
    db_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  store::Connection& db() { return *db_; }
  const std::string& path() const { return path_; }
  std::filesystem::path dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
  std::string path_;
  std::unique_ptr<store::Connection> db_;
};

}  // namespace gazette::testing
