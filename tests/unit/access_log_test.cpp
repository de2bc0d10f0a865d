#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "http/access_log.h"
#include "http/server.h"

namespace gazette::http {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("gazette-access-log-" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(dir_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string file(const std::string& name) const { return (dir_ / name).string(); }

 private:
  fs::path dir_;
};

std::vector<std::string> read_lines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

AccessRecord record_for(std::string_view target) {
  return {.method = "GET", .target = target, .status = 200, .bytes = 5120, .us = 87, .remote = "127.0.0.1"};
}

TEST(AccessLogFormat, IsTheDocumentedJsonLine) {
  std::string line;
  format_access_line(
      line, {.method = "HEAD", .target = "/news?page=2", .status = 304, .bytes = 0, .us = 1234567, .remote = "::1"});
  EXPECT_EQ(line, R"({"method":"HEAD","target":"/news?page=2","status":304,"bytes":0,"us":1234567,"remote":"::1"})"
                  "\n");
}

TEST(AccessLogFormat, HostileTargetStaysOneValidLine) {
  std::string target = "/a\"b\\c\nd\re\tf";
  target += '\x01';
  target += '\x1f';
  target += "\"}\n{\"method\":\"FAKE";
  target += std::string(2000, 'x');
  std::string line;
  format_access_line(
      line,
      {.method = std::string(17, 'M'), .target = target, .status = 400, .bytes = 12, .us = 5, .remote = "10.0.0.1"});
  ASSERT_EQ(line.back(), '\n');
  line.pop_back();
  EXPECT_EQ(line.find('\n'), std::string::npos);
  auto v = boost::json::parse(line).as_object();
  EXPECT_EQ(v.at("method").as_string(), "?");  // longer than 16 bytes
  std::string expected = "/a?b?c?d?e?f???}?{?method?:?FAKE" + std::string(2000, 'x');
  expected.resize(512);
  EXPECT_EQ(v.at("target").as_string(), expected);
  EXPECT_EQ(v.at("status").as_int64(), 400);
  EXPECT_EQ(v.at("us").as_int64(), 5);
}

TEST(AccessLog, LinesFromManyThreadsAllArriveAfterDestruction) {
  TempDir dir;
  const std::string path = dir.file("access.log");
  constexpr int kThreads = 6, kPerThread = 5000;
  {
    AccessLog log({.path = path, .max_pending = 100000});  // lossless: this test is about completeness
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
      threads.emplace_back([&log, t] {
        for (int i = 0; i < kPerThread; ++i) {
          std::string target = "/t/" + std::to_string(t) + "/" + std::to_string(i);
          log.record({.method = "GET",
                      .target = target,
                      .status = 200,
                      .bytes = std::size_t(i),
                      .us = t,
                      .remote = "192.0.2.1"});
        }
      });
    for (auto& th : threads) th.join();
    EXPECT_EQ(log.dropped(), 0u);
  }
  auto lines = read_lines(path);
  ASSERT_EQ(lines.size(), std::size_t(kThreads * kPerThread));
  std::set<std::string> targets;
  for (const auto& line : lines) {
    boost::system::error_code ec;
    auto v = boost::json::parse(line, ec);
    ASSERT_FALSE(ec) << "not JSON: " << line;
    const auto& o = v.as_object();
    ASSERT_EQ(o.size(), 6u) << line;
    EXPECT_EQ(o.at("method").as_string(), "GET");
    EXPECT_EQ(o.at("status").as_int64(), 200);
    EXPECT_EQ(o.at("remote").as_string(), "192.0.2.1");
    std::string target(o.at("target").as_string());
    // The fields belong together: the target names the thread ("us") and the index ("bytes").
    EXPECT_EQ(target, "/t/" + std::to_string(o.at("us").as_int64()) + "/" + std::to_string(o.at("bytes").as_int64()));
    targets.insert(target);
  }
  EXPECT_EQ(targets.size(), lines.size()) << "a line was written twice";
}

TEST(AccessLog, NothingLostOnShutdownWithManyLines) {
  TempDir dir;
  const std::string path = dir.file("access.log");
  constexpr int kLines = 200000;
  {
    AccessLog log({.path = path, .buffer_size = 4096, .max_pending = 1000000});
    std::thread other([&log] {
      for (int i = 0; i < kLines / 2; ++i) log.record(record_for("/other"));
    });
    for (int i = 0; i < kLines / 2; ++i) log.record(record_for("/main"));
    other.join();
  }  // no flush(): the destructor alone must write the partly filled buffers
  std::string all = read_all(path);
  EXPECT_EQ(std::count(all.begin(), all.end(), '\n'), kLines);
  std::string one;
  format_access_line(one, record_for("/main"));
  EXPECT_EQ(all.size(), kLines * one.size() + kLines / 2 * (std::string_view("/other").size() - 5));
}

TEST(AccessLog, FlushWritesPartlyFilledBuffers) {
  TempDir dir;
  const std::string path = dir.file("access.log");
  AccessLog log({.path = path, .flush_interval = std::chrono::hours(1)});  // only flush() can write them
  log.record(record_for("/one"));
  std::thread([&log] { log.record(record_for("/two")); }).join();
  log.flush();
  auto lines = read_lines(path);
  ASSERT_EQ(lines.size(), 2u);  // in no particular order: each thread has its own buffer
  std::string both = lines[0] + lines[1];
  EXPECT_NE(both.find("\"/one\""), std::string::npos);
  EXPECT_NE(both.find("\"/two\""), std::string::npos);
}

TEST(AccessLog, QuietServersLinesAppearWithinASecond) {
  TempDir dir;
  const std::string path = dir.file("access.log");
  AccessLog log({.path = path});
  log.record(record_for("/quiet"));
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  while (read_lines(path).empty() && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_EQ(read_lines(path).size(), 1u);
}

TEST(AccessLog, ReopenStartsANewFileAfterRotation) {
  TempDir dir;
  const std::string path = dir.file("access.log");
  AccessLog log({.path = path});
  log.record(record_for("/before"));
  log.flush();
  fs::rename(path, dir.file("access.log.1"));
  log.reopen();
  log.flush();  // a reopen requested before a flush has happened when the flush returns
  log.record(record_for("/after"));
  log.flush();
  auto old_lines = read_lines(dir.file("access.log.1"));
  auto new_lines = read_lines(path);
  ASSERT_EQ(old_lines.size(), 1u);
  ASSERT_EQ(new_lines.size(), 1u);
  EXPECT_NE(old_lines[0].find("/before"), std::string::npos);
  EXPECT_NE(new_lines[0].find("/after"), std::string::npos);
}

TEST(AccessLog, UnopenableFileIsAnError) {
  TempDir dir;
  EXPECT_THROW(AccessLog({.path = dir.file("no/such/dir/access.log")}), std::runtime_error);
}

// The log goes to a FIFO nobody reads, so the writer blocks: lines must be dropped and counted (memory
// stays bounded) rather than queued, and once the reader drains the FIFO every line not dropped arrives,
// followed by a warning line with the count.
TEST(AccessLog, WriterFallingBehindDropsAndCountsLines) {
  TempDir dir;
  const std::string path = dir.file("access.fifo");
  ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
  int reader = ::open(path.c_str(), O_RDONLY | O_NONBLOCK);  // so the log's open does not wait for a reader
  ASSERT_GE(reader, 0);
  auto log = std::make_unique<AccessLog>(AccessLogOptions{.path = path, .buffer_size = 4096, .max_pending = 2});
  ::fcntl(reader, F_SETFL, 0);  // blocking reads from here on
  // A pipe holds 64 KiB; the writer blocks after that, and two more buffers may wait for it.
  std::uint64_t recorded = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (log->dropped() == 0 && std::chrono::steady_clock::now() < deadline) {
    log->record(record_for("/flood"));
    ++recorded;
  }
  std::string received;
  std::thread drain([&] {
    char buf[65536];
    for (ssize_t n; (n = ::read(reader, buf, sizeof buf)) > 0;) received.append(buf, std::size_t(n));
  });
  std::uint64_t dropped = log->dropped();
  log.reset();  // writes what was kept, then closes the FIFO, which ends the drain
  drain.join();
  ::close(reader);

  ASSERT_GT(dropped, 0u) << "nothing dropped after " << recorded << " lines";
  std::string one;
  format_access_line(one, record_for("/flood"));
  // Kept: at most the pipe (64 KiB), the writer's batch (2 taken from pending, 1 collected from the
  // thread), 2 pending and the thread's own buffer.
  EXPECT_LT((recorded - dropped) * one.size(), 64 * 1024 + 6 * 4096u);
  // Every line is JSON: the requests that were kept, and one warning with the count (wherever the writer
  // had got to when it noticed).
  std::uint64_t requests = 0, warnings = 0;
  std::istringstream in(received);
  for (std::string line; std::getline(in, line);) {
    boost::system::error_code ec;
    auto v = boost::json::parse(line, ec);
    ASSERT_FALSE(ec) << "not JSON: " << line;
    if (v.as_object().contains("warning")) {
      ++warnings;
      EXPECT_EQ(v.at("dropped_total").as_int64(), std::int64_t(dropped));
    } else {
      EXPECT_EQ(v.at("target").as_string(), "/flood");
      ++requests;
    }
  }
  EXPECT_EQ(warnings, 1u);
  EXPECT_EQ(requests + dropped, recorded);
}

// One request on its own connection; returns what the server sent.
std::string http_get(unsigned short port, const std::string& target) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string reply;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
    std::string req = "GET " + target + " HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";
    if (::write(fd, req.data(), req.size()) == ssize_t(req.size())) {
      char buf[4096];
      for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) reply.append(buf, std::size_t(n));
    }
  }
  ::close(fd);
  return reply;
}

