// The one HTML sanitiser: HTML from outside (job feed descriptions, WordPress post bodies) is kept as
// HTML only through this allow-list, never raw. Parsing is html5 (gumbo), so broken markup, stray
// '<' and unclosed tags are read the way a browser would read them before anything is kept.
//
// Kept: p, br, ul, ol, li, strong/b, em/i, blockquote, h2-h4, code, pre, and a with an http, https
// or mailto href (written back with rel="nofollow"). Dropped with their content: script, style,
// iframe, object, embed, form, template, svg, math, head, and comments. Every other element is
// unwrapped (its text kept). No attribute but href survives. Text and the href are re-escaped.
//
// Pure function; safe from any thread; never throws except std::bad_alloc. Nesting deeper than 100
// elements is flattened: the text below that depth is kept, its tags are not.
#pragma once

#include <string>
#include <string_view>

namespace gazette::content {

// Sanitised HTML for `html` (a fragment or a whole document; its <body> is used). Idempotent:
// sanitising the output again gives the same output.
std::string sanitise_html(std::string_view html);

// The text of sanitised (or any) HTML: paragraphs and list items on their own lines, separated by a
// blank line, entities decoded. For search, classification and closing-date reading.
std::string html_to_text(std::string_view html);

// Markdown (CommonMark, as render_markdown reads it) for the sanitised form of `html`. Every element
// the allow-list keeps has a Markdown form, so nothing it keeps is lost: paragraphs, line breaks,
// lists (nested), strong/em, links, blockquotes, h2-h4, code and pre. Text is escaped so that it
// stays text ("*", "_", "[", "<", a "1." or "#" at a line's start). For imported bodies.
std::string html_to_markdown(std::string_view html);

// Whether `text` looks like HTML rather than plain text or Markdown: it holds an element tag that
// the allow-list knows or a <div>/<span>/<br>. "a < b" and "<3" are not HTML.
bool looks_like_html(std::string_view text);

}  // namespace gazette::content
