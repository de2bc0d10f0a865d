// Loads the theme's CTemplate templates (compiled in, or from a directory) and renders them.
// Every template must declare {{%AUTOESCAPE context="HTML"}} (or XML/JSON), so variables are escaped
// for where they appear; load() refuses a template without it. Rendering is thread-safe after load().
#pragma once

#include <ctemplate/template.h>

#include <optional>
#include <string>
#include <string_view>

namespace gazette::web {

class Theme {
 public:
  // Registers the templates: from `dir` when not empty, else the built-in themes/default. Throws
  // std::runtime_error naming the file when a template is missing its auto-escape pragma or does not parse.
  void load(const std::string& dir);

  // Expands `name` (e.g. "article.tpl") with `dict`. Throws std::runtime_error if it fails.
  std::string render(const std::string& name, const ctemplate::TemplateDictionary& dict) const;

  // A static asset ("style.css"), from the directory or the built-in theme.
  std::optional<std::string> asset(std::string_view name) const;

 private:
  std::string dir_;
};

}  // namespace gazette::web
