#include "search/query.h"

namespace gazette::search {
namespace {

// Letters, digits and any non-ASCII byte (so accented and non-Latin words survive intact; the FTS5
// tokenizer does the Unicode work). Apostrophes inside words are kept ("council's").
bool word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// Splits text into words, dropping punctuation (a word may contain an inner apostrophe or hyphen,
// which the tokenizer splits on its own).
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    bool inner = (c == '\'' || c == '-') && !cur.empty() && i + 1 < text.size() &&
                 word_byte(static_cast<unsigned char>(text[i + 1]));
    if (word_byte(c) || inner) {
      cur.push_back(static_cast<char>(c));
    } else {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
      if (c == '*' && !out.empty()) out.back().push_back('*');
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

}  // namespace

ParsedQuery parse_query(std::string_view input) {
  ParsedQuery q;
  if (input.size() > kMaxQueryBytes) {
    input = input.substr(0, kMaxQueryBytes);
    // Do not cut a UTF-8 sequence in half.
    while (!input.empty() && (static_cast<unsigned char>(input.back()) & 0xC0) == 0x80) input.remove_suffix(1);
    if (!input.empty() && static_cast<unsigned char>(input.back()) >= 0xC0) input.remove_suffix(1);
    q.truncated = true;
  }
  size_t pos = 0;
  while (pos < input.size() && q.text.terms.size() < kMaxTerms) {
    size_t quote = input.find('"', pos);
    std::string_view plain = input.substr(pos, quote == std::string_view::npos ? std::string_view::npos : quote - pos);
    for (auto& w : words_of(plain)) {
      if (q.text.terms.size() >= kMaxTerms) {
        q.truncated = true;
        break;
      }
      bool prefix = w.back() == '*';
      if (prefix) w.pop_back();
      q.terms.push_back(w);
      q.text.terms.push_back({w, prefix});
    }
    if (quote == std::string_view::npos) break;
    size_t close = input.find('"', quote + 1);
    std::string_view phrase =
        input.substr(quote + 1, close == std::string_view::npos ? std::string_view::npos : close - quote - 1);
    auto words = words_of(phrase);
    std::string joined;
    for (auto& w : words) {
      if (w.back() == '*') w.pop_back();
      if (!joined.empty()) joined.push_back(' ');
      joined += w;
    }
    if (!joined.empty() && q.text.terms.size() < kMaxTerms) {
      q.terms.push_back(joined);
      q.text.terms.push_back({joined, false});
    }
    if (close == std::string_view::npos) break;
    pos = close + 1;
  }
  return q;
}

}  // namespace gazette::search
