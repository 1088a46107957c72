#include "vetcheck/base/source_location.hpp"

#include <mutex>
#include <unordered_set>

#include <fmt/format.h>

namespace vetcheck {

// Its address is all a default FileName takes, so a location may be made before this is built;
// no location is read during static initialization.
const std::string FileName::kNone;

namespace {

// Names are never freed: a run reads a bounded number of files, and every location keeps pointing
// at its name. The empty name is FileName::kNone, so that every way of naming no file is equal.
const std::string* intern(std::string_view name) {
    if (name.empty()) return &FileName::kNone;
    static std::mutex mutex;
    static std::unordered_set<std::string> names;
    std::lock_guard lock(mutex);
    return &*names.emplace(name).first;
}

}  // namespace

FileName::FileName(const std::string& name) : name_(intern(name)) {}
FileName::FileName(const char* name) : name_(intern(name)) {}
FileName::FileName(std::string_view name) : name_(intern(name)) {}

std::string SourceLocation::to_string() const {
    if (!known()) return file.str();
    return fmt::format("{}:{}:{}", file.str(), line, column);
}

InputError::InputError(SourceLocation where, Message message)
    : std::runtime_error(fmt::format("{}: {}", where.to_string(), render(message, Lang::En))),
      where_(std::move(where)),
      message_(std::move(message)) {}

InputError::InputError(SourceLocation where, std::string message)
    : InputError(std::move(where), Message("E-unclassified", {{"text", std::move(message)}})) {}

}  // namespace vetcheck
