#include "demo/copy_check.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace gazette::demo {
namespace {

// Words that may recur within a sentence without anyone noticing: function words, and the words
// councils' and national bodies' own names repeat ("Surrey County Council and Kent County Council").
constexpr std::array<std::string_view, 64> kMayRecur = {
    "a",       "an",       "the",        "of",        "on",          "in",          "to",     "for",
    "and",     "or",       "by",         "at",        "as",          "with",        "from",   "its",
    "their",   "is",       "are",        "be",        "was",         "were",        "that",   "this",
    "it",      "not",      "more",       "than",      "has",         "have",        "had",    "will",
    "can",     "we",       "our",        "they",      "what",        "who",         "but",    "if",
    "council", "councils", "city",       "county",    "borough",     "district",    "london", "metropolitan",
    "royal",   "local",    "government", "authority", "authorities", "association", "new",    "said",
    "says",    "there",    "how",        "so",        "do",          "need",        "people", "services"};

bool may_recur(std::string_view w) {
  return std::find(kMayRecur.begin(), kMayRecur.end(), w) != kMayRecur.end();
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Words as written (letters, digits and inner apostrophes/hyphens); £ and % count as part of a word.
std::vector<std::string_view> words_of(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  auto word_char = [](unsigned char c) { return std::isalnum(c) || c == '\'' || c == '-' || c >= 0x80; };
  while (i < s.size()) {
    while (i < s.size() && !word_char(static_cast<unsigned char>(s[i]))) ++i;
    std::size_t j = i;
    while (j < s.size() && word_char(static_cast<unsigned char>(s[j]))) ++j;
    if (j > i) {
      std::string_view w = s.substr(i, j - i);
      // Curly quotes (UTF-8 bytes >= 0x80) at either end are punctuation, not part of the word.
      while (w.size() >= 3 && static_cast<unsigned char>(w[0]) == 0xE2) w.remove_prefix(3);
      while (w.size() >= 3 && static_cast<unsigned char>(w[w.size() - 3]) == 0xE2) w.remove_suffix(3);
      if (!w.empty()) out.push_back(w);
    }
    i = j;
  }
  return out;
}

// "a" before a vowel sound or "an" before a consonant sound, as far as spelling tells.
bool wrong_article(std::string_view article, std::string_view next) {
  if (next.empty() || !std::isalpha(static_cast<unsigned char>(next[0]))) return false;
  const std::string n = lower(next);
  const bool vowel_letter = std::string_view("aeiou").find(n[0]) != std::string_view::npos;
  const bool acronym =
      next.size() > 1 && std::all_of(next.begin(), next.end(), [](char c) {
        return std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c));
      });
  bool vowel_sound = vowel_letter;
  if (n.starts_with("uni") || n.starts_with("use") || n.starts_with("usu") || n.starts_with("one") ||
      n.starts_with("eu") || n == "uk")
    vowel_sound = false;
  if (n.starts_with("hour") || n.starts_with("honest") || n.starts_with("honour")) vowel_sound = true;
  if (acronym) vowel_sound = std::string_view("aefhilmnorsx").find(n[0]) != std::string_view::npos;
  return (article == "a" && vowel_sound) || (article == "an" && !vowel_sound);
}

// Proper names ("Reading", "Milton Keynes", "the City of Cardiff") may recur; only common words count.
bool proper(std::string_view w) {
  return !w.empty() && std::isupper(static_cast<unsigned char>(w[0]));
}

// "problems" and "problem" are the same word said twice.
std::string stem(std::string w) {
  if (w.size() > 4 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();
  return w;
}

std::string sentence_flaw(std::string_view s) {
  const auto ws = words_of(s);
  std::vector<std::string> lw;
  lw.reserve(ws.size());
  for (auto w : ws) lw.push_back(stem(lower(w)));
  for (std::size_t i = 0; i < lw.size(); ++i) {
    if (i > 0 && lw[i] == lw[i - 1] && !std::isdigit(static_cast<unsigned char>(lw[i][0])))
      return "doubled word: " + lw[i];
    if (i + 1 < lw.size() && (lw[i] == "a" || lw[i] == "an") && wrong_article(lw[i], ws[i + 1]))
      return "wrong article: " + lw[i] + " " + std::string(ws[i + 1]);
    // The same word again within four words ("pressure from pressure on").
    if (lw[i].size() > 3 && !may_recur(lw[i]) && !proper(ws[i]))
      for (std::size_t j = i + 1; j < lw.size() && j <= i + 4; ++j)
        if (lw[j] == lw[i] && !proper(ws[j])) return "repeated word: " + lw[i];
    // "the cost of the cost of", "the impact of the risk of": one frame stacked on another.
    if (i + 5 < lw.size() && lw[i] == "the" && lw[i + 2] == "of" && lw[i + 3] == "the" && lw[i + 5] == "of" &&
        !proper(ws[i + 4]))
      return "stacked frames: the " + lw[i + 1] + " of the " + lw[i + 4] + " of";
  }
  // A two-word phrase said twice in one sentence ("council tax rise to protect council tax").
  for (std::size_t i = 0; i + 1 < lw.size(); ++i) {
    if ((may_recur(lw[i]) && may_recur(lw[i + 1])) || proper(ws[i]) || proper(ws[i + 1])) continue;
    for (std::size_t j = i + 1; j + 1 < lw.size(); ++j)
      if (lw[j] == lw[i] && lw[j + 1] == lw[i + 1]) return "repeated phrase: " + lw[i] + " " + lw[i + 1];
  }
  return {};
}

}  // namespace

std::string copy_flaw(std::string_view markdown) {
  if (markdown.find('$') != std::string_view::npos) return "unexpanded placeholder";
  // A Markdown link's address is not copy: "[the report](https://example.org/reports/x)" reads "the report".
  std::string plain;
  for (std::size_t i = 0; i < markdown.size(); ++i) {
    if (markdown[i] == ']' && i + 1 < markdown.size() && markdown[i + 1] == '(') {
      const std::size_t close = markdown.find(')', i);
      if (close != std::string_view::npos) {
        i = close;
        continue;
      }
    }
    if (markdown[i] != '[') plain.push_back(markdown[i]);
  }
  const std::string_view text = plain;
  for (std::string_view bad : {"  ", " ,", " .", " ;", " :", ",,", "..", ".,", ",.", "“”", "()"})
    if (text.find(bad) != std::string_view::npos) return "stray spacing or punctuation: \"" + std::string(bad) + "\"";
  // Sentence by sentence: a full stop, question or exclamation mark followed by a space or a line end.
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    // A closing quotation mark (U+201D) may follow the stop: “... as a result.” Cllr Lowe added
    const bool stop = text[i] == '.' || text[i] == '?' || text[i] == '!' || text[i] == ';';
    const std::size_t after = stop && text.substr(i + 1).starts_with("\u201D") ? i + 4 : i + 1;
    const bool end = i == text.size() || text[i] == '\n' || (stop && (after >= text.size() || text[after] == ' '));
    if (!end) continue;
    if (auto flaw = sentence_flaw(text.substr(start, i - start)); !flaw.empty()) return flaw;
    start = i + 1;
  }
  return {};
}

}  // namespace gazette::demo
