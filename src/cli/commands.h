// The `gazette` subcommands, one file each. Each register_* adds its subcommand to the app; the
// callback runs when that subcommand is chosen and sets the process exit code.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "config/config.h"
#include "mail/sender.h"
#include "store/connection.h"
#include "store/migrations.h"

namespace gazette::cli {

// Options every command shares.
struct Globals {
  std::string config_path;  // --config
  std::string db_override;  // --db
  int exit_code = 0;

  // Loads the configuration (file, environment, then --db); prints the error and throws CLI::RuntimeError(2).
  config::Config load() const;
};

void register_serve(CLI::App& app, Globals& g);
void register_migrate(CLI::App& app, Globals& g);
void register_import(CLI::App& app, Globals& g);
void register_demo_data(CLI::App& app, Globals& g);
void register_config(CLI::App& app, Globals& g);
void register_councils(CLI::App& app, Globals& g);
void register_salary(CLI::App& app, Globals& g);
void register_users(CLI::App& app, Globals& g);
void register_related(CLI::App& app, Globals& g);
void register_jobs(CLI::App& app, Globals& g);
void register_backup(CLI::App& app, Globals& g);
void register_bulletin(CLI::App& app, Globals& g);
void register_db(CLI::App& app, Globals& g);

// Opens the configured database, applies pending migrations and loads the councils register.
// Throws store::Error (or std::runtime_error) with a message naming the problem.
// `migrated` (optional) receives the schema versions before and after.
std::unique_ptr<store::Connection> open_database(const config::Config& cfg, bool quiet = false,
                                                 store::MigrationResult* migrated = nullptr);

// Opens the configured database for reading only, for a process that cannot (or, with `serve
// --read-only`, must not) write it: no migrations, no councils register sync. Points cfg.db at the
// read-only address (store::read_only_address) so every later connection reads only. Throws
// store::Error when the database is not a file, does not exist, or its schema is not the current one
// (it cannot be migrated without writing).
std::unique_ptr<store::Connection> open_database_read_only(config::Config& cfg);

// The sender's settings from the configuration: relay, From, DKIM key (read from dkim_key_file and
// checked), rate, links. Throws std::runtime_error naming the bad option.
mail::SenderSettings mail_settings(const config::Config& cfg, store::Connection& db);
mail::Schedule mail_schedule(const config::Config& cfg);

// True when the configured database is an existing file this process cannot write (store::writable).
bool database_read_only(const config::Config& cfg);
}  // namespace gazette::cli
