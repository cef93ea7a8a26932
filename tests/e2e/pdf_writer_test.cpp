// The PDF writer against the other readers: the screen PDF, rendered by poppler, looks like the
// PNG preview Cairo draws from the same scene; its text (pdftotext) is the text the Cairo PDFs
// had (tests/fixtures/text/, kept before the switch); the print PDF, converted to RGB by poppler,
// looks like the screen PDF. For the brochure, the leaflet, one EPCI edition and one Dutch one.
#include <gtest/gtest.h>

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <string>

#include "e2e/e2e_fixture.hpp"

using namespace plaquette;
namespace fs = std::filesystem;

namespace {

struct Edition {
  std::string key;      // shared build key and fixture name
  std::string args;     // build arguments
  std::string pdf;      // the print PDF's name in the build folder
  std::string preview;  // preview arguments (file, --variant, --lang)
};

const Edition kEditions[] = {
    {"brochure", "content/plaquette.yaml -o '{dir}/plaquette.pdf'", "plaquette.pdf", "content/plaquette.yaml"},
    {"leaflet", "content/depliant.yaml -o '{dir}/depliant.pdf'", "depliant.pdf", "content/depliant.yaml"},
    {"edition-246200364", "content/plaquette.yaml --variant 246200364 -o '{dir}/plaquette.pdf'",
     "plaquette-246200364.pdf", "content/plaquette.yaml --variant 246200364"},
    {"edition-245901160-nl", "content/plaquette.yaml --variant 245901160 --lang nl -o '{dir}/plaquette.pdf'",
     "plaquette-245901160-nl.pdf", "content/plaquette.yaml --variant 245901160 --lang nl"},
};

std::string fixture_name(const Edition& e) {
  if (e.key == "brochure") return "plaquette";
  if (e.key == "leaflet") return "depliant";
  return e.pdf.substr(0, e.pdf.size() - 4);
}

std::string without_spaces(const std::string& s) {
  std::string out;
  for (unsigned char c : s)
    if (!std::isspace(c)) out += static_cast<char>(c);
  return out;
}

std::string fmt_code(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

// "" when equal, else where they part, with some context of each.
std::string first_difference(const std::string& a, const std::string& b) {
  size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  if (i == a.size() && i == b.size()) return {};
  const size_t from = i > 60 ? i - 60 : 0;
  return "at byte " + std::to_string(i) + ":\n  got:      ..." + a.substr(from, 140) + "\n  expected: ..." +
         b.substr(from, 140);
}

// The characters of `s` but white space, sorted by code point: the same text, whatever order
// pdftotext's layout analysis reads the map labels in.
std::u32string sorted_characters(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : c & (0xFF >> (n + 1));
    for (int k = 1; k < n && i + static_cast<size_t>(k) < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) & 0x3F);
    i += static_cast<size_t>(n);
    if (cp != ' ' && cp != '\n' && cp != '\t' && cp != '\f' && cp != '\r') out += cp;
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Which characters one has more of than the other, for a message.
std::string character_difference(const std::u32string& a, const std::u32string& b) {
  std::map<char32_t, long> count;
  for (char32_t c : a) ++count[c];
  for (char32_t c : b) --count[c];
  std::string out;
  for (const auto& [c, n] : count)
    if (n != 0) out += fmt_code(c) + (n > 0 ? " +" : " ") + std::to_string(n) + "; ";
  return out;
}

std::string screen_of(const std::string& print) { return print.substr(0, print.size() - 4) + "-screen.pdf"; }

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using Png = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;

Png load_png(const fs::path& p) {
  Png s(cairo_image_surface_create_from_png(p.c_str()));
  if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS) throw std::runtime_error("cannot read " + p.string());
  cairo_surface_flush(s.get());
  return s;
}

// Mean absolute difference per channel (0..255) and the share of pixels that differ by more
// than 48 in a channel, over two images of the same size, each seen through a 3 × 3 box blur:
// the two rasterisers anti-alias glyph edges differently, a missing or moved word still shows.
struct Difference {
  double mean = 0;
  double far = 0;
};

Difference compare(cairo_surface_t* a, cairo_surface_t* b, int bx = 0, int by = 0) {
  const int w = cairo_image_surface_get_width(a), h = cairo_image_surface_get_height(a);
  const int sa = cairo_image_surface_get_stride(a), sb = cairo_image_surface_get_stride(b);
  const unsigned char* pa = cairo_image_surface_get_data(a);
  const unsigned char* pb = cairo_image_surface_get_data(b);
  auto blurred = [](const unsigned char* p, int stride, int w, int h, int x, int y, int c) {
    int s = 0, n = 0;
    for (int dy = -1; dy <= 1; ++dy)
      for (int dx = -1; dx <= 1; ++dx) {
        const int xx = x + dx, yy = y + dy;
        if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
        s += p[yy * stride + 4 * xx + c];
        ++n;
      }
    return s / n;
  };
  const int wb = cairo_image_surface_get_width(b), hb = cairo_image_surface_get_height(b);
  double sum = 0;
  long far = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      int worst = 0;
      for (int c = 0; c < 3; ++c) {
        const int d = std::abs(blurred(pa, sa, w, h, x, y, c) - blurred(pb, sb, wb, hb, x + bx, y + by, c));
        sum += d;
        worst = std::max(worst, d);
      }
      far += worst > 48;
    }
  return {sum / (3.0 * w * h), static_cast<double>(far) / (static_cast<double>(w) * h)};
}

