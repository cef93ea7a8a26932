#include <gtest/gtest.h>

#include "load/ground_length.hpp"

namespace plaquette::load {
namespace {

TEST(GroundLength, MetresAndKilometres) {
  EXPECT_DOUBLE_EQ(*parse_ground_length("500m"), 500);
  EXPECT_DOUBLE_EQ(*parse_ground_length("2km"), 2000);
  EXPECT_DOUBLE_EQ(*parse_ground_length("1,5 km"), 1500);
  EXPECT_DOUBLE_EQ(*parse_ground_length("0m"), 0);
}

TEST(GroundLength, RefusesBareNumbersAndPaperUnits) {
  std::string why;
  EXPECT_FALSE(parse_ground_length("2000", &why));
  EXPECT_NE(why.find("has no unit: write a ground distance in m or km"), std::string::npos) << why;
  EXPECT_FALSE(parse_ground_length("2mm", &why));
  EXPECT_NE(why.find("is a paper length"), std::string::npos) << why;
  EXPECT_FALSE(parse_ground_length("2mi", &why));
  EXPECT_EQ(why, "unknown unit 'mi' in '2mi': use m or km");
  EXPECT_FALSE(parse_ground_length("far", &why));
  EXPECT_FALSE(parse_ground_length("", &why));
}

}  // namespace
}  // namespace plaquette::load
