// Stories: a text that flows through linked frames, possibly over several pages. Layout keeps
// where each named story stopped, so that a later `continue:` block (or an added page) takes
// the rest; what is still left at the end is an overflow error naming the last frame.
#pragma once
#include <map>
#include <string>

#include "core/diag.hpp"
#include "model/document.hpp"
#include "text/typesetter.hpp"

namespace plaquette::layout {

struct StoryState {
  const model::TextBlock* origin = nullptr;  // the block holding the paragraphs
  text::FlowStart next;                      // where the rest starts
  bool done = false;
  // The last frame it filled, for the overflow message and for adding pages.
  int page = 0;
  std::string frame;
  Span span;
  size_t lines_left = 0;
  bool lines_estimated = false;  // lines_left extrapolated (text::Overflow::estimated)
};

using StoryTable = std::map<std::string, StoryState>;

}  // namespace plaquette::layout
