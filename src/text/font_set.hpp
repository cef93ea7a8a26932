// The fonts a document may use: only the files in the project's fonts folder, through a
// private fontconfig configuration, so that a PDF never depends on the machine's fonts
// and a missing face is an error instead of a silent substitution.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/document.hpp"
#include "text/pango_handles.hpp"

namespace plaquette::text {

class FontSet {
 public:
  // Loads every font file of `fonts_dir`. Throws InputError at `span` if the folder is
  // missing or holds no font.
  FontSet(const std::string& fonts_dir, const Span& span);

  PangoContext* context() const { return context_.get(); }
  PangoFontMap* font_map() const { return font_map_.get(); }

  // The Pango description of a paragraph style (family, weight, slant, size).
  FontDescHandle describe(const model::ParagraphStyle& style) const;

  // Checks that the style's face really exists in the project fonts: the same family, a file
  // of the requested weight and slant, no synthetic bold or slant. Returns an error message
  // that says what to do, or nullopt when the face is there.
  std::optional<std::string> check(const model::ParagraphStyle& style) const;

  // Family names available, for did-you-mean hints.
  std::vector<std::string> families() const;

 private:
  std::string dir_;
  FcConfigHandle config_;
  FontMapHandle font_map_;
  ContextHandle context_;
};

}  // namespace plaquette::text
