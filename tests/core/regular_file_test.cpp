// Files named by the content are read only once known to be regular files: a FIFO never blocks.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/regular_file.hpp"

namespace plaquette {
namespace {

namespace fs = std::filesystem;

fs::path temp_dir() {
  fs::path d = fs::temp_directory_path() / ("plaquette-regular-" + std::to_string(::getpid()));
  fs::create_directories(d);
  return d;
}

// The folder goes when the test program ends.
struct CleanUp : ::testing::Environment {
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(temp_dir(), ec);
  }
};
const auto* const kCleanUp = ::testing::AddGlobalTestEnvironment(new CleanUp);

TEST(RegularFile, ReadsARegularFile) {
  const fs::path f = temp_dir() / "a.yaml";
  std::ofstream(f) << "document: {}\n";
  std::string why;
  auto bytes = read_regular_file(f, 1000, why);
  ASSERT_TRUE(bytes) << why;
  EXPECT_EQ(*bytes, "document: {}\n");
  EXPECT_EQ(irregular_file_kind(f), "");
}

TEST(RegularFile, AFifoIsRefusedWithoutBlocking) {
  const fs::path f = temp_dir() / "pipe.yaml";
  fs::remove(f);
  ASSERT_EQ(::mkfifo(f.c_str(), 0600), 0);
  std::string why;
  EXPECT_FALSE(read_regular_file(f, 1000, why));  // returns at once: opened non-blocking
  EXPECT_EQ(why, "is a named pipe (FIFO)");
  EXPECT_EQ(irregular_file_kind(f), "is a named pipe (FIFO)");
  EXPECT_EQ(not_a_file_message("assets/maps/x.shp", why, "map source"),
            "'assets/maps/x.shp' is not a file, so it cannot be read as the map source (it is a named pipe (FIFO)): "
            "replace it with a regular file");
  fs::remove(f);
}

TEST(RegularFile, FoldersDevicesAndMissingFilesAreNamed) {
  std::string why;
  EXPECT_FALSE(read_regular_file(temp_dir(), 1000, why));
  EXPECT_EQ(why, "is a folder");
  EXPECT_EQ(irregular_file_kind("/dev/zero"), "is a device");
  EXPECT_EQ(irregular_file_kind(temp_dir() / "none"), "does not exist");
  EXPECT_FALSE(read_regular_file(temp_dir() / "none", 1000, why));
  EXPECT_EQ(why, "does not exist");
}

TEST(RegularFile, ASizeAboveTheLimitIsRefusedBeforeReading) {
  const fs::path f = temp_dir() / "big.yaml";
  std::ofstream(f) << std::string(5000, 'x');
  std::string why;
  EXPECT_FALSE(read_regular_file(f, 4096, why));
  EXPECT_EQ(why, "is larger than 4.0 KB (4.9 KB)");
}

}  // namespace
}  // namespace plaquette
