#include "web/render_deps.h"

namespace gazette::web {
namespace {
thread_local RenderDeps* current = nullptr;
}

RenderDeps::RenderDeps() : previous_(current) {
  current = this;
}
RenderDeps::~RenderDeps() {
  current = previous_;
}

void RenderDeps::add(std::string name) {
  if (current) current->names_.push_back(std::move(name));
}

void RenderDeps::expire_within(int seconds) {
  if (current && seconds > 0 && (current->ttl_ == 0 || seconds < current->ttl_)) current->ttl_ = seconds;
}

}  // namespace gazette::web
