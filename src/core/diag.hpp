// Diagnostics: every error a user can cause is a value with a location,
// printed like a compiler's: "content/plaquette.yaml:42:7: error: message".
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

namespace plaquette {

// A place in a source file. line and col are 1-based; 0 means unknown.
struct Span {
  std::string file;  // path as the user should read it (relative to the project when possible)
  int line = 0;
  int col = 0;
  bool known() const { return !file.empty(); }
  friend bool operator==(const Span&, const Span&) = default;
};

enum class Severity { Error, Warning, Note };

struct Diagnostic {
  Severity severity = Severity::Error;
  Span span;
  std::string message;
};

// "file:line:col: error: message" (parts that are unknown are left out).
std::string format_diagnostic(const Diagnostic& d);

// Collects diagnostics so that a stage can report every problem it sees, not only the first.
class DiagnosticSink {
 public:
  void error(Span span, std::string message);
  void warning(Span span, std::string message);
  void note(Span span, std::string message);
  void add(Diagnostic d);

  bool has_errors() const { return error_count_ > 0; }
  int error_count() const { return error_count_; }
  const std::vector<Diagnostic>& all() const { return diagnostics_; }
  // Every diagnostic, one per line, in the order they were reported.
  std::string to_string() const;

 private:
  std::vector<Diagnostic> diagnostics_;
  int error_count_ = 0;
};

// Thrown when a stage cannot go on; carries the located diagnostic.
// Stages that can continue after an error report to a DiagnosticSink instead.
class InputError : public std::runtime_error {
 public:
  explicit InputError(Diagnostic d);
  InputError(Span span, std::string message);
  const Diagnostic& diagnostic() const { return diagnostic_; }

 private:
  Diagnostic diagnostic_;
};

// "did you mean 'titre-2'?" hint: the closest candidate within a small edit distance, or "".
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);
// ": did you mean 'x'?" / "" — ready to append to a message.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace plaquette
