// Closing dates for job adverts, read from the advert's prose: "Closing date: Friday 20th March 2015",
// "Closing date 20/03/2015", "closes on 3 April", "Deadline for applications: 31st May 2024".
//
// Contract
//   - Pure function: no I/O, no global mutable state, safe from any thread, never throws (apart from
//     std::bad_alloc), accepts any bytes. Linear in the text length.
//   - Only a date that follows a closing cue ("closing", "closes", "close on", "deadline", "apply by",
//     "no later than", "received by", ...) within a short window counts. Other dates in the text
//     ("Interviews will be held on 10 June", "start date 1 September") are never taken; the window
//     also stops at words that introduce other dates ("interview", "shortlisting", "start").
//   - The first cue that is followed by a readable date wins.
//   - Numeric dates are UK day-first (20/03/2015, 20.03.15, 20-03-2015); ISO 2024-05-31 is read too.
//     Two-digit years are 20xx.
//   - A date without a year ("closes on 3 April") is the first such date on or after `posted`.
//     A date with a year is returned as written, even if it is before `posted` (a stale advert).
//   - Weekday names are ignored (not checked against the date). Impossible dates (31 June) are skipped.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace gazette::jobs {

std::optional<std::chrono::year_month_day> find_closing_date(std::string_view text, std::chrono::year_month_day posted);

}  // namespace gazette::jobs
