// The one HTML sanitiser (content/html_sanitiser.h): what the allow-list keeps, what it drops, and
// that no input makes it crash, hang or let markup through.
#include "content/html_sanitiser.h"

#include "content/text.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace gazette::content {
namespace {

struct Case {
  std::string in, out;
};

TEST(HtmlSanitiser, AllowListTable) {
  const std::vector<Case> cases = {
      {"<p>Lead the <strong>highways</strong> team.</p>", "<p>Lead the <strong>highways</strong> team.</p>"},
      {"<p>One</p><p>Two</p>", "<p>One</p><p>Two</p>"},
      {"<ul><li>Drive</li><li>Plan</li></ul>", "<ul><li>Drive</li><li>Plan</li></ul>"},
      {"<b>bold</b> and <i>italic</i>", "<strong>bold</strong> and <em>italic</em>"},
      {"Line one<br/>line two", "Line one<br>line two"},
      {"<a href=\"https://example.org/apply\" onclick=\"x()\">Apply</a>",
       "<a href=\"https://example.org/apply\" rel=\"nofollow\">Apply</a>"},
      {"<a href=\"mailto:jobs@example.org\">Email</a>",
       "<a href=\"mailto:jobs@example.org\" rel=\"nofollow\">Email</a>"},
      {"<a href=\"javascript:alert(1)\">Click</a>", "Click"},
      {"<a href=\"JaVaScRiPt:alert(1)\">Click</a>", "Click"},
      {"<a href=\" java\tscript:alert(1)\">Click</a>", "Click"},
      {"<a href=\"data:text/html;base64,xx\">x</a>", "x"},
      {"<a href=\"/relative\">here</a>", "here"},
      {"<a href=\"//evil.example/\">here</a>", "here"},
      {"<p onmouseover=\"x()\" class=\"c\" style=\"color:red\">Text</p>", "<p>Text</p>"},
      {"<script>alert(1)</script><p>Kept</p>", "<p>Kept</p>"},
      {"<style>p{}</style>Kept", "Kept"},
      {"<iframe src=\"https://x\">inner</iframe>Kept", "Kept"},
      {"<img src=x onerror=alert(1)>Kept", "Kept"},
      {"<svg><script>alert(1)</script></svg>Kept", "Kept"},
      {"<!-- comment -->Kept", "Kept"},
      {"<span>inline</span> <font color=red>text</font>", "inline text"},
      {"<div>first</div><div>second</div>", "first\n\nsecond"},
      {"Fish &amp; chips &lt;b&gt;", "Fish &amp; chips &lt;b&gt;"},
      {"a < b and c > d", "a &lt; b and c &gt; d"},
      {"<p>Unclosed <strong>bold", "<p>Unclosed <strong>bold</strong></p>"},
      {"<html><head><title>T</title></head><body><p>Body</p></body></html>", "<p>Body</p>"},
      {"<p>\"quoted\"</p>", "<p>\"quoted\"</p>"},
      {"<a href=\"https://example.org/?a=1&amp;b=2\">q</a>",
       "<a href=\"https://example.org/?a=1&amp;b=2\" rel=\"nofollow\">q</a>"},
      {"<a href=\"https://example.org/a\\b\">not a URI</a>", "not a URI"},
      {"", ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(sanitise_html(c.in), c.out) << c.in;
    EXPECT_EQ(sanitise_html(sanitise_html(c.in)), sanitise_html(c.in)) << "not idempotent: " << c.in;
  }
}

TEST(HtmlSanitiser, TextOfHtml) {
  EXPECT_EQ(html_to_text("<p>One &amp; two</p><ul><li>Drive</li><li>Plan</li></ul>"), "One & two\n\nDrive\n\nPlan");
  EXPECT_EQ(html_to_text("<script>x</script>Plain"), "Plain");
}

TEST(HtmlSanitiser, LooksLikeHtml) {
  EXPECT_TRUE(looks_like_html("<p>Text</p>"));
  EXPECT_TRUE(looks_like_html("Intro<br>more"));
  EXPECT_TRUE(looks_like_html("<UL><LI>x</LI></UL>"));
  EXPECT_FALSE(looks_like_html("Plain text with a < b"));
  EXPECT_FALSE(looks_like_html("**Markdown** and [a link](https://example.org)"));
}

// Deep nesting is flattened or escaped rather than recursing without bound.
TEST(HtmlSanitiser, DeepNestingIsSafe) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "text";
  const std::string out = sanitise_html(deep);
  EXPECT_NE(out.find("text"), std::string::npos);
  EXPECT_EQ(out.find("<div"), std::string::npos);
  std::string nested;
  for (int i = 0; i < 500; ++i) nested += "<em>";
  nested += "deep";
  EXPECT_NE(sanitise_html(nested).find("deep"), std::string::npos);
}

// Property: for random markup-ish input, the output never holds a tag outside the allow-list, an
// attribute other than href/rel, or a javascript: link; and sanitising is idempotent.
TEST(HtmlSanitiser, RandomInputNeverLetsMarkupThrough) {
  const std::vector<std::string> pieces = {
      "<p>",   "</p>",         "<script>",  "</script>", "<a href=\"", "javascript:", "https://x.org/",
      "\">",   "</a>",         "<img src=", " onerror=", "<",          ">",           "&",
      "&amp;", "\"",           "'",         "<div>",     "</div>",     "<li>",        "<ul>",
      "text ", "<!--",         "-->",       "<style>",   "<![CDATA[",  "]]>",         "\xC3\xA9",
      "\xFF",  "<svg onload=", "<b>",       "</i>",      "<br/>",      "=",           " "};
  std::mt19937 rng(42);
  for (int n = 0; n < 3000; ++n) {
    std::string in;
    const int len = static_cast<int>(rng() % 40);
    for (int k = 0; k < len; ++k) in += pieces[rng() % pieces.size()];
    const std::string out = sanitise_html(in);
    for (std::size_t i = out.find('<'); i != std::string::npos; i = out.find('<', i + 1)) {
      const std::string rest = out.substr(i, 40);
      const bool ok = rest.rfind("<p>", 0) == 0 || rest.rfind("</p>", 0) == 0 || rest.rfind("<li>", 0) == 0 ||
                      rest.rfind("</li>", 0) == 0 || rest.rfind("<ul>", 0) == 0 || rest.rfind("</ul>", 0) == 0 ||
                      rest.rfind("<strong>", 0) == 0 || rest.rfind("</strong>", 0) == 0 || rest.rfind("<em>", 0) == 0 ||
                      rest.rfind("</em>", 0) == 0 || rest.rfind("<br>", 0) == 0 ||
                      rest.rfind("<a href=\"https://x.org/", 0) == 0 || rest.rfind("</a>", 0) == 0;
      EXPECT_TRUE(ok) << "unexpected markup " << rest << " from " << in;
    }
    EXPECT_EQ(out.find("href=\"javascript"), std::string::npos) << in;
    EXPECT_EQ(sanitise_html(out), out) << "not idempotent for " << in;
  }
}

}  // namespace
}  // namespace gazette::content

