#include "pdf/write_pdf.hpp"

#include <qpdf/Pl_Flate.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>

#include "finish/pdfx.hpp"
#include "finish/print_colour.hpp"
#include "pdf/painter.hpp"

namespace plaquette::pdf {

namespace {

constexpr const char* kCreator = "plaquette 0.1.0";
constexpr const char* kProducer = "plaquette 0.1.0 (own PDF writer, HarfBuzz, qpdf 11)";

// A URI action holds 7-bit ASCII: other bytes (UTF-8 of "é") and spaces are percent-encoded.
std::string uri_ascii(const std::string& uri) {
  std::string out;
  for (unsigned char c : uri) {
    if (c > 0x20 && c < 0x7F) out += static_cast<char>(c);
    else out += fmt::format("%{:02X}", c);
  }
  return out;
}

// Crop marks at the four corners, in the slug: from the bleed edge outwards, up to 5 mm.
void crop_marks(ContentStream& out, ColourWriter& colours, const scene::Page& page) {
  constexpr double kMarkWidth = 0.25;  // pt, the usual hairline of printers' marks
  const double length = std::min(14.17, page.slug - 2.0);  // 5 mm, 2 pt short of the sheet edge
  if (length <= 0) return;
  const double w = page.trim.width, h = page.trim.height, off = page.bleed;
  out.save();
  colours.registration_stroke(out);
  out.num(kMarkWidth).op("w").integer(0).op("J");
  for (double x : {0.0, w})
    for (double y : {0.0, h}) {
      const double sx = x == 0 ? -1 : 1, sy = y == 0 ? -1 : 1;  // away from the page
      out.move_to({x + sx * off, y}).line_to({x + sx * (off + length), y});
      out.move_to({x, y + sy * off}).line_to({x, y + sy * (off + length)});
    }
  out.op("S");
  out.restore();
}

QPDFObjectHandle rect_array(double x0, double y0, double x1, double y1) {
  return QPDFObjectHandle::newArray(QPDFObjectHandle::Rectangle(x0, y0, x1, y1));
}

// The outline: each bookmark hangs under the last one of a higher level.
void write_outline(QPDF& pdf, const scene::Document& doc, const std::vector<QPDFObjectHandle>& pages, Kind kind) {
  struct Entry {
    QPDFObjectHandle obj;
    int level;
    std::vector<size_t> children;
  };
  std::vector<Entry> entries;
  std::vector<size_t> top;
  std::vector<size_t> stack;  // open entries, by level
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    const auto& page = doc.pages[p];
    const double m = sheet_margin(page, kind);
    const double sheet_h = page.trim.height + 2 * m;
    for (const auto& b : page.bookmarks) {
      const int level = std::max(1, b.level);
      QPDFObjectHandle item = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
      item.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(b.title));
      std::string x, y;
      append_number(x, b.at.x + m, 2);
      append_number(y, sheet_h - (b.at.y + m), 2);
      QPDFObjectHandle dest = QPDFObjectHandle::parse(fmt::format("[null /XYZ {} {} 0]", x, y));
      dest.setArrayItem(0, pages[p]);
      item.replaceKey("/Dest", dest);
      entries.push_back({item, level, {}});
      const size_t id = entries.size() - 1;
      while (!stack.empty() && entries[stack.back()].level >= level) stack.pop_back();
      if (stack.empty())
        top.push_back(id);
      else
        entries[stack.back()].children.push_back(id);
      stack.push_back(id);
    }
  }
  if (top.empty()) return;
  QPDFObjectHandle root = pdf.makeIndirectObject(QPDFObjectHandle::parse("<< /Type /Outlines >>"));
  // Links siblings; returns the number of visible descendants (top level open, others closed).
  std::function<long long(QPDFObjectHandle, const std::vector<size_t>&, bool)> link =
      [&](QPDFObjectHandle parent, const std::vector<size_t>& kids, bool open) -> long long {
    long long visible = 0;
    for (size_t i = 0; i < kids.size(); ++i) {
      Entry& e = entries[kids[i]];
      e.obj.replaceKey("/Parent", parent);
      if (i > 0) e.obj.replaceKey("/Prev", entries[kids[i - 1]].obj);
      if (i + 1 < kids.size()) e.obj.replaceKey("/Next", entries[kids[i + 1]].obj);
      const bool expanded = e.level == 1;  // top-level entries open, as before
      const long long below = link(e.obj, e.children, expanded);
      if (!e.children.empty()) {
        e.obj.replaceKey("/First", entries[e.children.front()].obj);
        e.obj.replaceKey("/Last", entries[e.children.back()].obj);
        e.obj.replaceKey("/Count", QPDFObjectHandle::newInteger(expanded ? below : -static_cast<long long>(e.children.size())));
      }
      visible += 1 + (expanded ? below : 0);
    }
    (void)open;
    return visible;
  };
  const long long count = link(root, top, true);
  root.replaceKey("/First", entries[top.front()].obj);
  root.replaceKey("/Last", entries[top.back()].obj);
  root.replaceKey("/Count", QPDFObjectHandle::newInteger(count));
  pdf.getRoot().replaceKey("/Outlines", root);
  pdf.getRoot().replaceKey("/PageMode", QPDFObjectHandle::newName("/UseOutlines"));
}

}  // namespace

