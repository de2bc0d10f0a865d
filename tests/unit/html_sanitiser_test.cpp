// The one HTML sanitiser (content/html_sanitiser.h): what the allow-list keeps, what it drops, and
// that no input makes it crash, hang or let markup through.
#include "content/html_sanitiser.h"

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
