// A PDF content stream, written operator by operator. Numbers are written with std::to_chars at
// the precision print can show (coordinates to 0.001 pt, colours to 0.0001), shortest form, no
// exponent: the same scene always gives the same bytes.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "core/geometry.hpp"

namespace plaquette::pdf {

class ContentStream {
 public:
  // Operands.
  ContentStream& num(double v, int decimals = 3);
  ContentStream& integer(long long v);
  ContentStream& name(std::string_view n);  // "/F1"
  ContentStream& op(std::string_view o);    // the operator, then a new line
  ContentStream& raw(std::string_view s);   // bytes as they are (e.g. a hex string "<0012>")

  // Common operators.
  ContentStream& save() { return op("q"); }
  ContentStream& restore() { return op("Q"); }
  // cm: a b c d e f
  ContentStream& transform(double a, double b, double c, double d, double e, double f);
  ContentStream& move_to(Point p) { return num(p.x).num(p.y).op("m"); }
  ContentStream& line_to(Point p) { return num(p.x).num(p.y).op("l"); }
  ContentStream& rect(const Rect& r) { return num(r.x).num(r.y).num(r.width).num(r.height).op("re"); }
  ContentStream& close_path() { return op("h"); }

  const std::string& data() const { return out_; }
  std::string take() { return std::move(out_); }
  size_t size() const { return out_.size(); }
  void reserve(size_t n) { out_.reserve(n); }

 private:
  void separator();
  std::string out_;
};

// "0.1234" with at most `decimals` decimals, trailing zeros dropped, "-0" written "0".
void append_number(std::string& out, double v, int decimals);

}  // namespace plaquette::pdf