// The server's wiring: every request is logged to the file, and run() returns only once the lines are
// written (the server is not destroyed before the file is read).
TEST(AccessLogServer, RunReturnsWithEveryRequestLogged) {
  TempDir dir;
  const std::string path = dir.file("access.log");
  ServerOptions options;
  options.port = 0;
  options.threads = 2;
  options.access_log_path = path;
  Server server(options, [](Request&) { return Response::text(200, "ok\n"); });
  std::thread running([&server] { server.run(); });
  constexpr int kRequests = 40;
  for (int i = 0; i < kRequests; ++i)
    ASSERT_NE(http_get(server.port(), "/r/" + std::to_string(i)).find("200 OK"), std::string::npos);
  server.stop();
  running.join();
  auto lines = read_lines(path);
  ASSERT_EQ(lines.size(), std::size_t(kRequests));
  std::set<std::string> targets;
  for (const auto& line : lines) {
    auto v = boost::json::parse(line).as_object();
    EXPECT_EQ(v.at("method").as_string(), "GET");
    EXPECT_EQ(v.at("status").as_int64(), 200);
    EXPECT_EQ(v.at("bytes").as_int64(), 3);
    EXPECT_GE(v.at("us").as_int64(), 0);
    EXPECT_EQ(v.at("remote").as_string(), "127.0.0.1");
    targets.insert(std::string(v.at("target").as_string()));
  }
  EXPECT_EQ(targets.size(), std::size_t(kRequests));
}

