// gazette: one binary for serving, importing and maintaining a Gazette site.
#include <spdlog/spdlog.h>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "Gazette: a publishing platform for trade press.\n"
      "Configuration comes from --config FILE (TOML), then GAZETTE_* environment variables;\n"
      "see `gazette config --help`.",
      "gazette"};
  app.set_version_flag("--version", GAZETTE_VERSION);
  gazette::cli::Globals globals;
  app.add_option("--config", globals.config_path, "TOML configuration file")->check(CLI::ExistingFile);
  app.add_option("--db", globals.db_override, "Database file (overrides config and GAZETTE_DB)");
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
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return globals.exit_code;
}
