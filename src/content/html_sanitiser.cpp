#include "content/html_sanitiser.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <boost/url/parse.hpp>
#include <cctype>
#include <cstring>
#include <memory>
#include <string>

namespace gazette::content {
namespace {

constexpr int kMaxDepth = 100;
// Nesting the parser is given at most: gumbo's own clean-up recurses once per level.
constexpr long kMaxTagNesting = 2000;

// An upper bound on element nesting: opening tags less closing tags, as they come (void elements
// such as <br> count as opening, so it only over-estimates).
bool nesting_within_limit(std::string_view html) {
  long depth = 0;
  for (std::size_t i = 0; i + 1 < html.size(); ++i) {
    if (html[i] != '<') continue;
    const char next = html[i + 1];
    if (next == '/')
      depth = std::max(0L, depth - 1);
    else if (std::isalpha(static_cast<unsigned char>(next)) && ++depth > kMaxTagNesting)
      return false;
  }
  return true;
}

// Text so deeply nested that it is no article's markup: kept as one escaped paragraph.
std::string as_escaped_text(std::string_view html);

struct Output {
  void operator()(GumboOutput* out) const { gumbo_destroy_output(&kGumboDefaultOptions, out); }
};
using Parsed = std::unique_ptr<GumboOutput, Output>;

Parsed parse(std::string_view html) {
  return Parsed(gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
}

void escape_into(std::string& out, std::string_view text, bool attribute) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        if (attribute) {
          out += "&quot;";
          break;
        }
        out += c;
        break;
      default:
        // Control characters other than tab and newline have no place in a page.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') break;
        out += c;
    }
  }
}

// The tag written for an allowed element, or nullptr.
const char* allowed_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
      return "p";
    case GUMBO_TAG_BR:
      return "br";
    case GUMBO_TAG_UL:
      return "ul";
    case GUMBO_TAG_OL:
      return "ol";
    case GUMBO_TAG_LI:
      return "li";
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_B:
      return "strong";
    case GUMBO_TAG_EM:
    case GUMBO_TAG_I:
      return "em";
    case GUMBO_TAG_BLOCKQUOTE:
      return "blockquote";
    case GUMBO_TAG_H2:
      return "h2";
    case GUMBO_TAG_H3:
      return "h3";
    case GUMBO_TAG_H4:
      return "h4";
    case GUMBO_TAG_CODE:
      return "code";
    case GUMBO_TAG_PRE:
      return "pre";
    case GUMBO_TAG_A:
      return "a";
    default:
      return nullptr;
  }
}

bool dropped_with_content(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_UNKNOWN:  // custom elements and anything gumbo cannot name
      return true;
    default:
      return false;
  }
}

// Block elements that are unwrapped: a line break keeps their texts apart.
bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
      return true;
    default:
      return false;
  }
}

// An href kept only with a scheme on the list; parsed as a URI by Boost.URL, so "java\tscript:" and
// relative or protocol-relative addresses (which have no meaning away from their site) are refused.
bool safe_href(std::string_view href) {
  auto u = boost::urls::parse_uri(href);
  if (!u) return false;
  const std::string scheme = std::string(u->scheme());
  std::string lower(scheme);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lower == "mailto") return true;
  return (lower == "http" || lower == "https") && u->has_authority() && !u->host().empty();
}

void write_node(std::string& out, const GumboNode* node, int depth);

void write_children(std::string& out, const GumboVector& children, int depth) {
  for (unsigned i = 0; i < children.length; ++i) {
    write_node(out, static_cast<const GumboNode*>(children.data[i]), depth);
  }
}

void write_element(std::string& out, const GumboNode* node, int depth) {
  const GumboElement& el = node->v.element;
  if (dropped_with_content(el.tag) || el.tag_namespace != GUMBO_NAMESPACE_HTML) return;
  const char* tag = depth < kMaxDepth ? allowed_tag(el.tag) : nullptr;
  if (tag == nullptr) {
    if (el.tag == GUMBO_TAG_BR || is_block(el.tag)) out += '\n';
    write_children(out, el.children, depth + 1);
    if (is_block(el.tag)) out += '\n';
    return;
  }
  if (el.tag == GUMBO_TAG_BR) {
    out += "<br>";
    return;
  }
  if (el.tag == GUMBO_TAG_A) {
    const GumboAttribute* href = gumbo_get_attribute(&el.attributes, "href");
    std::string_view value = href ? std::string_view(href->value) : std::string_view();
    while (!value.empty() && static_cast<unsigned char>(value.front()) <= 0x20) value.remove_prefix(1);
    while (!value.empty() && static_cast<unsigned char>(value.back()) <= 0x20) value.remove_suffix(1);
    if (value.empty() || !safe_href(value)) {  // the link goes; its words stay
      write_children(out, el.children, depth + 1);
      return;
    }
    out += "<a href=\"";
    escape_into(out, value, true);
    out += "\" rel=\"nofollow\">";
  } else {
    out += '<';
    out += tag;
    out += '>';
  }
  write_children(out, el.children, depth + 1);
  out += "</";
  out += tag;
  out += '>';
}

