// Synthetic job adverts for demos and benchmarks: UK council vacancies across every job category
// (titles, real council employers, towns and regions, salary lines in the many formats councils use,
// contract and hours, a Markdown description with duties, the council, benefits and a closing date).
// All prose is composed by the generator from its own word lists (data/demo/, compiled into the binary);
// employers are councils from the embedded councils register. Deterministic for a given seed.
// Not thread-safe per instance; use one generator per thread. The word lists are parsed once, when the
// first generator is constructed (thread-safe); a missing, empty or malformed list makes that
// constructor throw std::runtime_error naming the file.
#pragma once

#include <cstdint>
#include <memory>

#include "jobs/job.h"

namespace gazette::demo {

class DemoJobGenerator {
 public:
  // `seed` fixes the output; `newest` is the Unix time of the most recent advert: adverts are spread
  // backwards from it, about 100 each weekday and a handful at weekends, newest first. Each closes
  // 2-6 weeks after it was posted, so older adverts are already closed relative to `newest`.
  DemoJobGenerator(std::uint64_t seed, std::int64_t newest);
  ~DemoJobGenerator();
  DemoJobGenerator(DemoJobGenerator&&) noexcept;
  DemoJobGenerator& operator=(DemoJobGenerator&&) noexcept;

  // The next advert. `category` holds the intended category slug (as an advertiser's feed would);
  // `reference` is "demo-<n>", n counting from 1, so references are unique within a run.
  jobs::JobInput next();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gazette::demo
