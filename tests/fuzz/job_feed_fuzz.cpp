// Job feeds (`gazette import jobs`): Indeed-style XML, RSS and Atom, read and stored in a scratch database.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"
#include "importers/job_feed_importer.h"

using namespace gazette;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto report =
      importers::import_job_feed_text(fuzzing::scratch_db(), std::string(fuzzing::as_text(data, size)), "fuzz");
  if (!report.ok && report.error.empty()) __builtin_trap();  // a refusal always says why
  return 0;
}
