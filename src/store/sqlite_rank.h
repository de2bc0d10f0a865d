// gazette_rank(): the FTS5 ranking function search uses instead of the built-in bm25().
//
// bm25() works out each phrase's inverse document frequency on its first row by walking every match of
// the phrase in the whole index (~6 ms for a word in most articles of 100k, ~25 ms for a phrase of two
// common words), even though search ranks only a window of the newest matches. gazette_rank() computes
// the same Okapi BM25 score (k1 = 1.2, b = 0.75, column weights) but takes the IDFs from its caller:
//
//   gazette_rank(articles_fts, w_headline, w_standfirst, w_body, idfs)
//
// `idfs` is text: one number per phrase of the MATCH expression, separated by spaces; missing numbers
// count as 1 (with a single phrase the IDF cannot change the order anyway). Text starting "df " gives
// document frequencies instead, turned into IDFs against the index's row count. The IDF is
// ln(1 + (n - df + 0.5) / (df + 0.5)), always positive. Columns without a weight (the filter column)
// score 0. Like bm25(), better matches get more negative scores.
#pragma once

#include <sqlite3.h>

namespace gazette::store {

// Registers gazette_rank on this connection. Returns false if FTS5 is not available.
bool register_rank_function(sqlite3* db);

}  // namespace gazette::store
