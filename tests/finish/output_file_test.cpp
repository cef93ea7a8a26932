// A failed build never destroys a previous good output.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <stdexcept>

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

TEST(AtomicOutput, TwoWritersOfOneTargetNeverShareATemporaryFile) {
  auto dir = test::make_temp_dir("finish");
  finish::AtomicOutput a((dir / "out.pdf").string());
  finish::AtomicOutput b((dir / "out.pdf").string());
  EXPECT_NE(a.temp_path(), b.temp_path());
}

TEST(AtomicOutput, TemporaryFilesOfADeadBuildAreRemoved) {
  auto dir = test::make_temp_dir("finish");
  // A build killed before its rename left these (pid 999999999 runs nowhere)...
  test::write_file(dir / ".out.pdf.tmp-999999999", "half");
  test::write_file(dir / ".out.pdf.tmp-999999999-aB3xYz.finish", "half");
  // ...while this one belongs to a live process (ours) and another file is not ours at all.
  const std::string live = ".out.pdf.tmp-" + std::to_string(::getpid()) + "-live00";
  test::write_file(dir / live, "busy");
  test::write_file(dir / ".other.pdf.tmp-999999999", "not ours");
  {
    finish::AtomicOutput out((dir / "out.pdf").string());
    test::write_file(out.temp_path(), "new");
    out.commit();
  }
  EXPECT_FALSE(std::filesystem::exists(dir / ".out.pdf.tmp-999999999"));
  EXPECT_FALSE(std::filesystem::exists(dir / ".out.pdf.tmp-999999999-aB3xYz.finish"));
  EXPECT_TRUE(std::filesystem::exists(dir / live));
  EXPECT_TRUE(std::filesystem::exists(dir / ".other.pdf.tmp-999999999"));
}

TEST(AtomicOutput, AReadOnlyTargetIsRefusedAndKept) {
  auto dir = test::make_temp_dir("finish");
  auto target = dir / "out.pdf";
  test::write_file(target, "kept");
  std::filesystem::permissions(target, std::filesystem::perms::owner_read | std::filesystem::perms::group_read);
  try {
    finish::AtomicOutput out(target.string());
    FAIL() << "a read-only output was accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("is read-only"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(target.string()), std::string::npos) << e.what();
  }
  EXPECT_EQ(test::read_file(target), "kept");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), {}), 1);  // no temp left
}

TEST(AtomicOutput, AFolderThatIsAFileSaysSo) {
  auto dir = test::make_temp_dir("finish");
  test::write_file(dir / "plain", "x");
  try {
    finish::AtomicOutput out((dir / "plain" / "out.pdf").string());
    FAIL() << "accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("cannot create the folder"), std::string::npos) << e.what();
  }
}