double sheet_margin(const scene::Page& page, Kind kind) { return kind == Kind::Print ? page.bleed + page.slug : 0.0; }

WriteReport write_pdf(const scene::Document& doc, const std::string& path, const WriteOptions& options) {
  if (doc.pages.empty()) throw std::runtime_error("the document has no page");
  // Streams are deflated at the fastest level: a fraction of the size difference, a large
  // share of the time (qpdf keeps the level process-wide; set once).
  static std::once_flag fast_flate;
  std::call_once(fast_flate, [] { Pl_Flate::setCompressionLevel(1); });

  const Kind kind = options.kind;
  QPDF pdf;
  pdf.emptyPDF();
  ColourWriter colours(kind, doc.swatches, doc.output_profile);
  FontEmbedder fonts(pdf);
  // Drawings imported from SVG keep their own RGB colours; in print, those that are swatches'
  // become the swatches' exact CMYK (the rest goes to the output profile through the RIP).
  size_t rewritten = 0, left_rgb = 0;
  const finish::SwatchMap swatch_map(doc.swatches);
  ImageEmbedder images(pdf, kind == Kind::Print ? ImageEmbedder::StreamFilter([&](QPDFObjectHandle& form) {
    finish::rewrite_stream_colours(form, swatch_map, rewritten, left_rgb, [&](const Rgb& rgb) -> std::optional<Cmyk> {
      return colours.cmyk_of(Paint{"", rgb, 1.0});
    });
  })
                                                : ImageEmbedder::StreamFilter());
  WriterContext ctx{pdf, fonts, images, colours};

  QPDFPageDocumentHelper helper(pdf);
  std::vector<QPDFObjectHandle> page_objects;
  std::vector<std::vector<PageLink>> page_links(doc.pages.size());
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    const scene::Page& page = doc.pages[p];
    const double m = sheet_margin(page, kind);
    const double sw = page.trim.width + 2 * m, sh = page.trim.height + 2 * m;
    ContentStream out;
    Resources res;
    // Scene coordinates from here on: origin at the trim's top-left, y down.
    out.transform(1, 0, 0, -1, m, sh - m);
    out.save();
    if (kind == Kind::Screen) out.rect({0, 0, page.trim.width, page.trim.height}).op("W").op("n");
    Painter painter(ctx, out, res, kind == Kind::Screen ? &page_links[p] : nullptr);
    painter.items(page.items);
    out.restore();
    if (kind == Kind::Print && page.slug > 0) crop_marks(out, colours, page);

    QPDFObjectHandle contents = QPDFObjectHandle::newStream(&pdf, out.take());
    QPDFObjectHandle obj = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
    obj.replaceKey("/Type", QPDFObjectHandle::newName("/Page"));
    obj.replaceKey("/MediaBox", rect_array(0, 0, sw, sh));
    obj.replaceKey("/Contents", contents);
    obj.replaceKey("/Resources", res.dictionary());
    if (kind == Kind::Print) {
      obj.replaceKey("/TrimBox", rect_array(m, m, sw - m, sh - m));
      const double o = m - page.bleed;
      obj.replaceKey("/BleedBox", rect_array(o, o, sw - o, sh - o));
    }
    if (res.transparent())
      obj.replaceKey("/Group", QPDFObjectHandle::parse(fmt::format(
                                   "<< /Type /Group /S /Transparency /I false /K false /CS /{} >>",
                                   kind == Kind::Print ? "DeviceCMYK" : "DeviceRGB")));
    helper.addPage(QPDFPageObjectHelper(obj), false);
    page_objects.push_back(obj);
  }
  fonts.finish();

  // Links (screen only): URI actions on the link areas, in PDF coordinates.
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    if (page_links[p].empty()) continue;
    const auto& page = doc.pages[p];
    const double m = sheet_margin(page, kind), sh = page.trim.height + 2 * m;
    QPDFObjectHandle annots = QPDFObjectHandle::newArray();
    for (const auto& l : page_links[p]) {
      QPDFObjectHandle a = pdf.makeIndirectObject(QPDFObjectHandle::parse("<< /Type /Annot /Subtype /Link /Border [0 0 0] >>"));
      a.replaceKey("/Rect", rect_array(l.area.x + m, sh - (l.area.y + l.area.height + m), l.area.x + l.area.width + m,
                                       sh - (l.area.y + m)));
      QPDFObjectHandle action = QPDFObjectHandle::parse("<< /S /URI >>");
      action.replaceKey("/URI", QPDFObjectHandle::newString(uri_ascii(l.uri)));
      a.replaceKey("/A", action);
      a.replaceKey("/P", page_objects[p]);
      annots.appendItem(a);
    }
    page_objects[p].replaceKey("/Annots", annots);
    page_objects[p].replaceKey("/Tabs", QPDFObjectHandle::newName("/S"));
  }

  write_outline(pdf, doc, page_objects, kind);

  // Page labels, as the scene names the pages.
  QPDFObjectHandle nums = QPDFObjectHandle::newArray();
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    if (doc.pages[p].label.empty()) continue;
    nums.appendItem(QPDFObjectHandle::newInteger(static_cast<long long>(p)));
    QPDFObjectHandle label = QPDFObjectHandle::newDictionary();
    label.replaceKey("/P", QPDFObjectHandle::newUnicodeString(doc.pages[p].label));
    nums.appendItem(label);
  }
  if (nums.getArrayNItems() > 0) {
    QPDFObjectHandle tree = QPDFObjectHandle::newDictionary();
    tree.replaceKey("/Nums", nums);
    pdf.getRoot().replaceKey("/PageLabels", tree);
  }

  QPDFObjectHandle root = pdf.getRoot();
  if (!doc.language.empty()) root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(doc.language));
  QPDFObjectHandle info = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
  auto text = [&](const char* key, const std::string& value) {
    if (!value.empty()) info.replaceKey(key, QPDFObjectHandle::newUnicodeString(value));
  };
  text("/Title", doc.title);
  text("/Author", doc.author);
  text("/Subject", doc.subject);
  text("/Keywords", doc.keywords);
  text("/Creator", kCreator);
  text("/Producer", kProducer);
  info.replaceKey("/CreationDate", QPDFObjectHandle::newString(finish::pdf_date_of(doc.date)));
  info.replaceKey("/ModDate", QPDFObjectHandle::newString(finish::pdf_date_of(doc.date)));
  pdf.getTrailer().replaceKey("/Info", info);
  if (kind == Kind::Screen)
    root.replaceKey("/ViewerPreferences", QPDFObjectHandle::parse("<< /DisplayDocTitle true >>"));

  if (kind == Kind::Print)
    finish::make_pdfx4(pdf, finish::PdfxInfo{doc.output_profile, options.condition.identifier,
                                             options.condition.text, doc.title, doc.date});

  QPDFWriter writer(pdf, path.c_str());
  writer.setDeterministicID(true);
  writer.setMinimumPDFVersion(kind == Kind::Print ? "1.6" : "1.5");
  writer.setObjectStreamMode(qpdf_o_generate);
  writer.setStreamDataMode(qpdf_s_compress);
  writer.write();

  WriteReport report;
  report.converted_colours = colours.converted();
  return report;
}

}  // namespace plaquette::pdf
