// Paths from the YAML never reach outside the project: absolute paths, "..", symbolic links
// leading out, GDAL network/virtual paths are refused with a located error; missing files too.
#include <gtest/gtest.h>

#include "load/paths.hpp"
#include "load_fixture.hpp"

namespace plaquette::test {
namespace {

const std::string kHead = "document:\n  title: Essai\ntemplate: templates/mini.yaml\npages:\n";

// An image block whose path value starts at line 8, column 16.
std::string image_content(const std::string& path) {
  return kHead + "  - master: simple\n    blocks:\n      - frame: visuel\n        image: " + path + "\n";
}

TEST(LoadPaths, PathEscapingTheRootWithDotDot) {
  Project p("dotdot");
  write_file(p.root().parent_path() / (p.root().filename().string() + "-outside.jpg"), "x");
  Loaded r = p.load(image_content("../" + p.root().filename().string() + "-outside.jpg"));
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 8, 16, "goes outside the project folder"));
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 8, 16, "put the image inside the project, under assets/images/"));
  Loaded r2 = p.load(image_content("assets/../../x.jpg"));
  EXPECT_TRUE(HasError(r2.sink, "content/test.yaml", 8, 16, "goes outside the project folder"));
  fs::remove(p.root().parent_path() / (p.root().filename().string() + "-outside.jpg"));
}

TEST(LoadPaths, DotDotThatStaysInsideIsFine) {
  Project p("dotdot-in");
  Loaded r = p.load(image_content("assets/maps/../images/photo.jpg"));
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  EXPECT_EQ(std::get<model::ImageBlock>(r.doc->pages[0].blocks[0]).resolved,
            fs::weakly_canonical(p.root() / "assets/images/photo.jpg").string());
}

TEST(LoadPaths, AbsolutePath) {
  Project p("absolute");
  fs::path abs = p.root() / "assets/images/photo.jpg";  // even inside the project: write it relative
  Loaded r = p.load(image_content(abs.string()));
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 8, 16, "is an absolute path: write the path from the project folder"));
}

TEST(LoadPaths, SymlinkEscapingTheRoot) {
  Project p("symlink");
  fs::path outside = make_temp_dir("load-symlink-outside");
  write_file(outside / "secret.jpg", "x");
  fs::create_symlink(outside / "secret.jpg", p.root() / "assets/images/lien.jpg");
  fs::create_directory_symlink(outside, p.root() / "assets/dehors");

  Loaded r = p.load(image_content("assets/images/lien.jpg"));
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 8, 16,
                       "'assets/images/lien.jpg' leads outside the project folder through a symbolic link"));
  // Through a linked folder too.
  Loaded r2 = p.load(image_content("assets/dehors/secret.jpg"));
  EXPECT_TRUE(HasError(r2.sink, "content/test.yaml", 8, 16, "through a symbolic link"));
  fs::remove_all(outside);
}

TEST(LoadPaths, SymlinkStayingInsideIsFine) {
  Project p("symlink-in");
  fs::create_symlink(p.root() / "assets/images/photo.jpg", p.root() / "assets/images/alias.jpg");
  Loaded r = p.load(image_content("assets/images/alias.jpg"));
  ASSERT_TRUE(r.doc) << r.sink.to_string();
  // resolved is the real file.
  EXPECT_EQ(std::get<model::ImageBlock>(r.doc->pages[0].blocks[0]).resolved,
            fs::weakly_canonical(p.root() / "assets/images/photo.jpg").string());
}

TEST(LoadPaths, NetworkAndVirtualMapSources) {
  Project p("network");
  Loaded r = p.load(kHead +
                    "  - master: simple\n"
                    "    blocks:\n"
                    "      - frame: visuel\n"
                    "        map:\n"
                    "          layers:\n"
                    "            - source: /vsicurl/https://example.org/x.gpkg\n"
                    "            - source: http://example.org/wfs\n"
                    "            - source: \"PG:dbname=x\"\n"
                    "            - source: \"WFS:http://example.org\"\n"
                    "            - source: /vsizip/assets/maps/x.zip\n");
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 10, 23,
                       "'/vsicurl/https://example.org/x.gpkg' is a network or virtual path: plaquette only reads "
                       "files of the project; download the data and put the map data inside the project, under "
                       "assets/maps/"));
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 11, 23, "'http://example.org/wfs' is a network or virtual path"));
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 12, 23, "'PG:dbname=x' is a network or virtual path"));
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 13, 23, "is a network or virtual path"));
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 14, 23, "is a network or virtual path"));
  EXPECT_EQ(r.sink.error_count(), 5) << r.sink.to_string();
}

