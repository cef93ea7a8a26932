// libFuzzer target: the text of a map label as read from a data file (a DBF in any code page),
// on the path that once crashed (a Windows-1252 label reached Pango unvalidated: double free in
// text::paragraph_items). Besides crashes and sanitizer reports, checks:
//  - clean_data_text (core/utf8.hpp): the result is valid UTF-8, holds no NUL and no C1 control,
//    cleaning it again changes nothing, and it equals the input when encoding_problem() found
//    nothing and the input holds no NUL; `problem` is encoding_problem() of the input;
//  - the typesetter, given the RAW bytes (the text engine is the last guard, styled_text.cpp):
//    set as one paragraph in the map label style at a measure far wider than any label (as
//    layout/map_block.cpp's MapTextSetter does) and in a justified, hyphenated body style at a
//    60 pt measure (line breaking, hyphenation, emergency breaks); every glyph run it returns
//    holds glyphs and text. A located InputError (markup the text cannot hold) is an acceptable
//    outcome; any other exception is a broken promise.
// The fonts (the project's assets/fonts) and the template are built once, at start-up.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <string>
#include <string_view>

#include "core/diag.hpp"
#include "core/utf8.hpp"
#include "text/font_set.hpp"
#include "text/typesetter.hpp"

namespace {

using namespace plaquette;

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "labels_fuzzer: broken promise: %s\n", what.c_str());
  std::abort();
}

model::ParagraphStyle make_style(const std::string& name, const std::string& family, double size, double leading,
                                 model::Align align, bool hyphenate) {
  model::ParagraphStyle s;
  s.name = name;
  s.family = family;
  s.size = size;
  s.leading = leading;
  s.align = align;
  s.hyphenation.enabled = hyphenate;
  return s;
}

// A small template like the real one (templates/plaquette-a4.yaml): its map label style, a body
// style, and a character style so that "[text]{vert}" markup in a label has something to find.
model::Template make_template() {
  model::Template t;
  t.page = {595.276, 841.89};
  t.swatches["noir"] = Swatch{"noir", Cmyk{0, 0, 0, 100}, Rgb{0.11, 0.11, 0.11}, {}};
  t.swatches["vert-foret"] = Swatch{"vert-foret", Cmyk{82, 30, 90, 28}, Rgb{0.14, 0.39, 0.23}, {}};
  t.styles["etiquette-carte"] = make_style("etiquette-carte", "Lato", 6.5, 8, model::Align::Left, false);
  t.styles["corps"] = make_style("corps", "Linux Libertine O", 10, 12, model::Align::Justify, true);
  model::CharacterStyle vert;
  vert.name = "vert";
  vert.color = "vert-foret";
  t.char_styles["vert"] = vert;
  return t;
}

struct Engine {
  model::Template tmpl = make_template();
  text::FontSet fonts{std::string(PLAQUETTE_ROOT) + "/assets/fonts", Span{}};
  text::Typesetter typesetter{fonts, tmpl};
};

Engine* g_engine = nullptr;

void check_clean(std::string_view input) {
  const CleanText r = clean_data_text(input);
  if (r.problem != encoding_problem(input)) fail("CleanText::problem is not encoding_problem() of the input");
  if (!is_valid_utf8(r.text)) fail("cleaned text is not valid UTF-8");
  if (r.text.find('\0') != std::string::npos) fail("cleaned text holds a NUL");
  if (has_c1_controls(r.text)) fail("cleaned text holds a C1 control");
  if (!encoding_problem(r.text).empty()) fail("cleaned text still has an encoding problem");
  if (r.problem.empty() && input.find('\0') == std::string_view::npos && r.text != input)
    fail("clean text was changed by clean_data_text");
  const CleanText again = clean_data_text(r.text);
  if (!again.problem.empty() || again.text != r.text) fail("clean_data_text is not idempotent");
}

void check_set(const text::SetParagraph& set) {
  for (const text::SetLine& line : set.lines)
    for (const scene::GlyphRun& run : line.runs) {
      if (!run.glyphs) fail("a set line holds a glyph run without glyphs");
      if (!run.text) fail("a set line holds a glyph run without its text");
    }
}

void set_text(const std::string& style, const std::string& text, double width) {
  try {
    check_set(g_engine->typesetter.set(model::Paragraph{style, text, Span{"labels.dbf", 1, 1}}, width));
  } catch (const InputError&) {
    // a located user error: acceptable
  } catch (const std::exception& e) {
    fail(std::string("exception escaped Typesetter::set: ") + e.what());
  } catch (...) {
    fail("unknown exception escaped Typesetter::set");
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  g_engine = new Engine;  // lives for the whole process (Pango keeps its fonts)
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  check_clean(input);
  set_text("etiquette-carte", input, 1e6);  // a label, one line
  set_text("corps", input, 60);             // narrow: breaks, hyphens, emergency breaks
  return 0;
}
