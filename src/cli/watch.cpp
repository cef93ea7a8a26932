// `plaquette watch`: build, then poll the project's files and rebuild when one changes.
// Polling (no inotify): the project is a few hundred files, a look every half second is cheap
// and works the same on every file system (network shares, containers, editors that replace files).
#include <chrono>
#include <csignal>
#include <ctime>
#include <filesystem>
#include <map>
#include <string>
#include <system_error>
#include <thread>
#include <vector>
#include <cstdio>
#include <cstdint>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "load/paths.hpp"

namespace plaquette::cli {

namespace fs = std::filesystem;

namespace {

volatile std::sig_atomic_t g_stop = 0;

void on_interrupt(int) { g_stop = 1; }

struct Stamp {
  fs::file_time_type mtime;
  std::uintmax_t size = 0;
  friend bool operator==(const Stamp&, const Stamp&) = default;
};

using Snapshot = std::map<std::string, Stamp>;

// Every file under the watched folders with its mtime and size. Files may vanish while we look
// (an editor saving): errors skip the file, the next look sees the new one.
Snapshot snapshot(const std::vector<fs::path>& roots) {
  Snapshot out;
  for (const auto& root : roots) {
    std::error_code ec;
    if (fs::is_regular_file(root, ec)) {
      auto t = fs::last_write_time(root, ec);
      if (!ec) out[root.string()] = {t, fs::file_size(root, ec)};
      continue;
    }
    if (!fs::is_directory(root, ec)) continue;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      std::error_code fec;
      if (!it->is_regular_file(fec)) continue;
      auto t = fs::last_write_time(it->path(), fec);
      if (fec) continue;
      auto size = fs::file_size(it->path(), fec);
      if (fec) continue;
      out[it->path().string()] = {t, size};
    }
  }
  return out;
}

// The first path that differs between two snapshots (added, removed or changed), for the message.
std::string first_change(const Snapshot& before, const Snapshot& after) {
  for (const auto& [path, stamp] : after) {
    auto it = before.find(path);
    if (it == before.end() || !(it->second == stamp)) return path;
  }
  for (const auto& [path, stamp] : before)
    if (!after.count(path)) return path;
  return {};
}

std::string clock_now() {
  std::time_t t = std::time(nullptr);
  char buf[16];
  std::strftime(buf, sizeof buf, "%H:%M:%S", std::localtime(&t));
  return buf;
}

}  // namespace

int run_watch(const WatchArgs& args) {
  if (!(args.dpi >= 10 && args.dpi <= 1200)) {
    fmt::print(stderr, "plaquette watch: --dpi must be between 10 and 1200 (got {})\n", args.dpi);
    return kExitUsage;
  }
  std::error_code ec;
  const fs::path content = fs::absolute(args.content, ec);
  const fs::path root = args.root.empty() ? load::find_project_root(content) : fs::absolute(args.root, ec);
  // content/**, templates/**, assets/** (images, pictograms, map data, fonts, profiles), and the
  // content file itself when it lives elsewhere.
  const std::vector<fs::path> watched{root / "content", root / "templates", root / "assets", content};

  BuildArgs build{args.content, (fs::path(args.output_dir) / "plaquette.pdf").string(), args.root, args.draft};
  PreviewArgs preview;
  preview.content = args.content;
  preview.output_dir = (fs::path(args.output_dir) / "preview").string();
  preview.dpi = args.dpi;
  preview.root = args.root;
  preview.draft = args.draft;

  auto rebuild = [&]() {
    const auto start = std::chrono::steady_clock::now();
    int code = run_build(build);
    if (code == kExitOk) code = run_preview(preview);
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return std::make_pair(code, secs);
  };

  Snapshot seen = snapshot(watched);
  auto [code, secs] = rebuild();
  fmt::print("[{}] watch: {} ({:.1f} s)\n", clock_now(), code == kExitOk ? "built" : "build failed, errors above",
             secs);
  std::fflush(stdout);
  if (args.once) return code;

  g_stop = 0;
  auto previous = std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
  fmt::print("[{}] watch: watching {} for changes; Ctrl-C stops\n", clock_now(), root.string());
  std::fflush(stdout);
  const auto interval = std::chrono::duration<double>(args.interval > 0 ? args.interval : 0.5);
  while (!g_stop) {
    std::this_thread::sleep_for(interval);
    if (g_stop) break;
    Snapshot now = snapshot(watched);
    if (now == seen) continue;
    const std::string changed = first_change(seen, now);
    seen = std::move(now);  // changes made during the build trigger the next one
    auto [c, s] = rebuild();
    fmt::print("[{}] watch: {} after a change to {} ({:.1f} s)\n", clock_now(),
               c == kExitOk ? "rebuilt" : "rebuild failed, errors above", fs::path(changed).lexically_relative(root).string(), s);
    std::fflush(stdout);
  }
  std::signal(SIGINT, previous);
  fmt::print("[{}] watch: stopped\n", clock_now());
  return kExitOk;
}

}  // namespace plaquette::cli
