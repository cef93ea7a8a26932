// `plaquette translations --lang nl`: the skeleton of a translation file, for a translator.
#include <fstream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "core/diag.hpp"
#include "load/load.hpp"

namespace plaquette::cli {

int run_translations(const TranslationsArgs& args) {
  load::LoadOptions options;
  options.root = args.root;
  options.variant = args.variant;
  options.language = args.language;
  DiagnosticSink sink;
  auto text = load::translation_skeleton(args.content, options, sink);
  for (const auto& d : sink.all())
    if (d.severity == Severity::Error) fmt::print(stderr, "{}\n", format_diagnostic(d));
  if (!text) return kExitBadInput;
  if (args.output.empty()) {
    fmt::print("{}", *text);
    return kExitOk;
  }
  std::ofstream out(args.output, std::ios::binary);
  out << *text;
  if (!out) {
    fmt::print(stderr, "plaquette translations: cannot write '{}'\n", args.output);
    return kExitBadInput;
  }
  fmt::print(stderr, "plaquette translations: {} written\n", args.output);
  return kExitOk;
}

}  // namespace plaquette::cli
