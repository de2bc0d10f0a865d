// gazette: one binary for serving, importing and maintaining a Gazette site.
#include <spdlog/spdlog.h>

#include <iostream>
#include <string>

#include "cli/commands.h"

namespace {

// A word where a subcommand was expected that names none ("gazette frobnicate", "gazette import
// frobnicate"): CLI11 reports only that a subcommand is required. Prints the unknown command and the
// commands there are, and returns true; false for any other parse error.
bool report_unknown_command(const CLI::App& app) {
  const CLI::App* at = &app;
  std::string path = "gazette";
  for (auto chosen = at->get_subcommands(); !chosen.empty(); chosen = at->get_subcommands()) {
    at = chosen.front();
    path += " " + at->get_name();
  }
  const auto all = at->get_subcommands([](const CLI::App* sub) { return !sub->get_name().empty(); });
  const auto extra = at->remaining();
  if (all.empty() || extra.empty() || extra.front().empty() || extra.front()[0] == '-') return false;
  std::string names;
  for (const auto* sub : all) names += (names.empty() ? "" : ", ") + sub->get_name();
  std::cerr << path << ": unknown command '" << extra.front() << "'; commands: " << names << " (" << path
            << " --help)\n";
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "Gazette: a publishing platform for trade press.\n"
      "Configuration comes from --config FILE (TOML), then GAZETTE_* environment variables;\n"
      "see `gazette config --help`.",
      "gazette"};
  app.set_version_flag("--version", GAZETTE_VERSION);
  gazette::cli::Globals globals;
  app.add_option("--config", globals.config_path, "TOML configuration file")->check(CLI::ExistingFile);
  app.add_option("--db", globals.db_override,
                 "Database: an SQLite file or a postgresql:// URL (overrides config and GAZETTE_DB)");
  app.require_subcommand(1);
  gazette::cli::register_serve(app, globals);
  gazette::cli::register_migrate(app, globals);
  gazette::cli::register_import(app, globals);
  gazette::cli::register_demo_data(app, globals);
  gazette::cli::register_config(app, globals);
  gazette::cli::register_councils(app, globals);
  gazette::cli::register_salary(app, globals);
  gazette::cli::register_users(app, globals);
  gazette::cli::register_related(app, globals);
  gazette::cli::register_jobs(app, globals);
  gazette::cli::register_backup(app, globals);
  gazette::cli::register_bulletin(app, globals);
  gazette::cli::register_db(app, globals);
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // An unknown command is a usage error: exit status 2, as for a bad configuration.
    if (e.get_exit_code() != 0 && report_unknown_command(app)) return 2;
    return app.exit(e);
  }
  return globals.exit_code;
}
