#pragma once

#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

namespace vetcheck::report {

// A buffered stream buffer over a file descriptor that remembers the first write that failed: a
// report cut short by a full disk or a closed standard output must not end in exit 0.
class CheckedFileBuf : public std::streambuf {
  public:
    explicit CheckedFileBuf(int fd);
    ~CheckedFileBuf() override;
    CheckedFileBuf(const CheckedFileBuf&) = delete;
    CheckedFileBuf& operator=(const CheckedFileBuf&) = delete;

    // Writes what is buffered; the errno of the first failure, or 0 when every byte was written.
    int finish();
    // Every later write fails with `error` (standard output found closed at the start).
    void fail_with(int error) { closed_ = error; }
    int fd() const { return fd_; }

  protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* data, std::streamsize size) override;
    int sync() override;

  private:
    bool write_out(const char* data, size_t size);
    bool flush_buffer();

    int fd_;
    std::unique_ptr<char[]> buffer_;
    int error_ = 0;
    int closed_ = 0;  // the error every write gets, when set
};

// Standard output, checked, for the whole run: installed on std::cout. When descriptor 1 is
// closed at the start, /dev/null is opened on it (so that no report file opened later takes its
// number) and every write to standard output is then an error.
class CheckedStandardOutput {
  public:
    CheckedStandardOutput();
    ~CheckedStandardOutput();
    CheckedStandardOutput(const CheckedStandardOutput&) = delete;
    CheckedStandardOutput& operator=(const CheckedStandardOutput&) = delete;

    // Flushes; when a write failed, says so on standard error and returns false.
    bool finish();

  private:
    CheckedFileBuf buf_;
    std::streambuf* previous_;
};

// Report files replaced all together or not at all. Each report is written to a temporary file
// created exclusively beside its target (never through a link an attacker left there), with the
// target's mode; only when every one is whole are they renamed into place, with signals held
// back, so that a kill leaves either every old report or every new one. A temporary not renamed
// is removed: by the destructor, and by SIGINT, SIGTERM, SIGHUP or SIGPIPE.
class OutputFiles {
  public:
    OutputFiles();
    ~OutputFiles();
    OutputFiles(const OutputFiles&) = delete;
    OutputFiles& operator=(const OutputFiles&) = delete;

    // Before any work: throws InputError when a target is one of the inputs or is named twice.
    static void check_targets(const std::vector<std::string>& targets,
                              const std::vector<std::string>& inputs);

    // The stream to write `target`'s new content to; `written`, when given, is set to the file
    // it goes to. A target that exists and is not a regular file (/dev/null, a pipe) is written
    // directly: there is nothing to rename over it.
    std::ostream& open(const std::string& target, std::string* written = nullptr);
    // Writes out and closes every temporary, then renames them all into place. Throws InputError
    // naming the file that failed, after removing every temporary; no target is replaced then.
    void commit();

  private:
    struct File;
    void discard();
    std::vector<std::unique_ptr<File>> files_;
};

}  // namespace vetcheck::report
