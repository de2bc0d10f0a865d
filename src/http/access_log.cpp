#include "http/access_log.h"

#include <fcntl.h>
#include <fmt/compile.h>
#include <fmt/format.h>
#include <poll.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <utility>

namespace gazette::http {

namespace {

constexpr std::size_t kMaxTarget = 512;
constexpr std::size_t kMaxMethod = 16;

// Appends `s` with `"`, `\` and control characters replaced by `?`: copy, then fix in place.
void append_clean(fmt::memory_buffer& buf, std::string_view s) {
  std::size_t start = buf.size();
  buf.append(s.data(), s.data() + s.size());
  for (char* p = buf.data() + start; p != buf.data() + buf.size(); ++p)
    if (*p == '"' || *p == '\\' || static_cast<unsigned char>(*p) < 0x20) *p = '?';
}

void append_literal(fmt::memory_buffer& buf, std::string_view s) {
  buf.append(s.data(), s.data() + s.size());
}

void append_line(fmt::memory_buffer& buf, const AccessRecord& r) {
  append_literal(buf, R"({"method":")");
  append_clean(buf, r.method.size() > kMaxMethod ? std::string_view("?") : r.method);
  append_literal(buf, R"(","target":")");
  append_clean(buf, r.target.substr(0, kMaxTarget));
  fmt::format_to(fmt::appender(buf), FMT_COMPILE(R"(","status":{},"bytes":{},"us":{},"remote":")"), r.status, r.bytes,
                 r.us);
  append_clean(buf, r.remote);
  append_literal(buf, "\"}\n");
}

std::atomic<std::uint64_t> next_log_id{1};

// The slot this thread used last, and the log it belongs to (ids are never reused, so a slot of a
// destroyed log is never looked at again).
struct CachedSlot {
  std::uint64_t log_id = 0;
  void* slot = nullptr;
};
thread_local CachedSlot t_cached;

int open_for_append(const std::string& path) {
  return ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
}

}  // namespace

void format_access_line(std::string& out, const AccessRecord& r) {
  fmt::memory_buffer buf;
  append_line(buf, r);
  out.append(buf.data(), buf.size());
}

struct AccessLog::Chunk {
  fmt::memory_buffer data;
  std::size_t lines = 0;
  void clear() {
    data.clear();
    lines = 0;
  }
};

// One thread's buffer. Its lock is taken by that thread for every line, and by the writer only when it
// collects partly filled buffers (once per flush interval), so it is practically never contended.
struct AccessLog::Slot {
  std::mutex mu;
  std::unique_ptr<Chunk> chunk;
};

AccessLog::AccessLog(AccessLogOptions options)
    : options_(std::move(options)), id_(next_log_id.fetch_add(1, std::memory_order_relaxed)) {
  if (!options_.path.empty()) {
    fd_ = open_for_append(options_.path);
    if (fd_ < 0) throw std::runtime_error("cannot open access log '" + options_.path + "': " + std::strerror(errno));
  }
  writer_ = std::thread([this] { writer_loop(); });
}

AccessLog::~AccessLog() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_writer_.notify_one();
  writer_.join();  // the writer collects and writes every buffer before it returns
  if (fd_ != 1) ::close(fd_);
}

std::unique_ptr<AccessLog::Chunk> AccessLog::new_chunk() {
  auto chunk = std::make_unique<Chunk>();
  chunk->data.reserve(options_.buffer_size);
  return chunk;
}

AccessLog::Slot& AccessLog::slot_for_this_thread() {
  if (t_cached.log_id == id_) return *static_cast<Slot*>(t_cached.slot);
  std::lock_guard lock(slots_mu_);
  auto& slot = slots_[std::this_thread::get_id()];
  if (!slot) {
    slot = std::make_unique<Slot>();
    slot->chunk = new_chunk();
  }
  t_cached = {id_, slot.get()};
  return *slot;
}

void AccessLog::record(const AccessRecord& r) {
  Slot& slot = slot_for_this_thread();
  std::lock_guard lock(slot.mu);
  append_line(slot.chunk->data, r);
  ++slot.chunk->lines;
  // Hand over before the next line could overflow the reserved buffer (a line is at most ~700 bytes
  // with the server's inputs; a longer one just makes the buffer grow).
  if (slot.chunk->data.size() + 1024 > options_.buffer_size) hand_over(slot);
}

// Called with slot.mu held: queue the full buffer for the writer and give the slot an empty one.
void AccessLog::hand_over(Slot& slot) {
  {
    std::lock_guard lock(mu_);
    if (pending_.size() >= options_.max_pending) {
      // The writer is behind: lose these lines rather than grow without bound.
      dropped_.fetch_add(slot.chunk->lines, std::memory_order_relaxed);
      slot.chunk->clear();
      return;
    }
    pending_.push_back(std::move(slot.chunk));
    if (!spare_.empty()) {
      slot.chunk = std::move(spare_.back());
      spare_.pop_back();
    }
  }
  wake_writer_.notify_one();
  if (!slot.chunk) slot.chunk = new_chunk();  // only until the writer has returned buffers to spare_
}

