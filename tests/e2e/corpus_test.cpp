// The bad-input corpus: one directory per case under tests/corpus/<NN-name>/, each with a
// case.yaml that says how to turn a small valid project into a broken one and which located
// message the build must print. For every case: exit 1 (or the exit the case expects), a
// `file:line:col: error: ...` line containing the expected fragment, no crash, the previous PDF
// and its screen twin byte-identical, and no temporary file left beside them.
//
// case.yaml:
//   description: one line
//   copy: [assets/maps/bassin-minier.gpkg, ...]      # files/folders copied from the real project
//   content: |                                       # content/plaquette.yaml of the broken project
//     ...                                            #   (default: the valid base content)
//   edits:                                           # applied in order, after `content`
//     - {file: templates/plaquette-a4.yaml, replace: [from, to]}   # `from` must occur once
//     - {file: assets/x.svg, content: "..."}                      # write a whole file
//     - {file: assets/images/bad.png, bytes: "89504E47..."}       # hex bytes
//     - {file: assets/images/cut.jpg, truncate: {from: assets/images/zone-humide.jpg, bytes: 500}}
//     - {file: assets/images/lien.jpg, symlink: /etc/passwd}      # symbolic link
//   ({source} in content and symlink stands for the real project's root, outside the temp one)
//     - {file: assets/maps/x.prj, remove: true}
//     - {file: assets/maps/x.shp, run: "ogr2ogr ... {in} {out}"}  # shell command in the project dir
//   args: "--variant 999999999"                      # extra CLI arguments
//   expect: {exit: 1, file: content/plaquette.yaml, line: 9, column: 15, message: "fragment"}
//   known_bug: "why the expected located message is not printed yet"   # optional, see below
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "e2e/e2e_fixture.hpp"

namespace plaquette {
namespace {

namespace fs = std::filesystem;

// The valid content every case starts from: one page, one text frame.
const std::string& kBaseContent = test::kOnePageContent;

fs::path corpus_dir() { return test::source_dir() / "tests" / "corpus"; }

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  if (!fs::is_directory(corpus_dir())) return names;
  for (const auto& e : fs::directory_iterator(corpus_dir()))
    if (e.is_directory() && fs::exists(e.path() / "case.yaml")) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::string from_hex(const std::string& hex) {
  std::string out;
  std::string digits;
  for (char c : hex)
    if (std::isxdigit(static_cast<unsigned char>(c))) digits += c;
  if (digits.size() % 2 != 0) throw std::runtime_error("odd number of hex digits");
  for (size_t i = 0; i < digits.size(); i += 2) out += static_cast<char>(std::stoi(digits.substr(i, 2), nullptr, 16));
  return out;
}

std::string quote(const fs::path& p) { return "'" + p.string() + "'"; }

// `{source}` in an edit stands for the real project's root (a place outside the temp project).
std::string expand(std::string s) {
  const std::string key = "{source}";
  for (size_t pos; (pos = s.find(key)) != std::string::npos;) s.replace(pos, key.size(), test::source_dir().string());
  return s;
}

// Listing of a folder: file name → contents.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  if (!fs::is_directory(dir)) return files;
  for (const auto& e : fs::directory_iterator(dir)) files[e.path().filename().string()] = test::read_file(e.path());
  return files;
}

void apply_edit(const fs::path& project, const YAML::Node& edit) {
  const std::string file = edit["file"].as<std::string>();
  const fs::path target = project / file;
  fs::create_directories(target.parent_path());
  if (edit["replace"]) {
    std::string text = test::read_file(target);
    const auto from = edit["replace"][0].as<std::string>();
    const auto to = edit["replace"][1].as<std::string>();
    auto pos = text.find(from);
    if (pos == std::string::npos) throw std::runtime_error(file + ": replace: '" + from + "' not found");
    if (text.find(from, pos + 1) != std::string::npos)
      throw std::runtime_error(file + ": replace: '" + from + "' occurs more than once");
    text.replace(pos, from.size(), to);
    test::write_file(target, text);
  } else if (edit["content"]) {
    test::write_file(target, expand(edit["content"].as<std::string>()));
  } else if (edit["bytes"]) {
    test::write_file(target, from_hex(edit["bytes"].as<std::string>()));
  } else if (edit["truncate"]) {
    std::string data = test::read_file(test::source_dir() / edit["truncate"]["from"].as<std::string>());
    const auto n = edit["truncate"]["bytes"].as<size_t>();
    if (data.size() <= n) throw std::runtime_error(file + ": truncate: source is not longer than " + std::to_string(n));
    test::write_file(target, data.substr(0, n));
  } else if (edit["symlink"]) {
    fs::remove(target);
    fs::create_symlink(expand(edit["symlink"].as<std::string>()), target);
  } else if (edit["remove"]) {
    fs::remove(target);
  } else if (edit["run"]) {
    std::string out;
    const auto cmd = "cd " + quote(project) + " && " + edit["run"].as<std::string>();
    if (test::run(cmd, &out) != 0) throw std::runtime_error(cmd + " failed: " + out);
  } else {
    throw std::runtime_error(file + ": edit says neither replace, content, bytes, truncate, symlink, remove nor run");
  }
}

// Every file under `dir` but those under `skip` (relative paths), to see that a build wrote
// nothing outside its output folder.
std::set<std::string> tree(const fs::path& dir, const fs::path& skip) {
  std::set<std::string> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    const fs::path rel = it->path().lexically_relative(dir);
    if (rel == skip) {
      it.disable_recursion_pending();
      continue;
    }
    out.insert(rel.generic_string());
  }
  return out;
}

