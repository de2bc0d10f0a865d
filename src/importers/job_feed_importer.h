// Imports Indeed-style XML job feeds (<source><job>...</job></source>), the format aggregators and
// applicant-tracking systems exchange, and the one Gazette's own /jobs/feed.xml publishes.
#pragma once

#include <string>
#include <vector>

#include "jobs/job.h"
#include "store/connection.h"

namespace gazette::importers {

struct JobFeedReport {
  std::string file;
  bool ok = false;
  std::string error;  // the line and reason a feed was rejected (nothing was written)
  int jobs = 0, added = 0, already_present = 0;
};

// All or nothing: a feed that is not well-formed XML (a bare '&' included, which pugixml alone
// would accept), or has a <job> without a title, reference or company, or with a date that cannot be
// read, is rejected with the line and reason and writes nothing. Besides Indeed-style <source> feeds,
// RSS <item>s and Atom <entry>s are read as adverts (employer from <company>/<employer>, else the
// author). HTML descriptions are kept through content::sanitise_html; <location> is read when there
// is no <city>.
JobFeedReport import_job_feed_file(store::Connection& db, const std::string& path);
JobFeedReport import_job_feed_text(store::Connection& db, const std::string& xml, const std::string& source);

// Stores adverts another reader has collected, in one transaction (all or nothing).
JobFeedReport store_adverts(store::Connection& db, const std::vector<jobs::JobInput>& inputs,
                            const std::string& source);

}  // namespace gazette::importers
