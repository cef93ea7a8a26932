// Fit and fill geometry: where the whole image goes so that the frame shows the right part.
#include <algorithm>

#include "image/image.hpp"

namespace plaquette::image {

Rect place_image(Size pixels, const Rect& frame, model::ImageFit fit, Point focus) {
  // Nothing sensible can be scaled from an empty image or into an empty frame: the frame itself
  // keeps later arithmetic finite.
  if (pixels.width <= 0 || pixels.height <= 0 || frame.empty()) return frame;

  const double sx = frame.width / pixels.width;
  const double sy = frame.height / pixels.height;
  const double scale = fit == model::ImageFit::Fit ? std::min(sx, sy) : std::max(sx, sy);
  const double w = pixels.width * scale;
  const double h = pixels.height * scale;

  if (fit == model::ImageFit::Fit) return {frame.x + (frame.width - w) / 2, frame.y + (frame.height - h) / 2, w, h};

  // Fill: put the focus point at the frame's centre, then slide back just enough that no edge of
  // the image comes inside the frame (which would uncover its background).
  auto axis = [](double start, double length, double size, double f) {
    double pos = start + length / 2 - std::clamp(f, 0.0, 1.0) * size;
    // min(): rounding can leave `size` a hair under `length`, and clamp needs low <= high.
    return std::clamp(pos, std::min(start + length - size, start), start);
  };
  return {axis(frame.x, frame.width, w, focus.x), axis(frame.y, frame.height, h, focus.y), w, h};
}

}  // namespace plaquette::image
