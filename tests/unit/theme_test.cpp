// Every template must auto-escape: a template without the pragma would render variables raw.
#include <gtest/gtest.h>

#include "embedded.h"
#include "web/theme.h"

#include <filesystem>
#include <fstream>

namespace gazette::web {
namespace {

TEST(Theme, EveryBuiltInTemplateDeclaresAutoEscape) {
  int templates = 0;
  for (const auto& [path, data] : embedded_files()) {
    if (!path.ends_with(".tpl")) continue;
    ++templates;
    EXPECT_NE(data.substr(0, 200).find("{{%AUTOESCAPE context=\""), std::string_view::npos) << path;
  }
  EXPECT_GE(templates, 5);
}

TEST(Theme, EscapesVariablesInHtmlAndAttributes) {
  Theme theme;
  theme.load("");
  ctemplate::TemplateDictionary d("t");
  d.SetValue("PATH", "/<script>alert(1)</script>\"");
  std::string html = theme.render("not_found.tpl", d);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
}

TEST(Theme, RefusesATemplateWithoutThePragma) {
  Theme theme;
  auto dir = std::filesystem::temp_directory_path() / "gazette-theme-test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "bad.tpl") << "<p>{{RAW}}</p>\n";
  EXPECT_THROW(theme.load(dir.string()), std::runtime_error);
  std::filesystem::remove_all(dir);
  theme.load("");  // leave the built-in theme registered for other tests
}

}  // namespace
}  // namespace gazette::web
