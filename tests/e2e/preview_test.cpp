// `plaquette preview --guides --separations` and `plaquette watch` on a small project.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "e2e/e2e_fixture.hpp"

using namespace plaquette;
namespace fs = std::filesystem;

namespace {

const std::string kThreePages = std::string(test::kDocumentHead) + R"(  - master: deux-colonnes
    blocks:
      - frame: texte
        text:
          - intertitre: Un
          - Un paragraphe de texte courant.
  - master: deux-colonnes
    blocks:
      - frame: texte
        text:
          - Deux.
  - master: deux-colonnes
    blocks:
      - frame: texte
        text:
          - Trois.
)";

struct Dims {
  int width = 0, height = 0;
};

// Width and height from the PNG's IHDR chunk (big-endian, bytes 16..23).
Dims png_size(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  unsigned char b[24] = {};
  in.read(reinterpret_cast<char*>(b), sizeof b);
  EXPECT_TRUE(in.good()) << p;
  EXPECT_EQ(std::string(reinterpret_cast<char*>(b + 12), 4), "IHDR") << p;
  auto be = [&](int o) { return (b[o] << 24) | (b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3]; };
  return {be(16), be(20)};
}

// Pixels for `mm` millimetres at `dpi`, rounded up as the previews do.
int px(double mm, double dpi) { return static_cast<int>(std::ceil(mm / 25.4 * dpi - 1e-6)); }

}  // namespace

TEST(PreviewCli, GuidesSpreadsContactSheetAndPlates) {
  auto dir = test::small_project("preview", kThreePages);
  auto out = dir / "output" / "preview";
  auto run = test::plaquette("preview '" + (dir / "content" / "plaquette.yaml").string() + "' -o '" + out.string() +
                             "' --dpi 36 --guides --separations");
  ASSERT_EQ(run.status, 0) << run.output;
  // A4 with a 3 mm bleed on every side.
  const int w = px(210 + 6, 36), h = px(297 + 6, 36);
  for (const char* name : {"page-01.png", "page-02.png", "page-03.png", "spread-01.png", "page-01-plate-c.png",
                           "page-01-plate-m.png", "page-01-plate-y.png", "page-01-plate-k.png"}) {
    ASSERT_TRUE(fs::exists(out / name)) << name;
    Dims d = png_size(out / name);
    EXPECT_EQ(d.width, w) << name;
    EXPECT_EQ(d.height, h) << name;
  }
  Dims spread = png_size(out / "spread-02.png");  // pages 2–3, bleed on the outer edges only
  EXPECT_EQ(spread.width, px(3 + 210 + 210 + 3, 36));
  EXPECT_EQ(spread.height, h);
  EXPECT_FALSE(fs::exists(out / "spread-03.png"));
  Dims sheet = png_size(out / "contact-sheet.png");  // 3 thumbnails of 150 px in one row
  EXPECT_EQ(sheet.width, 3 * 150 + 4 * 20);
  EXPECT_EQ(sheet.height, static_cast<int>(std::lround(297.0 / 210 * 150)) + 18 + 2 * 20);

  // Without the flags: trim-sized pages, and the plates of the earlier run are gone.
  run = test::plaquette("preview '" + (dir / "content" / "plaquette.yaml").string() + "' -o '" + out.string() +
                        "' --dpi 36");
  ASSERT_EQ(run.status, 0) << run.output;
  Dims page = png_size(out / "page-01.png");
  EXPECT_EQ(page.width, px(210, 36));
  EXPECT_EQ(page.height, px(297, 36));
  EXPECT_FALSE(fs::exists(out / "page-01-plate-c.png"));

  run = test::plaquette("preview '" + (dir / "content" / "plaquette.yaml").string() + "' -o '" + out.string() +
                        "' --dpi 36 --separations 3");
  ASSERT_EQ(run.status, 0) << run.output;
  EXPECT_TRUE(fs::exists(out / "page-03-plate-k.png"));
  EXPECT_EQ(test::plaquette("preview '" + (dir / "content" / "plaquette.yaml").string() + "' -o '" + out.string() +
                            "' --separations 4")
                .status,
            2);
  EXPECT_EQ(test::plaquette("preview content/plaquette.yaml --separations x").status, 2);
  EXPECT_EQ(test::plaquette("preview --separations 0").status, 2);
}

TEST(WatchCli, OnceBuildsPdfsAndPreviews) {
  auto dir = test::small_project("watch", kThreePages);
  auto out = dir / "output";
  auto run = test::plaquette("watch '" + (dir / "content" / "plaquette.yaml").string() + "' -o '" + out.string() +
                             "' --dpi 20 --once");
  ASSERT_EQ(run.status, 0) << run.output;
  EXPECT_NE(run.output.find("watch: built"), std::string::npos) << run.output;
  EXPECT_TRUE(fs::exists(out / "plaquette.pdf"));
  EXPECT_TRUE(fs::exists(out / "plaquette-screen.pdf"));
  EXPECT_TRUE(fs::exists(out / "preview" / "page-03.png"));
  EXPECT_TRUE(fs::exists(out / "preview" / "spread-02.png"));
  EXPECT_TRUE(fs::exists(out / "preview" / "contact-sheet.png"));

  test::write_file(dir / "content" / "plaquette.yaml", std::string(kThreePages) + "  - master: nulle-part\n");
  run = test::plaquette("watch '" + (dir / "content" / "plaquette.yaml").string() + "' -o '" + out.string() +
                        "' --once");
  EXPECT_EQ(run.status, 1) << run.output;
  EXPECT_NE(run.output.find("build failed"), std::string::npos) << run.output;
}

TEST(WatchCli, RebuildsWhenAContentFileChangesAndKeepsGoingAfterErrors) {
  auto dir = test::small_project("watch", kThreePages);
  auto content = dir / "content" / "plaquette.yaml";
  auto log = dir / "watch.log";
  // Watch for 7 s; break the content after 2 s, repair it after 4 s; SIGINT ends the watch.
  std::string cmd = "cd '" + dir.string() + "' && (timeout -s INT 7 '" + test::binary().string() + "' watch '" +
                    content.string() + "' -o '" + (dir / "output").string() + "' --dpi 20 > '" + log.string() +
                    "' 2>&1 &) ; sleep 2; printf '  - master: nulle-part\\n' >> '" + content.string() +
                    "'; sleep 2; printf '%s' \"$(head -n -1 '" +
                    content.string() + "')\" > '" + content.string() + ".tmp' && echo >> '" + content.string() +
                    ".tmp' && mv '" + content.string() + ".tmp' '" + content.string() + "'; sleep 4";
  std::string ignored;
  test::run(cmd, &ignored);
  std::string text = test::read_file(log);
  EXPECT_NE(text.find("watch: built"), std::string::npos) << text;
  EXPECT_NE(text.find("rebuild failed"), std::string::npos) << text;
  EXPECT_NE(text.find("watch: rebuilt after a change to content/plaquette.yaml"), std::string::npos) << text;
  EXPECT_NE(text.find("watch: stopped"), std::string::npos) << text;
}
