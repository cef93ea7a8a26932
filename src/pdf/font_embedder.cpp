#include "pdf/font_embedder.hpp"

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>
#include <pango/pango.h>

#include <glib.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

#include "pdf/text_string.hpp"

namespace plaquette::pdf {

namespace {

// RAII for the HarfBuzz objects this file creates.
struct BlobDeleter {
  void operator()(hb_blob_t* b) const { hb_blob_destroy(b); }
};
struct FaceDeleter {
  void operator()(hb_face_t* f) const { hb_face_destroy(f); }
};
struct FontDeleter {
  void operator()(hb_font_t* f) const { hb_font_destroy(f); }
};
struct SubsetInputDeleter {
  void operator()(hb_subset_input_t* i) const { hb_subset_input_destroy(i); }
};
using BlobPtr = std::unique_ptr<hb_blob_t, BlobDeleter>;
using FacePtr = std::unique_ptr<hb_face_t, FaceDeleter>;
using FontPtr = std::unique_ptr<hb_font_t, FontDeleter>;
using SubsetInputPtr = std::unique_ptr<hb_subset_input_t, SubsetInputDeleter>;

std::string blob_bytes(hb_blob_t* blob) {
  unsigned int n = 0;
  const char* data = hb_blob_get_data(blob, &n);
  return std::string(data ? data : "", data ? n : 0);
}

// Six capital letters from the used glyphs: the subset's tag (ABCDEF+Name), the same for the same
// glyph set, as the PDF specification asks of subsets.
std::string subset_tag(const std::string& family, const std::set<unsigned>& glyphs) {
  uint64_t h = 1469598103934665603ull;
  auto add = [&](uint64_t v) {
    h ^= v;
    h *= 1099511628211ull;
  };
  for (char c : family) add(static_cast<unsigned char>(c));
  for (unsigned g : glyphs) add(g);
  std::string tag;
  for (int i = 0; i < 6; ++i) {
    tag += static_cast<char>('A' + h % 26);
    h /= 26;
  }
  return tag;
}

std::string pdf_name_safe(std::string s) {
  std::string out;
  for (char c : s)
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') out += c;
  return out.empty() ? "Font" : out;
}

int16_t be16(const std::string& t, size_t at) {
  return static_cast<int16_t>((static_cast<unsigned char>(t[at]) << 8) | static_cast<unsigned char>(t[at + 1]));
}

}  // namespace

struct FontEmbedder::Face {
  FacePtr face;      // our reference to the face (the whole font program)
  FontPtr font;      // at units-per-em scale: advances in font units
  unsigned upem = 1000;
  bool cff = false;  // CFF outlines (OpenType/CFF) rather than TrueType glyf
  std::string postscript_name;
  std::string resource;
  QPDFObjectHandle dict;
  std::map<unsigned, std::string> text;  // glyph → the characters it stands for (first seen)
  std::set<unsigned> glyphs;
};

FontEmbedder::FontEmbedder(QPDF& pdf) : pdf_(pdf) {}
FontEmbedder::~FontEmbedder() = default;

FontEmbedder::Face& FontEmbedder::face(PangoFont* font) {
  hb_font_t* pango_hb = font ? pango_font_get_hb_font(font) : nullptr;
  hb_face_t* hb_face = pango_hb ? hb_font_get_face(pango_hb) : nullptr;
  if (!hb_face) throw std::runtime_error("a glyph run has no font");
  if (auto it = by_face_.find(hb_face); it != by_face_.end()) return *it->second;

  auto f = std::make_unique<Face>();
  f->face.reset(hb_face_reference(hb_face));
  f->upem = hb_face_get_upem(hb_face);
  f->font.reset(hb_font_create(hb_face));
  hb_font_set_scale(f->font.get(), static_cast<int>(f->upem), static_cast<int>(f->upem));
  BlobPtr cff(hb_face_reference_table(hb_face, HB_TAG('C', 'F', 'F', ' ')));
  f->cff = hb_blob_get_length(cff.get()) > 0;
  char name[128] = {};
  unsigned int size = sizeof name;
  hb_ot_name_get_utf8(hb_face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &size, name);
  f->postscript_name = pdf_name_safe(name);
  f->resource = fmt::format("F{}", faces_.size() + 1);
  f->dict = pdf_.makeIndirectObject(QPDFObjectHandle::newDictionary());
  Face& out = *f;
  by_face_[hb_face] = f.get();
  faces_.push_back(std::move(f));
  return out;
}

bool FontEmbedder::use(Face& f, unsigned glyph, const std::string& text) {
  f.glyphs.insert(glyph);
  if (text.empty()) return true;
  auto [it, inserted] = f.text.emplace(glyph, text);
  return inserted || it->second == text;
}

double FontEmbedder::advance_1000(Face& f, unsigned glyph) {
  return 1000.0 * hb_font_get_glyph_h_advance(f.font.get(), glyph) / f.upem;
}

const std::string& FontEmbedder::resource(const Face& f) const { return f.resource; }
QPDFObjectHandle FontEmbedder::dictionary(const Face& f) const { return f.dict; }

void FontEmbedder::finish() {
  for (auto& fp : faces_) {
    Face& f = *fp;
    f.glyphs.insert(0);  // .notdef stays glyph 0

    // The subset: only the glyphs used, at their own ids; no layout tables (the PDF places
    // every glyph itself), no hinting.
    SubsetInputPtr input(hb_subset_input_create_or_fail());
    if (!input) throw std::runtime_error("cannot subset a font: out of memory");
    hb_set_t* gids = hb_subset_input_glyph_set(input.get());
    for (unsigned g : f.glyphs) hb_set_add(gids, g);
    hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NO_HINTING |
                                               HB_SUBSET_FLAGS_DESUBROUTINIZE);
    hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (hb_tag_t t : {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
                       HB_TAG('k', 'e', 'r', 'n'), HB_TAG('J', 'S', 'T', 'F'), HB_TAG('B', 'A', 'S', 'E'),
                       HB_TAG('D', 'S', 'I', 'G'), HB_TAG('h', 'd', 'm', 'x'), HB_TAG('V', 'D', 'M', 'X'),
                       HB_TAG('L', 'T', 'S', 'H')})
      hb_set_add(drop, t);
    FacePtr subset(hb_subset_or_fail(f.face.get(), input.get()));
    if (!subset) throw std::runtime_error(fmt::format("cannot subset the font '{}'", f.postscript_name));
    BlobPtr program(hb_face_reference_blob(subset.get()));
    std::string bytes = blob_bytes(program.get());

    // Metrics for the descriptor, in thousandths of an em.
    auto scaled = [&](double v) { return std::lround(1000.0 * v / f.upem); };
    hb_position_t ascender = 0, descender = 0, cap = 0;
    hb_ot_metrics_get_position(f.font.get(), HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &ascender);
    hb_ot_metrics_get_position(f.font.get(), HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &descender);
    if (!hb_ot_metrics_get_position(f.font.get(), HB_OT_METRICS_TAG_CAP_HEIGHT, &cap)) cap = ascender;
    BlobPtr head(hb_face_reference_table(f.face.get(), HB_TAG('h', 'e', 'a', 'd')));
    const std::string h = blob_bytes(head.get());
    long bbox[4] = {0, scaled(descender), 1000, scaled(ascender)};
    if (h.size() >= 54)
      for (int i = 0; i < 4; ++i) bbox[i] = scaled(be16(h, 36 + 2 * static_cast<size_t>(i)));
    double italic_angle = 0;
    hb_style_tag_t slant = HB_STYLE_TAG_SLANT_ANGLE;
    italic_angle = hb_style_get_value(f.font.get(), slant);

    const std::string base = subset_tag(f.postscript_name, f.glyphs) + "+" + f.postscript_name;
    QPDFObjectHandle file = QPDFObjectHandle::newStream(&pdf_, bytes);
    if (f.cff) file.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/OpenType"));
    else file.getDict().replaceKey("/Length1", QPDFObjectHandle::newInteger(static_cast<long long>(bytes.size())));

    QPDFObjectHandle descriptor = pdf_.makeIndirectObject(QPDFObjectHandle::parse(fmt::format(
        "<< /Type /FontDescriptor /FontName /{} /Flags 4 /FontBBox [{} {} {} {}] /ItalicAngle {} /Ascent {} "
        "/Descent {} /CapHeight {} /StemV 80 >>",
        base, bbox[0], bbox[1], bbox[2], bbox[3], italic_angle, scaled(ascender), scaled(descender), scaled(cap))));
    descriptor.replaceKey(f.cff ? "/FontFile3" : "/FontFile2", file);

    // /W: runs of consecutive glyph ids with their widths.
    std::string w = "[";
    std::vector<unsigned> used(f.glyphs.begin(), f.glyphs.end());
    for (size_t i = 0; i < used.size();) {
      size_t j = i;
      while (j + 1 < used.size() && used[j + 1] == used[j] + 1) ++j;
      w += fmt::format(" {} [", used[i]);
      for (size_t k = i; k <= j; ++k) w += fmt::format(" {}", std::lround(advance_1000(f, used[k])));
      w += " ]";
      i = j + 1;
    }
    w += " ]";
    QPDFObjectHandle cid = pdf_.makeIndirectObject(QPDFObjectHandle::parse(fmt::format(
        "<< /Type /Font /Subtype /{} /BaseFont /{} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) "
        "/Supplement 0 >> /DW 0 /W {} >>",
        f.cff ? "CIDFontType0" : "CIDFontType2", base, w)));
    cid.replaceKey("/FontDescriptor", descriptor);
    if (!f.cff) cid.replaceKey("/CIDToGIDMap", QPDFObjectHandle::newName("/Identity"));

    // ToUnicode: each glyph to the characters it was shaped from.
    std::string cmap =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    std::vector<std::pair<unsigned, std::string>> entries(f.text.begin(), f.text.end());
    for (size_t i = 0; i < entries.size(); i += 100) {
      const size_t n = std::min<size_t>(100, entries.size() - i);
      cmap += fmt::format("{} beginbfchar\n", n);
      for (size_t k = i; k < i + n; ++k)
        cmap += fmt::format("<{:04X}> <{}>\n", entries[k].first, utf16be_hex(entries[k].second));
      cmap += "endbfchar\n";
    }
    cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";

    f.dict.replaceKey("/Type", QPDFObjectHandle::newName("/Font"));
    f.dict.replaceKey("/Subtype", QPDFObjectHandle::newName("/Type0"));
    f.dict.replaceKey("/BaseFont", QPDFObjectHandle::newName("/" + base));
    f.dict.replaceKey("/Encoding", QPDFObjectHandle::newName("/Identity-H"));
    f.dict.replaceKey("/DescendantFonts", QPDFObjectHandle::newArray({cid}));
    f.dict.replaceKey("/ToUnicode", QPDFObjectHandle::newStream(&pdf_, cmap));
  }
}

}  // namespace plaquette::pdf
