#include "search/related.h"

#include <ctime>

#include "content/dependencies.h"
#include "store/change_store.h"
#include "store/content_store.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <string>
#include <unordered_map>

#include "store/related_store.h"

namespace gazette::search {
namespace {

std::set<std::string> words(std::string_view text) {
  std::set<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (cur.size() >= 3) out.insert(cur);
    cur.clear();
  };
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c >= 0x80)
      cur.push_back(static_cast<char>(std::tolower(c)));
    else
      flush();
  }
  flush();
  return out;
}

// Words too common in this sector's headlines to say what a story is about.
bool is_stopword(const std::string& w) {
  static const std::set<std::string> stop = {
      "the",   "and",        "for",   "with", "from", "that",  "this", "are",   "was",     "were",
      "has",   "have",       "its",   "into", "over", "after", "new",  "how",   "why",     "what",
      "who",   "can",        "will",  "not",  "but",  "our",   "your", "their", "council", "councils",
      "local", "government", "says",  "say",  "plan", "plans", "more", "less",  "than",    "out",
      "amid",  "back",       "calls", "call", "set",  "sets",  "way",  "time",  "year",    "years"};
  return stop.count(w) > 0;
}

// The headline's three rarest words (stopwords and numbers aside), any of which a related article's
// headline shares; their document counts go to `frequencies` in the same order.
store::TextQuery key_terms_query(store::RelatedStore& store, std::string_view headline,
                                 std::vector<std::int64_t>* frequencies = nullptr) {
  std::vector<std::pair<std::int64_t, std::string>> scored;
  for (const auto& w : words(headline)) {
    if (is_stopword(w) || std::isdigit(static_cast<unsigned char>(w[0]))) continue;
    // Past a few thousand articles a word is common whatever its exact count.
    std::int64_t df = store.document_count(w, 5000);
    if (df > 0) scored.emplace_back(df, w);
  }
  std::sort(scored.begin(), scored.end());
  store::TextQuery q;
  q.any = true;
  q.headline_only = true;
  for (size_t i = 0; i < scored.size() && i < 3; ++i) {
    q.terms.push_back({scored[i].second});
    if (frequencies) frequencies->push_back(scored[i].first);
  }
  return q;
}

}  // namespace

double headline_similarity(std::string_view a, std::string_view b) {
  auto wa = words(a), wb = words(b);
  if (wa.empty() || wb.empty()) return 0;
  size_t common = 0;
  for (const auto& w : wa) common += wb.count(w);
  return static_cast<double>(common) / static_cast<double>(wa.size() + wb.size() - common);
}

std::int64_t near_duplicate_of(store::Connection& db, std::string_view headline, std::string_view standfirst) {
  store::RelatedStore store(db);
  std::vector<std::int64_t> df;
  const auto text = key_terms_query(store, headline, &df);
  if (text.empty()) return 0;
  for (auto [id, rank] : store.by_text(text, df, 0, 10)) {
    auto a = store.summary(id);
    if (!a || headline_similarity(a->headline, headline) <= 0.8) continue;
    if (standfirst.empty() || a->standfirst.empty() || headline_similarity(a->standfirst, standfirst) > 0.6) return id;
  }
  return 0;
}

std::vector<content::Article> related_articles(store::Connection& db, const content::Article& article, int count,
                                               std::int64_t now) {
  store::RelatedStore store(db);
  std::unordered_map<std::int64_t, double> score;
  // Candidates come from shared councils and headline words; shared tags only score them. A tag covers
  // thousands of articles, so gathering candidates by tag cost more than everything else together.
  for (auto [id, n] : store.by_councils(article.id, 200)) score[id] += 3.0 * n;
  std::vector<std::int64_t> df;
  const auto text = key_terms_query(store, article.headline, &df);
  if (!text.empty()) {
    auto hits = store.by_text(text, df, article.id, 50);
    // BM25 scores are negative, better when lower: scale the best match to 4 points, the rest in proportion.
    double best = hits.empty() ? 0 : hits.front().second;
    for (auto [id, rank] : hits)
      if (best < 0) score[id] += 4.0 * (rank / best);
  }
  for (auto& [id, s] : score) s += 1.0 * store.shared_tags(article.id, id);
  // Decay with distance in time: a story from the same month matters more than one from years ago.
  std::vector<std::pair<double, std::int64_t>> ranked;
  for (auto [id, s] : score) {
    auto published = store.visible_at(id, now);
    if (!published) continue;
    double years = std::abs(static_cast<double>(*published - article.published_at)) / (365.25 * 86400);
    ranked.emplace_back(s * std::exp(-years / 2.0), id);
  }
  std::sort(ranked.begin(), ranked.end(),
            [](const auto& x, const auto& y) { return x.first != y.first ? x.first > y.first : x.second > y.second; });
  std::vector<content::Article> out;
  for (const auto& [s, id] : ranked) {
    if (static_cast<int>(out.size()) >= count) break;
    auto a = store.summary(id);
    if (!a || headline_similarity(a->headline, article.headline) > 0.8) continue;
    bool duplicate = false;
    for (const auto& o : out) duplicate = duplicate || headline_similarity(o.headline, a->headline) > 0.8;
    if (!duplicate) out.push_back(std::move(*a));
  }
  return out;
}

std::optional<std::vector<content::Article>> stored_related(store::Connection& db, std::int64_t article_id,
                                                            std::int64_t now) {
  store::RelatedStore store(db);
  auto ids = store.stored(article_id);
  if (!ids) return std::nullopt;
  std::vector<content::Article> out;
  for (std::int64_t id : *ids) {
    if (!store.visible_at(id, now)) continue;
    if (auto a = store.summary(id)) out.push_back(std::move(*a));
  }
  return out;
}

std::int64_t refresh_related(store::Connection& db, std::int64_t limit, int min_priority,
                             const std::function<void(std::int64_t)>& progress) {
  constexpr int kBatch = 50;
  store::RelatedStore related(db);
  store::ContentStore content(db);
  std::int64_t done = 0;
  while (done < limit) {
    const std::int64_t now = std::time(nullptr);
    auto batch = related.pending(static_cast<int>(std::min<std::int64_t>(kBatch, limit - done)), min_priority);
    if (batch.empty()) break;
    // Computed outside the write transaction (reads only), then stored in one short transaction.
    std::vector<std::pair<std::int64_t, std::vector<std::int64_t>>> lists;
    std::vector<std::int64_t> cascade_to;
    for (auto [id, priority] : batch) {
      const bool cascade = priority >= 2;
      std::vector<std::int64_t> ids;
      if (auto a = content.article_by_id(id); a && a->status != content::Status::draft)
        for (const auto& r : related_articles(db, *a, 4, std::max(now, a->published_at))) ids.push_back(r.id);
      if (cascade) cascade_to.insert(cascade_to.end(), ids.begin(), ids.end());
      lists.emplace_back(id, std::move(ids));
    }
    store::Transaction tx(db);
    std::vector<std::string> names;
    for (const auto& [id, ids] : lists) {
      related.save(id, ids);
      names.push_back(content::deps::related(id));
    }
    for (std::int64_t id : cascade_to) related.enqueue(id, 1, now);
    store::ChangeStore(db).record(std::move(names), now);
    tx.commit();
    done += static_cast<std::int64_t>(lists.size());
    if (progress) progress(done);
  }
  return done;
}

}  // namespace gazette::search
