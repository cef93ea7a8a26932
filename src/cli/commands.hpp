// The sub-commands of the plaquette command line. Each returns the process exit code:
// 0 success, 1 bad input (diagnostics printed on stderr), 2 bad usage.
#pragma once
#include <string>

namespace plaquette::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 1;
inline constexpr int kExitUsage = 2;

struct BuildArgs {
  std::string content = "content/plaquette.yaml";
  std::string output = "output/plaquette.pdf";
  std::string root;
};

struct PreviewArgs {
  std::string content = "content/plaquette.yaml";
  std::string output_dir = "output/preview";
  double dpi = 96;
  std::string root;
};

int run_build(const BuildArgs& args);
int run_preview(const PreviewArgs& args);

}  // namespace plaquette::cli
