#include <iostream>

#include "cli/commands.h"
#include "store/migrations.h"

namespace gazette::cli {

void register_migrate(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand("migrate", "Create the database or bring its schema up to date");
  cmd->callback([&g] {
    auto cfg = g.load();
    try {
      store::MigrationResult r;
      open_database(cfg, true, &r);
      if (r.from_version == r.to_version)
        std::cout << cfg.db << ": schema is up to date (version " << r.to_version << ")\n";
      else
        std::cout << cfg.db << ": migrated schema from version " << r.from_version << " to " << r.to_version << "\n";
    } catch (const std::exception& e) {
      std::cerr << "gazette migrate: " << e.what() << "\n";
      g.exit_code = 1;
    }
  });
}

}  // namespace gazette::cli
