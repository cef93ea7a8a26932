// RAII aliases for the Cairo handles the renderer owns.
#pragma once
#include <cairo.h>

#include "core/handle.hpp"

namespace plaquette::render {

using CairoHandle = Handle<cairo_t, cairo_destroy>;
using SurfaceHandle = Handle<cairo_surface_t, cairo_surface_destroy>;

// Saves the Cairo state and restores it at the end of the scope.
class SavedState {
 public:
  explicit SavedState(cairo_t* cr) : cr_(cr) { cairo_save(cr_); }
  ~SavedState() { cairo_restore(cr_); }
  SavedState(const SavedState&) = delete;
  SavedState& operator=(const SavedState&) = delete;

 private:
  cairo_t* cr_;
};

}  // namespace plaquette::render
