// Cairo 1.16 cannot write the document language (/Lang in the catalog), which screen readers
// and hyphenating viewers use: the finish stage adds it with qpdf.
#pragma once
#include <string>

namespace plaquette::finish {

// Rewrites the PDF at `path` in place with /Lang set to `language` (a BCP 47 tag, e.g. "fr").
// The rewrite is deterministic (same input, same bytes). Throws std::runtime_error on failure.
void set_document_language(const std::string& path, const std::string& language);

}  // namespace plaquette::finish
