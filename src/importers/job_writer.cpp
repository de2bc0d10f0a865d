#include "importers/job_writer.h"

#include "councils/tagging.h"
#include "jobs/advert_checks.h"
#include "store/council_store.h"
#include "store/job_store.h"

namespace gazette::importers {

store::SaveOutcome save_job(store::Connection& db, const jobs::JobInput& in, std::int64_t now) {
  jobs::Job job = jobs::prepare_job(in, now);
  // An application address that is no http(s) address (a "javascript:" link, a relative path) or an
  // email that is no address is dropped: the job page shows the others as its Apply button.
  if (!job.apply_url.empty() && !jobs::is_web_address(job.apply_url)) job.apply_url.clear();
  if (!job.apply_email.empty() && !jobs::is_email_address(job.apply_email)) job.apply_email.clear();
  // An employer is a council when its name is one ("Essex County Council"); a joint advert
  // ("London Borough of X and London Borough of Y") is linked to the first.
  std::int64_t council_id = 0;
  auto mentions = councils::default_detector().detect(in.employer);
  if (!mentions.empty()) council_id = store::CouncilStore(db).id_by_gss(mentions.front().gss_code);
  return store::JobStore(db).save(job, council_id);
}

}  // namespace gazette::importers
