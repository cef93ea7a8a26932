// `plaquette build --variant ID` and `build --all`: one brochure per variant (e.g. per EPCI),
// output/plaquette-<id>.pdf and its screen twin.
//
// Speed: the variants are laid out and written by a pool of worker threads, each with its own
// fonts (Pango and fontconfig objects stay in their thread; GDAL datasets are opened per
// variant). The pictures are decoded once for the whole run and converted once (CMYK for print,
// downsampled for screen), shared by every variant (SharedWork).
//
// Incremental: each variant's inputs — the content file, every file under content/, templates/
// and assets/ except the other variants' own files (content/.../<other id>.yaml), the plaquette
// executable itself and the build options — are fingerprinted (FNV-1a 64) into
// <output folder>/.plaquette-build/<id>.fingerprint after a successful build. `--all` skips a
// variant whose fingerprint is unchanged and whose two PDFs exist; `--force` rebuilds them all.
//
// A failing variant neither stops nor corrupts the others: its diagnostics are printed, nothing
// is written for it (its previous PDFs, if any, stay as they were; its fingerprint is removed).
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "cli/build_steps.hpp"
#include "cli/commands.hpp"
#include "core/diag.hpp"
#include "finish/image_conversions.hpp"
#include "image/image.hpp"
#include "load/load.hpp"
#include "load/paths.hpp"
#include "model/language.hpp"
#include "text/font_set.hpp"

namespace plaquette::cli {

namespace fs = std::filesystem;

namespace {

// FNV-1a, 64 bits: stable across runs and machines (unlike std::hash).
struct Fnv1a {
  uint64_t h = 14695981039346656037ull;
  void add(const void* data, size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < n; ++i) {
      h ^= p[i];
      h *= 1099511628211ull;
    }
  }
  void add(const std::string& s) {
    add(s.data(), s.size());
    add("\0", 1);  // "ab"+"c" and "a"+"bc" differ
  }
};

// The file's bytes hashed; 0 with `ok` false when it cannot be read.
uint64_t hash_file(const fs::path& path, bool& ok) {
  std::ifstream in(path, std::ios::binary);
  ok = static_cast<bool>(in);
  Fnv1a f;
  std::vector<char> buffer(1 << 16);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    f.add(buffer.data(), static_cast<size_t>(in.gcount()));
  }
  return f.h;
}

std::string hex(uint64_t v) { return fmt::format("{:016x}", v); }

// The files every variant may read, with their hashes, by path relative to the root.
struct ProjectFiles {
  fs::path root;
  std::map<std::string, uint64_t> files;  // "content/variants/246200364.yaml" → hash
  uint64_t common = 0;                    // executable, options, content file
};