void AccessLog::flush() {
  std::unique_lock lock(mu_);
  std::uint64_t ticket = ++flush_requested_;
  wake_writer_.notify_one();
  flushed_.wait(lock, [&] { return flush_done_ >= ticket; });
}

void AccessLog::reopen() {
  if (options_.path.empty()) return;
  {
    std::lock_guard lock(mu_);
    reopen_requested_ = true;
  }
  wake_writer_.notify_one();
}

// Takes every partly filled buffer, leaving each slot an empty one.
void AccessLog::collect_slots(std::vector<std::unique_ptr<Chunk>>& out) {
  std::lock_guard slots_lock(slots_mu_);
  for (auto& [id, slot] : slots_) {
    std::unique_ptr<Chunk> fresh;
    {
      std::lock_guard lock(slot->mu);
      if (slot->chunk->lines == 0) continue;
    }
    {
      std::lock_guard lock(mu_);
      if (!spare_.empty()) {
        fresh = std::move(spare_.back());
        spare_.pop_back();
      }
    }
    if (!fresh) fresh = new_chunk();
    std::lock_guard lock(slot->mu);
    out.push_back(std::exchange(slot->chunk, std::move(fresh)));
  }
}

void AccessLog::writer_loop() {
  auto next_collect = std::chrono::steady_clock::now() + options_.flush_interval;
  std::vector<std::unique_ptr<Chunk>> batch;
  for (;;) {
    bool stop = false, reopen = false;
    std::uint64_t flush_ticket = 0;
    {
      std::unique_lock lock(mu_);
      wake_writer_.wait_until(lock, next_collect, [&] {
        return !pending_.empty() || stopping_ || reopen_requested_ || flush_requested_ > flush_done_;
      });
      while (!pending_.empty()) {
        batch.push_back(std::move(pending_.front()));
        pending_.pop_front();
      }
      stop = stopping_;
      reopen = std::exchange(reopen_requested_, false);
      flush_ticket = flush_requested_;
    }
    // Collected after the flush ticket was read, so a flush() sees every line recorded before it.
    auto now = std::chrono::steady_clock::now();
    if (stop || reopen || flush_ticket > flush_done_ || now >= next_collect) {
      collect_slots(batch);
      next_collect = now + options_.flush_interval;
    }
    for (auto& chunk : batch) write_chunk(*chunk);
    if (reopen) do_reopen();
    report_dropped(stop);
    {
      std::lock_guard lock(mu_);
      for (auto& chunk : batch) {
        chunk->clear();
        spare_.push_back(std::move(chunk));
      }
      flush_done_ = flush_ticket;
    }
    batch.clear();
    flushed_.notify_all();
    if (stop) return;
  }
}

void AccessLog::write_chunk(Chunk& chunk) {
  write_all({chunk.data.data(), chunk.data.size()}, chunk.lines);
}

void AccessLog::write_all(std::string_view data, std::size_t lines) {
  while (!data.empty()) {
    ssize_t n = ::write(fd_, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {  // someone made stdout non-blocking
      pollfd pfd{fd_, POLLOUT, 0};
      ::poll(&pfd, 1, 1000);
      continue;
    }
    if (n <= 0) {
      // The lines not yet written are lost; count them (a partly written line counts as lost).
      std::size_t unwritten = static_cast<std::size_t>(std::count(data.begin(), data.end(), '\n'));
      dropped_.fetch_add(std::min(unwritten, lines), std::memory_order_relaxed);
      if (!write_failing_) spdlog::error("access log: write failed: {}", n < 0 ? std::strerror(errno) : "no progress");
      write_failing_ = true;
      return;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  write_failing_ = false;
}

// At most once a second (and once more at the end), so a full disk does not flood the application log.
void AccessLog::report_dropped(bool final_report) {
  std::uint64_t total = dropped_.load(std::memory_order_relaxed);
  if (total == dropped_reported_) return;
  auto now = std::chrono::steady_clock::now();
  if (!final_report && now - last_report_ < std::chrono::seconds(1)) return;
  last_report_ = now;
  std::uint64_t now_lost = total - dropped_reported_;
  dropped_reported_ = total;
  spdlog::warn("access log: {} lines dropped ({} in all): the log could not be written fast enough", now_lost, total);
  fmt::memory_buffer line;
  fmt::format_to(fmt::appender(line),
                 R"({{"warning":"access log lines dropped","dropped":{},"dropped_total":{}}})"
                 "\n",
                 now_lost, total);
  write_all({line.data(), line.size()}, 0);  // a lost warning is not counted as a lost request
}

void AccessLog::do_reopen() {
  int fd = open_for_append(options_.path);
  if (fd < 0) {
    spdlog::error("access log: cannot reopen '{}': {}; still writing to the old file", options_.path,
                  std::strerror(errno));
    return;
  }
  ::close(fd_);
  fd_ = fd;
}

}  // namespace gazette::http
