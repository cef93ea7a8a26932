// Reading an image file into memory, once: every decoder works from the same bytes, and the
// JPEG bytes are kept as they are for the PDF.
#pragma once
#include <string>
#include <vector>

#include "core/diag.hpp"

namespace plaquette::image {

struct SourceFile {
  std::string absolute_path;
  std::string shown;  // how messages name the file: relative to the working directory when inside it
  std::vector<unsigned char> bytes;
};

// The name to print for `absolute_path`: "assets/images/x.jpg" when the file is under the current
// directory (the project root, when plaquette runs from there), else the absolute path.
std::string shown_path(const std::string& absolute_path);

// Reads the whole file. Throws InputError at `span` when it is missing, not a regular file,
// unreadable or empty.
SourceFile read_source_file(const std::string& absolute_path, const Span& span);

}  // namespace plaquette::image