ProjectFiles scan_project(const BuildArgs& args) {
  ProjectFiles p;
  std::error_code ec;
  p.root = args.root.empty() ? load::find_project_root(args.content) : fs::absolute(args.root, ec);
  p.root = fs::weakly_canonical(p.root, ec);
  for (const char* dir : {"content", "templates", "assets"}) {
    const fs::path top = p.root / dir;
    if (!fs::is_directory(top, ec)) continue;
    for (auto it = fs::recursive_directory_iterator(top, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {  // editor and system files (.swp, .DS_Store, .git)
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file(ec)) continue;
      bool ok = false;
      const uint64_t h = hash_file(it->path(), ok);
      p.files[it->path().lexically_relative(p.root).generic_string()] = ok ? h : 0;
    }
  }
  Fnv1a common;
  common.add("plaquette build fingerprint 1");
  bool ok = false;
  common.add(hex(hash_file("/proc/self/exe", ok)));  // a new plaquette rebuilds everything
  const fs::path content_abs = fs::weakly_canonical(fs::absolute(args.content, ec), ec);
  common.add(content_abs.string());
  common.add(hex(hash_file(content_abs, ok)));
  common.add(args.draft ? "draft" : "final");
  common.add(fs::absolute(args.output, ec).lexically_normal().string());
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");  // the PDFs' date
  common.add(epoch ? epoch : "");
  p.common = common.h;
  return p;
}

// One brochure of the batch: a variant in one language.
struct Job {
  load::VariantInfo variant;
  Edition edition;
  std::string key;  // "246200364", "246200364-nl": fingerprint file, messages
};

// The fingerprint of a job: the common inputs and every project file but the other variants' own
// files (a file named <other id>.<ext> under content/) and the translations into other languages
// (content/translations/<other language>.yaml).
std::string fingerprint(const ProjectFiles& p, const Job& job, const std::vector<load::VariantInfo>& all) {
  Fnv1a f;
  f.add(hex(p.common));
  f.add(job.variant.id);
  f.add(job.edition.language);
  for (const auto& [rel, h] : p.files) {
    const fs::path path(rel);
    const std::string stem = path.stem().string();
    const std::string& id = job.variant.id;
    if (rel.rfind("content/", 0) == 0 && stem != id &&
        std::any_of(all.begin(), all.end(), [&](const load::VariantInfo& v) { return v.id == stem; }))
      continue;
    if (rel.rfind("content/translations/", 0) == 0 && stem != job.edition.language) continue;
    f.add(rel);
    f.add(hex(h));
  }
  return hex(f.h);
}

fs::path fingerprint_path(const std::string& output, const std::string& id) {
  return fs::path(output).parent_path() / ".plaquette-build" / (id + ".fingerprint");
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

// Written beside its final name, then renamed: never a half-written fingerprint.
void write_text(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  // One temporary name per process and thread: two writers never share one.
  const fs::path temp = fmt::format("{}.tmp-{}-{:x}", path.string(), ::getpid(),
                                    std::hash<std::thread::id>{}(std::this_thread::get_id()));
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << text << '\n';
    if (!out) throw std::runtime_error("cannot write " + temp.string());
  }
  fs::rename(temp, path);
}

bool times_wanted() {
  const char* v = std::getenv("PLAQUETTE_TIMES");
  return v && *v && std::string(v) != "0";
}

}  // namespace

