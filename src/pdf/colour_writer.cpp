#include "pdf/colour_writer.hpp"

#include <lcms2.h>

#include <cmath>
#include <stdexcept>
#include <tuple>

#include <fmt/format.h>

namespace plaquette::pdf {

struct ColourWriter::Transform {
  cmsHPROFILE srgb = nullptr;
  cmsHPROFILE cmyk = nullptr;
  cmsHTRANSFORM t = nullptr;
  ~Transform() {
    if (t) cmsDeleteTransform(t);
    if (srgb) cmsCloseProfile(srgb);
    if (cmyk) cmsCloseProfile(cmyk);
  }
};

ColourWriter::ColourWriter(Kind kind, const std::vector<Swatch>& swatches, const std::string& profile)
    : kind_(kind) {
  for (const auto& s : swatches)
    if (s.cmyk) exact_[s.name] = *s.cmyk;
  if (kind_ != Kind::Print) return;
  transform_ = std::make_unique<Transform>();
  transform_->srgb = cmsCreate_sRGBProfile();
  transform_->cmyk = cmsOpenProfileFromFile(profile.c_str(), "r");
  if (!transform_->srgb || !transform_->cmyk)
    throw std::runtime_error(fmt::format("cannot read the output profile '{}'", profile));
  // Relative colorimetric, as the print images are converted (finish/print_images.cpp).
  transform_->t = cmsCreateTransform(transform_->srgb, TYPE_RGB_DBL, transform_->cmyk, TYPE_CMYK_DBL,
                                     INTENT_RELATIVE_COLORIMETRIC, cmsFLAGS_BLACKPOINTCOMPENSATION);
  if (!transform_->t) throw std::runtime_error(fmt::format("cannot convert colours through '{}'", profile));
}

ColourWriter::~ColourWriter() = default;

Cmyk ColourWriter::cmyk_of(const Paint& paint) {
  if (auto it = exact_.find(paint.swatch); it != exact_.end()) return it->second;
  if (paint.rgb == kRegistrationProxy) return kRegistration;
  const auto key = std::make_tuple(paint.rgb.r, paint.rgb.g, paint.rgb.b);
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  double in[3] = {paint.rgb.r, paint.rgb.g, paint.rgb.b};
  double out[4] = {0, 0, 0, 0};
  if (transform_) cmsDoTransform(transform_->t, in, out, 1);  // lcms: CMYK doubles in 0..100
  ++converted_;
  const Cmyk c{out[0], out[1], out[2], out[3]};
  cache_.emplace(key, c);
  return c;
}

void ColourWriter::write(ContentStream& out, const Paint& paint, bool stroke) {
  if (kind_ == Kind::Print) {
    const Cmyk c = cmyk_of(paint);
    out.num(c.c / 100, 4).num(c.m / 100, 4).num(c.y / 100, 4).num(c.k / 100, 4).op(stroke ? "K" : "k");
  } else {
    out.num(paint.rgb.r, 4).num(paint.rgb.g, 4).num(paint.rgb.b, 4).op(stroke ? "RG" : "rg");
  }
}

void ColourWriter::fill(ContentStream& out, const Paint& paint) { write(out, paint, false); }
void ColourWriter::stroke(ContentStream& out, const Paint& paint) { write(out, paint, true); }

void ColourWriter::registration_stroke(ContentStream& out) {
  write(out, Paint{"", kRegistrationProxy, 1.0}, true);
}

}  // namespace plaquette::pdf
