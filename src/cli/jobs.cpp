// `gazette jobs close ID...`: closes live adverts (they leave listings, feeds and sitemaps at once;
// a running server is told through the change log).
#include <ctime>
#include <iostream>
#include <vector>

#include "cli/commands.h"
#include "store/job_store.h"

namespace gazette::cli {

void register_jobs(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand("jobs", "Job adverts");
  cmd->require_subcommand(1);
  auto* close = cmd->add_subcommand("close", "Close live adverts by id (the number in /jobs/ID/slug)");
  static std::vector<std::int64_t> ids;
  close->add_option("ID", ids, "Advert ids")->required()->check(CLI::PositiveNumber);
  close->footer(
      "Exit status: 0 when every advert was closed, 3 when one was not live or does not exist\n"
      "(the others are still closed), 1 on a database error.");
  close->callback([&g] {
    auto cfg = g.load();
    try {
      auto db = open_database(cfg, true);
      const std::int64_t now = std::time(nullptr);
      for (std::int64_t id : ids) {
        store::Transaction tx(*db);
        if (store::JobStore(*db).close(id, now)) {
          tx.commit();
          std::cout << "closed advert " << id << "\n";
        } else {
          std::cerr << "gazette jobs close: no live advert " << id << "\n";
          g.exit_code = 3;
        }
      }
    } catch (const std::exception& e) {
      std::cerr << "gazette jobs close: " << e.what() << "\n";
      g.exit_code = 1;
    }
  });
}

}  // namespace gazette::cli
