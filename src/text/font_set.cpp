#include "text/font_set.hpp"

#include "core/regular_file.hpp"

#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <pango/pangofc-font.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include <fmt/format.h>

namespace plaquette::text {

namespace {

const char* weight_name(int w) {
  if (w <= 150) return "thin";
  if (w <= 250) return "extralight";
  if (w <= 350) return "light";
  if (w <= 450) return "regular";
  if (w <= 550) return "medium";
  if (w <= 650) return "semibold";
  if (w <= 750) return "bold";
  if (w <= 850) return "extrabold";
  return "black";
}

bool same_family(const std::string& a, const std::string& b) {
  return g_ascii_strcasecmp(a.c_str(), b.c_str()) == 0;
}

}  // namespace

FontSet::FontSet(const std::string& fonts_dir, const Span& span) : dir_(fonts_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(fonts_dir, ec))
    throw InputError(span, fmt::format("fonts folder '{}' not found: put the project's font files there", fonts_dir));

  // fontconfig opens every file of the folder: a FIFO there would block it forever.
  for (fs::recursive_directory_iterator it(fonts_dir, ec), end; !ec && it != end; it.increment(ec))
    if (const std::string kind = irregular_file_kind(it->path()); !kind.empty() && kind != "is a folder")
      throw InputError(span, fmt::format("'{}' in the fonts folder is not a file (it {}): remove it, the fonts "
                                         "folder holds only font files",
                                         it->path().lexically_relative(fonts_dir).string(), kind));
  ec.clear();

  // An empty configuration (no system fonts) plus a cache folder so fontconfig does not warn.
  config_.reset(FcConfigCreate());
  static const char* kConfig =
      "<?xml version=\"1.0\"?><!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">"
      "<fontconfig><cachedir prefix=\"xdg\">fontconfig</cachedir></fontconfig>";
  FcConfigParseAndLoadFromMemory(config_.get(), reinterpret_cast<const FcChar8*>(kConfig), FcFalse);
  if (!FcConfigAppFontAddDir(config_.get(), reinterpret_cast<const FcChar8*>(fonts_dir.c_str())))
    throw InputError(span, fmt::format("cannot read the fonts folder '{}'", fonts_dir));
  FcFontSet* set = FcConfigGetFonts(config_.get(), FcSetApplication);
  if (!set || set->nfont == 0)
    throw InputError(span, fmt::format("the fonts folder '{}' holds no font file (.otf, .ttf)", fonts_dir));

  font_map_.reset(pango_cairo_font_map_new());
  pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(font_map_.get()), config_.get());
  context_.reset(pango_font_map_create_context(font_map_.get()));

  // Metrics must not depend on the output device: no hinting of metrics, unrounded glyph
  // positions. Then the PDF and the PNG preview break lines at exactly the same places.
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context_.get(), options);
  cairo_font_options_destroy(options);
  pango_cairo_context_set_resolution(context_.get(), 72.0);  // 1 Pango point = 1 page point
  pango_context_set_round_glyph_positions(context_.get(), FALSE);
  pango_context_set_language(context_.get(), pango_language_from_string("fr"));
}

FontDescHandle FontSet::describe(const model::ParagraphStyle& style) const {
  FontDescHandle desc(pango_font_description_new());
  pango_font_description_set_family(desc.get(), style.family.c_str());
  pango_font_description_set_weight(desc.get(), static_cast<PangoWeight>(style.weight));
  pango_font_description_set_style(desc.get(), style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_font_description_set_absolute_size(desc.get(), style.size * PANGO_SCALE);
  return desc;
}

std::vector<std::string> FontSet::families() const {
  PangoFontFamily** list = nullptr;
  int n = 0;
  pango_font_map_list_families(font_map_.get(), &list, &n);
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) out.emplace_back(pango_font_family_get_name(list[i]));
  g_free(list);
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<std::string> FontSet::check(const model::ParagraphStyle& style) const {
  auto fams = families();
  if (std::none_of(fams.begin(), fams.end(), [&](const std::string& f) { return same_family(f, style.family); })) {
    return fmt::format("font '{}' of style '{}' is not in the project fonts ({}){}; available: {}", style.family,
                       style.name, dir_, did_you_mean(style.family, fams), fmt::join(fams, ", "));
  }
  auto desc = describe(style);
  FontHandle font(pango_font_map_load_font(font_map_.get(), context_.get(), desc.get()));
  if (!font) return fmt::format("font '{}' of style '{}' cannot be loaded", style.family, style.name);

  FcPattern* pattern = pango_fc_font_get_pattern(PANGO_FC_FONT(font.get()));
  FcChar8* family = nullptr;
  FcPatternGetString(pattern, FC_FAMILY, 0, &family);
  FcBool embolden = FcFalse;
  FcPatternGetBool(pattern, FC_EMBOLDEN, 0, &embolden);
  FcMatrix* matrix = nullptr;
  bool slanted_matrix = FcPatternGetMatrix(pattern, FC_MATRIX, 0, &matrix) == FcResultMatch && matrix &&
                        std::abs(matrix->xy) > 1e-6;
  int fc_weight = FC_WEIGHT_REGULAR, fc_slant = FC_SLANT_ROMAN;
  FcPatternGetInteger(pattern, FC_WEIGHT, 0, &fc_weight);
  FcPatternGetInteger(pattern, FC_SLANT, 0, &fc_slant);
  int got_weight = FcWeightToOpenType(fc_weight);
  bool got_italic = fc_slant != FC_SLANT_ROMAN;

  std::string wanted = fmt::format("{} {}{}", style.family, weight_name(style.weight), style.italic ? " italic" : "");
  if (family && !same_family(reinterpret_cast<const char*>(family), style.family))
    return fmt::format("style '{}' asks for '{}' but the project fonts only give '{}'", style.name, wanted,
                       reinterpret_cast<const char*>(family));
  if (embolden || slanted_matrix || got_italic != style.italic || std::abs(got_weight - style.weight) > 50)
    return fmt::format(
        "style '{}' asks for '{}' but there is no such face in {} (the nearest is {} {}{}): add the font file "
        "or choose another weight",
        style.name, wanted, dir_, style.family, weight_name(got_weight), got_italic ? " italic" : "");
  return std::nullopt;
}

}  // namespace plaquette::text
