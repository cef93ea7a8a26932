// Screen proxies of CMYK swatches: what Cairo draws for a swatch defined in CMYK only is the sRGB
// colour that ink gives on the press, computed with lcms2 through the output profile (not a
// naive formula). The finish stage writes the exact CMYK back into the print PDF.
#pragma once
#include <string>

#include "core/color.hpp"
#include "model/document.hpp"

namespace plaquette::color {

// The sRGB appearance of `cmyk` printed in the condition of the CMYK profile at `profile_path`.
// Throws std::runtime_error when the profile cannot be read.
class CmykToScreen {
 public:
  explicit CmykToScreen(const std::string& profile_path);
  ~CmykToScreen();
  CmykToScreen(const CmykToScreen&) = delete;
  CmykToScreen& operator=(const CmykToScreen&) = delete;
  Rgb operator()(const Cmyk& cmyk) const;

 private:
  void* transform_ = nullptr;  // cmsHTRANSFORM
};

// Gives every swatch that has CMYK but no RGB of its own its proxy through the template's output
// profile. Swatches with an explicit rgb keep it (the designer's screen colour).
void apply_screen_proxies(model::Document& doc);

}  // namespace plaquette::color