int run_variants(const BuildArgs& args) {
  const auto start = std::chrono::steady_clock::now();
  DiagnosticSink sink;
  load::LoadOptions options;
  options.root = args.root;
  Span declared_at;
  auto listed = load::list_variants(args.content, options, sink, &declared_at);
  print_diagnostics(sink);
  if (!listed) return kExitBadInput;
  if (listed->empty()) {
    fmt::print(stderr, "{}: error: this content file declares no variants (no 'variants:' section)\n", args.content);
    return kExitBadInput;
  }
  std::vector<load::VariantInfo> chosen;
  if (args.all) {
    chosen = *listed;
  } else {
    auto it = std::find_if(listed->begin(), listed->end(), [&](const auto& v) { return v.id == args.variant; });
    if (it == listed->end()) {
      std::vector<std::string> ids;
      std::string names;
      for (const auto& v : *listed) {
        ids.push_back(v.id);
        names += fmt::format("\n  {} {}", v.id, v.name);
      }
      DiagnosticSink unknown;
      unknown.error(declared_at, fmt::format("unknown variant '{}'{}; the variants declared here are:{}", args.variant,
                                             did_you_mean(args.variant, ids), names));
      print_diagnostics(unknown);
      return kExitBadInput;
    }
    chosen.push_back(*it);
  }
  // Each variant in its own language, plus the other-language editions `languages:` asks for;
  // --lang builds that one language instead.
  std::vector<Job> todo;
  std::set<std::string> outputs;  // two editions never write one path
  for (const auto& v : chosen) {
    std::vector<std::string> languages{args.language};
    if (args.language.empty()) languages.insert(languages.end(), v.languages.begin(), v.languages.end());
    for (const auto& lang : languages) {
      const bool other = !lang.empty() && !model::is_french(lang);
      Job job{v, Edition{v.id, lang, false}, other ? v.id + "-" + lang : v.id};
      if (!outputs.insert(edition_pdf_path(args.output, job.edition)).second) continue;
      todo.push_back(std::move(job));
    }
  }

  // Up to date: same fingerprint as the last successful build, both PDFs still there.
  const ProjectFiles project = scan_project(args);
  std::vector<std::string> prints(todo.size());
  size_t up_to_date = 0;
  {
    std::vector<Job> stale;
    std::vector<std::string> stale_prints;
    for (const auto& job : todo) {
      const std::string print = fingerprint(project, job, *listed);
      const std::string output = edition_pdf_path(args.output, job.edition);
      std::error_code ec;
      if (args.all && !args.force && fs::exists(output, ec) && fs::exists(screen_pdf_path(output), ec) &&
          read_text(fingerprint_path(args.output, job.key)) == print) {
        fmt::print("{} {}: up to date\n", job.key, job.variant.name);
        ++up_to_date;
        continue;
      }
      stale.push_back(job);
      stale_prints.push_back(print);
    }
    std::fflush(stdout);
    todo = std::move(stale);
    prints = std::move(stale_prints);
  }

  const bool show_times = times_wanted();
  SharedWork shared{std::make_shared<image::ImageCache>(), std::make_shared<finish::ImageConversions>()};
  unsigned workers = args.jobs > 0 ? static_cast<unsigned>(args.jobs) : std::max(1u, std::thread::hardware_concurrency());
  workers = std::max(1u, std::min<unsigned>(workers, static_cast<unsigned>(todo.size())));
  std::atomic<size_t> next{0};
  std::atomic<int> failed{0};
  std::mutex print_mutex;
  auto work = [&] {
    std::shared_ptr<text::FontSet> fonts;  // this thread's
    for (size_t i = next++; i < todo.size(); i = next++) {
      const Job& job = todo[i];
      const std::string& id = job.key;
      const std::string& name = job.variant.name;
      const std::string output = edition_pdf_path(args.output, job.edition);
      const fs::path print_file = fingerprint_path(args.output, job.key);
      DiagnosticSink vsink;
      auto t0 = std::chrono::steady_clock::now();
      std::optional<scene::Document> scene;
      std::string error;
      WriteTimes times;
      double compose_s = 0;
      try {
        std::error_code ec;
        fs::remove(print_file, ec);  // until this build succeeds, the variant is not up to date
        scene = compose_into(args.content, args.root, job.edition, args.draft, vsink, nullptr, &fonts, &shared);
        compose_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (scene) error = write_pdfs(*scene, output, &shared, &times);
        if (scene && error.empty()) write_text(print_file, prints[i]);
      } catch (const std::exception& e) {
        error = fmt::format("{}: error: {}", output, e.what());
      }
      const double total_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      std::lock_guard lock(print_mutex);
      print_diagnostics(vsink);
      if (!scene || !error.empty()) {
        ++failed;
        if (!error.empty()) fmt::print(stderr, "{}\n", error);
        fmt::print(stderr, "{} {}: FAILED ({} error{}); nothing was written for it\n", id, name,
                   std::max(1, vsink.error_count()), vsink.error_count() > 1 ? "s" : "");
      } else {
        fmt::print("{} {}: {} ({} pages)\n", id, name, output, scene->pages.size());
      }
      if (show_times)
        fmt::print(stderr,
                   "  times {}: {:.2f} s = load+layout {:.2f}, print images {:.2f}, print render {:.2f}, print finish "
                   "{:.2f}, screen images {:.2f}, screen render {:.2f}, screen finish {:.2f}\n",
                   id, total_s, compose_s, times.print_images, times.print_render, times.print_finish,
                   times.screen_images, times.screen_render, times.screen_finish);
      std::fflush(stdout);
      std::fflush(stderr);
    }
  };
  std::vector<std::thread> pool;
  if (!todo.empty()) {
    for (unsigned t = 1; t < workers; ++t) pool.emplace_back(work);
    work();
  }
  for (auto& t : pool) t.join();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const int bad = failed.load();
  const size_t built = todo.size() - static_cast<size_t>(bad);
  fmt::print("plaquette: {} edition{} built, {} failed{} ({:.1f} s, {} thread{})\n", built, built == 1 ? "" : "s", bad,
             up_to_date ? fmt::format(", {} up to date", up_to_date) : std::string(), seconds, workers,
             workers == 1 ? "" : "s");
  return bad ? kExitBadInput : kExitOk;
}

}  // namespace plaquette::cli