namespace gazette::content {
namespace {

TEST(HtmlToMarkdown, Table) {
  const std::vector<Case> cases = {
      {"<p>One</p><p>Two</p>", "One\n\nTwo"},
      {"<p>A <strong>bold</strong> and <em>soft</em> word</p>", "A **bold** and *soft* word"},
      {"<p>None, <em>Right, </em>and Center</p>", "None, *Right,* and Center"},
      {"<ul><li>Drive</li><li>Plan</li></ul>", "- Drive\n- Plan"},
      {"<ol><li>First</li><li>Second<ul><li>inner</li></ul></li></ol>", "1. First\n2. Second\n\n   - inner"},
      {"<p>Read the <a href=\"https://example.org/a\">report</a>.</p>", "Read the [report](<https://example.org/a>)."},
      {"<h2>Heading</h2><p>Text</p>", "## Heading\n\nText"},
      {"<blockquote><p>Quoted</p></blockquote>", "> Quoted"},
      {"<p>Line<br>break</p>", "Line\\\nbreak"},
      {"<p>2019. A year</p>", "2019\\. A year"},
      {"<p># not a heading, *not* emphasis_ [x]</p>", "\\# not a heading, \\*not\\* emphasis\\_ \\[x\\]"},
      {"<pre>int x = 1;\n</pre>", "```\nint x = 1;\n```"},
      {"<p>Use <code>a*b</code></p>", "Use `a*b`"},
      {"Loose text<script>x()</script>", "Loose text"},
  };
  for (const auto& c : cases) EXPECT_EQ(html_to_markdown(c.in), c.out) << c.in;
}

// Converting to Markdown and rendering it gives back the sanitised HTML's text and elements.
TEST(HtmlToMarkdown, RendersBackToTheSameElements) {
  const std::string html =
      "<p>Intro with <strong>bold</strong>, <em>em</em> and a <a href=\"https://example.org/\">link</a>.</p>"
      "<ul><li>one</li><li>two</li></ul><blockquote><p>quote</p></blockquote><h3>Sub</h3><p>1. not a list</p>";
  const std::string back = render_markdown(html_to_markdown(html));
  for (const char* part : {"<strong>bold</strong>", "<em>em</em>", "<a href=\"https://example.org/\">link</a>",
                           "<li>one</li>", "<blockquote>", "<h3>Sub</h3>", "<p>1. not a list</p>"}) {
    EXPECT_NE(back.find(part), std::string::npos) << part << " in " << back;
  }
}

TEST(HtmlToMarkdown, RandomInputNeverCrashes) {
  const std::vector<std::string> pieces = {"<p>",      "</p>",
                                           "<ul>",     "<li>",
                                           "</ul>",    "<ol>",
                                           "<em>",     "</em>",
                                           "<strong>", "*",
                                           "_",        "#",
                                           "1.",       "\n",
                                           "text ",    "<a href=\"https://x.org/\">",
                                           "</a>",     "<blockquote>",
                                           "<pre>",    "`",
                                           "<br>",     "&amp;",
                                           "[",        "]"};
  std::mt19937 rng(7);
  for (int n = 0; n < 2000; ++n) {
    std::string in;
    for (int k = 0, len = static_cast<int>(rng() % 30); k < len; ++k) in += pieces[rng() % pieces.size()];
    const std::string md = html_to_markdown(in);
    EXPECT_EQ(render_markdown(md).find("<script"), std::string::npos);
  }
}

}  // namespace
}  // namespace gazette::content
