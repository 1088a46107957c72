#include "vetcheck/base/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <iostream>

#include <fmt/format.h>

#include "vetcheck/base/encoding.hpp"
#include "vetcheck/base/source_location.hpp"

namespace vetcheck {

namespace {

[[noreturn]] void fail_too_large(const std::string& name, size_t max_bytes) {
    throw InputError(SourceLocation{name}, Message("E-file-too-large", {{"bytes", max_bytes}}));
}

[[noreturn]] void fail_unreadable(const std::string& name) {
    throw InputError(SourceLocation{name},
                     Message("E-file-unreadable", {{"error", system_error_text(errno)}}));
}

// Closes a file the reader opened (standard input is left open).
class FileDescriptor {
  public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor() { ::close(fd_); }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;

  private:
    int fd_;
};

// One fstat and, for a regular file, one read: a national batch reads eleven thousand files. Never
// more than one byte past the limit: enough to know the input is too large, whatever it is (a
// file, a pipe, a device that never ends); a regular file's size refuses it before reading.
std::string read_all(int fd, const std::string& name, size_t max_bytes) {
    struct stat st {};
    if (::fstat(fd, &st) != 0) fail_unreadable(name);
    if (S_ISDIR(st.st_mode)) throw InputError(SourceLocation{name}, Message("E-file-is-directory"));
    bool regular = S_ISREG(st.st_mode);
    if (regular && static_cast<uint64_t>(st.st_size) > max_bytes) fail_too_large(name, max_bytes);
    std::string text;
    size_t capacity = regular ? static_cast<size_t>(st.st_size) + 1 : size_t{1} << 16;
    for (;;) {
        // One byte past the limit, unless the limit is the largest size there is.
        capacity = std::min(capacity, max_bytes == SIZE_MAX ? max_bytes : max_bytes + 1);
        size_t used = text.size();
        text.resize(capacity);
        ssize_t n = ::read(fd, text.data() + used, capacity - used);
        if (n < 0 && errno == EINTR) {
            text.resize(used);
            continue;
        }
        if (n < 0) fail_unreadable(name);
        text.resize(used + static_cast<size_t>(n));
        if (text.size() > max_bytes) fail_too_large(name, max_bytes);
        // A regular file reads short only at its end; anything else is read until it says so.
        if (n == 0 || (regular && text.size() < capacity)) return text;
        if (text.size() == capacity) capacity *= 2;
    }
}

}  // namespace

std::string read_input_file(const std::string& path, size_t max_bytes, std::string* note,
                            bool keep_damaged_utf8) {
    std::string name = path == "-" ? "<stdin>" : path;
    std::string bytes;
    if (path == "-") {
        bytes = read_all(STDIN_FILENO, name, max_bytes);
    } else {
        // Opened without blocking: a named pipe nobody writes to would otherwise hold the run
        // forever.
        int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
        if (fd < 0) {
            int error = errno;
            struct stat st {};
            // A directory the batch found but may not list is named as one: its plans went
            // unchecked.
            if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
                throw InputError(
                    SourceLocation{path},
                    Message("E-directory-unreadable", {{"error", system_error_text(error)}}));
            errno = error;
            fail_unreadable(path);
        }
        FileDescriptor file(fd);
        struct stat st {};
        if (::fstat(fd, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)))
            throw InputError(SourceLocation{path}, Message("E-file-is-pipe"));
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
        bytes = read_all(fd, path, max_bytes);
    }
    DecodedText decoded = decode_text(std::move(bytes), name, keep_damaged_utf8);
    if (!decoded.note.empty()) {
        if (note)
            *note = std::move(decoded.note);
        else
            std::cerr << decoded.note << '\n';
    }
    return std::move(decoded.text);
}

}  // namespace vetcheck
