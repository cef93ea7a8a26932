// Colours as the two PDFs want them. Print: a swatch with a CMYK value is written as that exact
// DeviceCMYK (black text "0 0 0 1 k": the black plate alone), printers' marks in registration
// (all four plates), any other colour converted from sRGB through the output profile (lcms2).
// Screen: the RGB the scene carries (swatches' screen proxies), as the previews draw it.
#pragma once
#include <map>
#include <tuple>
#include <memory>
#include <string>
#include <vector>

#include "core/color.hpp"
#include "pdf/content_stream.hpp"

namespace plaquette::pdf {

enum class Kind { Print, Screen };

class ColourWriter {
 public:
  // `profile` (print only): the CMYK output profile's path. Throws std::runtime_error when it
  // cannot be read.
  ColourWriter(Kind kind, const std::vector<Swatch>& swatches, const std::string& profile);
  ~ColourWriter();
  ColourWriter(const ColourWriter&) = delete;
  ColourWriter& operator=(const ColourWriter&) = delete;

  // "c m y k k" / "r g b rg" for filling (stroke: K / RG).
  void fill(ContentStream& out, const Paint& paint);
  void stroke(ContentStream& out, const Paint& paint);
  // Registration colour for printers' marks (print), or its RGB proxy (screen).
  void registration_stroke(ContentStream& out);

  // The CMYK the print PDF writes for `paint` (0..100), for tests and checks.
  Cmyk cmyk_of(const Paint& paint);
  Kind kind() const { return kind_; }
  // RGB colours that were no swatch and went through the profile (print), for the build report.
  size_t converted() const { return converted_; }

 private:
  void write(ContentStream& out, const Paint& paint, bool stroke);
  Kind kind_;
  std::map<std::string, Cmyk> exact_;  // swatch name → its CMYK
  struct Transform;
  std::unique_ptr<Transform> transform_;
  std::map<std::tuple<double, double, double>, Cmyk> cache_;
  size_t converted_ = 0;
};

}  // namespace plaquette::pdf