class PdfWriter : public ::testing::TestWithParam<Edition> {};

TEST_P(PdfWriter, TextIsTheTextOfTheCairoPdf) {
  const Edition& e = GetParam();
  auto build = test::shared_build(e.key, e.args);
  ASSERT_EQ(build.run.status, 0) << build.run.output;
  const std::string pdf = (build.dir / e.pdf).string();
  const std::string text = test::tool("pdftotext -enc UTF-8 '" + screen_of(pdf) + "' -");
  const std::string fixture =
      test::read_file(test::source_dir() / "tests" / "fixtures" / "text" / (fixture_name(e) + ".txt"));
  // The same characters — no-break and narrow no-break spaces, ligatures resolved, hyphens at
  // line ends — each as many times. (Spaces between words and the order in which map labels are
  // read are pdftotext's guesses from glyph positions, and differ between the two writers.)
  const auto expected = sorted_characters(fixture);
  EXPECT_EQ(character_difference(sorted_characters(text), expected), "") << e.key << " (screen)";
  const std::string print_text = test::tool("pdftotext -enc UTF-8 '" + pdf + "' -");
  EXPECT_EQ(character_difference(sorted_characters(print_text), expected), "") << e.key << " (print)";
  // Outside the maps, the order too: the body text reads as it did (the first 2 000 characters).
  EXPECT_EQ(first_difference(without_spaces(text).substr(0, 2000), without_spaces(fixture).substr(0, 2000)), "")
      << e.key;
}

TEST_P(PdfWriter, ScreenPdfLooksLikeThePreviewAndPrintLikeScreen) {
  const Edition& e = GetParam();
  auto build = test::shared_build(e.key, e.args);
  ASSERT_EQ(build.run.status, 0) << build.run.output;
  const fs::path pdf = build.dir / e.pdf;
  const fs::path dir = test::make_temp_dir("pdf-writer-" + e.key);
  constexpr int kDpi = 40;
  auto preview = test::plaquette("preview " + e.preview + " --dpi " + std::to_string(kDpi) + " -o '" +
                                 (dir / "preview").string() + "'");
  ASSERT_EQ(preview.status, 0) << preview.output;
  const int pages = std::stoi(test::tool("pdfinfo '" + screen_of(pdf.string()) + "' | sed -n 's/^Pages: *//p'"));
  ASSERT_GT(pages, 0);
  for (int p = 1; p <= pages; ++p) {
    char name[32];
    std::snprintf(name, sizeof name, "page-%02d.png", p);
    Png png = load_png(dir / "preview" / name);
    const int w = cairo_image_surface_get_width(png.get()), h = cairo_image_surface_get_height(png.get());
    // The screen PDF at the preview's pixel size.
    test::tool("pdftoppm -png -singlefile -f " + std::to_string(p) + " -l " + std::to_string(p) + " -scale-to-x " +
               std::to_string(w) + " -scale-to-y " + std::to_string(h) + " '" + screen_of(pdf.string()) + "' '" +
               (dir / "screen").string() + "'");
    Png screen = load_png(dir / "screen.png");
    ASSERT_EQ(cairo_image_surface_get_width(screen.get()), w);
    ASSERT_EQ(cairo_image_surface_get_height(screen.get()), h);
    const Difference d = compare(png.get(), screen.get());
    // Anti-aliasing, hinting and image resampling differ between Cairo and poppler: about 3 of
    // 255 on average, spread out (the Cairo PDF, rendered by poppler, scored the same; against
    // it the new PDF differs by 0.2). A missing word, picture or map layer scores far more.
    EXPECT_LT(d.mean, 4.0) << e.key << " page " << p;
    EXPECT_LT(d.far, 0.01) << e.key << " page " << p;

    // The print PDF (the sheet: trim, bleed and slug), converted to RGB by poppler, cropped to the
    // trim: its CMYK must give the same picture, within a conversion's difference.
    const std::string margin_pt = test::tool("pdfinfo -box -f " + std::to_string(p) + " -l " + std::to_string(p) +
                                             " '" + pdf.string() + "' | sed -n 's/^Page *[0-9]* *TrimBox: *//p'");
    const double trim_x = std::stod(margin_pt);
    const int off = static_cast<int>(std::lround(trim_x * kDpi / 72.0));
    test::tool("pdftoppm -png -singlefile -r " + std::to_string(kDpi) + " -f " + std::to_string(p) + " -l " +
               std::to_string(p) + " -x " + std::to_string(off) + " -y " + std::to_string(off) + " -W " +
               std::to_string(w) + " -H " + std::to_string(h) + " '" + pdf.string() + "' '" + (dir / "print").string() +
               "'");
    Png print = load_png(dir / "print.png");
    if (cairo_image_surface_get_width(print.get()) == w && cairo_image_surface_get_height(print.get()) == h) {
      const Difference dp = compare(screen.get(), print.get());
      EXPECT_LT(dp.mean, 16.0) << e.key << " page " << p << ": print against screen";
    } else {
      ADD_FAILURE() << e.key << " page " << p << ": print crop of " << cairo_image_surface_get_width(print.get()) << "×"
                    << cairo_image_surface_get_height(print.get()) << ", expected " << w << "×" << h;
    }
  }
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Editions, PdfWriter, testing::ValuesIn(kEditions),
                         [](const testing::TestParamInfo<Edition>& info) {
                           std::string name;
                           for (char c : info.param.key) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return name;
                         });

}  // namespace
