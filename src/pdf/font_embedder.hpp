// Fonts of the PDF: each font face the glyph runs use becomes one Type0 font (Identity-H, CID =
// glyph id as Pango shaped it), its program subset with HarfBuzz's hb-subset (glyph ids
// retained) and embedded — TrueType as CIDFontType2 + FontFile2, CFF OpenType as CIDFontType0 +
// FontFile3/OpenType — with /W widths and a ToUnicode map built from the glyph clusters, so that
// text extraction gives the text as set (ligatures, no-break spaces, hyphens at line ends).
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

typedef struct _PangoFont PangoFont;
typedef struct hb_face_t hb_face_t;

namespace plaquette::pdf {

class FontEmbedder {
 public:
  explicit FontEmbedder(QPDF& pdf);
  ~FontEmbedder();
  FontEmbedder(const FontEmbedder&) = delete;
  FontEmbedder& operator=(const FontEmbedder&) = delete;

  struct Face;  // one embedded face

  // The face of `font`, registered on first use. Throws std::runtime_error when the font's
  // program cannot be read.
  Face& face(PangoFont* font);

  // Records that `glyph` was used and stands for `text` (UTF-8; may be several characters for a
  // ligature; empty: no text of its own). Returns false when the glyph already stands for another
  // text (the ToUnicode map holds one per glyph): the caller then says it with ActualText.
  bool use(Face& f, unsigned glyph, const std::string& text);

  // The glyph's advance in thousandths of the font size (the /W value).
  double advance_1000(Face& f, unsigned glyph);

  // The resource name ("F1") and the font dictionary (indirect; filled by finish()).
  const std::string& resource(const Face& f) const;
  QPDFObjectHandle dictionary(const Face& f) const;

  // Subsets and embeds every face used: call once, after every page is written.
  void finish();

 private:
  QPDF& pdf_;
  std::vector<std::unique_ptr<Face>> faces_;
  std::map<hb_face_t*, Face*> by_face_;
};

}  // namespace plaquette::pdf