void write_node(std::string& out, const GumboNode* node, int depth) {
  switch (node->type) {
    case GUMBO_NODE_ELEMENT:
      write_element(out, node, depth);
      return;
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
      escape_into(out, node->v.text.text, false);
      return;
    default:  // comments, templates, documents
      return;
  }
}

const GumboNode* body_of(const GumboOutput* parsed) {
  const GumboNode* root = parsed->root;
  if (root == nullptr || root->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboVector& children = root->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_BODY) return child;
  }
  return nullptr;
}

std::string trim_lines(const std::string& s) {
  const auto b = s.find_first_not_of(" \n\t");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \n\t");
  return s.substr(b, e - b + 1);
}

void text_of(std::string& out, const GumboNode* node, int depth) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
    out += node->v.text.text;
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxDepth * 2) return;
  const GumboElement& el = node->v.element;
  if (dropped_with_content(el.tag)) return;
  const bool block = is_block(el.tag) || el.tag == GUMBO_TAG_P || el.tag == GUMBO_TAG_LI ||
                     el.tag == GUMBO_TAG_BLOCKQUOTE || el.tag == GUMBO_TAG_H2 || el.tag == GUMBO_TAG_H3 ||
                     el.tag == GUMBO_TAG_H4 || el.tag == GUMBO_TAG_PRE || el.tag == GUMBO_TAG_UL ||
                     el.tag == GUMBO_TAG_OL;
  if (block) out += "\n\n";
  if (el.tag == GUMBO_TAG_BR) out += '\n';
  for (unsigned i = 0; i < el.children.length; ++i) {
    text_of(out, static_cast<const GumboNode*>(el.children.data[i]), depth + 1);
  }
  if (block) out += "\n\n";
}

std::string as_escaped_text(std::string_view html) {
  std::string out = "<p>";
  escape_into(out, html, false);
  out += "</p>";
  return out;
}

}  // namespace

std::string sanitise_html(std::string_view html) {
  if (!nesting_within_limit(html)) return as_escaped_text(html);
  const Parsed parsed = parse(html);
  const GumboNode* body = parsed ? body_of(parsed.get()) : nullptr;
  if (body == nullptr) return "";
  std::string out;
  out.reserve(html.size());
  write_children(out, body->v.element.children, 0);
  return trim_lines(out);
}

std::string html_to_text(std::string_view html) {
  if (!nesting_within_limit(html)) return std::string(html);
  const Parsed parsed = parse(html);
  const GumboNode* body = parsed ? body_of(parsed.get()) : nullptr;
  if (body == nullptr) return "";
  std::string raw;
  text_of(raw, body, 0);
  // Collapse runs of spaces inside lines and of blank lines between them.
  std::string out;
  int newlines = 0;
  bool space = false;
  for (char c : raw) {
    if (c == '\n') {
      ++newlines;
      space = false;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (!out.empty()) {
      if (newlines >= 2)
        out += "\n\n";
      else if (newlines == 1)
        out += '\n';
      else if (space)
        out += ' ';
    }
    newlines = 0;
    space = false;
    out += c;
  }
  return out;
}

bool looks_like_html(std::string_view text) {
  static constexpr std::array<std::string_view, 16> kTags = {"<p>",  "<p ",   "<br",     "<ul",  "<ol", "<li",
                                                             "<div", "<span", "<strong", "<em>", "<b>", "<i>",
                                                             "<a ",  "<h2",   "<h3",     "</p>"};
  std::string lower(text.substr(0, std::min<std::size_t>(text.size(), 1u << 16)));
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return std::any_of(kTags.begin(), kTags.end(),
                     [&](std::string_view t) { return lower.find(t) != std::string::npos; });
}

}  // namespace gazette::content
