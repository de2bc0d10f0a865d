// Saved listing pages (`gazette import listing`): the text parser, bylines and the UTF-8 check.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"
#include "importers/listing_parser.h"

using namespace gazette;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto text = fuzzing::as_text(data, size);
  if (importers::first_invalid_utf8_line(text) != 0) return 0;  // the importer refuses such files first
  auto parsed = importers::parse_listing(text);
  (void)parsed;
  (void)importers::extract_bylines(text);
  return 0;
}
