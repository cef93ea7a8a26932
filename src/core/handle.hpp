// RAII for C library handles: Handle<cairo_t, cairo_destroy> owns one cairo_t.
// Each module declares its own aliases (render/cairo_handles.hpp, text/pango_handles.hpp,
// map/gdal_handles.hpp) so that core links no C library.
#pragma once
#include <memory>

namespace plaquette {

template <auto Fn>
struct FnDeleter {
  template <class T>
  void operator()(T* p) const noexcept {
    if (p) Fn(p);
  }
};

template <class T, auto Fn>
using Handle = std::unique_ptr<T, FnDeleter<Fn>>;

}  // namespace plaquette
