// Exact print colour: Cairo can only write DeviceRGB, so every swatch is drawn with its RGB
// proxy and this pass writes it back as the swatch's exact DeviceCMYK values ("0 0 0 1 k" for
// black text: the black plate alone). Colours that are no swatch are left as they are.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/color.hpp"

class QPDF;
class QPDFObjectHandle;

namespace plaquette::finish {

// The CMYK operator (without its operator name) that replaces an RGB colour, if it is a swatch.
class SwatchMap {
 public:
  explicit SwatchMap(const std::vector<Swatch>& swatches);
  // "c m y k" (0..1) of the swatch whose proxy is `rgb` (within Cairo's 6-digit rounding).
  std::optional<Cmyk> lookup(const Rgb& rgb) const;

 private:
  std::vector<std::pair<Rgb, Cmyk>> entries_;
};

// Rewrites rg/RG operators of swatch colours on every page and form XObject, and makes the
// pages' transparency groups blend in DeviceCMYK. The rewrite happens when the PDF is written:
// `count` and `left` (which must outlive the write) then hold how many operators were rewritten
// and how many RGB colours were no swatch and stayed RGB.
void rewrite_swatch_colours(QPDF& pdf, const SwatchMap& swatches, size_t& count, size_t& left);

// What an RGB colour that is no swatch becomes (a conversion through the output profile), or
// nullopt to leave it RGB.
using ColourFallback = std::function<std::optional<Cmyk>(const Rgb&)>;

// The same rewrite on one form XObject and the forms it draws (an SVG drawing imported by the PDF
// writer), when it is written; with `fallback`, the other RGB colours are converted too and the
// forms' transparency groups blend in DeviceCMYK.
void rewrite_stream_colours(QPDFObjectHandle& stream, const SwatchMap& swatches, size_t& count, size_t& left,
                            const ColourFallback& fallback = {});

}  // namespace plaquette::finish
