#include "map/gdal_errors.hpp"

#include <cpl_error.h>

#include <string>

#include <fmt/format.h>

namespace plaquette::map {

namespace {
void CPL_STDCALL capture_handler(CPLErr error_class, CPLErrorNum, const char* message) {
  if (auto* self = static_cast<GdalErrorCapture*>(CPLGetErrorHandlerUserData())) self->record(error_class, message);
}
}  // namespace

GdalErrorCapture::GdalErrorCapture() {
  CPLPushErrorHandlerEx(capture_handler, this);
  CPLErrorReset();
}

GdalErrorCapture::~GdalErrorCapture() { CPLPopErrorHandler(); }

void GdalErrorCapture::record(int error_class, const char* message) {
  // Warnings and debug output are dropped: they would only clutter a message about a real failure.
  if (error_class == CE_Failure || error_class == CE_Fatal) {
    // One line per message: OGR SQL parse errors span several lines with a caret under the
    // column, which means nothing once the filter is quoted inside a diagnostic.
    std::string text;
    bool space = false;
    for (const char* c = message ? message : ""; *c; ++c) {
      if (*c == ' ' || *c == '\n' || *c == '\t' || *c == '\r') {
        space = !text.empty();
      } else {
        if (space) text += ' ';
        space = false;
        text += *c;
      }
    }
    if (text.size() >= 2 && text.ends_with(" ^")) text.resize(text.size() - 2);
    // GDAL's first sentence says what failed; a damaged file can make it add kilobytes of detail
    // (or repeat itself for every record), which would drown the message.
    if (const size_t stop = text.find(". "); stop != std::string::npos && stop >= 20) text.resize(stop + 1);
    if (text.size() > kMaxMessage) {
      size_t cut = kMaxMessage;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
      text = text.substr(0, cut) + "…";
    }
    if (text.empty()) return;
    for (const auto& f : failures_)
      if (f == text) return;
    failures_.push_back(std::move(text));
  }
}

std::string GdalErrorCapture::message(const std::string& fallback) const {
  std::string out;
  for (size_t i = 0; i < failures_.size() && i < kMaxMessages; ++i) {
    if (!out.empty()) out += "; ";
    out += failures_[i];
  }
  if (failures_.size() > kMaxMessages) out += fmt::format(" (and {} more)", failures_.size() - kMaxMessages);
  while (!out.empty() && out.back() == '.') out.pop_back();  // our message goes on after it
  if (out.empty()) {
    const char* last = CPLGetLastErrorMsg();
    out = (last && *last) ? last : fallback;
  }
  return out;
}

void GdalErrorCapture::clear() {
  failures_.clear();
  CPLErrorReset();
}

}  // namespace plaquette::map
