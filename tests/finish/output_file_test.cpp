// A failed build never destroys a previous good output.
#include <gtest/gtest.h>

#include <filesystem>

#include "finish/output_file.hpp"
#include "support/test_paths.hpp"

using namespace plaquette;

TEST(AtomicOutput, CommitReplacesTheTarget) {
  auto dir = test::make_temp_dir("finish");
  auto target = dir / "out.pdf";
  test::write_file(target, "old");
  {
    finish::AtomicOutput out(target.string());
    EXPECT_NE(out.temp_path(), target.string());
    EXPECT_EQ(std::filesystem::path(out.temp_path()).parent_path(), dir);  // same filesystem
    test::write_file(out.temp_path(), "new");
    out.commit();
  }
  EXPECT_EQ(test::read_file(target), "new");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), {}), 1);  // no temp left
}

TEST(AtomicOutput, AbandonedWriteKeepsThePreviousFile) {
  auto dir = test::make_temp_dir("finish");
  auto target = dir / "out.pdf";
  test::write_file(target, "good");
  {
    finish::AtomicOutput out(target.string());
    test::write_file(out.temp_path(), "half");
    // no commit: the build failed
  }
  EXPECT_EQ(test::read_file(target), "good");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), {}), 1);
}

TEST(AtomicOutput, EmptyResultIsRefused) {
  auto dir = test::make_temp_dir("finish");
  auto target = dir / "out.pdf";
  test::write_file(target, "good");
  finish::AtomicOutput out(target.string());
  test::write_file(out.temp_path(), "");
  EXPECT_THROW(out.commit(), std::runtime_error);
  EXPECT_EQ(test::read_file(target), "good");
}

TEST(AtomicOutput, CreatesTheOutputFolder) {
  auto dir = test::make_temp_dir("finish");
  auto target = dir / "sub" / "out.pdf";
  finish::AtomicOutput out(target.string());
  test::write_file(out.temp_path(), "x");
  out.commit();
  EXPECT_TRUE(std::filesystem::exists(target));
}
