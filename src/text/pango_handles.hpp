// RAII aliases for the Pango, GLib and fontconfig handles the text engine owns.
#pragma once
#include <fontconfig/fontconfig.h>
#include <glib-object.h>
#include <pango/pango.h>

#include "core/handle.hpp"

namespace plaquette::text {

inline void unref_gobject(void* p) { g_object_unref(p); }

using LayoutHandle = Handle<PangoLayout, unref_gobject>;
using ContextHandle = Handle<PangoContext, unref_gobject>;
using FontMapHandle = Handle<PangoFontMap, unref_gobject>;
using FontHandle = Handle<PangoFont, unref_gobject>;
using FontDescHandle = Handle<PangoFontDescription, pango_font_description_free>;
using AttrListHandle = Handle<PangoAttrList, pango_attr_list_unref>;
using FcConfigHandle = Handle<FcConfig, FcConfigDestroy>;
using GCharHandle = Handle<gchar, g_free>;

}  // namespace plaquette::text
