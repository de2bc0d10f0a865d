// The demo generators' word lists: plain-text files under data/demo/, compiled into the binary (the
// embed list in CMakeLists.txt) and read with DataFile. Format: "[name]" starts a block; each following
// line is one item until the next block; lines starting with '#' and blank lines are ignored; an item
// with several fields separates them with tabs.
//
// Thread-safety: a DataFile is immutable once constructed and may be read from any thread. The views it
// hands out point into the embedded file, which lives as long as the program. Callers keep each file
// in a function-local static, so it is parsed once.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::demo {

class DataFile {
 public:
  struct Block {
    std::string_view name;
    std::vector<std::string_view> items;
  };

  // Parses the embedded file at `path` ("data/demo/people.txt"). Throws std::runtime_error naming the
  // file when it is not embedded, has no blocks, or has an item before the first block.
  explicit DataFile(std::string_view path);

  std::string_view path() const { return path_; }

  // Every block, in file order.
  const std::vector<Block>& blocks() const { return blocks_; }

  // Block `name` (the first of that name). Throws std::runtime_error naming the file and block when
  // there is no such block or it is empty.
  const Block& block(std::string_view name) const;

  // The items of block `name`; throws as block() does.
  const std::vector<std::string_view>& list(std::string_view name) const { return block(name).items; }

  // An item's tab-separated fields. Throws naming the file, block and item when there are fewer than
  // `min` or more than `max`, or when one is empty.
  std::vector<std::string_view> fields(const Block& block, std::string_view item, std::size_t min,
                                       std::size_t max) const;

  // Throws std::runtime_error("<path>: [<block>] <what>").
  [[noreturn]] void fail(std::string_view block, const std::string& what) const;

 private:
  std::string_view path_;
  std::vector<Block> blocks_;
};

}  // namespace gazette::demo
