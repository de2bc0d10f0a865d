// Synthetic archive generator for demos and benchmarks: articles in the register of UK local-government
// trade press (sections, authors with roles and bios, tags, council names, bodies of realistic length).
// All prose is composed by the generator from its own word lists (data/demo/, compiled into the binary)
// and councils from the embedded councils register. Deterministic for a given seed.
// Not thread-safe per instance; use one generator per thread. The word lists are parsed once, when the
// first generator is constructed (thread-safe); a missing, empty or malformed list makes that
// constructor throw std::runtime_error naming the file.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "content/article.h"

namespace gazette::demo {

class DemoGenerator {
 public:
  // `seed` fixes the output; `newest` is the Unix time of the most recent article: articles are spread
  // backwards from it, a few per day, newest first.
  DemoGenerator(std::uint64_t seed, std::int64_t newest);
  ~DemoGenerator();

  // The authors the generator writes as, with roles and bios (about 40).
  const std::vector<content::AuthorProfile>& authors() const;

  // The sections it uses, with descriptions: News, Comment, Features, Best practice, Interviews, Analysis.
  const std::vector<content::Section>& sections() const;

  // The next article. Headlines are unique across a run of at least 1,000,000 articles.
  content::ArticleInput next();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gazette::demo
