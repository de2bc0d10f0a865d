// WordPress exports (`gazette import wordpress`), imported into a scratch database without media.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"
#include "importers/wxr_importer.h"

using namespace gazette;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  importers::WxrOptions options;
  (void)importers::import_wxr_text(fuzzing::scratch_db(), std::string(fuzzing::as_text(data, size)), "fuzz", options);
  return 0;
}
