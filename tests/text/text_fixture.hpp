// A font set over the project's real fonts and a small template, shared by the text tests.
#pragma once
#include <memory>

#include "support/test_paths.hpp"
#include "text/font_set.hpp"
#include "text/typesetter.hpp"

namespace plaquette::test {

inline model::ParagraphStyle make_style(const std::string& name, const std::string& family, double size,
                                        double leading, int weight = 400) {
  model::ParagraphStyle s;
  s.name = name;
  s.family = family;
  s.size = size;
  s.leading = leading;
  s.weight = weight;
  s.align = model::Align::Justify;
  return s;
}

inline model::Template make_template() {
  model::Template t;
  t.page = {595.276, 841.89};
  t.swatches["noir"] = Swatch{"noir", Cmyk{0, 0, 0, 100}, Rgb{0.1, 0.1, 0.1}, {}};
  t.styles["corps"] = make_style("corps", "Linux Libertine O", 10, 12);
  auto titre = make_style("titre", "Lato", 14, 18, 700);
  titre.keep_with_next = true;
  titre.align = model::Align::Left;
  titre.space_before = 6;
  titre.space_after = 3;
  t.styles["titre"] = titre;
  return t;
}

inline std::shared_ptr<text::FontSet> project_fonts() {
  return std::make_shared<text::FontSet>((source_dir() / "assets/fonts").string(), Span{});
}

// A paragraph of `words` French words.
inline std::string words(int n) {
  static const char* vocab[] = {"corridor", "écologique", "terril", "zone", "humide", "boisement", "paysage",
                                "biodiversité", "réservoir", "continuité", "bassin", "minier"};
  std::string s;
  for (int i = 0; i < n; ++i) {
    if (i) s += ' ';
    s += vocab[i % 12];
  }
  return s;
}

}  // namespace plaquette::test
