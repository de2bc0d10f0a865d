#include "demo/data_file.h"

#include <stdexcept>

#include "embedded.h"

namespace gazette::demo {

DataFile::DataFile(std::string_view path) : path_(path) {
  const auto text = embedded_file(path);
  if (!text) throw std::runtime_error(std::string(path) + ": demo data file is not embedded in this binary");
  std::size_t line_no = 0;
  for (std::size_t pos = 0; pos < text->size();) {
    std::size_t end = text->find('\n', pos);
    if (end == std::string_view::npos) end = text->size();
    std::string_view line = text->substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    if (line.front() == '[' && line.back() == ']') {
      blocks_.push_back({line.substr(1, line.size() - 2), {}});
    } else if (blocks_.empty()) {
      throw std::runtime_error(std::string(path) + ":" + std::to_string(line_no) + ": item before the first [block]");
    } else {
      blocks_.back().items.push_back(line);
    }
  }
  if (blocks_.empty()) throw std::runtime_error(std::string(path) + ": demo data file is empty");
}

const DataFile::Block& DataFile::block(std::string_view name) const {
  for (const Block& b : blocks_) {
    if (b.name != name) continue;
    if (b.items.empty()) fail(name, "block is empty");
    return b;
  }
  fail(name, "block is missing");
}

std::vector<std::string_view> DataFile::fields(const Block& block, std::string_view item, std::size_t min,
                                               std::size_t max) const {
  std::vector<std::string_view> out;
  for (std::size_t from = 0;;) {
    const std::size_t tab = item.find('\t', from);
    out.push_back(item.substr(from, tab == std::string_view::npos ? std::string_view::npos : tab - from));
    if (tab == std::string_view::npos) break;
    from = tab + 1;
  }
  if (out.size() < min || out.size() > max)
    fail(block.name, "expected " + std::to_string(min) + (min == max ? "" : "-" + std::to_string(max)) +
                         " tab-separated fields in \"" + std::string(item) + "\"");
  for (const std::string_view f : out)
    if (f.empty()) fail(block.name, "empty field in \"" + std::string(item) + "\"");
  return out;
}

void DataFile::fail(std::string_view block, const std::string& what) const {
  throw std::runtime_error(std::string(path_) + ": [" + std::string(block) + "] " + what);
}

}  // namespace gazette::demo
