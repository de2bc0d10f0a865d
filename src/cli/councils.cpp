// `gazette councils detect`: council mentions in text read from stdin, one JSON object per line.
#include <boost/json.hpp>
#include <iostream>
#include <iterator>
#include <string>

#include "cli/commands.h"
#include "councils/detector.h"
#include "councils/register.h"
#include "councils/tagging.h"

namespace gazette::cli {

void register_councils(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand("councils", "UK councils register tools");
  cmd->require_subcommand(1);
  auto* detect = cmd->add_subcommand("detect", "Find UK council mentions in text read from stdin (UTF-8)");
  detect->footer(
      "Reads all of stdin and prints one JSON object per council mention, in order of appearance:\n"
      "  {\"gss_code\":\"E08000007\",\"official_name\":\"Stockport Metropolitan Borough Council\",\n"
      "   \"matched_text\":\"Stockport MBC\",\"offset\":0}\n"
      "offset is in bytes from the start of the input. Recognises official names and the usual\n"
      "trade-press forms (\"Southwark LBC\", \"Essex CC\", \"Leeds City Council\", \"Manchester council\");\n"
      "a bare place name (\"Manchester\", \"in Essex\") is not a council mention. Only councils with a\n"
      "GSS code are reported. Exit status: 0 (also when nothing is found), 1 on an internal error.");
  detect->callback([&g] {
    std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    try {
      // Built per run: the CLI detects once per process, so a process-wide cache would buy nothing.
      const councils::CouncilDetector detector(councils::builtin_register());
      for (const auto& m : detector.detect(text)) {
        boost::json::object o{{"gss_code", m.gss_code},
                              {"official_name", m.official_name},
                              {"matched_text", m.matched_text},
                              {"offset", m.offset}};
        std::cout << boost::json::serialize(o) << "\n";
      }
    } catch (const std::exception& e) {
      std::cerr << "gazette councils detect: " << e.what() << "\n";
      g.exit_code = 1;
    }
  });

  auto* retag = cmd->add_subcommand("retag", "Detect council mentions in every stored article again and relink them");
  retag->footer(
      "Run after upgrading Gazette (the detector improves) or importing with an older version.\n"
      "Each batch of 2,000 articles commits on its own; progress goes to stderr.");
  retag->callback([&g] {
    auto cfg = g.load();
    try {
      auto db = open_database(cfg);
      auto done =
          councils::retag_all(*db, [](std::int64_t n) { std::cerr << "\rtagged " << n << " articles" << std::flush; });
      std::cerr << "\n";
      std::cout << cfg.db << ": council links rebuilt for " << done << " articles\n";
    } catch (const std::exception& e) {
      std::cerr << "gazette councils retag: " << e.what() << "\n";
      g.exit_code = 1;
    }
  });
}

}  // namespace gazette::cli
