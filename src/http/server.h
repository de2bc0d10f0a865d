// The HTTP/1.1 server: Boost.Beast on Asio, one C++20 coroutine per connection.
//
// Each worker thread runs its own io_context with its own SO_REUSEPORT acceptor, so connections never
// cross threads and need no locks. The handler is called on worker threads concurrently and must be
// thread-safe. Malformed requests get 400, oversized headers 431 and bodies 413 (chunk extensions and
// trailers included: every buffer a client fills is bounded); reads time out. Past `max_connections`
// open connections a new one is answered 503 and closed; when the process runs out of file
// descriptors the accept loop waits a moment instead of spinning. A port another process is already
// listening on is refused ("address in use"); the server's own threads share theirs.
// SIGTERM/SIGINT stop accepting, let in-flight requests finish, then run() returns with every access
// log line written. With an access log file, SIGHUP reopens it (for log rotation).
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "http/message.h"

namespace gazette::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;
  int threads = 0;                       // 0: one per core
  std::size_t header_limit = 16 * 1024;  // bytes of request line + headers
  std::size_t body_limit = 1024 * 1024;  // bytes of request body
  // When set, the body limit of a request given its method and target, decided once its header is
  // read (picture uploads may be larger than every other request); it must not return more than
  // `max_body_limit`, the limit the header itself is read under (a Content-Length over it is refused).
  std::function<std::size_t(std::string_view method, std::string_view target)> body_limit_for;
  std::size_t max_body_limit = 0;
  std::chrono::seconds read_timeout{30};    // per request, also the keep-alive idle limit
  std::size_t max_connections = 10000;      // open connections, all threads together
  std::chrono::seconds shutdown_grace{10};  // in-flight work gets this long after SIGTERM
  bool access_log = true;                   // one JSON line per request (see http/access_log.h)
  std::string access_log_path;              // the access log's file; empty: stdout
  // Requests whose handler may take long (a newsroom save, a password check): they run on a separate
  // pool of `blocking_threads`, so the I/O thread keeps serving its other connections meanwhile.
  std::function<bool(const Request&)> blocking;
  int blocking_threads = 2;
};

using RequestHandler = std::function<Response(Request&)>;

class Server {
 public:
  // Binds the listening sockets and opens the access log; throws std::runtime_error naming the address
  // (or the log file) when it cannot.
  Server(ServerOptions options, RequestHandler handler);
  ~Server();

  // The bound port (useful with port 0).
  unsigned short port() const;

  // Serves until SIGTERM/SIGINT or stop(); returns after the graceful shutdown.
  void run();
  // Asks run() to shut down gracefully; safe from any thread.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gazette::http
