// Captures the messages GDAL/OGR report while an object of this class lives, so that they end up
// in plaquette's located InputError instead of on stderr ("ERROR 1: ...") where users miss them.
#pragma once
#include <string>
#include <vector>

namespace plaquette::map {

class GdalErrorCapture {
 public:
  // Pushes a handler on GDAL's per-thread handler stack and resets the last error.
  GdalErrorCapture();
  ~GdalErrorCapture();  // pops it
  GdalErrorCapture(const GdalErrorCapture&) = delete;
  GdalErrorCapture& operator=(const GdalErrorCapture&) = delete;

  bool has_failure() const { return !failures_.empty(); }
  // The failures seen so far, joined by "; ", falling back on CPLGetLastErrorMsg() when GDAL
  // reported nothing through the handler; `fallback` when there is nothing at all.
  std::string message(const std::string& fallback = "unknown GDAL error") const;
  void clear();

  // Called by the C handler; public only for it.
  void record(int error_class, const char* message);

 private:
  static constexpr size_t kMaxMessage = 300;  // characters of one GDAL message kept
  static constexpr size_t kMaxMessages = 3;   // distinct messages quoted
  std::vector<std::string> failures_;
};

}  // namespace plaquette::map