// Whether one line of `output` is `file:line[:column]: <severity>: ...fragment...`.
bool has_located_error(const std::string& output, const std::string& file, int line, int column,
                       const std::string& fragment, const std::string& severity = "error") {
  // Line 0: a problem with the whole file (it cannot be read), printed as "file: error: ...".
  if (line == 0) {
    const std::string whole = "\n" + file + ": " + severity + ": ";
    const std::string text = "\n" + output;
    for (size_t at = text.find(whole); at != std::string::npos; at = text.find(whole, at + 1)) {
      const size_t end = text.find('\n', at + 1);
      if (text.substr(at, end == std::string::npos ? std::string::npos : end - at).find(fragment) != std::string::npos)
        return true;
    }
    return false;
  }
  const std::string head = file + ":" + std::to_string(line) + ":";
  size_t start = 0;
  while (start < output.size()) {
    size_t end = output.find('\n', start);
    if (end == std::string::npos) end = output.size();
    const std::string l = output.substr(start, end - start);
    start = end + 1;
    if (l.rfind(head, 0) != 0) continue;
    size_t p = head.size();
    size_t digits = p;
    while (digits < l.size() && std::isdigit(static_cast<unsigned char>(l[digits]))) ++digits;
    if (digits == p || digits >= l.size() || l[digits] != ':') continue;
    if (column > 0 && std::stoi(l.substr(p, digits - p)) != column) continue;
    const std::string tag = ": " + severity + ": ";
    if (l.compare(digits, tag.size(), tag) != 0) continue;
    if (l.find(fragment, digits + tag.size()) != std::string::npos) return true;
  }
  return false;
}

class Corpus : public testing::TestWithParam<std::string> {};

