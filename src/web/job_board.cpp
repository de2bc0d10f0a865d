#include "web/job_board.h"

#include <boost/url/url.hpp>

#include <ctime>

#include "content/dependencies.h"
#include "content/text.h"
#include "jobs/categories.h"
#include "store/job_store.h"
#include "web/render_deps.h"

namespace gazette::web {

std::string jobs_search_path(const std::string& key, const std::string& value) {
  boost::urls::url u("/jobs");
  u.params().append({key, value});
  return std::string(u.buffer());
}

std::string job_path(const jobs::Job& j) {
  return "/jobs/" + std::to_string(j.id) + "/" + j.slug;
}

void fill_job_card(ctemplate::TemplateDictionary* d, const jobs::Job& j, std::int64_t now) {
  d->SetValue("TITLE", j.title);
  d->SetValue("URL", job_path(j));
  d->SetValue("EMPLOYER", j.employer);
  d->SetValue("EMPLOYER_URL", "/jobs/employers/" + j.employer_slug);
  if (!j.salary_text.empty()) d->SetValueAndShowSection("SALARY", j.salary_text, "HAS_SALARY");
  if (!j.location.empty()) d->SetValueAndShowSection("LOCATION", j.location, "HAS_LOCATION");
  if (!j.category.empty()) d->SetValueAndShowSection("CATEGORY", jobs::category_name(j.category), "HAS_CATEGORY");
  if (!j.closing_date.empty() && j.closes_at)
    d->SetValueAndShowSection("CLOSES", content::format_uk_date(*j.closes_at - 86400), "HAS_CLOSES");
  d->SetValue("POSTED", content::format_uk_date(j.posted_at));
  if (!j.is_live(now)) d->ShowSection("CLOSED");
  if (j.featured) d->ShowSection("FEATURED");
}

std::shared_ptr<const search::JobIndex> JobBoard::index() {
  const std::uint64_t version = version_.load(std::memory_order_acquire);
  std::lock_guard lock(index_mutex_);
  if (!index_ || index_version_ != version) {
    index_ = std::make_shared<const search::JobIndex>(store::JobStore(db_()).index_rows());
    index_version_ = version;
  }
  return index_;
}

void JobBoard::rebuild(store::Connection& conn) {
  try {
    auto fresh = std::make_shared<const search::JobIndex>(store::JobStore(conn).index_rows());
    std::lock_guard lock(index_mutex_);
    index_ = std::move(fresh);
    index_version_ = version_.fetch_add(1, std::memory_order_acq_rel) + 1;
  } catch (const std::exception&) {
    version_.fetch_add(1, std::memory_order_acq_rel);  // the next index() builds it
    throw;
  }
}

void JobBoard::fill_box(ctemplate::TemplateDictionary* d, std::int64_t council_id, const std::string& council_name,
                        const std::string& category) {
  const std::int64_t now = std::time(nullptr);
  // The same few boxes sit beside thousands of pages: each is worked out once per version of the job
  // index (a pass over every live advert, about a third of an article's render otherwise).
  const std::uint64_t version = version_.load(std::memory_order_acquire);
  const std::string memo_key = std::to_string(council_id) + "|" + category;
  Box box_content;
  bool known = false;
  {
    std::lock_guard lock(box_mutex_);
    if (box_version_ != version) {
      boxes_.clear();
      box_version_ = version;
    }
    if (auto it = boxes_.find(memo_key); it != boxes_.end()) {
      box_content = it->second;
      known = true;
    }
  }
  if (!known) {
    auto index = this->index();
    search::JobQuery q;
    q.page_size = 4;
    q.council_id = council_id;
    q.category = category;
    search::JobSearchResult result;
    // A box with neither a council nor a category is the latest jobs, and is headed so.
    if (council_id || !category.empty()) result = index->search(q, nullptr, now);
    if (!result.ids.empty()) {
      if (council_id) {
        box_content.heading = "Jobs at " + council_name;
        box_content.more_url = jobs_search_path("council", council_name);
        box_content.more_text = "All jobs at " + council_name;
      } else {
        box_content.heading = jobs::category_name(category) + " jobs";
        box_content.more_url = jobs_search_path("category", category);
        box_content.more_text = "All " + jobs::category_name(category) + " jobs";
      }
    } else {
      // Nothing of that council or category: say so rather than mislabel other jobs.
      search::JobQuery latest;
      latest.page_size = 4;
      result = index->search(latest, nullptr, now);
      box_content.heading = "Latest jobs";
      box_content.more_url = "/jobs";
      box_content.more_text = "All jobs";
      box_content.latest = true;
    }
    box_content.ids = std::move(result.ids);
    std::lock_guard lock(box_mutex_);
    if (box_version_ == version && boxes_.size() < 10000) boxes_[memo_key] = box_content;
  }
  // The box changes when an advert it shows closes (job names), or when a new one would join it.
  if (council_id) RenderDeps::add(content::deps::council_jobs(council_id));
  if (!category.empty()) RenderDeps::add(content::deps::kJobs);
  if (box_content.latest) RenderDeps::add(content::deps::kLatestJobs);
  if (box_content.ids.empty()) return;
  auto* box = d->AddIncludeDictionary("JOBS_BOX");
  box->SetFilename("job_box.tpl");
  box->SetValue("HEADING", box_content.heading);
  box->SetValue("MORE_URL", box_content.more_url);
  box->SetValue("MORE_TEXT", box_content.more_text);
  store::JobStore store(db_());
  for (std::int64_t id : box_content.ids) RenderDeps::add(content::deps::job(id));
  for (const auto& j : store.by_ids(box_content.ids)) fill_job_card(box->AddSectionDictionary("BOX_JOBS"), j, now);
}

}  // namespace gazette::web
