// Job categories for the jobs board: a controlled vocabulary for UK local-government jobs, and a
// classifier that files an advert under one of them from its title and description.
//
// Contract
//   - categories() is a fixed list built once (thread-safe static initialisation); the order is the
//     display order. Slugs are stable URL segments: never rename one, add a new one instead.
//   - classify_job is a pure function: no I/O, no global mutable state, safe from any thread, never
//     throws (apart from std::bad_alloc), accepts any bytes. Cost is linear in the text length times
//     the size of the keyword table.
//   - The keyword table is data/jobs/categories.tsv (format in its header), compiled into the binary
//     and parsed on the first classify_job call (thread-safe static initialisation). A missing or
//     malformed table is a build defect: that call throws std::runtime_error naming the file and line.
//   - It never forces a guess: when no category has convincing evidence, or two are nearly tied
//     ("Social Worker" with no context: adults or children?), the slug is empty and score is 0.
//   - Decisions worth knowing:
//       * Director-level posts (chief executive, "Director of ...", assistant/corporate directors) go
//         to senior management whatever the service: that is how senior candidates search.
//       * Environmental health officers go to Environment (regulatory services / public protection);
//         Public health is the Director of Public Health's team (health improvement, commissioning).
//       * SEND and school posts go to Education; children's social care, early help and fostering to
//         Children's services.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gazette::jobs {

struct Category {
  std::string slug;  // "highways-transport"
  std::string name;  // "Highways & transport"
};

const std::vector<Category>& categories();

// Returns the category's name, or an empty string for an unknown slug.
std::string category_name(std::string_view slug);

// The job category whose adverts belong beside a news section: the category of the same slug
// ("housing"), else the one data/jobs/section_categories.tsv names for the section ("social-care" ->
// "adult-social-care"), else "" (a general section such as "news": its box shows the latest jobs).
// Throws std::runtime_error if that table is malformed (a build defect), like classify_job.
std::string category_for_section(std::string_view section_slug);

struct Classification {
  std::string slug;  // empty when nothing is convincing
  double score = 0;  // the winner's weighted evidence (title matches count 4x description ones); 0 if none
};

// Minimum evidence for a category, and the lead it needs over the runner-up.
inline constexpr double kMinCategoryScore = 4.0;
inline constexpr double kMinCategoryMargin = 2.0;

Classification classify_job(std::string_view title, std::string_view description);

}  // namespace gazette::jobs
