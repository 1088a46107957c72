#include "vetcheck/report/output_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "vetcheck/base/source_location.hpp"

namespace vetcheck::report {

namespace fs = std::filesystem;

namespace {

constexpr size_t kBufferSize = size_t{1} << 16;

// The temporaries a signal handler must remove: fixed storage, since a handler may neither
// allocate nor lock. A slot is written before the count that makes it visible grows.
constexpr int kMaxTemporaries = 64;
char g_temporaries[kMaxTemporaries][PATH_MAX];
volatile sig_atomic_t g_temporary_count = 0;
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};

extern "C" void remove_temporaries_and_die(int signal) {
    for (sig_atomic_t i = 0; i < g_temporary_count; ++i) ::unlink(g_temporaries[i]);
    ::signal(signal, SIG_DFL);
    ::raise(signal);
}

void install_handlers() {
    static bool installed = false;
    if (installed) return;
    installed = true;
    struct sigaction action {};
    action.sa_handler = remove_temporaries_and_die;
    sigemptyset(&action.sa_mask);
    for (int s : kSignals) sigaddset(&action.sa_mask, s);
    for (int s : kSignals) {
        struct sigaction old {};
        // A signal the caller ignores (nohup) stays ignored.
        if (::sigaction(s, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
        ::sigaction(s, &action, nullptr);
    }
}

// Holds back the handled signals while the set of temporaries changes or the renames run.
class SignalsHeld {
  public:
    SignalsHeld() {
        sigset_t set;
        sigemptyset(&set);
        for (int s : kSignals) sigaddset(&set, s);
        ::pthread_sigmask(SIG_BLOCK, &set, &old_);
    }
    ~SignalsHeld() { ::pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
    SignalsHeld(const SignalsHeld&) = delete;
    SignalsHeld& operator=(const SignalsHeld&) = delete;

  private:
    sigset_t old_;
};

// `code` says what could not be done; the system's reason follows in the reader's language.
[[noreturn]] void fail(const std::string& target, const char* code, int error) {
    throw InputError(SourceLocation{target}, Message(code, {{"error", system_error_text(error)}}));
}

mode_t current_umask() {
    mode_t mask = ::umask(0);
    ::umask(mask);
    return mask;
}

}  // namespace

CheckedFileBuf::CheckedFileBuf(int fd) : fd_(fd), buffer_(new char[kBufferSize]) {
    setp(buffer_.get(), buffer_.get() + kBufferSize);
}

// Nothing is written on destruction: a discarded report's buffer must not reach a descriptor that
// was closed, and perhaps reused; finish() writes it out.
CheckedFileBuf::~CheckedFileBuf() = default;

bool CheckedFileBuf::write_out(const char* data, size_t size) {
    if (size == 0) return error_ == 0;
    if (closed_) error_ = closed_;
    if (error_) return false;
    while (size > 0) {
        ssize_t n = ::write(fd_, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            error_ = n < 0 ? errno : EIO;
            return false;
        }
        data += n;
        size -= static_cast<size_t>(n);
    }
    return true;
}

bool CheckedFileBuf::flush_buffer() {
    size_t used = static_cast<size_t>(pptr() - pbase());
    setp(buffer_.get(), buffer_.get() + kBufferSize);
    return write_out(buffer_.get(), used);
}

CheckedFileBuf::int_type CheckedFileBuf::overflow(int_type c) {
    if (!flush_buffer()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
        *pptr() = traits_type::to_char_type(c);
        pbump(1);
    }
    return traits_type::not_eof(c);
}

std::streamsize CheckedFileBuf::xsputn(const char* data, std::streamsize size) {
    auto n = static_cast<size_t>(size);
    if (n <= static_cast<size_t>(epptr() - pptr())) {
        std::memcpy(pptr(), data, n);
        pbump(static_cast<int>(n));
        return size;
    }
    if (!flush_buffer()) return 0;
    if (n >= kBufferSize) return write_out(data, n) ? size : 0;
    std::memcpy(pptr(), data, n);
    pbump(static_cast<int>(n));
    return size;
}

int CheckedFileBuf::sync() {
    return flush_buffer() ? 0 : -1;
}

int CheckedFileBuf::finish() {
    flush_buffer();
    return error_;
}

namespace {

// Descriptor 1 as it was at the start: closed (`>&-`) means every write to it is an error.
int standard_output_fd(bool* closed) {
    *closed = ::fcntl(STDOUT_FILENO, F_GETFD) < 0;
    if (*closed) {
        int fd = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
        if (fd >= 0 && fd != STDOUT_FILENO) {
            ::dup2(fd, STDOUT_FILENO);
            ::close(fd);
        }
    }
    return STDOUT_FILENO;
}

bool g_stdout_closed = false;

}  // namespace

CheckedStandardOutput::CheckedStandardOutput()
    : buf_(standard_output_fd(&g_stdout_closed)), previous_(std::cout.rdbuf(&buf_)) {
    if (g_stdout_closed) buf_.fail_with(EBADF);
}

CheckedStandardOutput::~CheckedStandardOutput() {
    buf_.finish();
    std::cout.rdbuf(previous_);
}

bool CheckedStandardOutput::finish() {
    std::cout.flush();
    int error = buf_.finish();
    if (error == 0 && !std::cout.fail()) return true;
    std::cerr << "vetcheck: cannot write to standard output: "
              << (error == EBADF && g_stdout_closed ? "it is closed" : std::strerror(error))
              << '\n';
    return false;
}

struct OutputFiles::File {
    std::string target;
    std::string temporary;  // "" when the target is written directly
    int fd = -1;
    std::unique_ptr<CheckedFileBuf> buf;
    std::unique_ptr<std::ostream> stream;
};

OutputFiles::OutputFiles() = default;

OutputFiles::~OutputFiles() {
    discard();
}

void OutputFiles::check_targets(const std::vector<std::string>& targets,
                                const std::vector<std::string>& inputs) {
    auto same = [](const std::string& a, const std::string& b) {
        std::error_code ec;
        if (fs::equivalent(a, b, ec)) return true;
        fs::path pa = fs::weakly_canonical(a, ec);
        if (ec) return false;
        fs::path pb = fs::weakly_canonical(b, ec);
        return !ec && pa == pb;
    };
    for (size_t i = 0; i < targets.size(); ++i) {
        if (targets[i].empty()) continue;
        for (const auto& input : inputs)
            if (input != "-" && same(targets[i], input))
                throw InputError(SourceLocation{targets[i]}, Message("E-report-overwrites-input"));
        for (size_t j = 0; j < i; ++j)
            if (!targets[j].empty() && same(targets[i], targets[j]))
                throw InputError(SourceLocation{targets[i]}, Message("E-report-same-file"));
    }
}

std::ostream& OutputFiles::open(const std::string& target, std::string* written) {
    auto file = std::make_unique<File>();
    file->target = target;
    struct stat st {};
    bool exists = ::stat(target.c_str(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode))
        throw InputError(SourceLocation{target}, Message("E-report-is-directory"));
    if (exists && !S_ISREG(st.st_mode)) {
        // /dev/null, a pipe, a terminal: nothing to half-write, and renaming over a device node
        // would replace it with a file.
        file->fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
        if (file->fd < 0) fail(target, "E-report-unwritable", errno);
    } else {
        if (files_.size() >= static_cast<size_t>(kMaxTemporaries))
            throw InputError(SourceLocation{target}, Message("E-report-too-many-files"));
        std::string pattern = target + ".tmpXXXXXX";
        if (pattern.size() >= PATH_MAX)
            throw InputError(SourceLocation{target}, Message("E-report-name-too-long"));
        install_handlers();
        {
            // mkstemp creates the file exclusively (O_CREAT|O_EXCL): a link left at the name is
            // never followed. The name is registered for the signal handler before it exists.
            SignalsHeld held;
            char* slot = g_temporaries[g_temporary_count];
            std::memcpy(slot, pattern.c_str(), pattern.size() + 1);
            file->fd = ::mkostemp(slot, O_CLOEXEC);
            if (file->fd < 0) fail(target, "E-report-unwritable", errno);
            file->temporary = slot;
            g_temporary_count = g_temporary_count + 1;
        }
        // The report keeps the mode of the file it replaces; a new one gets the usual mode.
        mode_t mode = exists ? (st.st_mode & 07777) : (0666 & ~current_umask());
        if (::fchmod(file->fd, mode) != 0) {
            int error = errno;
            files_.push_back(std::move(file));
            fail(target, "E-report-unwritable", error);
        }
    }
    if (written) *written = file->temporary.empty() ? target : file->temporary;
    file->buf = std::make_unique<CheckedFileBuf>(file->fd);
    file->stream = std::make_unique<std::ostream>(file->buf.get());
    files_.push_back(std::move(file));
    return *files_.back()->stream;
}

void OutputFiles::commit() {
    for (auto& f : files_) {
        f->stream->flush();
        int error = f->buf->finish();
        if (error == 0 && f->temporary.size() && ::fsync(f->fd) != 0) error = errno;
        if (::close(f->fd) != 0 && error == 0) error = errno;
        f->fd = -1;
        if (error) {
            std::string target = f->target;
            discard();
            fail(target, "E-report-unwritable", error);
        }
    }
    {
        // Every rename or none from a signal's point of view: a kill waits until all are done.
        SignalsHeld held;
        for (size_t i = 0; i < files_.size(); ++i) {
            File& f = *files_[i];
            if (f.temporary.empty()) continue;
            if (::rename(f.temporary.c_str(), f.target.c_str()) != 0) {
                // Only a rename itself can fail here (another file system, a vanished directory):
                // the ones before it are done and cannot be taken back.
                int error = errno;
                std::string target = f.target;
                discard();
                fail(target, "E-report-unmovable", error);
            }
            f.temporary.clear();
        }
        g_temporary_count = 0;
    }
    files_.clear();
}

void OutputFiles::discard() {
    SignalsHeld held;
    for (auto& f : files_) {
        if (f->fd >= 0) ::close(f->fd);
        f->fd = -1;
        if (!f->temporary.empty()) ::unlink(f->temporary.c_str());
        f->temporary.clear();
    }
    files_.clear();
    g_temporary_count = 0;
}

}  // namespace vetcheck::report
