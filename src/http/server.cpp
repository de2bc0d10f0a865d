// The only file that instantiates Beast's I/O templates: keep it small, it dominates compile time.
#include "http/server.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <ctime>
#include <list>
#include <stdexcept>
#include <thread>
#include <vector>

#include "http/access_log.h"

namespace gazette::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;
constexpr auto as_tuple = asio::as_tuple(use_awaitable);

namespace {

// One worker: an io_context on its own thread with its own acceptor.
struct Worker {
  asio::io_context ioc{1};
  tcp::acceptor acceptor{ioc};
  std::list<beast::tcp_stream*> idle;  // connections waiting for a request; cancelled on shutdown
  bool stopping = false;
};

void log_access(AccessLog& log, const Request& req, int status, std::size_t bytes,
                std::chrono::steady_clock::time_point start) {
  auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
  log.record({req.method, req.target, status, bytes, static_cast<std::int64_t>(us), req.remote_address});
}

Response error_response(const beast::error_code& ec) {
  Response r = ec == bhttp::error::header_limit      ? Response::text(431, "Request headers too large\n")
               : ec == bhttp::error::body_limit      ? Response::text(413, "Request body too large\n")
               : ec == bhttp::error::buffer_overflow ? Response::text(413, "Request too large\n")
                                                     : Response::text(400, "Bad request\n");
  // The server's own answers carry the same protective headers as the site's.
  r.set_header("X-Content-Type-Options", "nosniff");
  r.set_header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  return r;
}

// The Date header (RFC 9110 6.6.1), formatted at most once a second per thread.
const std::string& http_date() {
  thread_local std::time_t cached_second = 0;
  thread_local std::string cached;
  std::time_t now = std::time(nullptr);
  if (now != cached_second) {
    char buf[64];
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    cached = buf;
    cached_second = now;
  }
  return cached;
}

awaitable<bool> write_response(beast::tcp_stream& stream, const Response& res, bool head, bool keep_alive,
                               unsigned version) {
  std::string_view body = res.body_view();
  bhttp::response<bhttp::span_body<const char>> msg{static_cast<bhttp::status>(res.status), version};
  msg.set(bhttp::field::server, "Gazette");
  msg.set(bhttp::field::date, http_date());
  msg.set(bhttp::field::content_type, res.content_type);
  for (const auto& [name, value] : res.headers) msg.insert(name, value);
  msg.keep_alive(keep_alive);
  if (res.status == 304 || head) {
    if (res.status != 304) msg.content_length(body.size());
    bhttp::response_serializer<bhttp::span_body<const char>> sr{msg};
    auto [ec, n] = co_await bhttp::async_write_header(stream, sr, as_tuple);
    co_return !ec;
  }
  msg.body() = {body.data(), body.size()};
  msg.prepare_payload();
  auto [ec, n] = co_await bhttp::async_write(stream, msg, as_tuple);
  co_return !ec;
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  RequestHandler handler;
  std::unique_ptr<AccessLog> access_log;             // null when off; declared before workers, so destroyed after them
  std::unique_ptr<asio::thread_pool> blocking_pool;  // handlers of options.blocking requests
  std::vector<std::unique_ptr<Worker>> workers;

  Response call_handler(Request& req) {
    try {
      return handler(req);
    } catch (const std::exception& e) {
      spdlog::error("handler failed for {}: {}", req.target, e.what());
      return Response::text(500, "Internal server error\n");
    }
  }
  unsigned short port = 0;
  std::atomic<bool> stop_requested{false};
  std::atomic<std::size_t> connections{0};  // sessions open, all workers together

  awaitable<void> session(Worker& w, tcp::socket socket) {
    beast::tcp_stream stream(std::move(socket));
    // Bytes the parser has not consumed yet: a header still arriving, or a chunk header whose line has
    // not ended. Bounded, so an endless chunk extension is refused rather than held.
    beast::flat_buffer buffer(options.header_limit + 64 * 1024);
    struct Count {
      std::atomic<std::size_t>& n;
      ~Count() { n.fetch_sub(1, std::memory_order_relaxed); }
    } counted{connections};
    std::string remote;
    beast::error_code ignored;
    auto endpoint = stream.socket().remote_endpoint(ignored);
    if (!ignored) remote = endpoint.address().to_string();
    stream.socket().set_option(tcp::no_delay(true), ignored);
    for (;;) {
      if (w.stopping) break;  // shutting down: take no new request on this connection
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
      // Beast checks a Content-Length against the limit as soon as the header is parsed, so the header
      // is read under the largest limit and the request's own is applied once its target is known.
      parser.body_limit(std::max(options.body_limit, options.max_body_limit));
      stream.expires_after(options.read_timeout);
      auto idle_it = w.idle.insert(w.idle.end(), &stream);
      auto [ec, n] = co_await bhttp::async_read_header(stream, buffer, parser, as_tuple);
      if (!ec) {
        const std::size_t limit = options.body_limit_for
                                      ? options.body_limit_for(parser.get().method_string(), parser.get().target())
                                      : options.body_limit;
        if (auto length = parser.content_length(); length && *length > limit)
          ec = bhttp::error::body_limit;
        else
          parser.body_limit(limit);  // a chunked body counts against it chunk by chunk
      }
      if (!ec && !parser.is_done()) std::tie(ec, n) = co_await bhttp::async_read(stream, buffer, parser, as_tuple);
      w.idle.erase(idle_it);
      if (ec == bhttp::error::end_of_stream || ec == asio::error::operation_aborted || ec == beast::error::timeout ||
          ec == asio::error::connection_reset || ec == asio::error::eof || ec == asio::error::bad_descriptor ||
          w.stopping)
        break;
      auto start = std::chrono::steady_clock::now();
      if (ec) {
        // The request could not be parsed: answer once and close.
        Request bad;
        bad.method = "?";
        bad.remote_address = remote;
        Response res = error_response(ec);
        stream.expires_after(options.read_timeout);
        co_await write_response(stream, res, false, false, 11);
        if (access_log) log_access(*access_log, bad, res.status, res.body_view().size(), start);
        break;
      }
      auto& msg = parser.get();
      Request req;
      req.method = std::string(msg.method_string());
      req.target = std::string(msg.target());
      req.remote_address = remote;
      for (const auto& field : msg)
        req.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
      req.body = std::move(msg.body());
      Response res;
      if (!req.parse_target()) {
        res = Response::text(400, "Bad request: the URL is not valid\n");
      } else {
        if (blocking_pool && options.blocking(req)) {
          // Off the I/O thread: this coroutine waits, the thread's other connections do not.
          res = co_await asio::co_spawn(
              blocking_pool->get_executor(), [this, &req]() -> awaitable<Response> { co_return call_handler(req); },
              use_awaitable);
        } else {
          res = call_handler(req);
        }
      }
      bool keep_alive = msg.keep_alive() && !w.stopping && res.status != 400;
      stream.expires_after(options.read_timeout);
      bool ok = co_await write_response(stream, res, req.method == "HEAD", keep_alive, msg.version());
      if (access_log) log_access(*access_log, req, res.status, res.body_view().size(), start);
      if (!ok || !keep_alive) break;
    }
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  awaitable<void> accept_loop(Worker& w) {
    asio::steady_timer pause(w.ioc);
    for (;;) {
      auto [ec, socket] = co_await w.acceptor.async_accept(as_tuple);
      if (ec) {
        if (w.stopping || ec == asio::error::operation_aborted) co_return;
        // Out of file descriptors (EMFILE, ENFILE) or memory: the pending connection stays queued,
        // so accepting again at once would spin. Serve the connections we have for a moment.
        pause.expires_after(std::chrono::milliseconds(50));
        co_await pause.async_wait(as_tuple);
        continue;
      }
      if (w.stopping) co_return;  // the socket closes as it goes out of scope
      if (connections.fetch_add(1, std::memory_order_relaxed) >= options.max_connections) {
        connections.fetch_sub(1, std::memory_order_relaxed);
        asio::co_spawn(w.ioc, refuse_busy(std::move(socket)), asio::detached);
        continue;
      }
      asio::co_spawn(w.ioc, session(w, std::move(socket)), asio::detached);
    }
  }

  // A connection over the limit: one 503 with Retry-After, then closed.
  awaitable<void> refuse_busy(tcp::socket socket) {
    beast::tcp_stream stream(std::move(socket));
    stream.expires_after(std::chrono::seconds(5));
    Response res = Response::text(503, "The server is busy: try again in a moment\n");
    res.set_header("Retry-After", "1");
    co_await write_response(stream, res, false, false, 11);
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  // Refuses a port another process listens on. Our own acceptors share the port (SO_REUSEPORT), and
  // so would any other process's that sets it too: a probe without SO_REUSEPORT finds the port in use.
  static void ensure_port_free(const tcp::endpoint& ep) {
    if (ep.port() == 0) return;
    asio::io_context ioc;
    tcp::acceptor probe(ioc);
    probe.open(ep.protocol());
    probe.set_option(tcp::acceptor::reuse_address(true));  // TIME_WAIT leftovers are not "in use"
    beast::error_code ec;
    probe.bind(ep, ec);
    if (ec == asio::error::address_in_use) throw std::runtime_error("address in use (is another gazette serving it?)");
    if (ec) throw std::runtime_error(ec.message());
  }

  void bind(Worker& w, const tcp::endpoint& ep) {
    w.acceptor.open(ep.protocol());
    w.acceptor.set_option(tcp::acceptor::reuse_address(true));
    int one = 1;
    ::setsockopt(w.acceptor.native_handle(), SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    w.acceptor.bind(ep);
    w.acceptor.listen(asio::socket_base::max_listen_connections);
  }

  // Runs on the worker's own thread: stop accepting, wake idle connections so they close.
  static void begin_shutdown(Worker& w) {
    w.stopping = true;
    beast::error_code ignored;
    w.acceptor.close(ignored);
    // Close rather than cancel: a cancel only reaches a read that is pending at this instant, while a
    // composed read between two reads of a half-sent request would start another and wait it out.
    for (auto* stream : w.idle) stream->socket().close(ignored);
  }
};

Server::Server(ServerOptions options, RequestHandler handler) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->handler = std::move(handler);
  int threads = impl_->options.threads > 0 ? impl_->options.threads
                                           : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  beast::error_code ec;
  auto address = asio::ip::make_address(impl_->options.address, ec);
  if (ec) throw std::runtime_error("invalid listen address '" + impl_->options.address + "'");
  tcp::endpoint ep{address, impl_->options.port};
  try {
    Impl::ensure_port_free(ep);
    for (int i = 0; i < threads; ++i) {
      auto w = std::make_unique<Worker>();
      impl_->bind(*w, ep);
      if (i == 0) ep.port(w->acceptor.local_endpoint().port());
      impl_->workers.push_back(std::move(w));
    }
  } catch (const std::exception& e) {
    throw std::runtime_error("cannot listen on " + impl_->options.address + ":" + std::to_string(impl_->options.port) +
                             ": " + e.what());
  }
  impl_->port = ep.port();
  if (impl_->options.blocking)
    impl_->blocking_pool = std::make_unique<asio::thread_pool>(std::max(1, impl_->options.blocking_threads));
  if (impl_->options.access_log) {
    AccessLogOptions log_options;
    log_options.path = impl_->options.access_log_path;
    impl_->access_log = std::make_unique<AccessLog>(std::move(log_options));
  }
}

Server::~Server() = default;

unsigned short Server::port() const {
  return impl_->port;
}

void Server::stop() {
  if (impl_->stop_requested.exchange(true)) return;
  for (auto& w : impl_->workers) asio::post(w->ioc, [&w = *w] { Impl::begin_shutdown(w); });
}

void Server::run() {
  asio::io_context signals_ioc;
  asio::signal_set signals(signals_ioc, SIGINT, SIGTERM);
  // SIGHUP keeps its default (terminate) unless there is a log file to reopen.
  if (impl_->access_log && !impl_->options.access_log_path.empty()) signals.add(SIGHUP);
  std::function<void(const beast::error_code&, int)> on_signal = [&](const beast::error_code& ec, int signo) {
    if (ec) return;
    if (signo == SIGHUP) {
      spdlog::info("SIGHUP: reopening the access log {}", impl_->options.access_log_path);
      impl_->access_log->reopen();
      signals.async_wait(on_signal);
      return;
    }
    spdlog::info("shutting down: finishing in-flight requests");
    stop();
  };
  signals.async_wait(on_signal);
  std::thread signal_thread([&] { signals_ioc.run(); });

  std::vector<std::thread> threads;
  for (auto& w : impl_->workers) {
    asio::co_spawn(w->ioc, impl_->accept_loop(*w), asio::detached);
    threads.emplace_back([&w] { w->ioc.run(); });
  }
  // A watchdog enforces the grace period: connections still busy after it are dropped.
  std::thread watchdog([this] {
    while (!impl_->stop_requested) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    auto deadline = std::chrono::steady_clock::now() + impl_->options.shutdown_grace;
    while (std::chrono::steady_clock::now() < deadline) {
      bool all_done = true;
      for (auto& w : impl_->workers) all_done = all_done && w->ioc.stopped();
      if (all_done) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    for (auto& w : impl_->workers) w->ioc.stop();
  });
  for (auto& t : threads) t.join();
  if (impl_->blocking_pool) impl_->blocking_pool->join();
  stop();  // ends the watchdog if the workers ran out of work on their own
  watchdog.join();
  signals.cancel();
  signals_ioc.stop();
  signal_thread.join();
  if (impl_->access_log) impl_->access_log->flush();  // the workers are gone: every line is recorded
}

}  // namespace gazette::http
