// Collects, while a page renders on this thread, the dependency names (content::deps) of what it
// shows: fill_card names each article, the layout names the navigation, the job box its adverts.
// Site::render opens a RenderDeps scope around each handler and copies the names into the response,
// so a handler cannot forget a dependency of a helper it calls. One scope per thread at a time.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gazette::web {

class RenderDeps {
 public:
  RenderDeps();
  ~RenderDeps();
  RenderDeps(const RenderDeps&) = delete;
  RenderDeps& operator=(const RenderDeps&) = delete;

  std::vector<std::string>& names() { return names_; }
  int ttl() const { return ttl_; }

  // Adds to the scope open on this thread; nothing when none is open (a render outside the cache).
  static void add(std::string name);
  static void add(std::string_view name) { add(std::string(name)); }
  // The page must be rebuilt within `seconds` whatever changes are named (keeps the smallest).
  static void expire_within(int seconds);

 private:
  std::vector<std::string> names_;
  int ttl_ = 0;
  RenderDeps* previous_;
};

}  // namespace gazette::web