// logrotate renames the file and sends SIGHUP: the server reopens the path and logs on in a new file.
TEST(AccessLogServer, SighupReopensTheFile) {
  TempDir dir;
  const std::string path = dir.file("access.log");
  ServerOptions options;
  options.port = 0;
  options.threads = 1;
  options.access_log_path = path;
  Server server(options, [](Request&) { return Response::text(200, "ok\n"); });
  std::thread running([&server] { server.run(); });
  // A served request means run() has installed its signal handlers (before starting the workers).
  ASSERT_NE(http_get(server.port(), "/before").find("200 OK"), std::string::npos);
  fs::rename(path, dir.file("access.log.1"));
  ::kill(::getpid(), SIGHUP);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!fs::exists(path) && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_TRUE(fs::exists(path)) << "not reopened after SIGHUP";
  ASSERT_NE(http_get(server.port(), "/after").find("200 OK"), std::string::npos);
  server.stop();
  running.join();
  auto old_lines = read_lines(dir.file("access.log.1"));
  auto new_lines = read_lines(path);
  ASSERT_EQ(old_lines.size(), 1u);
  ASSERT_EQ(new_lines.size(), 1u);
  EXPECT_NE(old_lines[0].find("\"/before\""), std::string::npos);
  EXPECT_NE(new_lines[0].find("\"/after\""), std::string::npos);
}

}  // namespace
}  // namespace gazette::http
