#include "web/theme.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "embedded.h"
#include "strings/strings.h"

namespace gazette::web {
namespace {

std::optional<std::string> read_file(const std::filesystem::path& p) {
  std::string error;
  return strings::read_file(p.string(), error);
}

void register_template(const std::string& name, const std::string& text) {
  if (text.substr(0, 200).find("{{%AUTOESCAPE") == std::string::npos)
    throw std::runtime_error("template " + name + " has no {{%AUTOESCAPE}} pragma: refusing to render it unescaped");
  if (!ctemplate::StringToTemplateCache(name, text, ctemplate::STRIP_WHITESPACE))
    throw std::runtime_error("template " + name + " does not parse");
}

}  // namespace

void Theme::load(const std::string& dir) {
  dir_ = dir;
  ctemplate::mutable_default_template_cache()->ClearCache();
  if (!dir.empty()) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() != ".tpl") continue;
      auto text = read_file(entry.path());
      if (!text) throw std::runtime_error("cannot read template " + entry.path().string());
      register_template(entry.path().filename().string(), *text);
    }
    return;
  }
  constexpr std::string_view prefix = "themes/default/";
  for (const auto& [path, data] : embedded_files()) {
    if (!path.starts_with(prefix) || !path.ends_with(".tpl")) continue;
    register_template(std::string(path.substr(prefix.size())), std::string(data));
  }
}

std::string Theme::render(const std::string& name, const ctemplate::TemplateDictionary& dict) const {
  std::string out;
  if (!ctemplate::ExpandTemplate(name, ctemplate::STRIP_WHITESPACE, &dict, &out))
    throw std::runtime_error("template " + name + " failed to render");
  return out;
}

std::optional<std::string> Theme::asset(std::string_view name) const {
  if (name.find("..") != std::string_view::npos || name.find('/') != std::string_view::npos) return std::nullopt;
  if (!dir_.empty()) return read_file(std::filesystem::path(dir_) / "static" / std::string(name));
  if (auto data = embedded_file("themes/default/static/" + std::string(name))) return std::string(*data);
  return std::nullopt;
}

}  // namespace gazette::web
