// Where tests find the project and the built binary, plus small helpers for temp dirs and commands.
#pragma once
#include <filesystem>
#include <string>

namespace plaquette::test {

std::filesystem::path source_dir();   // the project root (content/, templates/, assets/)
std::filesystem::path binary();       // build/plaquette
// A fresh, empty directory under the system temp dir, unique per call.
std::filesystem::path make_temp_dir(const std::string& tag);
// Runs a shell command; returns its exit status and fills `out` with stdout+stderr.
int run(const std::string& command, std::string* out);
std::string read_file(const std::filesystem::path& p);
void write_file(const std::filesystem::path& p, const std::string& text);

// The `variants:` section over two EPCI of the real data (246200364 Lens-Liévin, 246200299
// Hénin-Carvin), with override files in content/variants/; a test appends `figures:` or other keys.
inline constexpr const char* kTwoEpciVariants = R"Y(variants:
  source: assets/maps/bassin-minier.gpkg
  layer: epci
  id: siren
  name: nom
  where: "siren IN ('246200364', '246200299')"
  overrides: content/variants
)Y";

}  // namespace plaquette::test
