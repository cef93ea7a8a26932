// libFuzzer target: the French typography pass (src/text/french_typography.cpp).
// Besides crashes and sanitizer reports, checks the promise of french_typography.hpp that the
// pass is idempotent: applying it to its own output changes nothing. On a mismatch it prints
// both strings (escaped) and aborts, so that libFuzzer saves the input.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "text/french_typography.hpp"

namespace {

std::string escaped(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (c >= 0x20 && c < 0x7F && c != '\\') {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string once = plaquette::text::apply_french_typography(input);
  const std::string twice = plaquette::text::apply_french_typography(once);
  if (once != twice) {
    std::fprintf(stderr, "typography_fuzzer: not idempotent\n  input: \"%s\"\n  once:  \"%s\"\n  twice: \"%s\"\n",
                 escaped(input).c_str(), escaped(once).c_str(), escaped(twice).c_str());
    std::abort();
  }
  return 0;
}
