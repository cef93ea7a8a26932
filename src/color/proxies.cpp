#include "color/proxies.hpp"

#include <lcms2.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>

namespace plaquette::color {

CmykToScreen::CmykToScreen(const std::string& profile_path) {
  cmsHPROFILE cmyk = cmsOpenProfileFromFile(profile_path.c_str(), "r");
  if (!cmyk) throw std::runtime_error("cannot read the CMYK output profile '" + profile_path + "'");
  cmsHPROFILE srgb = cmsCreate_sRGBProfile();
  // Relative colorimetric with black point compensation: the paper white is the screen white.
  transform_ = cmsCreateTransform(cmyk, TYPE_CMYK_DBL, srgb, TYPE_RGB_DBL, INTENT_RELATIVE_COLORIMETRIC,
                                  cmsFLAGS_BLACKPOINTCOMPENSATION);
  cmsCloseProfile(cmyk);
  cmsCloseProfile(srgb);
  if (!transform_) throw std::runtime_error("cannot convert from the profile '" + profile_path + "'");
}

CmykToScreen::~CmykToScreen() {
  if (transform_) cmsDeleteTransform(static_cast<cmsHTRANSFORM>(transform_));
}

Rgb CmykToScreen::operator()(const Cmyk& c) const {
  const double in[4] = {c.c, c.m, c.y, c.k};  // lcms takes CMYK doubles as 0..100 %
  double out[3] = {0, 0, 0};
  cmsDoTransform(static_cast<cmsHTRANSFORM>(transform_), in, out, 1);
  auto clamp = [](double v) { return std::clamp(v, 0.0, 1.0); };  // out of sRGB gamut: the nearest edge
  return Rgb{clamp(out[0]), clamp(out[1]), clamp(out[2])};
}

void apply_screen_proxies(model::Document& doc) {
  bool needed = false;
  for (const auto& [name, s] : doc.tmpl.swatches) needed = needed || (s.cmyk && !s.rgb_given);
  if (!needed) return;
  const auto profile = std::filesystem::path(doc.project_root) / doc.tmpl.output_profile;
  const CmykToScreen to_screen(profile.string());
  for (auto& [name, s] : doc.tmpl.swatches)
    if (s.cmyk && !s.rgb_given) s.rgb = to_screen(*s.cmyk);
}

}  // namespace plaquette::color
