// Broken, truncated, unknown and oversized files: always an InputError at the YAML span that
// names the file, never a crash, an exit or a huge allocation.
#include <gtest/gtest.h>

#include <unistd.h>

#include "image/fixtures.hpp"
#include "image/image.hpp"
#include "image/source_file.hpp"
#include "support/test_paths.hpp"

namespace plaquette {
namespace {

using test::Bytes;

const Span kSpan{"content/plaquette.yaml", 77, 11};

class ErrorsTest : public ::testing::Test {
 protected:
  std::filesystem::path dir = test::make_temp_dir("image-errors");
  void TearDown() override { std::filesystem::remove_all(dir); }

  std::string write(const std::string& name, const Bytes& bytes) {
    auto p = dir / name;
    test::write_bytes(p, bytes);
    return p.string();
  }

  // Loads `path`, expecting an InputError at kSpan that names the file; returns its message.
  std::string error_of(const std::string& path) {
    try {
      image::load_image(path, kSpan);
    } catch (const InputError& e) {
      EXPECT_EQ(e.diagnostic().span, kSpan);
      EXPECT_EQ(e.diagnostic().severity, Severity::Error);
      std::string name = std::filesystem::path(path).filename().string();
      EXPECT_NE(e.diagnostic().message.find(name), std::string::npos) << "message must name the file: " << e.what();
      return e.diagnostic().message;
    }
    ADD_FAILURE() << "no InputError for " << path;
    return {};
  }

  Bytes some_png() { return test::png_bytes(64, 64, [](int x, int y) { return 0xff000000u | unsigned(x * 4 << 8 | y * 4); }); }
  Bytes some_jpeg() {
    return test::jpeg_bytes({.width = 64, .height = 64}, [](int x, int y, unsigned char* p) {
      p[0] = static_cast<unsigned char>(x * 4), p[1] = static_cast<unsigned char>(y * 4), p[2] = static_cast<unsigned char>((x ^ y) * 4);
    });
  }
};

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST_F(ErrorsTest, UnknownKind) {
  auto path = write("notes.jpg", test::to_bytes("Ceci n'est pas une image.\n"));
  std::string expected = "'";  // built step by step: GCC 12 warns falsely on "'" + s + "..."
  expected += image::shown_path(path);
  expected += "' is not a PNG, JPEG or SVG image";
  EXPECT_EQ(error_of(path), expected);
}

TEST_F(ErrorsTest, MissingAndEmptyFiles) {
  EXPECT_TRUE(contains(error_of((dir / "absent.png").string()), "not found"));
  EXPECT_TRUE(contains(error_of(write("vide.png", {})), "empty"));
}

TEST_F(ErrorsTest, CorruptPng) {
  // A valid signature and header, then garbage instead of image data.
  Bytes png = test::png_header_only(8, 8);
  for (int i = 0; i < 200; ++i) png.push_back(static_cast<unsigned char>(i * 37));
  EXPECT_TRUE(contains(error_of(write("abime.png", png)), "PNG"));
}

TEST_F(ErrorsTest, TruncatedPng) {
  Bytes png = some_png();
  png.resize(png.size() / 2);
  EXPECT_TRUE(contains(error_of(write("coupe.png", png)), "truncated"));
  Bytes header = some_png();
  header.resize(16);  // ends inside IHDR
  EXPECT_TRUE(contains(error_of(write("entete.png", header)), "truncated"));
}

TEST_F(ErrorsTest, CorruptJpeg) {
  Bytes jpeg = {0xff, 0xd8, 0xff, 0xe0};
  for (int i = 0; i < 300; ++i) jpeg.push_back(static_cast<unsigned char>(i * 53));
  EXPECT_TRUE(contains(error_of(write("abime.jpg", jpeg)), "JPEG"));
}

TEST_F(ErrorsTest, TruncatedJpeg) {
  // libjpeg itself only warns at a premature end and pads with grey; that must not pass.
  Bytes jpeg = some_jpeg();
  jpeg.resize(jpeg.size() * 2 / 3);
  std::string message = error_of(write("coupe.jpg", jpeg));
  EXPECT_TRUE(contains(message, "Premature end")) << message;
}

TEST_F(ErrorsTest, CorruptSvgGivesLibrsvgMessage) {
  std::string message =
      error_of(write("casse.svg", test::to_bytes(R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><g></svg>)")));
  EXPECT_TRUE(contains(message, "SVG")) << message;
  // librsvg's own words follow the colon; an empty explanation would not help the user.
  auto colon = message.rfind(": ");
  ASSERT_NE(colon, std::string::npos) << message;
  EXPECT_GT(message.size() - colon, 5u) << message;
}

TEST_F(ErrorsTest, HugePngHeaderIsRefusedBeforeDecoding) {
  // 100 000 × 100 000 RGBA would be 40 GB. Cairo would also refuse it, but later and with a
  // vaguer message; the limit must act first, from the header alone.
  std::string message = error_of(write("enorme.png", test::png_header_only(100000, 100000)));
  EXPECT_TRUE(contains(message, "100000×100000")) << message;
  EXPECT_TRUE(contains(message, "20000 pixels a side")) << message;
}

TEST_F(ErrorsTest, TooManyMegapixels) {
  // 15 000 a side passes the side limit but makes 225 megapixels.
  std::string message = error_of(write("gros.png", test::png_header_only(15000, 15000)));
  EXPECT_TRUE(contains(message, "megapixels")) << message;
  message = error_of(write("gros.jpg", test::jpeg_with_declared_size(some_jpeg(), 15000, 15000)));
  EXPECT_TRUE(contains(message, "megapixels")) << message;
}

TEST_F(ErrorsTest, JpegWiderThanTheLimit) {
  std::string message = error_of(write("large.jpg", test::jpeg_with_declared_size(some_jpeg(), 20001, 10)));
  EXPECT_TRUE(contains(message, "20001×10")) << message;
}

TEST_F(ErrorsTest, ZeroSizedPng) {
  std::string message = error_of(write("zero.png", test::png_header_only(0, 10)));
  EXPECT_TRUE(contains(message, "0×10")) << message;
}

TEST_F(ErrorsTest, MessagesNameFilesRelativeToTheWorkingDirectory) {
  auto cwd = std::filesystem::current_path();
  EXPECT_EQ(image::shown_path((cwd / "assets/images/x.jpg").string()), "assets/images/x.jpg");
  if (cwd != cwd.root_path()) {
    auto outside = (cwd.parent_path() / "ailleurs.png").string();
    EXPECT_EQ(image::shown_path(outside), outside);
  }
}

}  // namespace
}  // namespace plaquette
