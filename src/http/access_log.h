// The access log: one JSON line per request, written off the request path.
//
//   {"method":"GET","target":"/news","status":200,"bytes":5120,"us":87,"remote":"127.0.0.1"}
//
// Each thread that logs formats its line into its own 64 KiB buffer (no allocation per line, an
// uncontended lock); a full buffer is handed to one background writer thread, which writes it with one
// write(2) to the file, or to standard output (fd 1). The writer also collects every partly filled buffer
// each flush_interval, so a quiet server's lines appear well within a second. A request thread never
// waits for the disk: when more than max_pending full buffers wait for the writer, further buffers are
// dropped and counted, and the writer then adds a warning line with the count to the log (and logs a
// warning through spdlog), so memory stays bounded.
//
// Thread safety: record() may be called from any number of threads at once; flush(), reopen() and
// dropped() from any thread. The destructor writes every line recorded before it was called; no thread
// may call record() once destruction has begun.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

namespace gazette::http {

struct AccessLogOptions {
  std::string path;                               // file, opened for appending (created 0644); empty: stdout
  std::size_t buffer_size = 64 * 1024;            // bytes per thread buffer, and per write(2)
  std::size_t max_pending = 64;                   // full buffers waiting for the writer before lines are dropped
  std::chrono::milliseconds flush_interval{100};  // partly filled buffers are written at least this often
};

// What one line says about a request. The strings are only read during record().
struct AccessRecord {
  std::string_view method;
  std::string_view target;
  int status = 0;
  std::size_t bytes = 0;    // body bytes of the response
  std::int64_t us = 0;      // microseconds from parsed request to response written
  std::string_view remote;  // client address
};

// Formats one line, newline included, as record() writes it: target cut to 512 bytes, a method longer
// than 16 bytes shown as "?", and in every string `"`, `\` and control characters replaced by `?`, so the
// line is always valid JSON whatever the client sent. Appends to `out`. For tests and tools.
void format_access_line(std::string& out, const AccessRecord& r);

class AccessLog {
 public:
  // Opens the file (or takes stdout) and starts the writer thread. Throws std::runtime_error naming the
  // path when the file cannot be opened.
  explicit AccessLog(AccessLogOptions options = {});
  // Writes every line recorded so far, then stops the writer and closes the file.
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  // Appends one line to the calling thread's buffer. Never blocks on I/O.
  void record(const AccessRecord& r);

  // Returns once every line recorded before the call has been written (or counted as dropped).
  void flush();

  // Asks the writer to close and reopen the file, e.g. after logrotate renamed it (SIGHUP). Lines
  // recorded before the call go to the old file; once a flush() called after it has returned, lines go
  // to the new one. Does nothing when logging to stdout. Returns at once (safe from a signal-handling
  // thread); a file that cannot be reopened is reported through spdlog and the old one is kept.
  void reopen();

  // Lines lost so far: dropped because the writer fell behind, or refused by write(2).
  std::uint64_t dropped() const { return dropped_.load(std::memory_order_relaxed); }

 private:
  struct Chunk;
  struct Slot;

  Slot& slot_for_this_thread();
  std::unique_ptr<Chunk> new_chunk();
  void hand_over(Slot& slot);
  void writer_loop();
  void collect_slots(std::vector<std::unique_ptr<Chunk>>& out);
  void write_chunk(Chunk& chunk);
  void write_all(std::string_view data, std::size_t lines);
  void report_dropped(bool final_report);
  void do_reopen();

  const AccessLogOptions options_;
  const std::uint64_t id_;  // unique per instance: keys each thread's cached slot
  int fd_ = 1;              // used by the writer thread only (and the constructor/destructor)

  std::mutex slots_mu_;  // lock order: slots_mu_, then a Slot's mutex, then mu_
  std::unordered_map<std::thread::id, std::unique_ptr<Slot>> slots_;

  std::mutex mu_;  // guards everything below
  std::condition_variable wake_writer_;
  std::condition_variable flushed_;
  std::deque<std::unique_ptr<Chunk>> pending_;  // full buffers, oldest first
  std::vector<std::unique_ptr<Chunk>> spare_;   // written buffers kept for reuse
  std::uint64_t flush_requested_ = 0;
  std::uint64_t flush_done_ = 0;
  bool reopen_requested_ = false;
  bool stopping_ = false;

  std::atomic<std::uint64_t> dropped_{0};
  // Writer thread only:
  std::uint64_t dropped_reported_ = 0;
  std::chrono::steady_clock::time_point last_report_{};
  bool write_failing_ = false;
  std::thread writer_;
};

}  // namespace gazette::http
