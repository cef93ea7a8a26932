#include "core/diag.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace plaquette {

std::string format_diagnostic(const Diagnostic& d) {
  const char* kind = d.severity == Severity::Error ? "error" : d.severity == Severity::Warning ? "warning" : "note";
  std::string where;
  if (d.span.known()) {
    where = d.span.file;
    if (d.span.line > 0) {
      where += fmt::format(":{}", d.span.line);
      if (d.span.col > 0) where += fmt::format(":{}", d.span.col);
    }
    where += ": ";
  }
  return fmt::format("{}{}: {}", where, kind, d.message);
}

void DiagnosticSink::add(Diagnostic d) {
  if (d.severity == Severity::Error) ++error_count_;
  diagnostics_.push_back(std::move(d));
}
void DiagnosticSink::error(Span span, std::string message) { add({Severity::Error, std::move(span), std::move(message)}); }
void DiagnosticSink::warning(Span span, std::string message) {
  add({Severity::Warning, std::move(span), std::move(message)});
}
void DiagnosticSink::note(Span span, std::string message) { add({Severity::Note, std::move(span), std::move(message)}); }

std::string DiagnosticSink::to_string() const {
  std::string out;
  for (const auto& d : diagnostics_) {
    out += format_diagnostic(d);
    out += '\n';
  }
  return out;
}

InputError::InputError(Diagnostic d) : std::runtime_error(format_diagnostic(d)), diagnostic_(std::move(d)) {}
InputError::InputError(Span span, std::string message)
    : InputError(Diagnostic{Severity::Error, std::move(span), std::move(message)}) {}

namespace {
// Levenshtein distance on bytes, case-insensitive: enough for style and key names.
size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) == std::tolower(static_cast<unsigned char>(b[j - 1]));
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}
}  // namespace

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_d = std::string::npos;
  for (const auto& c : candidates) {
    size_t d = edit_distance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  // Accept up to a third of the word's length (at least 1, at most 3 edits).
  size_t limit = std::clamp<size_t>(word.size() / 3, 1, 3);
  if (best_d == std::string::npos || best_d > limit) return {};
  return best;
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  std::string m = closest_match(word, candidates);
  return m.empty() ? std::string{} : fmt::format(" (did you mean '{}'?)", m);
}

}  // namespace plaquette
