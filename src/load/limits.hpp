// Sanity limits on values. They catch typos (2100mm for 210mm, 0.5 for 50 in CMYK) before they
// turn into a blank or absurd PDF, and say what is acceptable.
#pragma once
#include "core/units.hpp"
#include "load/yaml_reader.hpp"

namespace plaquette::load::limits {

// Sizes of text: a brochure's content is a few hundred kilobytes; these stop a pasted data dump
// (or a file of random bytes) before the typesetter spends minutes on it.
inline constexpr size_t kMaxParagraphChars = 20 * 1000;  // one paragraph, about three A4 pages of body text
inline constexpr size_t kMaxWordChars = 300;             // one word, URL included

inline constexpr double kMaxSheet = mm_to_pt(5000.0);  // 5 m: larger than any printed sheet

inline Range size() { return Range{0, kMaxSheet, true, "more than 0mm and at most 5000mm"}; }
inline Range position() { return Range{-kMaxSheet, kMaxSheet, false, "between -5000mm and 5000mm"}; }
inline Range non_negative_length() { return Range{0, kMaxSheet, false, "between 0mm and 5000mm"}; }
inline Range edge_offset() { return Range{-kMaxSheet, kMaxSheet, false, "between -5000mm and 5000mm"}; }
inline Range font_size() { return Range{2, 500, false, "between 2pt and 500pt"}; }
inline Range leading() { return Range{0, 1000, true, "more than 0pt and at most 1000pt"}; }
inline Range stroke_width() { return Range{0, 100, true, "more than 0pt and at most 100pt"}; }
inline Range opacity() { return Range{0, 1, false, "between 0 and 1"}; }
inline Range unit_interval() { return Range{0, 1, false, "between 0 and 1"}; }
inline Range percent() { return Range{0, 100, false, "between 0 and 100"}; }
inline Range columns() { return Range{1, 20, false, "between 1 and 20"}; }
inline Range max_letter_spacing() { return Range{0, 50, false, "between 0 and 50 (thousandths of an em)"}; }
inline Range tracking() { return Range{-1000, 10000, false, "between -1000 and 10000 (thousandths of an em)"}; }
inline Range ground_margin() { return Range{0, 1e7, false, "between 0m and 10000km"}; }
// Hyphenation settings, in letters (and lines for max_consecutive).
inline Range hyphen_min_word() { return Range{2, 30, false, "between 2 and 30 (letters)"}; }
inline Range hyphen_min_part() { return Range{1, 15, false, "between 1 and 15 (letters)"}; }
inline Range outline_level() { return Range{0, 6, false, "between 0 (not in the PDF outline) and 6"}; }
inline Range hyphen_max_consecutive() { return Range{1, 20, false, "between 1 and 20 (lines)"}; }

}  // namespace plaquette::load::limits
