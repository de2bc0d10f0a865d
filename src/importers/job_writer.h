// Stores job adverts from any importer: completes them (salary, category, closing date) and links
// the employer to a council when its name is one. Call inside a Transaction.
#pragma once

#include <cstdint>

#include "jobs/job.h"
#include "store/connection.h"
#include "store/content_store.h"

namespace gazette::importers {

store::SaveOutcome save_job(store::Connection& db, const jobs::JobInput& in, std::int64_t now);

}  // namespace gazette::importers
