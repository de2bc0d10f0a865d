#include <spdlog/spdlog.h>

#include <iostream>

#include "cli/commands.h"
#include "http/server.h"
#include "store/migrations.h"
#include "web/email_render.h"
#include "web/site.h"

#include <atomic>
#include <thread>

namespace gazette::cli {

void register_serve(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand("serve", "Serve the site over HTTP (migrates the database first)");
  static std::string listen;
  static bool read_only = false;
  cmd->add_option("--listen", listen, "address:port (overrides config and GAZETTE_LISTEN)");
  cmd->add_flag("--read-only", read_only,
                "Open the database for reading only, as when this process cannot write it (no migrations; the "
                "newsroom and imports cannot write)");
  cmd->footer(
      "A database file this process cannot write (a read-only file or directory) is served to readers with\n"
      "a warning, provided its schema is current: the newsroom cannot sign in or save, and imports and\n"
      "migrations must run where the file can be written. --read-only does the same for a writable file.");
  cmd->callback([&g] {
    auto cfg = g.load();
    try {
      if (!listen.empty()) cfg.listen = listen;
      if (!cfg.base_url_configured) {
        // No base_url given: canonical links, feeds, sitemaps and JSON-LD name the address the site
        // answers on (a loopback or wildcard address as localhost), not a port it does not use.
        std::string host = cfg.listen.substr(0, cfg.listen.rfind(':'));
        if (host == "127.0.0.1" || host == "0.0.0.0" || host == "::" || host == "[::]" || host.empty())
          host = "localhost";
        cfg.base_url = "http://" + host + cfg.listen.substr(cfg.listen.rfind(':'));
      }
      config::validate(cfg);
      spdlog::set_level(spdlog::level::from_str(cfg.log_level));
      const std::string database = cfg.db;
      if (read_only || database_read_only(cfg)) {
        open_database_read_only(cfg);
        cfg.read_only = true;
        std::cerr << "gazette serve: warning: " << database
                  << (read_only ? " is open read-only (--read-only): serving readers only; the newsroom cannot write"
                                : " cannot be written by this process: serving readers only; the newsroom and "
                                  "imports cannot write (sign-ins and saves fail)")
                  << "\n";
      } else {
        open_database(cfg);
      }
      web::Site site(cfg);
      site.start_change_watcher();
      // The bulletin: one thread queues editions when due and sends through the relay (only the process
      // holding the sending lease does, so several nodes send each message once).
      std::atomic<bool> mail_stop{false};
      std::thread mail_thread;
      std::unique_ptr<web::EmailRenderer> renderer;
      std::unique_ptr<mail::Sender> sender;
      std::unique_ptr<store::Connection> mail_db;
      if (!cfg.read_only && !cfg.smtp_url.empty()) {
        mail_db = store::open(cfg.db);
        const auto schedule = mail_schedule(cfg);
        renderer = std::make_unique<web::EmailRenderer>(site.theme(), site.config());
        sender = std::make_unique<mail::Sender>(
            mail_settings(cfg, *mail_db), [file = cfg.db] { return store::open(file); }, *renderer);
        mail_thread = std::thread([&, schedule] { mail::run_mail_loop(*sender, *mail_db, schedule, mail_stop); });
        spdlog::info("mail: the bulletin goes at {} ({}) through {}", cfg.bulletin_time, cfg.timezone, cfg.smtp_url);
      } else if (cfg.smtp_url.empty()) {
        spdlog::info("mail: no relay is set (smtp_url): editions can be previewed, nothing is sent");
      }
      struct JoinMail {
        std::atomic<bool>& stop;
        std::thread& t;
        ~JoinMail() {
          stop = true;
          if (t.joinable()) t.join();
        }
      } join_mail{mail_stop, mail_thread};
      http::ServerOptions opts;
      opts.address = cfg.listen_host();
      opts.port = cfg.listen_port();
      opts.threads = cfg.threads;
      opts.access_log = cfg.access_log;
      opts.access_log_path = cfg.access_log_file;
      opts.max_connections = static_cast<std::size_t>(cfg.max_connections);
      // Sign-ins (argon2id, ~0.1 s) and newsroom saves (related reading, re-rendering the pages a save
      // made stale) would hold up every reader on the thread they ran on.
      opts.blocking = [](const http::Request& r) { return r.method == "POST"; };
      // Picture uploads (and replacements) may be up to media_max_upload_mb, plus the form around the file;
      // every other request keeps the 1 MB limit.
      const std::size_t upload_limit = static_cast<std::size_t>(cfg.media_max_upload_mb) * 1024 * 1024 + 64 * 1024;
      opts.max_body_limit = upload_limit;
      opts.body_limit_for = [upload_limit, normal = opts.body_limit](std::string_view method, std::string_view target) {
        return method == "POST" && target.starts_with("/newsroom/media") ? upload_limit : normal;
      };
      http::Server server(opts, [&site](http::Request& req) { return site.handle(req); });
      spdlog::info("Gazette serving {} on http://{}:{}", cfg.db, opts.address, server.port());
      server.run();
      spdlog::info("stopped");
    } catch (const std::exception& e) {
      std::cerr << "gazette serve: " << e.what() << "\n";
      g.exit_code = 1;
    }
  });
}

}  // namespace gazette::cli
