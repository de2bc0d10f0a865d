#include "store/change_store.h"

#include "store/article_rows.h"

#include <algorithm>

#include "content/dependencies.h"

namespace gazette::store {

namespace deps = content::deps;

std::int64_t ChangeStore::record(std::vector<std::string> names, std::int64_t now) {
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::int64_t seq = 0;
  db_.query("change_insert", {now, deps::join(names)}, [&](const Row& r) { seq = r.int64(0); });
  if (seq > kKeep && seq % 1000 == 0) db_.exec("changes_prune", {seq - kKeep});
  return seq;
}

std::vector<Change> ChangeStore::since(std::int64_t seq, int limit) {
  std::vector<Change> out;
  db_.query("changes_since", {seq, std::int64_t{limit}}, [&](const Row& r) {
    out.push_back({r.int64(0), deps::split(r.text(1))});
  });
  return out;
}

std::vector<Change> ChangeStore::by_seqs(const std::vector<std::int64_t>& seqs) {
  std::vector<Change> out;
  if (seqs.empty()) return out;
  const std::string list = id_list(seqs);
  db_.query("changes_by_seqs", {list}, [&](const Row& r) { out.push_back({r.int64(0), deps::split(r.text(1))}); });
  return out;
}

std::int64_t ChangeStore::last_seq() {
  return db_.scalar("changes_last_seq", {}, 0);
}

bool ChangeStore::gap_after(std::int64_t seq) {
  const std::int64_t first = db_.scalar("changes_first_seq_after", {seq}, 0);
  return first > seq + 1;
}

std::vector<std::string> ChangeStore::article_names(std::int64_t id) {
  std::vector<std::string> names{deps::article(id), deps::related(id), std::string(deps::kLatest),
                                 std::string(deps::kCouncils), deps::sitemap_bucket_of(id)};
  auto links = article_links(id);
  names.insert(names.end(), links.begin(), links.end());
  return names;
}

std::vector<std::string> ChangeStore::article_links(std::int64_t id) {
  std::vector<std::string> names;
  db_.query("article_dependency_links", {id}, [&](const Row& r) {
    const std::string kind = r.text(0);
    const std::int64_t link = r.int64(1);
    if (kind == "s")
      names.push_back(deps::section(link));
    else if (kind == "u")
      names.push_back(deps::author(link));
    else if (kind == "t")
      names.push_back(deps::tag(link));
    else if (kind == "c")
      names.push_back(deps::council(link));
  });
  return names;
}

std::vector<std::string> ChangeStore::job_names(std::int64_t id, bool added) {
  std::vector<std::string> names{deps::job(id), std::string(deps::kJobs)};
  if (added) names.emplace_back(deps::kLatestJobs);
  db_.query("job_dependency_fields", {id}, [&](const Row& r) {
    names.push_back(deps::employer(r.int64(0)));
    if (added && r.int64(1) != 0) names.push_back(deps::council_jobs(r.int64(1)));
  });
  return names;
}

}  // namespace gazette::store
