// Gazette's configuration: defaults, overridden by a TOML file (--config), overridden by environment
// variables (one per option). Every option is listed once, in kOptions, with its default and meaning;
// docs/configuration.md is generated from the same table by `gazette config --markdown`.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace gazette::config {

struct Config {
  std::string db = "gazette.db";
  std::string listen = "127.0.0.1:8080";
  int threads = 0;
  std::string site_name = "Gazette";
  std::string site_description = "News and analysis for people who run local government";
  std::string base_url = "http://localhost:8080";
  std::string theme_dir;  // empty: the theme compiled into the binary
  bool access_log = true;
  int cache_max_age = 60;
  int cache_max_entries = 100000;
  int cache_max_mb = 1024;
  int cache_stale_seconds = 60;
  int render_threads = 1;
  int max_connections = 10000;
  // Not a setting: whether base_url was given (file or environment); when not, `serve --listen` makes
  // it the listening address, so links point where the site actually answers.
  bool base_url_configured = false;
  // Not a setting: serve sets it when the database cannot be written, so nothing tries to.
  bool read_only = false;
  // Not a setting: the site's secret signing the sign-up form's token (Site sets it on start; empty
  // hides the sign-up box, as on a read-only database).
  std::string form_secret;
  int warm_pages = 500;
  std::string access_log_file;  // empty: standard output
  int page_size = 20;
  int sitemap_articles_per_file = 49900;
  std::string log_level = "info";
  // Pictures (src/media/): where variant files are kept (empty: DATABASE.media beside an SQLite file),
  // and what an upload may be.
  std::string media_dir;
  int media_max_upload_mb = 20;
  int media_max_megapixels = 40;

  // The bulletin and job alerts (src/mail/).
  std::string timezone = "Europe/London";
  std::string smtp_url;  // empty: editions are prepared and previewed but nothing is sent
  std::string smtp_username, smtp_password;
  std::string smtp_tls = "try";
  std::string mail_from = "Gazette <bulletin@localhost>";
  double mail_rate = 10;
  int mail_concurrency = 2;
  std::string bulletin_time = "07:00";
  std::string weekly_day = "monday";
  std::string dkim_domain, dkim_selector, dkim_key_file;

  // "127.0.0.1:8080" split; load() has already validated it.
  std::string listen_host() const;
  unsigned short listen_port() const;
};

struct OptionInfo {
  const char* key;       // TOML key
  const char* env;       // environment variable
  const char* fallback;  // default, as text
  const char* help;
};
const std::vector<OptionInfo>& options();

// Loads defaults, then `toml_path` (when not empty), then the environment. Throws std::runtime_error
// with a message naming the file, option and problem on a bad file or value.
Config load(const std::string& toml_path);

// True when `name` is a plain zone name (no '..', no leading '/') with a file in the system's zoneinfo
// ($TZDIR, else /usr/share/zoneinfo).
bool zone_name_ok(const std::string& name);

// Checks and normalises values (listen address, base URL, log level); throws std::runtime_error.
void validate(Config& c);

}  // namespace gazette::config
