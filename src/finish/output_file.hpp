// finish: output files are written to a temporary name beside the target and renamed
// into place only when complete, so a failed build never destroys a previous good PDF.
#pragma once
#include <string>

namespace plaquette::finish {

class AtomicOutput {
 public:
  // Prepares to write `target` (creating its folder). temp_path() is where to write.
  explicit AtomicOutput(std::string target);
  ~AtomicOutput();  // removes the temporary file if commit() was not called
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  const std::string& temp_path() const { return temp_; }
  const std::string& target() const { return target_; }
  // Renames the temporary file onto the target (atomic on one filesystem).
  // Throws std::runtime_error if the temporary file is missing or empty or the rename fails.
  void commit();

 private:
  std::string target_;
  std::string temp_;
  bool committed_ = false;
};

}  // namespace plaquette::finish
