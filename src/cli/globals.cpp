#include <iostream>

#include "cli/commands.h"

namespace gazette::cli {

config::Config Globals::load() const {
  try {
    config::Config c = config::load(config_path);
    if (!db_override.empty()) c.db = db_override;
    return c;
  } catch (const std::exception& e) {
    std::cerr << "gazette: " << e.what() << "\n";
    throw CLI::RuntimeError(2);
  }
}

}  // namespace gazette::cli
