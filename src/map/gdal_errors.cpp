#include "map/gdal_errors.hpp"

#include <cpl_error.h>

#include <string>

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
    if (!text.empty()) failures_.push_back(std::move(text));
  }
}

std::string GdalErrorCapture::message(const std::string& fallback) const {
  std::string out;
  for (const auto& f : failures_) {
    if (!out.empty()) out += "; ";
    out += f;
  }
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
