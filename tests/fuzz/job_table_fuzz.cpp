// CSV and TSV job tables (`gazette import jobs FILE.csv`). The first byte picks the delimiter.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"
#include "importers/job_table_importer.h"

using namespace gazette;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const char delimiter = (data[0] & 1) ? '\t' : ',';
  std::string text(fuzzing::as_text(data + 1, size - 1));
  auto report = importers::import_job_table_text(fuzzing::scratch_db(), text, delimiter, {}, "fuzz");
  if (!report.feed.ok && report.feed.error.empty()) __builtin_trap();
  std::string error;
  (void)importers::parse_column_map(text.substr(0, 200), error);
  return 0;
}
