#include <gtest/gtest.h>

#include "core/units.hpp"

namespace plaquette {
namespace {

TEST(CoreUnits, ParsesEveryUnitIntoPoints) {
  EXPECT_DOUBLE_EQ(*parse_length("25.4mm"), 72.0);
  EXPECT_DOUBLE_EQ(*parse_length("2.54cm"), 72.0);
  EXPECT_DOUBLE_EQ(*parse_length("9pt"), 9.0);
  EXPECT_DOUBLE_EQ(*parse_length("0.5in"), 36.0);
  EXPECT_DOUBLE_EQ(*parse_length("210mm"), mm_to_pt(210));
}

TEST(CoreUnits, AcceptsSpacesSignsAndDecimalComma) {
  EXPECT_DOUBLE_EQ(*parse_length("1.5 cm"), mm_to_pt(15));
  EXPECT_DOUBLE_EQ(*parse_length("  12mm  "), mm_to_pt(12));
  EXPECT_DOUBLE_EQ(*parse_length("2,5mm"), mm_to_pt(2.5));
  EXPECT_DOUBLE_EQ(*parse_length("-3mm"), mm_to_pt(-3));
  EXPECT_DOUBLE_EQ(*parse_length("+4pt"), 4.0);
}

TEST(CoreUnits, RefusesANumberWithoutUnit) {
  std::string why;
  EXPECT_FALSE(parse_length("12", &why));
  EXPECT_NE(why.find("'12' has no unit"), std::string::npos) << why;
  EXPECT_NE(why.find("12mm"), std::string::npos) << why;
}

TEST(CoreUnits, RefusesAnUnknownUnit) {
  std::string why;
  EXPECT_FALSE(parse_length("12px", &why));
  EXPECT_EQ(why, "unknown unit 'px' in '12px': use mm, cm, pt or in");
  EXPECT_FALSE(parse_length("3m", &why));
  EXPECT_NE(why.find("unknown unit 'm'"), std::string::npos);
}

TEST(CoreUnits, RefusesWhatIsNotALength) {
  std::string why;
  EXPECT_FALSE(parse_length("", &why));
  EXPECT_EQ(why, "empty length");
  EXPECT_FALSE(parse_length("mm", &why));
  EXPECT_NE(why.find("has no number"), std::string::npos);
  EXPECT_FALSE(parse_length("1.2.3mm", &why));
  EXPECT_NE(why.find("is not a number followed by a unit"), std::string::npos);
  EXPECT_FALSE(parse_length("12 3mm"));
  EXPECT_FALSE(parse_length("big"));
  EXPECT_TRUE(parse_length("12mm", nullptr));  // `why` is optional
}

TEST(CoreUnits, ConversionsRoundTrip) {
  EXPECT_DOUBLE_EQ(mm_to_pt(25.4), 72.0);
  EXPECT_DOUBLE_EQ(pt_to_mm(72.0), 25.4);
  EXPECT_DOUBLE_EQ(pt_to_mm(mm_to_pt(123.4)), 123.4);
}

TEST(CoreUnits, FormatMmRoundsToTenths) {
  EXPECT_EQ(format_mm(mm_to_pt(210)), "210mm");
  EXPECT_EQ(format_mm(mm_to_pt(12.5)), "12.5mm");
  EXPECT_EQ(format_mm(mm_to_pt(12.54)), "12.5mm");
  EXPECT_EQ(format_mm(0), "0mm");
}

}  // namespace
}  // namespace plaquette
