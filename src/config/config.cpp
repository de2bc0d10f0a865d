#include "config/config.h"

#include <toml++/toml.h>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace gazette::config {
namespace {

[[noreturn]] void bad(const std::string& key, const std::string& source, const std::string& why) {
  throw std::runtime_error("configuration option '" + key + "' (" + source + "): " + why);
}

int to_int(const std::string& key, const std::string& source, const std::string& text, int lo, int hi) {
  int v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size())
    bad(key, source, "expected a whole number, got '" + text + "'");
  if (v < lo || v > hi) bad(key, source, "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
  return v;
}

bool to_bool(const std::string& key, const std::string& source, const std::string& text) {
  if (text == "true" || text == "1" || text == "yes" || text == "on") return true;
  if (text == "false" || text == "0" || text == "no" || text == "off") return false;
  bad(key, source, "expected true or false, got '" + text + "'");
}

// Applies one textual value; shared by the TOML and environment paths so both validate alike.
void apply(Config& c, const std::string& key, const std::string& value, const std::string& source) {
  if (key == "database" || key == "db")  // "db": the name before 0.2
    c.db = value;
  else if (key == "listen") {
    auto colon = value.rfind(':');
    if (colon == std::string::npos || colon == 0) bad(key, source, "expected address:port, got '" + value + "'");
    to_int(key, source, value.substr(colon + 1), 0, 65535);
    c.listen = value;
  } else if (key == "threads")
    c.threads = to_int(key, source, value, 0, 256);
  else if (key == "site_name")
    c.site_name = value;
  else if (key == "site_description")
    c.site_description = value;
  else if (key == "base_url") {
    c.base_url = value;
    c.base_url_configured = true;
  } else if (key == "theme_dir")
    c.theme_dir = value;
  else if (key == "access_log")
    c.access_log = to_bool(key, source, value);
  else if (key == "cache_max_age")
    c.cache_max_age = to_int(key, source, value, 0, 86400 * 365);
  else if (key == "cache_max_entries")
    c.cache_max_entries = to_int(key, source, value, 0, 10'000'000);
  else if (key == "cache_max_mb")
    c.cache_max_mb = to_int(key, source, value, 1, 1'000'000);
  else if (key == "cache_stale_seconds")
    c.cache_stale_seconds = to_int(key, source, value, 0, 86400);
  else if (key == "render_threads")
    c.render_threads = to_int(key, source, value, 1, 64);
  else if (key == "max_connections")
    c.max_connections = to_int(key, source, value, 16, 1'000'000);
  else if (key == "warm_pages")
    c.warm_pages = to_int(key, source, value, 0, 100'000);
  else if (key == "access_log_file")
    c.access_log_file = value;
  else if (key == "page_size")
    c.page_size = to_int(key, source, value, 1, 200);
  else if (key == "sitemap_articles_per_file")
    c.sitemap_articles_per_file = to_int(key, source, value, 10, 49900);
  else if (key == "log_level")
    c.log_level = value;
  else if (key == "timezone")
    c.timezone = value;
  else if (key == "smtp_url") {
    if (!value.empty() && !value.starts_with("smtp://") && !value.starts_with("smtps://"))
      bad(key, source, "must start with smtp:// or smtps://, got '" + value + "'");
    c.smtp_url = value;
  } else if (key == "smtp_username")
    c.smtp_username = value;
  else if (key == "smtp_password")
    c.smtp_password = value;
  else if (key == "smtp_tls") {
    if (value != "none" && value != "try" && value != "require") bad(key, source, "expected none, try or require");
    c.smtp_tls = value;
  } else if (key == "mail_from")
    c.mail_from = value;
  else if (key == "mail_rate")
    c.mail_rate = to_int(key, source, value, 1, 100'000);
  else if (key == "mail_concurrency")
    c.mail_concurrency = to_int(key, source, value, 1, 64);
  else if (key == "bulletin_time") {
    if (value == "off") {
      c.bulletin_time = value;
      return;
    }
    if (value.size() != 5 || value[2] != ':' || to_int(key, source, value.substr(0, 2), 0, 23) < 0 ||
        to_int(key, source, value.substr(3), 0, 59) < 0)
      bad(key, source, "expected HH:MM (24-hour, the site's time zone), got '" + value + "'");
    c.bulletin_time = value;
  } else if (key == "weekly_day") {
    static const char* days[] = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
    bool known = false;
    for (auto* d : days) known = known || value == d;
    if (!known) bad(key, source, "expected a weekday in lower case (monday ... sunday), got '" + value + "'");
    c.weekly_day = value;
  } else if (key == "dkim_domain")
    c.dkim_domain = value;
  else if (key == "dkim_selector")
    c.dkim_selector = value;
  else if (key == "dkim_key_file")
    c.dkim_key_file = value;
  else if (key == "media_dir")
    c.media_dir = value;
  else if (key == "media_max_upload_mb")
    c.media_max_upload_mb = to_int(key, source, value, 1, 200);
  else if (key == "media_max_megapixels")
    c.media_max_megapixels = to_int(key, source, value, 1, 200);
  else
    bad(key, source, "unknown option");
}

}  // namespace

const std::vector<OptionInfo>& options() {
  static const std::vector<OptionInfo> table = {
      {"database", "GAZETTE_DB", "gazette.db",
       "Where the site is stored: an SQLite file path (created if missing), or a PostgreSQL database as a "
       "postgresql:// URL or libpq keywords (\"host=db dbname=news\"; PG* environment variables fill in the rest)."},
      {"listen", "GAZETTE_LISTEN", "127.0.0.1:8080", "Address and port the server listens on."},
      {"threads", "GAZETTE_THREADS", "0", "Server worker threads; 0 means one per CPU core."},
      {"site_name", "GAZETTE_SITE_NAME", "Gazette", "Publication name shown in pages and feeds."},
      {"site_description", "GAZETTE_SITE_DESCRIPTION", "News and analysis for people who run local government",
       "One-line description used in feeds and meta tags."},
      {"base_url", "GAZETTE_BASE_URL", "http://localhost:8080",
       "Public URL of the site, used in canonical links, feeds, sitemaps and emails. When it is not set, `serve` "
       "uses http:// and the address it listens on (127.0.0.1 as localhost); set it in production."},
      {"theme_dir", "GAZETTE_THEME_DIR", "",
       "Directory of templates overriding the built-in theme; empty uses the built-in one."},
      {"access_log", "GAZETTE_ACCESS_LOG", "true",
       "Write one JSON line per request (to access_log_file, else standard output)."},
      {"cache_max_age", "GAZETTE_CACHE_MAX_AGE", "60",
       "Seconds browsers and proxies may reuse a public page (Cache-Control max-age)."},
      {"cache_max_entries", "GAZETTE_CACHE_MAX_ENTRIES", "100000",
       "Rendered pages kept in memory (cache_max_mb bounds their bytes too); 0 disables the page cache."},
      {"cache_max_mb", "GAZETTE_CACHE_MAX_MB", "1024",
       "Memory the page cache may hold, in MiB (all three encodings of each page); the least recently used pages go "
       "first."},
      {"cache_stale_seconds", "GAZETTE_CACHE_STALE_SECONDS", "60",
       "How long a page made stale by a change may still be served while it is re-rendered in the background; "
       "past it a reader waits for the new page. Also sent as stale-while-revalidate."},
      {"render_threads", "GAZETTE_RENDER_THREADS", "1", "Background threads re-rendering stale pages."},
      {"max_connections", "GAZETTE_MAX_CONNECTIONS", "10000",
       "Open client connections at most; past it a new one is answered 503 and closed. Keep it under the "
       "process's file descriptor limit (ulimit -n)."},
      {"warm_pages", "GAZETTE_WARM_PAGES", "500",
       "On start, pages rendered before readers ask for them: home, sections and the pages most used before the last "
       "stop "
       "(kept in DB.hot beside a SQLite file); 0 turns it off."},
      {"access_log_file", "GAZETTE_ACCESS_LOG_FILE", "",
       "File the access log is appended to; empty writes it to standard output."},
      {"page_size", "GAZETTE_PAGE_SIZE", "20", "Articles per listing page."},
      {"sitemap_articles_per_file", "GAZETTE_SITEMAP_ARTICLES_PER_FILE", "49900",
       "URLs per child of the sitemap index /sitemap.xml (articles by id range, authors, tags, councils, jobs; at most "
       "49,900, under the protocol's 50,000)."},
      {"log_level", "GAZETTE_LOG_LEVEL", "info", "trace, debug, info, warn, error, critical or off."},
      {"timezone", "GAZETTE_TIMEZONE", "Europe/London",
       "The site's time zone (a zoneinfo name such as Europe/London or UTC): publication and update times are shown "
       "and typed in it, in the newsroom and to readers; when the bulletin goes and how its dates read."},
      {"smtp_url", "GAZETTE_SMTP_URL", "",
       "The relay the bulletin, job alerts and confirmation mails go through: smtp://host:port (STARTTLS per "
       "smtp_tls) or smtps://host:port. Empty: editions are prepared and previewed, nothing is sent."},
      {"smtp_username", "GAZETTE_SMTP_USERNAME", "", "User name for the relay (empty: no authentication)."},
      {"smtp_password", "GAZETTE_SMTP_PASSWORD", "", "Password for the relay."},
      {"smtp_tls", "GAZETTE_SMTP_TLS", "try", "STARTTLS with an smtp:// relay: none, try (when offered) or require."},
      {"mail_from", "GAZETTE_MAIL_FROM", "Gazette <bulletin@localhost>",
       "The From of every mail: \"Name <address>\"; its domain names Message-IDs and the List-Id."},
      {"mail_rate", "GAZETTE_MAIL_RATE", "10", "Messages a second handed to the relay, at most."},
      {"mail_concurrency", "GAZETTE_MAIL_CONCURRENCY", "2", "Connections to the relay at once."},
      {"bulletin_time", "GAZETTE_BULLETIN_TIME", "07:00",
       "When the daily bulletin and job alerts go each day (HH:MM in the site's time zone); \"off\": only when an "
       "editor sends them (newsroom or `gazette bulletin send`)."},
      {"weekly_day", "GAZETTE_WEEKLY_DAY", "monday", "The day the weekly digest goes, at bulletin_time."},
      {"dkim_domain", "GAZETTE_DKIM_DOMAIN", "", "DKIM signing domain (d=); signing is on when dkim_key_file is set."},
      {"dkim_selector", "GAZETTE_DKIM_SELECTOR", "", "DKIM selector (s=): the DNS name selector._domainkey.domain."},
      {"dkim_key_file", "GAZETTE_DKIM_KEY_FILE", "",
       "PEM file of the RSA private key that signs every mail (rsa-sha256); empty: mail is not signed."},
      {"media_dir", "GAZETTE_MEDIA_DIR", "",
       "Directory of uploaded pictures' resized files (served at /media/); empty uses DATABASE.media beside an "
       "SQLite file, and ./media on PostgreSQL (several nodes must share it)."},
      {"media_max_upload_mb", "GAZETTE_MEDIA_MAX_UPLOAD_MB", "20",
       "Largest picture file the newsroom accepts, in MiB (uploads to /newsroom/media may be this large; every other "
       "request body stays limited to 1 MiB)."},
      {"media_max_megapixels", "GAZETTE_MEDIA_MAX_MEGAPIXELS", "40",
       "Largest picture the newsroom accepts, in millions of pixels, checked before decoding (a small file that "
       "would unpack into gigabytes is refused)."},
  };
  return table;
}

bool zone_name_ok(const std::string& name) {
  if (name.empty() || name.size() > 64 || name.front() == '/' || name.find("..") != std::string::npos) return false;
  for (char ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '/' && ch != '_' && ch != '-' && ch != '+') return false;
  const char* dir = std::getenv("TZDIR");
  std::error_code ec;
  return std::filesystem::is_regular_file(std::filesystem::path(dir && *dir ? dir : "/usr/share/zoneinfo") / name, ec);
}

void validate(Config& c) {
  auto colon = c.listen.rfind(':');
  if (colon == std::string::npos || colon == 0) bad("listen", "value", "expected address:port, got '" + c.listen + "'");
  to_int("listen", "port", c.listen.substr(colon + 1), 0, 65535);
  while (!c.base_url.empty() && c.base_url.back() == '/') c.base_url.pop_back();
  if (!c.base_url.starts_with("http://") && !c.base_url.starts_with("https://"))
    bad("base_url", "value", "must start with http:// or https://");
  static const char* levels[] = {"trace", "debug", "info", "warn", "error", "critical", "off"};
  bool ok = false;
  for (auto* l : levels) ok = ok || c.log_level == l;
  if (!ok) bad("log_level", "value", "expected one of trace, debug, info, warn, error, critical, off");
  if (!zone_name_ok(c.timezone))
    bad("timezone", "value", "'" + c.timezone + "' is not a zone in the system's zoneinfo (try Europe/London or UTC)");
}

std::string Config::listen_host() const {
  return listen.substr(0, listen.rfind(':'));
}
unsigned short Config::listen_port() const {
  return static_cast<unsigned short>(std::stoi(listen.substr(listen.rfind(':') + 1)));
}

Config load(const std::string& toml_path) {
  Config c;
  if (!toml_path.empty()) {
    toml::table table;
    try {
      table = toml::parse_file(toml_path);
    } catch (const toml::parse_error& e) {
      throw std::runtime_error("cannot read configuration " + toml_path + ": " + std::string(e.description()) +
                               " (line " + std::to_string(e.source().begin.line) + ")");
    }
    for (const auto& [k, node] : table) {
      std::string key(k.str());
      std::string source = toml_path;
      if (auto s = node.value<std::string>())
        apply(c, key, *s, source);
      else if (auto b = node.value<bool>(); b && node.is_boolean())
        apply(c, key, *b ? "true" : "false", source);
      else if (auto i = node.value<int64_t>())
        apply(c, key, std::to_string(*i), source);
      else
        bad(key, source, "unsupported value type");
    }
  }
  for (const auto& opt : options())
    if (const char* v = std::getenv(opt.env)) apply(c, opt.key, v, std::string("environment ") + opt.env);
  validate(c);
  return c;
}

}  // namespace gazette::config
