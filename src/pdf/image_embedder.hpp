// Pictures of the PDF, each embedded once however often it is drawn: JPEG bytes passed through
// (DCTDecode: the print CMYK JPEG of the image step, the screen's downsampled JPEG), other rasters
// as Flate-compressed samples with a soft mask when they have transparency, and SVG drawings as
// vectors (librsvg draws them into a one-page PDF, imported here as a Form XObject).
#pragma once
#include <functional>
#include <map>
#include <vector>
#include <memory>
#include <string>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include "scene/scene.hpp"

namespace plaquette::pdf {

class ImageEmbedder {
 public:
  // `rewrite_svg_colour`, when set, is applied to each imported drawing's content stream (the
  // print PDF writes the swatches' exact CMYK there).
  using StreamFilter = std::function<void(QPDFObjectHandle& form)>;
  explicit ImageEmbedder(QPDF& pdf, StreamFilter rewrite_svg_colour = {});
  ~ImageEmbedder();

  // The image XObject of a raster picture. Throws std::runtime_error on a picture it cannot write.
  QPDFObjectHandle raster(const scene::RasterImage& img);
  // The Form XObject of an SVG drawing, in a 1 × 1 box (the caller scales it to its destination:
  // the form's /BBox is [0 0 1 1], y up).
  QPDFObjectHandle vector(const scene::VectorImage& img);
  // Whether a raster written by raster() has transparency (drawn with a soft mask: the page then
  // needs a transparency group). Known once raster() has written it; false before.
  bool has_alpha(const scene::RasterImage& img) const;

 private:
  QPDF& pdf_;
  StreamFilter rewrite_;
  std::map<const void*, QPDFObjectHandle> done_;
  std::map<const void*, bool> alpha_;
  // The drawings' own documents and their bytes (qpdf reads stream data lazily, from the buffer
  // it was given), kept until the PDF is written.
  struct Imported {
    std::string bytes;
    QPDF pdf;
  };
  std::vector<std::unique_ptr<Imported>> imported_;
};

}  // namespace plaquette::pdf
