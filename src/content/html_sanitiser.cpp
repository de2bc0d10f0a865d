#include "content/html_sanitiser.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <boost/url/parse.hpp>
#include <cctype>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

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

// Where a node is written: the nearest element written around it ("" at the top), and whether a <p>
// is open around it.
struct Around {
  std::string_view parent;
  bool in_p = false;
};

void write_node(std::string& out, const GumboNode* node, int depth, Around around);

void write_children(std::string& out, const GumboVector& children, int depth, Around around) {
  for (unsigned i = 0; i < children.length; ++i) {
    write_node(out, static_cast<const GumboNode*>(children.data[i]), depth, around);
  }
}

// Tags whose start closes an open <p> (HTML's "close a p element"), of those the sanitiser keeps.
bool closes_p(std::string_view t) {
  return t == "p" || t == "ul" || t == "ol" || t == "li" || t == "blockquote" || t == "pre" || t == "h2" || t == "h3" ||
         t == "h4";
}

void write_element(std::string& out, const GumboNode* node, int depth, Around around) {
  const GumboElement& el = node->v.element;
  if (dropped_with_content(el.tag) || el.tag_namespace != GUMBO_NAMESPACE_HTML) return;
  const char* tag = depth < kMaxDepth ? allowed_tag(el.tag) : nullptr;
  // Leaving an element out hoists its children into its parent, which must not make a pair a browser
  // (or the next sanitising) reads differently: a list item is kept only directly in a kept list (a
  // second <li> would close the first), a heading never directly in a heading, and no block inside a
  // paragraph (either would close it). Such elements are unwrapped too. Found by
  // tests/fuzz/html_sanitiser_fuzz.cpp.
  const auto heading = [](std::string_view t) { return t == "h2" || t == "h3" || t == "h4"; };
  if (tag != nullptr && ((el.tag == GUMBO_TAG_LI && around.parent != "ul" && around.parent != "ol") ||
                         (heading(tag) && heading(around.parent)) || (around.in_p && closes_p(tag))))
    tag = nullptr;
  if (tag == nullptr) {
    const bool block = is_block(el.tag) || closes_p(allowed_tag(el.tag) ? allowed_tag(el.tag) : "");
    if (el.tag == GUMBO_TAG_BR || block) out += '\n';
    write_children(out, el.children, depth + 1, around);
    if (block) out += '\n';
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
      write_children(out, el.children, depth + 1, around);
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
  write_children(out, el.children, depth + 1, Around{tag, around.in_p || el.tag == GUMBO_TAG_P});
  out += "</";
  out += tag;
  out += '>';
}

void write_node(std::string& out, const GumboNode* node, int depth, Around around) {
  switch (node->type) {
    case GUMBO_NODE_ELEMENT:
      write_element(out, node, depth, around);
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

// ---- Markdown from sanitised HTML

struct MarkdownWriter {
  std::string out;

  static void escape_text(std::string& dst, std::string_view text, bool& line_start) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (line_start) {
        if (c == ' ') continue;  // leading spaces would make an indented code block
        if (c == '#' || c == '+' || c == '-' || c == '=' || c == '>') dst += '\\';
        if (std::isdigit(static_cast<unsigned char>(c))) {
          std::size_t j = i;
          while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
          if (j < text.size() && (text[j] == '.' || text[j] == ')')) {
            dst.append(text.substr(i, j - i));
            dst += '\\';
            i = j - 1;
            line_start = false;
            continue;
          }
        }
      }
      line_start = false;
      if (std::string_view("\\`*_[]<>|~").find(c) != std::string_view::npos) dst += '\\';
      if (c == '&' && i + 1 < text.size() &&
          (std::isalnum(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '#'))
        dst += '\\';
      dst += c;
    }
  }

  // Inline content of an element: text (whitespace collapsed), strong, em, code, links, breaks.
  static std::string inline_of(const GumboNode* node, int depth) {
    std::string s;
    bool line_start = true;
    inline_into(s, node, depth, line_start);
    // Collapse whitespace runs to single spaces; trim.
    std::string out;
    bool space = false;
    for (char c : s) {
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
        space = true;
        continue;
      }
      if (c == '\x01') {  // a hard line break
        out += "\\\n";
        space = false;
        continue;
      }
      if (space && !out.empty() && out.back() != '\n') out += ' ';
      space = false;
      out += c;
    }
    return out;
  }

  static void inline_children(std::string& s, const GumboNode* node, int depth, bool& line_start) {
    const GumboVector& ch = node->v.element.children;
    for (unsigned i = 0; i < ch.length; ++i)
      inline_into(s, static_cast<const GumboNode*>(ch.data[i]), depth + 1, line_start);
  }

  static void inline_into(std::string& s, const GumboNode* node, int depth, bool& line_start) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
      std::string text = node->v.text.text;
      for (char& c : text)
        if (c == '\n' || c == '\t' || c == '\r') c = ' ';
      escape_text(s, text, line_start);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxDepth * 2) return;
    const GumboElement& el = node->v.element;
    switch (el.tag) {
      case GUMBO_TAG_BR:
        s += '\x01';
        line_start = true;
        return;
      case GUMBO_TAG_STRONG:
      case GUMBO_TAG_EM: {
        // CommonMark takes "*text*" as emphasis only with no space just inside the stars: spaces
        // inside the element ("<em>Right, </em>and") move outside them.
        std::string inner;
        inline_children(inner, node, depth, line_start);
        const std::string stars = el.tag == GUMBO_TAG_STRONG ? "**" : "*";
        const auto b = inner.find_first_not_of(" \t\n\r");
        if (b == std::string::npos) {
          s += inner;
          return;
        }
        const auto e = inner.find_last_not_of(" \t\n\r");
        s += inner.substr(0, b) + stars + inner.substr(b, e - b + 1) + stars + inner.substr(e + 1);
        return;
      }
      case GUMBO_TAG_CODE: {
        std::string code;
        collect_text(code, node);
        std::size_t longest = 0, run = 0;
        for (char c : code) longest = std::max(longest, run = c == '`' ? run + 1 : 0);
        const std::string fence(longest + 1, '`');
        s += fence + (code.starts_with('`') ? " " : "") + code + (code.ends_with('`') ? " " : "") + fence;
        line_start = false;
        return;
      }
      case GUMBO_TAG_A: {
        const GumboAttribute* href = gumbo_get_attribute(&el.attributes, "href");
        s += '[';
        inline_children(s, node, depth, line_start);
        s += "](<";
        for (char c : std::string_view(href ? href->value : "")) {
          if (c == '<' || c == '>' || c == '\\') s += '\\';
          s += c;
        }
        s += ">)";
        return;
      }
      default:
        inline_children(s, node, depth, line_start);
    }
  }

  static void collect_text(std::string& s, const GumboNode* node) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
      s += node->v.text.text;
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT) return;
    const GumboVector& ch = node->v.element.children;
    for (unsigned i = 0; i < ch.length; ++i) collect_text(s, static_cast<const GumboNode*>(ch.data[i]));
  }

  static bool is_block_tag(GumboTag t) {
    return t == GUMBO_TAG_P || t == GUMBO_TAG_UL || t == GUMBO_TAG_OL || t == GUMBO_TAG_BLOCKQUOTE ||
           t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 || t == GUMBO_TAG_PRE || t == GUMBO_TAG_LI;
  }

  // Block content: a list of Markdown blocks, each without a trailing blank line.
  static std::vector<std::string> blocks_of(const GumboNode* parent, int depth) {
    std::vector<std::string> blocks;
    std::vector<const GumboNode*> loose;  // text and inline elements between blocks: one paragraph
    auto flush = [&] {
      if (loose.empty()) return;
      std::string para;
      bool line_start = true;
      for (const GumboNode* n : loose) inline_into(para, n, depth + 1, line_start);
      std::string text;
      {
        // Collapse as inline_of does.
        bool space = false;
        for (char c : para) {
          if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = true;
            continue;
          }
          if (c == '\x01') {
            text += "\\\n";
            space = false;
            continue;
          }
          if (space && !text.empty() && text.back() != '\n') text += ' ';
          space = false;
          text += c;
        }
      }
      if (!text.empty()) blocks.push_back(text);
      loose.clear();
    };
    const GumboVector& ch = parent->v.element.children;
    for (unsigned i = 0; i < ch.length; ++i) {
      const auto* n = static_cast<const GumboNode*>(ch.data[i]);
      if (n->type != GUMBO_NODE_ELEMENT || !is_block_tag(n->v.element.tag) || depth > kMaxDepth * 2) {
        loose.push_back(n);
        continue;
      }
      flush();
      const GumboElement& el = n->v.element;
      switch (el.tag) {
        case GUMBO_TAG_P: {
          std::string text = inline_of(n, depth + 1);
          if (!text.empty()) blocks.push_back(text);
          break;
        }
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4: {
          const std::string level = el.tag == GUMBO_TAG_H2 ? "## " : el.tag == GUMBO_TAG_H3 ? "### " : "#### ";
          std::string text = inline_of(n, depth + 1);
          std::replace(text.begin(), text.end(), '\n', ' ');
          if (!text.empty()) blocks.push_back(level + text);
          break;
        }
        case GUMBO_TAG_PRE: {
          std::string code;
          collect_text(code, n);
          std::size_t longest = 0, run = 0;
          for (char c : code) longest = std::max(longest, run = c == '`' ? run + 1 : 0);
          const std::string fence(std::max<std::size_t>(3, longest + 1), '`');
          if (!code.empty() && code.back() == '\n') code.pop_back();
          blocks.push_back(fence + "\n" + code + "\n" + fence);
          break;
        }
        case GUMBO_TAG_BLOCKQUOTE: {
          std::string quoted;
          for (const auto& b : blocks_of(n, depth + 1)) {
            if (!quoted.empty()) quoted += "\n>\n";
            std::size_t start = 0;
            while (start <= b.size()) {
              std::size_t end = b.find('\n', start);
              if (end == std::string::npos) end = b.size();
              if (start > 0) quoted += '\n';
              quoted += "> " + b.substr(start, end - start);
              start = end + 1;
            }
          }
          if (!quoted.empty()) blocks.push_back(quoted);
          break;
        }
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL: {
          std::string list;
          int number = 1;
          const GumboVector& items = el.children;
          for (unsigned k = 0; k < items.length; ++k) {
            const auto* li = static_cast<const GumboNode*>(items.data[k]);
            if (li->type != GUMBO_NODE_ELEMENT || li->v.element.tag != GUMBO_TAG_LI) continue;
            const std::string marker = el.tag == GUMBO_TAG_OL ? std::to_string(number++) + ". " : "- ";
            const std::string indent(marker.size(), ' ');
            std::string item;
            for (const auto& b : blocks_of(li, depth + 1)) {
              if (!item.empty()) item += "\n\n";
              item += b;
            }
            if (!list.empty()) list += '\n';
            std::size_t start = 0;
            bool first = true;
            while (start <= item.size()) {
              std::size_t end = item.find('\n', start);
              if (end == std::string::npos) end = item.size();
              const std::string line = item.substr(start, end - start);
              if (!first) list += '\n';
              list += first ? marker + line : (line.empty() ? "" : indent + line);
              first = false;
              start = end + 1;
            }
          }
          if (!list.empty()) blocks.push_back(list);
          break;
        }
        default:  // an li outside a list: its content as blocks
          for (auto& b : blocks_of(n, depth + 1)) blocks.push_back(std::move(b));
      }
    }
    flush();
    return blocks;
  }
};

}  // namespace

std::string sanitise_html(std::string_view html) {
  if (!nesting_within_limit(html)) return as_escaped_text(html);
  const Parsed parsed = parse(html);
  const GumboNode* body = parsed ? body_of(parsed.get()) : nullptr;
  if (body == nullptr) return "";
  std::string out;
  out.reserve(html.size());
  write_children(out, body->v.element.children, 0, Around{});
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

std::string html_to_markdown(std::string_view html) {
  const std::string clean = sanitise_html(html);
  const Parsed parsed = parse(clean);
  const GumboNode* body = parsed ? body_of(parsed.get()) : nullptr;
  if (body == nullptr) return "";
  std::string out;
  for (const auto& b : MarkdownWriter::blocks_of(body, 0)) {
    if (!out.empty()) out += "\n\n";
    out += b;
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
