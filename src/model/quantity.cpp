#include "vetcheck/model/quantity.hpp"

#include <utility>

#include <fmt/format.h>

namespace vetcheck {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

size_t number_length(std::string_view text) {
    size_t i = 0;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    while (i < text.size() &&
           ((text[i] >= '0' && text[i] <= '9') || text[i] == '.' || text[i] == ','))
        ++i;
    return i;
}

std::optional<Rational> parse_number(std::string_view text, Message* why) {
    auto value = Rational::parse_decimal(text);
    if (!value) *why = Message("P-not-a-number", {{"text", text}});
    return value;
}

std::optional<Quantity> parse_ratio(std::string_view text, size_t colon, size_t colon_len,
                                    Message* why) {
    auto left = parse_number(text.substr(0, colon), why);
    auto right = left ? parse_number(text.substr(colon + colon_len), why) : std::nullopt;
    if (!left || !right) return std::nullopt;
    if (right->is_zero()) {
        *why = Message("P-ratio-zero");
        return std::nullopt;
    }
    if (left->is_negative() || right->is_negative()) {
        *why = Message("P-ratio-negative-terms");
        return std::nullopt;
    }
    return Quantity{*left / *right, Unit{}, Notation::Ratio};
}

// Full-width digits, signs, percent and punctuation as a Chinese input method types them (５７％,
// １：３５０, －５) in their ASCII form; nullopt when there is none. Called only when the text has
// a byte past ASCII: plain numbers, the bulk of every plan, are not copied.
std::optional<std::string> ascii_digits(std::string_view text) {
    std::string out;
    bool changed = false;
    for (size_t i = 0; i < text.size();) {
        std::string_view rest = text.substr(i);
        char ascii = 0;
        if (starts_with(rest, "\xEF\xBC") && rest.size() >= 3) {
            unsigned char low = static_cast<unsigned char>(rest[2]);
            if (low >= 0x90 && low <= 0x99) ascii = static_cast<char>('0' + (low - 0x90));
            for (auto [byte, c] :
                 {std::pair{0x85, '%'}, std::pair{0x8B, '+'}, std::pair{0x8C, ','},
                  std::pair{0x8D, '-'}, std::pair{0x8E, '.'}, std::pair{0x9A, ':'}})
                if (low == byte) ascii = c;
        } else if (starts_with(rest, "−")) {  // U+2212 MINUS SIGN
            ascii = '-';
        }
        if (ascii) {
            out += ascii;
            i += 3;
            changed = true;
        } else {
            out += text[i++];
        }
    }
    if (!changed) return std::nullopt;
    return out;
}

// A space is allowed only between a number and a unit word (3000 学时, 1.2 万元): not inside a
// number, nor before % (80 % is refused).
bool space_before_unit(std::string_view text) {
    size_t n = number_length(text);
    return n > 0 && n + 1 < text.size() && text[n] == ' ' &&
           static_cast<unsigned char>(text[n + 1]) >= 0x80 &&
           text.find_first_of(" \t", n + 1) == text.npos;
}

}  // namespace

std::optional<Quantity> parse_quantity(std::string_view text, Message* why) {
    if (text.empty()) {
        *why = Message("P-empty-value");
        return std::nullopt;
    }
    std::optional<std::string> ascii;
    for (char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = ascii_digits(text);
            break;
        }
    }
    if (ascii) text = *ascii;
    std::string joined;
    if (space_before_unit(text)) {
        size_t n = number_length(text);
        joined = std::string(text.substr(0, n)) + std::string(text.substr(n + 1));
        text = joined;
    }
    if (text.find(' ') != text.npos || text.find('\t') != text.npos) {
        *why = Message("P-space-inside", {{"text", text}});
        return std::nullopt;
    }
    for (std::string_view colon : {":", "："}) {
        if (size_t at = text.find(colon); at != text.npos)
            return parse_ratio(text, at, colon.size(), why);
    }
    size_t n = number_length(text);
    if (n == 0) {
        *why = Message("P-not-a-number", {{"text", text}});
        return std::nullopt;
    }
    auto value = Rational::parse_decimal(text.substr(0, n));
    if (!value) {
        *why = Message("P-not-a-number", {{"text", text}});  // the whole of ".inf", not "."
        return std::nullopt;
    }
    std::string_view rest = text.substr(n);
    // 万 and 亿 scale the number; they are not units.
    if (starts_with(rest, "万")) {
        *value = *value * Rational(10000);
        rest.remove_prefix(3);
    } else if (starts_with(rest, "亿")) {
        *value = *value * Rational(100000000);
        rest.remove_prefix(3);
    }
    Quantity q{*value, Unit{}, Notation::Plain};
    if (rest == "%" || rest == "％") {
        q.value = q.value / Rational(100);
        q.notation = Notation::Percent;
    } else if (rest == "倍") {
        q.notation = Notation::Multiple;
    } else if (!rest.empty()) {
        for (char c : rest) {
            if ((c >= '0' && c <= '9') || c == '.' || c == '%' || c == '-' || c == '+') {
                *why = Message("P-not-a-number-with-unit", {{"text", text}});
                return std::nullopt;
            }
        }
        q.unit = Unit::parse(rest);  // ArithmeticError past the run's limit of units
    }
    return q;
}

std::string Quantity::to_string(int decimals) const {
    switch (notation) {
        case Notation::Percent:
            return value.scaled_decimal(100, decimals) + "%";
        case Notation::Multiple:
            return value.to_decimal(decimals) + "倍";
        case Notation::Ratio:
            // 1:N reads best for the small ratios of these documents (1:350); N:1 for the large
            // (1.2:1).
            if (value.is_zero()) return "0";
            if (value < Rational(1))
                return "1:" + value.reciprocal().to_decimal(decimals > 1 ? 1 : decimals);
            return value.to_decimal(decimals) + ":1";
        case Notation::Plain:
            break;
    }
    return value.to_decimal(decimals) + unit.to_string();
}

}  // namespace vetcheck
