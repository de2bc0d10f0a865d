#include "store/sqlite_rank.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <vector>

namespace gazette::store {
namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
constexpr int kMaxWeighted = 8;

// Per-statement state, computed on the first row: the query's IDFs and the index's average length.
struct QueryState {
  std::vector<double> idf;
  double avg_tokens = 1.0;
  double weight[kMaxWeighted] = {};
  int weighted_columns = 0;
  std::vector<double> freq;  // scratch, one per phrase
};

void destroy_state(void* p) {
  delete static_cast<QueryState*>(p);
}

QueryState* state_for(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int argc,
                      sqlite3_value** argv) {
  if (auto* s = static_cast<QueryState*>(api->xGetAuxdata(fts, 0))) return s;
  auto* s = new QueryState;
  const int phrases = api->xPhraseCount(fts);
  s->freq.assign(static_cast<size_t>(phrases), 0.0);
  s->idf.assign(static_cast<size_t>(phrases), 1.0);
  const int columns = api->xColumnCount(fts);
  for (int i = 0; i < argc - 1 && i < columns && i < kMaxWeighted; ++i) {
    s->weight[i] = sqlite3_value_double(argv[i]);
    s->weighted_columns = i + 1;
  }
  sqlite3_int64 rows = 0, tokens = 0;
  if (api->xRowCount(fts, &rows) == SQLITE_OK && api->xColumnTotalSize(fts, -1, &tokens) == SQLITE_OK && rows > 0)
    s->avg_tokens = static_cast<double>(tokens) / static_cast<double>(rows);
  if (s->avg_tokens <= 0) s->avg_tokens = 1.0;
  if (argc >= 1 && sqlite3_value_type(argv[argc - 1]) == SQLITE_TEXT) {
    const char* p = reinterpret_cast<const char*>(sqlite3_value_text(argv[argc - 1]));
    std::string_view text(p, static_cast<size_t>(sqlite3_value_bytes(argv[argc - 1])));
    const bool frequencies = text.starts_with("df ");
    if (frequencies) text.remove_prefix(3);
    size_t i = 0;
    for (size_t at = 0; at < text.size() && i < s->idf.size();) {
      while (at < text.size() && text[at] == ' ') ++at;
      size_t end = text.find(' ', at);
      if (end == std::string_view::npos) end = text.size();
      double v = 0;
      auto [ptr, ec] = std::from_chars(text.data() + at, text.data() + end, v);
      if (ec == std::errc() && ptr == text.data() + end) {
        const double n = static_cast<double>(rows);
        s->idf[i++] = frequencies ? std::log(1.0 + (n - v + 0.5) / (v + 0.5)) : v;
      }
      at = end;
    }
  }
  if (api->xSetAuxdata(fts, s, destroy_state) != SQLITE_OK) {
    sqlite3_result_error_nomem(ctx);
    return nullptr;  // xSetAuxdata has already freed it
  }
  return s;
}

void gazette_rank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  QueryState* s = state_for(api, fts, ctx, argc, argv);
  if (!s) return;
  std::fill(s->freq.begin(), s->freq.end(), 0.0);
  int instances = 0;
  if (int rc = api->xInstCount(fts, &instances); rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  for (int i = 0; i < instances; ++i) {
    int phrase = 0, column = 0, offset = 0;
    if (int rc = api->xInst(fts, i, &phrase, &column, &offset); rc != SQLITE_OK) {
      sqlite3_result_error_code(ctx, rc);
      return;
    }
    if (column < s->weighted_columns && phrase >= 0 && static_cast<size_t>(phrase) < s->freq.size())
      s->freq[static_cast<size_t>(phrase)] += s->weight[column];
  }
  int tokens = 0;
  if (int rc = api->xColumnSize(fts, -1, &tokens); rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  const double norm = kK1 * (1.0 - kB + kB * static_cast<double>(tokens) / s->avg_tokens);
  double score = 0;
  for (size_t p = 0; p < s->freq.size(); ++p) {
    const double f = s->freq[p];
    if (f > 0) score += s->idf[p] * (f * (kK1 + 1.0)) / (f + norm);
  }
  sqlite3_result_double(ctx, -score);
}

}  // namespace

bool register_rank_function(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) != SQLITE_OK) return false;
  sqlite3_bind_pointer(st, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(st);
  sqlite3_finalize(st);
  if (!api || api->iVersion < 2) return false;
  return api->xCreateFunction(api, "gazette_rank", nullptr, gazette_rank, nullptr) == SQLITE_OK;
}

}  // namespace gazette::store
