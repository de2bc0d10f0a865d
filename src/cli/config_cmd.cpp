#include <iostream>

#include "cli/commands.h"

namespace gazette::cli {

void register_config(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand(
      "config", "Show every configuration option, its environment variable, default and current value");
  static bool markdown = false;
  cmd->add_flag("--markdown", markdown, "Print the option table as Markdown (docs/configuration.md)");
  cmd->callback([&g] {
    if (markdown) {
      std::cout << "| option (TOML key) | environment variable | default | meaning |\n|---|---|---|---|\n";
      for (const auto& o : config::options())
        std::cout << "| `" << o.key << "` | `" << o.env << "` | "
                  << (*o.fallback ? "`" + std::string(o.fallback) + "`" : std::string("(empty)")) << " | " << o.help
                  << " |\n";
      return;
    }
    auto cfg = g.load();
    std::cout << "database = \"" << cfg.db << "\"\nlisten = \"" << cfg.listen << "\"\nthreads = " << cfg.threads
              << "\nsite_name = \"" << cfg.site_name << "\"\nsite_description = \"" << cfg.site_description
              << "\"\nbase_url = \"" << cfg.base_url << "\"\ntheme_dir = \"" << cfg.theme_dir
              << "\"\naccess_log = " << (cfg.access_log ? "true" : "false") << "\ncache_max_age = " << cfg.cache_max_age
              << "\ncache_max_entries = " << cfg.cache_max_entries << "\npage_size = " << cfg.page_size
              << "\nsitemap_articles_per_file = " << cfg.sitemap_articles_per_file << "\nlog_level = \""
              << cfg.log_level << "\"\n";
  });
}

}  // namespace gazette::cli
