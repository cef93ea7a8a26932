#include "finish/output_file.hpp"

#include <unistd.h>

#include <filesystem>
#include <stdexcept>
#include <system_error>

#include <fmt/format.h>

namespace plaquette::finish {

namespace fs = std::filesystem;

AtomicOutput::AtomicOutput(std::string target) : target_(std::move(target)) {
  fs::path t(target_);
  if (t.has_parent_path()) fs::create_directories(t.parent_path());
  // Same folder as the target so that rename() stays on one filesystem (atomic).
  temp_ = (t.parent_path() / fmt::format(".{}.tmp-{}", t.filename().string(), ::getpid())).string();
}

AtomicOutput::~AtomicOutput() {
  if (!committed_) {
    std::error_code ec;
    fs::remove(temp_, ec);
  }
}

void AtomicOutput::commit() {
  std::error_code ec;
  auto size = fs::file_size(temp_, ec);
  if (ec || size == 0) throw std::runtime_error(fmt::format("cannot write '{}': nothing was produced", target_));
  fs::rename(temp_, target_, ec);
  if (ec) throw std::runtime_error(fmt::format("cannot write '{}': {}", target_, ec.message()));
  committed_ = true;
}

}  // namespace plaquette::finish
