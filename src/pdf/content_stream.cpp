#include "pdf/content_stream.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace plaquette::pdf {

void append_number(std::string& out, double v, int decimals) {
  if (!std::isfinite(v)) v = 0;  // never "nan" in a PDF: the scene should not hold one
  const double scale = std::pow(10.0, decimals);
  double r = std::round(v * scale) / scale;
  if (r == 0) r = 0;  // no "-0"
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, r, std::chars_format::fixed, decimals);
  char* end = res.ptr;
  // Trailing zeros and a trailing point go: "12.500" → "12.5", "3.000" → "3".
  char* dot = std::find(buf, end, '.');
  if (dot != end) {
    while (end > dot + 1 && end[-1] == '0') --end;
    if (end == dot + 1) end = dot;
  }
  out.append(buf, end);
}

void ContentStream::separator() {
  if (!out_.empty() && out_.back() != '\n' && out_.back() != ' ') out_ += ' ';
}

ContentStream& ContentStream::num(double v, int decimals) {
  separator();
  append_number(out_, v, decimals);
  return *this;
}

ContentStream& ContentStream::integer(long long v) {
  separator();
  char buf[32];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, res.ptr);
  return *this;
}

ContentStream& ContentStream::name(std::string_view n) {
  separator();
  out_ += n;
  return *this;
}

ContentStream& ContentStream::op(std::string_view o) {
  separator();
  out_ += o;
  out_ += '\n';
  return *this;
}

ContentStream& ContentStream::raw(std::string_view s) {
  separator();
  out_ += s;
  return *this;
}

ContentStream& ContentStream::transform(double a, double b, double c, double d, double e, double f) {
  return num(a, 5).num(b, 5).num(c, 5).num(d, 5).num(e).num(f).op("cm");
}

}  // namespace plaquette::pdf
