// Helpers shared by unit tests: temporary databases.
#pragma once

#include <cctype>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <string_view>

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
    db_ = store::open(path_);
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
