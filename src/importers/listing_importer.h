// Imports listing dumps into the store: each file in one transaction, idempotently.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "importers/listing_parser.h"
#include "store/connection.h"

namespace gazette::importers {

struct ImportReport {
  std::string file;
  bool ok = false;
  std::string error;  // why the file was rejected (nothing was written)
  // Set when the file has text but no article or job advert was recognised in it (ok is then false,
  // and nothing was written): the page is in a layout the parser does not know, or is all furniture.
  std::string warning;
  std::string layout;  // ParsedListing::layout
  int added = 0;
  int already_present = 0;
  int updated = 0;            // an undated copy got its date, or a listed item got its article's text
  int near_duplicates = 0;    // the same story re-listed with small edits, not stored again
  int adverts_set_aside = 0;  // job adverts found in the page (stored on the jobs board)
  int adverts_new = 0;        // of which new to the jobs board
  std::vector<SkippedLine> skipped;
};

// Limits on what a listing or article page dump may hold: a real page is a few hundred KB, and its
// longest paragraph a few KB. Past them the file is refused with an error that says so.
inline constexpr std::size_t kMaxListingFileBytes = 32u << 20;
inline constexpr std::size_t kMaxListingLineBytes = 64u << 10;

// Reads, parses and stores one dump. Never throws for bad input: a file that cannot be read or is not
// valid UTF-8 (the error names the line) is reported with ok=false and writes nothing. A database
// failure rolls the whole file back and is reported the same way.
ImportReport import_listing_file(store::Connection& db, const std::string& path);

// The same for text already in memory; `source` names it in reports and in the stored adverts.
ImportReport import_listing_text(store::Connection& db, const std::string& text, const std::string& source);

}  // namespace gazette::importers
