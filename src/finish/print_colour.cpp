#include "finish/print_colour.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QUtil.hh>

#include <cmath>
#include <cstdlib>
#include <memory>

#include <fmt/format.h>

namespace plaquette::finish {

namespace {

// Cairo writes colour components with 6 decimals: a swatch proxy comes back within 1e-6.
constexpr double kSame = 0.5 / 255.0 / 10.0;

bool close(const Rgb& a, const Rgb& b) {
  return std::abs(a.r - b.r) <= kSame && std::abs(a.g - b.g) <= kSame && std::abs(a.b - b.b) <= kSame;
}

std::string number(double v) {
  std::string s = fmt::format("{:.4f}", v);
  while (s.size() > 1 && s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

// Keeps the last three numbers seen; at an rg/RG whose operands are a swatch, writes k/K instead.
class SwatchFilter : public QPDFObjectHandle::TokenFilter {
 public:
  SwatchFilter(const SwatchMap& map, size_t& count, size_t& left, ColourFallback fallback = {})
      : map_(map), count_(count), left_(left), fallback_(std::move(fallback)) {}

  void handleToken(QPDFTokenizer::Token const& token) override {
    using T = QPDFTokenizer::token_type_e;
    if (token.getType() == T::tt_integer || token.getType() == T::tt_real) {
      pending_.push_back(token);
      return;
    }
    if (token.getType() == T::tt_space || token.getType() == T::tt_comment) {
      pending_.push_back(token);
      return;
    }
    if (token.getType() == T::tt_word && (token.getValue() == "rg" || token.getValue() == "RG")) {
      std::vector<double> nums;
      for (const auto& t : pending_)
        if (t.getType() == T::tt_integer || t.getType() == T::tt_real) nums.push_back(std::strtod(t.getValue().c_str(), nullptr));
      if (nums.size() >= 3) {
        const size_t n = nums.size();
        const Rgb rgb{nums[n - 3], nums[n - 2], nums[n - 1]};
        std::optional<Cmyk> cmyk = map_.lookup(rgb);
        if (!cmyk && fallback_) cmyk = fallback_(rgb);  // not a swatch: through the output profile
        if (cmyk) {
          // Earlier numbers (operands of other operators cannot precede rg) are written back as they were.
          flush_numbers(n - 3);
          write(fmt::format("{} {} {} {} {}", number(cmyk->c / 100), number(cmyk->m / 100), number(cmyk->y / 100),
                            number(cmyk->k / 100), token.getValue() == "rg" ? "k" : "K"));
          ++count_;
          return;
        }
      }
      ++left_;  // an RGB colour that is no swatch (from an SVG picture, say): it stays RGB
    }
    flush();
    writeToken(token);
  }

  void handleEOF() override { flush(); }

 private:
  void flush() {
    for (const auto& t : pending_) writeToken(t);
    pending_.clear();
  }
  // Writes the first `keep` numbers (and the spaces between them), drops the rest.
  void flush_numbers(size_t keep) {
    using T = QPDFTokenizer::token_type_e;
    size_t seen = 0;
    for (const auto& t : pending_) {
      const bool num = t.getType() == T::tt_integer || t.getType() == T::tt_real;
      if (num && seen++ >= keep) continue;
      if (!num && seen > keep) continue;
      writeToken(t);
    }
    pending_.clear();
  }

  const SwatchMap& map_;
  size_t& count_;
  size_t& left_;
  ColourFallback fallback_;
  std::vector<QPDFTokenizer::Token> pending_;
};

}  // namespace

SwatchMap::SwatchMap(const std::vector<Swatch>& swatches) {
  for (const auto& s : swatches)
    if (s.cmyk) entries_.emplace_back(s.rgb, *s.cmyk);
  entries_.emplace_back(kRegistrationProxy, kRegistration);
}

std::optional<Cmyk> SwatchMap::lookup(const Rgb& rgb) const {
  for (const auto& [proxy, cmyk] : entries_)
    if (close(proxy, rgb)) return cmyk;
  return std::nullopt;
}

void rewrite_stream_colours(QPDFObjectHandle& stream, const SwatchMap& swatches, size_t& count, size_t& left,
                            const ColourFallback& fallback) {
  stream.addTokenFilter(std::make_shared<SwatchFilter>(swatches, count, left, fallback));
  // Forms inside the form (Cairo wraps groups and soft masks in their own XObjects): the same.
  QPDFObjectHandle resources = stream.getDict().getKey("/Resources");
  if (!resources.isDictionary()) return;
  QPDFObjectHandle xobjects = resources.getKey("/XObject");
  if (!xobjects.isDictionary()) return;
  for (auto& key : xobjects.getKeys()) {
    QPDFObjectHandle x = xobjects.getKey(key);
    if (x.isStream() && x.getDict().getKey("/Subtype").isNameAndEquals("/Form")) {
      rewrite_stream_colours(x, swatches, count, left, fallback);
      QPDFObjectHandle group = x.getDict().getKey("/Group");
      if (fallback && group.isDictionary() && group.getKey("/CS").isName())
        group.replaceKey("/CS", QPDFObjectHandle::newName("/DeviceCMYK"));
    }
  }
  QPDFObjectHandle group = stream.getDict().getKey("/Group");
  if (fallback && group.isDictionary() && group.getKey("/CS").isName())
    group.replaceKey("/CS", QPDFObjectHandle::newName("/DeviceCMYK"));
}

void rewrite_swatch_colours(QPDF& pdf, const SwatchMap& swatches, size_t& count, size_t& left) {
  for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
    page.addContentTokenFilter(std::make_shared<SwatchFilter>(swatches, count, left));
    page.forEachFormXObject(true, [&](QPDFObjectHandle& xobject, QPDFObjectHandle&, std::string const&) {
      xobject.addTokenFilter(std::make_shared<SwatchFilter>(swatches, count, left));
    });
    // The page group blends in the printing colour space, not in RGB.
    auto group = page.getObjectHandle().getKey("/Group");
    if (group.isDictionary() && group.getKey("/CS").isName())
      group.replaceKey("/CS", QPDFObjectHandle::newName("/DeviceCMYK"));
  }
}

}  // namespace plaquette::finish
