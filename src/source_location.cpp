#include "vetcheck/source_location.hpp"

#include <fmt/format.h>

namespace vetcheck {

std::string SourceLocation::to_string() const {
    if (!known()) return file;
    return fmt::format("{}:{}:{}", file, line, column);
}

InputError::InputError(SourceLocation where, std::string message)
    : std::runtime_error(fmt::format("{}: {}", where.to_string(), message)),
      where_(std::move(where)),
      message_(std::move(message)) {}

}  // namespace vetcheck
