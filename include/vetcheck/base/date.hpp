#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace vetcheck {

// A calendar date as plans write it: 2025-06-30. Used for waiver expiry.
struct Date {
    int year = 0;
    int month = 0;
    int day = 0;

    // Exactly YYYY-MM-DD, a real calendar date (2025-02-29 is not); nullopt otherwise.
    static std::optional<Date> parse(std::string_view text);
    // The current local date.
    static Date today();

    std::string to_string() const;  // "2025-06-30"
    friend auto operator<=>(const Date&, const Date&) = default;
};

}  // namespace vetcheck
