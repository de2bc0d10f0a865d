#include <iostream>

#include "cli/commands.h"
#include "content/site_time.h"

namespace gazette::cli {

config::Config Globals::load() const {
  try {
    config::Config c = config::load(config_path);
    if (!db_override.empty()) c.db = db_override;
    // Before any thread starts: the zone of every time shown or typed (content/site_time.h).
    if (!content::set_site_zone(c.timezone)) throw std::runtime_error("unknown timezone '" + c.timezone + "'");
    return c;
  } catch (const std::exception& e) {
    std::cerr << "gazette: " << e.what() << "\n";
    throw CLI::RuntimeError(2);
  }
}

}  // namespace gazette::cli