TEST_P(Corpus, BadInputIsLocatedAndKeepsThePreviousPdf) {
  const fs::path dir = corpus_dir() / GetParam();
  const YAML::Node c = YAML::LoadFile((dir / "case.yaml").string());
  ASSERT_TRUE(c["description"]) << "case.yaml needs a description";
  ASSERT_TRUE(c["expect"]) << "case.yaml needs expect";
  const YAML::Node expect = c["expect"];
  SCOPED_TRACE(GetParam() + ": " + c["description"].as<std::string>());

  // 1. A small valid project, built once: the "previous" PDF.
  const fs::path project = test::small_project("corpus-" + GetParam(), kBaseContent);
  for (const auto& item : c["copy"]) {
    const auto rel = item.as<std::string>();
    fs::create_directories((project / rel).parent_path());
    fs::copy(test::source_dir() / rel, project / rel,
             fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  }
  // PLAQUETTE_CORPUS_BINARY runs the corpus against another build, e.g. build-asan/plaquette.
  const char* other = std::getenv("PLAQUETTE_CORPUS_BINARY");
  const fs::path binary = other && *other ? fs::absolute(other) : test::binary();
  const std::string build = "cd " + quote(project) + " && " + quote(binary) +
                            " build content/plaquette.yaml -o output/plaquette.pdf";
  std::string out;
  ASSERT_EQ(test::run(build, &out), 0) << "the valid base does not build:\n" << out;
  const fs::path output = project / "output";
  const auto before = snapshot(output);
  ASSERT_EQ(before.size(), 2u) << "expected plaquette.pdf and plaquette-screen.pdf";

  // 2. Break it.
  if (c["content"]) test::write_file(project / "content" / "plaquette.yaml", c["content"].as<std::string>());
  for (const auto& edit : c["edits"]) ASSERT_NO_THROW(apply_edit(project, edit));
  const auto files_before = tree(project, "output");

  // 3. Build again over the same PDF (`command` replaces `build`, e.g. check or preview). A hang
  // is a failure, not a stuck CI: every input must answer within its time (expect.seconds, 20).
  const std::string args = c["args"] ? " " + c["args"].as<std::string>() : "";
#if defined(__SANITIZE_ADDRESS__)
  const int slower = 8;  // make test-asan: an unoptimised, instrumented build
#else
  const int slower = 1;
#endif
  const int seconds = (expect["seconds"] ? expect["seconds"].as<int>() : 20) * slower;
  const std::string command = c["command"] ? c["command"].as<std::string>() : "build";
  // Peak memory too (GNU time, beside the project so that the project tree stays as it was).
  const fs::path rss_file = project.parent_path() / (project.filename().string() + ".rss");
  const std::string run_it = "cd " + quote(project) + " && /usr/bin/time -q -o " + quote(rss_file) +
                             " -f %M timeout -k 5 " + std::to_string(seconds * 3) + " " +
                             quote(binary) + " " + command + " content/plaquette.yaml" +
                             (command == "build" ? " -o output/plaquette.pdf" : "") + args;
  const auto t0 = std::chrono::steady_clock::now();
  const int status = test::run(run_it, &out);
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_NE(status, 124) << "timed out after " << seconds * 3 << " s:\n" << out;
  EXPECT_LT(took, seconds) << "took " << took << " s";
  {
    // Any input answers within 1 GB (the sanitizers' shadow memory aside).
    const std::string rss = test::read_file(rss_file);
    fs::remove(rss_file);
    const long kb = std::atol(rss.substr(rss.find_last_of("\n", rss.size() - 2) + 1).c_str());
#if !defined(__SANITIZE_ADDRESS__)
    EXPECT_LT(kb, 1024L * 1024L) << "peak memory " << kb << " KB";
#endif
    (void)kb;
  }
  if (std::getenv("PLAQUETTE_CORPUS_VERBOSE")) std::cout << "---- " << GetParam() << " (exit " << status << ")\n" << out;

  // No crash: a signal shows as -1 (or 128 + n through the shell), sanitizers and std::terminate print.
  EXPECT_GE(status, 0) << out;
  EXPECT_LT(status, 128) << out;
  EXPECT_EQ(out.find("Sanitizer"), std::string::npos) << out;
  EXPECT_EQ(out.find("terminate called"), std::string::npos) << out;
  EXPECT_EQ(out.find("runtime error:"), std::string::npos) << out;  // UBSan

  EXPECT_EQ(status, expect["exit"] ? expect["exit"].as<int>() : 1) << out;
  // One mistake, one message: expect.errors counts the error lines.
  if (expect["errors"]) {
    size_t errors = 0;
    for (size_t at = out.find(": error: "); at != std::string::npos; at = out.find(": error: ", at + 1)) ++errors;
    EXPECT_EQ(errors, expect["errors"].as<size_t>()) << out;
  }
  // No message drowns the others: a damaged file's library error is cut to its first sentence.
  for (size_t start = 0, end; start < out.size(); start = end + 1) {
    end = out.find('\n', start);
    if (end == std::string::npos) end = out.size();
    EXPECT_LT(end - start, 1200u) << "a message line of " << end - start << " characters:\n" << out.substr(start, 300);
  }

  // expect.file absent: a usage error (exit 2), which has no place in a file: the message alone.
  const auto message = expect["message"] ? expect["message"].as<std::string>() : std::string();
  const std::string severity = expect["severity"] ? expect["severity"].as<std::string>() : "error";
  bool located = false;
  std::string file = "(no file)";
  int line = 0, column = 0;
  if (expect["file"]) {
    file = expect["file"].as<std::string>();
    line = expect["line"] ? expect["line"].as<int>() : 0;
    column = expect["column"] ? expect["column"].as<int>() : 0;
    located = has_located_error(out, file, line, column, message, severity);
  } else {
    located = message.empty() || out.find(message) != std::string::npos;
  }
  if (c["known_bug"]) {
    // A reported, not yet fixed, defect of the message: everything else is still checked, and the
    // case fails as soon as the message is right, so that the marker is removed.
    EXPECT_FALSE(located) << "known_bug is fixed: remove known_bug from " << (dir / "case.yaml").string();
    if (!located) std::cout << "[ KNOWN BUG ] " << GetParam() << ": " << c["known_bug"].as<std::string>() << "\n";
  } else {
    EXPECT_TRUE(located) << "expected " << file << ":" << line << ":" << (column ? std::to_string(column) : "*")
                         << ": " << severity << ": ..." << message << "...\ngot:\n" << out;
  }

  // Nothing written anywhere in the project but its output folder (an id from the data is never
  // a path).
  EXPECT_EQ(tree(project, "output"), files_before) << "the build wrote outside output/";

  // expect.rebuilt: the input is bad but usable (a warning, exit 0): the PDFs are rewritten, and
  // their text holds expect.pdf_text.
  if (expect["rebuilt"] && expect["rebuilt"].as<bool>()) {
    const auto after = snapshot(output);
    EXPECT_EQ(after.size(), before.size()) << "files in output/ changed";
    if (expect["pdf_text"]) {
      const std::string text = test::squash(test::tool("pdftotext " + quote(output / "plaquette-screen.pdf") + " -"));
      EXPECT_NE(text.find(expect["pdf_text"].as<std::string>()), std::string::npos) << text;
    }
    if (!HasFailure()) fs::remove_all(project);
    return;
  }

  // The previous output, byte for byte, and nothing else in the folder (no temporary file).
  const auto after = snapshot(output);
  EXPECT_EQ(after.size(), before.size()) << "files in output/ changed";
  for (const auto& [name, bytes] : before) {
    auto it = after.find(name);
    ASSERT_NE(it, after.end()) << name << " was removed";
    EXPECT_TRUE(it->second == bytes) << name << " was changed";
  }

  if (!HasFailure()) fs::remove_all(project);
}

INSTANTIATE_TEST_SUITE_P(BadInput, Corpus, testing::ValuesIn(case_names()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string name;
                           for (char ch : info.param) name += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
                           return name;
                         });

TEST(CorpusSize, AtLeastThirtyCases) { EXPECT_GE(case_names().size(), 30u); }

}  // namespace
}  // namespace plaquette
