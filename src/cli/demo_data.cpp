#include <chrono>
#include <ctime>
#include <iostream>

#include "cli/commands.h"
#include "content/article_service.h"
#include "demo/demo_data.h"
#include "demo/demo_jobs.h"
#include "importers/job_writer.h"
#include "store/content_store.h"
#include "store/migrations.h"

namespace gazette::cli {

void register_demo_data(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand("demo-data",
                                 "Generate a synthetic archive of articles (and job adverts) for demos and benchmarks");
  static int articles = 500;
  static int job_count = 0;
  static std::uint64_t seed = 1;
  static bool quiet = false;
  cmd->add_option("--articles", articles, "How many articles to generate")
      ->check(CLI::Range(0, 5'000'000))
      ->capture_default_str();
  cmd->add_option("--jobs", job_count, "How many job adverts to generate (after the articles)")
      ->check(CLI::Range(0, 5'000'000))
      ->capture_default_str();
  cmd->add_option("--seed", seed, "Random seed: the same seed gives the same archive")->capture_default_str();
  cmd->add_flag("--quiet", quiet, "No progress output");
  cmd->footer(
      "Articles already present (same headline and date) and adverts already present (same reference,\n"
      "demo-<n>) are skipped, so re-running adds nothing.");
  cmd->callback([&g] {
    if (articles == 0 && job_count == 0) {
      std::cerr << "gazette demo-data: nothing to generate: --articles and --jobs are both 0 (give either a number "
                   "above 0)\n";
      g.exit_code = 2;
      return;
    }
    auto cfg = g.load();
    try {
      auto db = open_database(cfg, quiet);
      const std::int64_t now = std::time(nullptr);
      demo::DemoGenerator gen(seed, now - 3600);
      store::ContentStore content(*db);
      if (articles > 0) {
        store::Transaction tx(*db);
        int position = 10;
        for (const auto& s : gen.sections()) content.ensure_section(s.name, s.description, position += 10);
        for (const auto& a : gen.authors()) content.save_author_profile(a);
        tx.commit();
      }
      auto start = std::chrono::steady_clock::now();
      int added = 0;
      constexpr int kBatch = 5000;  // one transaction per batch: fast, and progress survives an interrupt
      for (int done = 0; done < articles;) {
        store::Transaction tx(*db);
        for (int i = 0; i < kBatch && done < articles; ++i, ++done) {
          if (content::ArticleService(*db).create(gen.next(), now).status == content::WriteStatus::saved) ++added;
        }
        tx.commit();
        if (!quiet) std::cerr << "\rgenerated " << done << " / " << articles << " articles" << std::flush;
      }
      double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (!quiet && articles > 0) std::cerr << "\n";
      if (articles > 0)
        std::cout << cfg.db << ": " << added << " articles added (" << (articles - added) << " already present) in "
                  << secs << " s\n";

      if (job_count > 0) {
        demo::DemoJobGenerator job_gen(seed, now - 3600);
        start = std::chrono::steady_clock::now();
        int jobs_added = 0;
        for (int done = 0; done < job_count;) {
          store::Transaction tx(*db);
          for (int i = 0; i < kBatch && done < job_count; ++i, ++done)
            if (importers::save_job(*db, job_gen.next(), now) == store::SaveOutcome::added) ++jobs_added;
          tx.commit();
          if (!quiet) std::cerr << "\rgenerated " << done << " / " << job_count << " job adverts" << std::flush;
        }
        secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (!quiet) std::cerr << "\n";
        std::cout << cfg.db << ": " << jobs_added << " job adverts added (" << (job_count - jobs_added)
                  << " already present) in " << secs << " s\n";
      }
    } catch (const std::exception& e) {
      std::cerr << "\ngazette demo-data: " << e.what() << "\n";
      g.exit_code = 1;
    }
  });
}

}  // namespace gazette::cli
