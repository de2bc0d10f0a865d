// The tells of machine-made copy, as a sub-editor would mark them: a placeholder left unexpanded, a word
// doubled ("services services"), the same word or phrase twice in a breath ("With pressure from pressure
// on", "the cost of the cost of"), stacked "the X of the Y of" frames, "a"/"an" before the wrong sound,
// and stray spacing or punctuation. The demo generator draws a sentence again when it has one; its
// unit test checks thousands of articles with it. Pure functions, safe from any thread.
#pragma once

#include <string>
#include <string_view>

namespace gazette::demo {

// The first flaw in `markdown` (a headline, a sentence or a whole body: it is checked sentence by
// sentence; link addresses are skipped), described in a few words with the words at fault ("doubled
// word: services"), or "" when it reads cleanly.
std::string copy_flaw(std::string_view markdown);

}  // namespace gazette::demo
