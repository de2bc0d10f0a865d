// `gazette related refresh`: computes the stored related reading ("You may have missed") of articles
// waiting for it. A running `serve` does this in the background for new and edited articles; this
// command is for an archive just imported or upgraded (every article then waits).
#include <iostream>

#include "cli/commands.h"
#include "search/related.h"
#include "store/related_store.h"

namespace gazette::cli {

void register_related(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand("related", "Related reading (\"You may have missed\") stored with each article");
  cmd->require_subcommand(1);
  auto* refresh = cmd->add_subcommand("refresh", "Compute the related reading of articles waiting for it");
  static std::int64_t limit = 0;
  refresh->add_option("--limit", limit, "At most this many articles (default: all that wait)")
      ->check(CLI::NonNegativeNumber);
  refresh->footer(
      "New and edited articles go first, then the most recently published. Each article takes about 10-20 ms on a "
      "100,000-article archive; batches of 50 commit on\n"
      "their own, so it can be stopped and run again. Until an article's list is stored, its\n"
      "page computes one when it renders. Progress goes to stderr.");
  refresh->callback([&g] {
    auto cfg = g.load();
    try {
      auto db = open_database(cfg, true);
      const std::int64_t waiting = store::RelatedStore(*db).pending_count();
      const std::int64_t to_compute = limit > 0 ? std::min(limit, waiting) : waiting;
      auto done = search::refresh_related(*db, to_compute, 0, [&](std::int64_t n) {
        std::cerr << "\rrelated reading: " << n << " of " << to_compute << " articles" << std::flush;
      });
      if (done > 0) std::cerr << "\n";
      std::cout << cfg.db << ": related reading stored for " << done << " articles; "
                << store::RelatedStore(*db).pending_count() << " still waiting\n";
    } catch (const std::exception& e) {
      std::cerr << "gazette related refresh: " << e.what() << "\n";
      g.exit_code = 1;
    }
  });
}

}  // namespace gazette::cli
