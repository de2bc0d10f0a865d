// SQLite online backup (sqlite3_backup_*) and read-only opening; see backup.h.
#include "store/backup.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <limits>
#include <system_error>
#include <thread>

namespace gazette::store {
namespace {

namespace fs = std::filesystem;

// Pages copied per step: 4 MB of 4 KB pages, so progress moves and a step is short.
constexpr int kStepPages = 1024;

// An sqlite3 handle closed on every path.
struct Handle {
  sqlite3* db = nullptr;
  Handle() = default;
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  ~Handle() { sqlite3_close(db); }
  std::string error() const { return db ? sqlite3_errmsg(db) : "out of memory"; }
};

void open_handle(Handle& h, const std::string& path, int flags, const std::string& what) {
  if (sqlite3_open_v2(path.c_str(), &h.db, flags, nullptr) != SQLITE_OK)
    throw Error("cannot open " + what + " " + path + ": " + h.error());
  sqlite3_busy_timeout(h.db, 5000);
  sqlite3_extended_result_codes(h.db, 1);
}

void exec(Handle& h, const char* sql, const std::string& what) {
  char* err = nullptr;
  if (sqlite3_exec(h.db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string why = err ? err : h.error();
    sqlite3_free(err);
    throw Error(what + ": " + why);
  }
}

// Removes the temporary copy and any journal files SQLite left beside it.
void remove_copy(const std::string& tmp) {
  std::error_code ignored;
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(tmp + suffix, ignored);
}

// Makes the rename durable: fsync the directory that holds `path`.
void sync_directory(const std::string& path) {
  fs::path dir = fs::path(path).parent_path();
  if (dir.empty()) dir = ".";
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

void copy_pages(const std::string& file, const std::string& tmp,
                const std::function<void(int done, int total)>& progress) {
  Handle src;
  // Read-write (never create) only so that, as the last connection to close, it removes the -wal and
  // -shm files it needed; the backup writes nothing to the database. A file this process cannot write
  // is read through its read-only address.
  if (writable(file))
    open_handle(src, file, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, "database");
  else
    open_handle(src, read_only_address(file), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, "database");
  // One read transaction around every step: each step copies from the same snapshot, so writes by the
  // server while the copy runs neither show up half-way nor restart the backup. In WAL mode a reader
  // blocks no one (a checkpoint only stops at the pages this snapshot still needs).
  exec(src, "BEGIN; SELECT count(*) FROM sqlite_schema;", "cannot read database " + file);

  Handle dst;
  open_handle(dst, tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, "backup file");
  sqlite3_backup* b = sqlite3_backup_init(dst.db, "main", src.db, "main");
  if (!b) throw Error("cannot start the backup of " + file + ": " + dst.error());
  int rc = SQLITE_OK;
  int busy_retries = 0;
  for (;;) {
    rc = sqlite3_backup_step(b, kStepPages);
    if (progress && (rc == SQLITE_OK || rc == SQLITE_DONE))
      progress(sqlite3_backup_pagecount(b) - sqlite3_backup_remaining(b), sqlite3_backup_pagecount(b));
    if (rc == SQLITE_DONE) break;
    if (rc == SQLITE_OK) continue;
    if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && ++busy_retries < 100) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      continue;
    }
    break;
  }
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) throw Error("backup of " + file + " failed: " + std::string(sqlite3_errstr(rc)));
  exec(src, "COMMIT", "cannot end the read of " + file);
  // The copy carries the source's WAL mode; make it one self-contained file.
  exec(dst, "PRAGMA journal_mode = DELETE;", "cannot finish the backup file " + tmp);
}

BackupResult count_copy(const std::string& tmp) {
  BackupResult r;
  auto copy = open(tmp, true);
  r.articles = copy->scalar("articles_latest_count", {std::numeric_limits<std::int64_t>::max()});
  r.adverts = copy->scalar("job_count", {});
  copy.reset();
  r.bytes = static_cast<std::int64_t>(fs::file_size(tmp));
  return r;
}

std::string uri_escape(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (c == '%' || c == '?' || c == '#' || c < 0x20 || c == 0x7f) {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace

BackupResult backup(const std::string& database, const std::string& target,
                    const std::function<void(int done, int total)>& progress) {
  const auto file = database_file(database);
  if (!file)
    throw Error(database == ":memory:"
                    ? "cannot back up " + database + ": only an SQLite database file can be backed up"
                    : "this command backs up an SQLite database file; back up a PostgreSQL "
                      "database with pg_dump (docs/scaling.md)");
  std::error_code ec;
  if (!fs::is_regular_file(*file, ec)) throw Error("cannot back up " + *file + ": no such database file");
  if (fs::exists(target, ec) && fs::equivalent(*file, target, ec))
    throw Error("cannot back up " + *file + " onto itself");
  if (fs::is_directory(target, ec)) throw Error("cannot write the backup to " + target + ": it is a directory");
  const std::string tmp = target + ".tmp";
  remove_copy(tmp);
  BackupResult result;
  try {
    copy_pages(*file, tmp, progress);
    result = count_copy(tmp);
    fs::rename(tmp, target);
  } catch (const fs::filesystem_error& e) {
    remove_copy(tmp);
    throw Error("cannot write the backup to " + target + ": " + e.code().message());
  } catch (const Error& e) {
    remove_copy(tmp);
    throw Error(std::string(e.what()) + " (nothing was written to " + target + ")");
  } catch (...) {
    remove_copy(tmp);
    throw;
  }
  sync_directory(target);
  return result;
}

int schema_version(Connection& db) {
  try {
    return static_cast<int>(db.scalar("schema_version", {}, 0));
  } catch (const Error& e) {
    if (std::strstr(e.what(), "no such table")) return 0;
    throw;
  }
}

bool writable(const std::string& file) {
  if (::access(file.c_str(), F_OK) != 0) return true;  // a new file: opening it is the normal path's business
  if (::access(file.c_str(), W_OK) != 0) return false;
  fs::path dir = fs::path(file).parent_path();
  if (dir.empty()) dir = ".";
  if (::access(dir.c_str(), W_OK) == 0) return true;
  // A read-only directory: SQLite writes only through WAL files that are already there.
  return ::access((file + "-wal").c_str(), W_OK) == 0 && ::access((file + "-shm").c_str(), W_OK) == 0;
}

std::string read_only_address(const std::string& file) {
  if (!sqlite3_compileoption_used("USE_URI") && sqlite3_config(SQLITE_CONFIG_URI, 1) != SQLITE_OK)
    throw Error("cannot open " + file + " read-only: this SQLite library does not take file: addresses");
  std::error_code ec;
  fs::path abs = fs::absolute(file, ec);
  const std::string path = (ec ? fs::path(file) : abs.lexically_normal()).string();
  fs::path dir = fs::path(path).parent_path();
  if (dir.empty()) dir = ".";
  const bool shm_possible = ::access((path + "-shm").c_str(), R_OK) == 0 || ::access(dir.c_str(), W_OK) == 0;
  // immutable=1: SQLite reads the file as it is, without the WAL index it could not create. Nothing can
  // write a WAL database in a read-only directory without that index either, so the file cannot change.
  return "file:" + uri_escape(path) + (shm_possible ? "?mode=ro" : "?immutable=1");
}

}  // namespace gazette::store
