// RAII aliases for the C handles the image module owns, so that every early return and every
// thrown InputError releases them (core/handle.hpp explains the pattern).
#pragma once
#include <cairo.h>
#include <glib-object.h>
#include <librsvg/rsvg.h>

#include "core/handle.hpp"

namespace plaquette::image {

using SurfaceHandle = Handle<cairo_surface_t, cairo_surface_destroy>;
using CairoHandle = Handle<cairo_t, cairo_destroy>;
// RsvgHandle is a GObject: released by dropping the reference, not by a dedicated destroy call.
using RsvgHandlePtr = Handle<RsvgHandle, g_object_unref>;
using GErrorHandle = Handle<GError, g_error_free>;

}  // namespace plaquette::image
