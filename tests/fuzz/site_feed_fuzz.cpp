// An old site's RSS or Atom feed (`gazette import feed`), imported into a scratch database.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"
#include "importers/feed_importer.h"

using namespace gazette;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)importers::import_article_feed_text(fuzzing::scratch_db(), std::string(fuzzing::as_text(data, size)), "fuzz",
                                            "News");
  return 0;
}
