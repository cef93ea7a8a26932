// libFuzzer target: a YAML text scalar of a content file whose {placeholders} a variant fills
// (variants::expand_variables, src/variants/merge.hpp), against a fixed variables map built once:
// an EPCI's name and SIREN, a few figures, and one figure tagged kNotComputedTag (its data
// failed; that error was reported elsewhere). Besides crashes and sanitizer reports, checks:
//  - expand_variables never throws; its result holds a NUL only when the input did;
//  - text with neither '{' nor '}' comes back unchanged, without any diagnostic;
//  - every diagnostic it adds is an error with a message;
//  - a not-computed figure's placeholder, plain or with singular/plural forms, stays as written
//    and adds no diagnostic (the input, braces removed, followed by such a placeholder);
//  - the variables map is left as it was;
//  - the same bytes as a variant id: when unsafe_name_reason (core/safe_name.hpp) accepts them,
//    they are 1 to 64 bytes, hold no '/', '\\' or "..", and do not start with '.'.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

#include <yaml-cpp/yaml.h>

#include "core/diag.hpp"
#include "core/safe_name.hpp"
#include "variants/merge.hpp"

namespace {

using namespace plaquette;

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "variables_fuzzer: broken promise: %s\n", what.c_str());
  std::abort();
}

YAML::Node* g_variables = nullptr;
std::string* g_dump = nullptr;

void make_variables() {
  g_variables = new YAML::Node(YAML::Load(R"Y(
epci:
  nom: "la CA de Lens – Liévin"
  siren: "246200364"
chiffres:
  communes: "36"
  terrils: "1"
  bois_ha: "1 234"
  zones_humides_ha: "?"
)Y"));
  (*g_variables)["chiffres"]["zones_humides_ha"].SetTag(variants::kNotComputedTag);
  g_dump = new std::string(YAML::Dump(*g_variables));
}

// Expands `text`, checking what holds for any input; returns the result, diagnostics in `sink`.
std::string expand(const std::string& text, DiagnosticSink& sink) {
  std::string out;
  try {
    out = variants::expand_variables(text, *g_variables, Span{"content/fuzz.yaml", 3, 7}, sink);
  } catch (const InputError& e) {
    fail("InputError escaped expand_variables: " + format_diagnostic(e.diagnostic()));
  } catch (const std::exception& e) {
    fail(std::string("exception escaped expand_variables: ") + e.what());
  } catch (...) {
    fail("unknown exception escaped expand_variables");
  }
  if (text.find('\0') == std::string::npos && out.find('\0') != std::string::npos)
    fail("a NUL appeared in the expanded text");
  for (const Diagnostic& d : sink.all()) {
    if (d.severity != Severity::Error) fail("a diagnostic that is not an error");
    if (d.message.empty()) fail("a diagnostic without a message");
  }
  return out;
}

void check_safe_name(const std::string& name) {
  if (!unsafe_name_reason(name).empty()) return;
  if (name.empty() || name.size() > kMaxSafeNameLength) fail("a safe name of " + std::to_string(name.size()) + " bytes");
  if (name.find('/') != std::string::npos || name.find('\\') != std::string::npos)
    fail("a safe name holds a folder separator");
  if (name.find("..") != std::string::npos) fail("a safe name holds \"..\"");
  if (name.front() == '.') fail("a safe name starts with '.'");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  make_variables();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  {
    DiagnosticSink sink;
    const std::string out = expand(input, sink);
    if (input.find_first_of("{}") == std::string::npos) {
      if (out != input) fail("text without braces was changed");
      if (!sink.all().empty()) fail("text without braces got a diagnostic");
    }
  }
  {
    // A figure that could not be computed: left as written, no second message.
    std::string plain;
    for (char c : input)
      if (c != '{' && c != '}') plain += c;
    for (const char* placeholder : {"{chiffres.zones_humides_ha}", "{chiffres.zones_humides_ha|hectare|hectares}"}) {
      DiagnosticSink sink;
      const std::string text = plain + placeholder;
      if (expand(text, sink) != text) fail(std::string("a not-computed figure was replaced: ") + placeholder);
      if (!sink.all().empty()) fail("a not-computed figure got a diagnostic: " + sink.to_string());
    }
  }
  if (YAML::Dump(*g_variables) != *g_dump) fail("expand_variables changed the variables");
  check_safe_name(input);
  return 0;
}
