// Every file the content names is opened only once it is known to be a regular file: a FIFO
// would block open() forever, a device could be read without end.
#pragma once
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace plaquette {

// "" when `path` is a regular file (after following symbolic links); else what it is, for a
// message: "does not exist", "is a folder", "is a named pipe (FIFO)", "is a device", "is a socket".
std::string irregular_file_kind(const std::filesystem::path& path);

// The message images already give, for any kind of file: "'x' is not a file, so it cannot be read
// as the map source (it is a named pipe (FIFO)): ...".
std::string not_a_file_message(const std::string& shown, const std::string& kind, const std::string& what);

// Reads a whole regular file without ever blocking on a FIFO (opened non-blocking, checked with
// fstat on the descriptor itself, so no swap can happen between the check and the read).
// Returns nullopt with `why` set ("is a named pipe (FIFO)", "is larger than 10 MB",
// "permission denied") when it cannot.
std::optional<std::string> read_regular_file(const std::filesystem::path& path, size_t max_bytes, std::string& why);

}  // namespace plaquette
