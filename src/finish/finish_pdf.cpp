#include "finish/finish_pdf.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/Pl_Flate.hh>
#include <qpdf/QPDFWriter.hh>

#include <filesystem>
#include <mutex>
#include <stdexcept>

#include "finish/print_colour.hpp"

namespace plaquette::finish {

namespace {

void set_boxes(QPDF& pdf, const PrintBoxes& b) {
  for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
    const auto media = page.getMediaBox().getArrayAsRectangle();
    const double t = b.trim_offset, o = b.trim_offset - b.bleed;
    QPDFObjectHandle::Rectangle trim(media.llx + t, media.lly + t, media.urx - t, media.ury - t);
    QPDFObjectHandle::Rectangle bleed(media.llx + o, media.lly + o, media.urx - o, media.ury - o);
    auto obj = page.getObjectHandle();
    obj.replaceKey("/TrimBox", QPDFObjectHandle::newArray(trim));
    obj.replaceKey("/BleedBox", QPDFObjectHandle::newArray(bleed));
    // Links belong to the screen PDF; print standards (PDF/X) refuse annotations on the page.
    obj.removeKey("/Annots");
  }
}

}  // namespace

FinishReport finish_pdf(const std::string& path, const FinishOptions& options) {
  // The streams qpdf rewrites (the page contents, after the swatch filter) are deflated at the
  // fastest level: a third of a variant batch went into zlib at the default level, for content
  // streams a few percent smaller. qpdf keeps this level process-wide; set once.
  static std::once_flag fast_flate;
  std::call_once(fast_flate, [] { Pl_Flate::setCompressionLevel(1); });
  const std::string rewritten = path + ".finish";
  FinishReport report;
  try {
    {
      QPDF pdf;
      pdf.processFile(path.c_str());
      if (!options.language.empty())
        pdf.getRoot().replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(options.language));
      if (options.boxes) set_boxes(pdf, *options.boxes);
      const SwatchMap swatches(options.exact_cmyk);
      if (!options.exact_cmyk.empty()) rewrite_swatch_colours(pdf, swatches, report.cmyk_colours, report.rgb_left);
      if (options.pdfx) make_pdfx4(pdf, *options.pdfx);
      QPDFWriter writer(pdf, rewritten.c_str());
      writer.setDeterministicID(true);  // reproducible bytes, and the /ID that print workflows expect
      if (options.pdfx) writer.setMinimumPDFVersion("1.6");  // PDF/X-4 is based on PDF 1.6
      writer.write();
    }
    std::filesystem::rename(rewritten, path);
  } catch (const std::exception& e) {
    std::error_code ignored;
    std::filesystem::remove(rewritten, ignored);
    throw std::runtime_error(std::string("cannot finish the PDF: ") + e.what());
  }
  return report;
}

}  // namespace plaquette::finish