TEST(LoadPaths, MissingImageFile) {
  Project p("missing");
  Loaded r = p.load(image_content("assets/images/photo.jpeg"));
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 8, 16,
                       "image 'assets/images/photo.jpeg' does not exist (did you mean 'assets/images/photo.jpg'?)"));
  Loaded r2 = p.load(image_content("assets/imgs/photo.jpg"));
  EXPECT_TRUE(HasError(r2.sink, "content/test.yaml", 8, 16,
                       "image 'assets/imgs/photo.jpg' not found: the folder 'assets/imgs' does not exist"));
}

TEST(LoadPaths, FolderInsteadOfFileAndUnsupportedImage) {
  Project p("folder");
  Loaded r = p.load(image_content("assets/images"));
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 8, 16, "'assets/images' is a folder"));
  p.write("assets/images/photo.tiff", "x");
  Loaded r2 = p.load(image_content("assets/images/photo.tiff"));
  EXPECT_TRUE(HasError(r2.sink, "content/test.yaml", 8, 16, "use a PNG, JPEG or SVG file"));
}

TEST(LoadPaths, TemplateAndIncludePathsAreChecked) {
  Project p("tmplpath");
  Loaded r = p.load("document: {title: Essai}\ntemplate: /etc/hostname\ninclude:\n  - ../x.yaml\npages: [{master: simple}]\n");
  EXPECT_FALSE(r.doc);
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 2, 11, "'/etc/hostname' is an absolute path"));
  EXPECT_TRUE(HasError(r.sink, "content/test.yaml", 4, 5, "'../x.yaml' goes outside the project folder"));
}

TEST(LoadPaths, FontsFolderMustExist) {
  Project p("fonts");
  fs::remove_all(p.root() / "assets/fonts");
  Loaded r = p.load("document: {title: Essai}\ntemplate: templates/mini.yaml\npages: [{master: simple}]\n");
  EXPECT_TRUE(HasError(r.sink, "templates/mini.yaml", 5, 10, "fonts folder 'assets/fonts' does not exist"));
}

TEST(Paths, VirtualOrNetwork) {
  using load::is_virtual_or_network;
  EXPECT_TRUE(is_virtual_or_network("/vsicurl/https://x"));
  EXPECT_TRUE(is_virtual_or_network("/vsis3/bucket/x"));
  EXPECT_TRUE(is_virtual_or_network("https://example.org/x.gpkg"));
  EXPECT_TRUE(is_virtual_or_network("assets/ftp://x"));
  EXPECT_TRUE(is_virtual_or_network("PG:dbname=x"));
  EXPECT_TRUE(is_virtual_or_network("WFS:http://x"));
  EXPECT_TRUE(is_virtual_or_network("GPKG:assets/maps/x.gpkg:layer"));
  EXPECT_FALSE(is_virtual_or_network("assets/maps/x.gpkg"));
  EXPECT_FALSE(is_virtual_or_network("assets/maps/a:b.gpkg"));
  EXPECT_FALSE(is_virtual_or_network("/home/x.gpkg"));  // absolute: refused by another rule
}

TEST(Paths, IsInsideComparesWholeComponents) {
  using load::is_inside;
  EXPECT_TRUE(is_inside("/a/b", "/a/b"));
  EXPECT_TRUE(is_inside("/a/b", "/a/b/c"));
  EXPECT_TRUE(is_inside("/a/b/", "/a/b/c"));
  EXPECT_FALSE(is_inside("/a/b", "/a/bc"));
  EXPECT_FALSE(is_inside("/a/b", "/a"));
}

TEST(Paths, FindProjectRootWalksUpToTemplates) {
  fs::path dir = make_temp_dir("load-findroot");
  fs::create_directories(dir / "templates");
  write_file(dir / "content/sub/c.yaml", "x");
  EXPECT_EQ(load::find_project_root(dir / "content/sub/c.yaml"), dir);
  fs::path bare = make_temp_dir("load-findroot-bare");
  write_file(bare / "c.yaml", "x");
  // No templates/ anywhere above: the content file's own folder.
  bool templates_above = false;
  for (fs::path d = bare.parent_path(); !d.empty() && d != d.parent_path(); d = d.parent_path())
    templates_above = templates_above || fs::is_directory(d / "templates");
  if (!templates_above) {
    EXPECT_EQ(load::find_project_root(bare / "c.yaml"), bare);
  }
  fs::remove_all(dir);
  fs::remove_all(bare);
}

}  // namespace
}  // namespace plaquette::test
