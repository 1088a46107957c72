#include "vetcheck/base/text.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace vetcheck {

char32_t decode_utf8(std::string_view text, size_t& pos) {
    constexpr char32_t kInvalid = 0xFFFD;
    auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
    unsigned char lead = byte(pos);
    int extra = lead < 0x80           ? 0
                : (lead >> 5) == 0x6  ? 1
                : (lead >> 4) == 0xE  ? 2
                : (lead >> 3) == 0x1E ? 3
                                      : -1;
    if (extra < 0 || pos + extra >= text.size() + (extra == 0 ? 1 : 0)) {
        ++pos;
        return kInvalid;
    }
    if (extra == 0) return text[pos++];
    char32_t cp = lead & (0x3F >> extra);
    for (int i = 1; i <= extra; ++i) {
        unsigned char c = byte(pos + i);
        if ((c & 0xC0) != 0x80) {
            ++pos;
            return kInvalid;
        }
        cp = (cp << 6) | (c & 0x3F);
    }
    pos += extra + 1;
    static constexpr char32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return kInvalid;
    return cp;
}

namespace {

bool continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

}  // namespace

size_t plain_utf8_length(std::string_view text, size_t pos) {
    auto lead = static_cast<unsigned char>(text[pos]);
    if (lead >= 0xC2 && lead <= 0xDF)
        return pos + 1 < text.size() && continuation(text[pos + 1]) ? 2 : 0;
    if (lead >= 0xE1 && lead <= 0xEF && lead != 0xED)
        return pos + 2 < text.size() && continuation(text[pos + 1]) && continuation(text[pos + 2])
                   ? 3
                   : 0;
    return 0;
}

bool is_valid_utf8(std::string_view text) {
    size_t pos = 0;
    while (pos < text.size()) {
        // ASCII and plainly valid characters are most of a report's text, checked a cell at a
        // time: valid without decoding.
        if (static_cast<unsigned char>(text[pos]) < 0x80) {
            ++pos;
            continue;
        }
        if (size_t length = plain_utf8_length(text, pos)) {
            pos += length;
            continue;
        }
        size_t before = pos;
        char32_t cp = decode_utf8(text, pos);
        if (cp == 0xFFFD && !(pos - before == 3 && text.substr(before, 3) == "\xEF\xBF\xBD"))
            return false;
    }
    return true;
}

bool is_control(char32_t c) {
    return c < 0x20 || (c >= 0x7F && c < 0xA0);
}

std::string escape_controls(std::string_view text, std::string_view keep) {
    // Nearly every name is plain: returned as it is. C1 controls all begin with the byte 0xC2.
    bool plain = std::none_of(text.begin(), text.end(), [](char b) {
        auto u = static_cast<unsigned char>(b);
        return u < 0x20 || u == 0x7F || u == 0xC2;
    });
    if (plain && is_valid_utf8(text)) return std::string(text);
    std::string out;
    out.reserve(text.size() + 8);
    for (size_t pos = 0; pos < text.size();) {
        size_t start = pos;
        char32_t c = decode_utf8(text, pos);
        std::string_view bytes = text.substr(start, pos - start);
        if (c == 0xFFFD && bytes != "\xEF\xBF\xBD") {
            out += fmt::format("\\x{:02x}", static_cast<unsigned char>(bytes[0]));
        } else if (!is_control(c) || (c < 0x80 && keep.find(static_cast<char>(c)) != keep.npos)) {
            out += bytes;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x80) {
            out += fmt::format("\\x{:02x}", static_cast<unsigned>(c));
        } else {
            out += fmt::format("\\u{{{:x}}}", static_cast<unsigned>(c));
        }
    }
    return out;
}

std::string shorten(std::string_view utf8, size_t max_bytes) {
    if (utf8.size() <= max_bytes) return std::string(utf8);
    size_t cut = max_bytes > 3 ? max_bytes - 3 : 0;
    while (cut > 0 && (static_cast<unsigned char>(utf8[cut]) & 0xC0) == 0x80) --cut;
    return std::string(utf8.substr(0, cut)) + "...";
}

namespace {

bool is_wide(char32_t cp) {
    // The East Asian Wide and Fullwidth ranges that occur in these documents and plans.
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
           (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
           (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
           (cp >= 0x20000 && cp <= 0x3FFFD);
}

bool is_zero_width(char32_t cp) {
    return (cp >= 0x0300 && cp <= 0x036F) || cp == 0x200B || cp == 0x200D || cp == 0xFE0F;
}

}  // namespace

int display_width(std::string_view utf8) {
    int width = 0;
    size_t pos = 0;
    while (pos < utf8.size()) {
        unsigned char byte = static_cast<unsigned char>(utf8[pos]);
        if (byte >= 0x20 && byte < 0x7F) {  // the common case: printable ASCII, one column
            ++width;
            ++pos;
            continue;
        }
        char32_t cp = decode_utf8(utf8, pos);
        if (cp == 0x1B) {  // skip ANSI colour sequences: ESC [ ... m
            while (pos < utf8.size() && utf8[pos] != 'm') ++pos;
            if (pos < utf8.size()) ++pos;
            continue;
        }
        if (is_zero_width(cp)) continue;
        width += is_wide(cp) ? 2 : 1;
    }
    return width;
}

std::string pad_right(std::string_view utf8, int width) {
    std::string out(utf8);
    out.append(static_cast<size_t>(std::max(0, width - display_width(utf8))), ' ');
    return out;
}

std::string pad_left(std::string_view utf8, int width) {
    std::string out(static_cast<size_t>(std::max(0, width - display_width(utf8))), ' ');
    out.append(utf8);
    return out;
}

namespace {

size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t above = row[j];
            row[j] =
                std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    std::string best;
    size_t best_distance = std::max<size_t>(3, word.size() / 3) + 1;
    for (const auto& candidate : candidates) {
        // The distance is at least the difference in length: skip what cannot be closer, so
        // that a key of megabytes is not compared letter by letter with every candidate.
        size_t longer = std::max(word.size(), candidate.size());
        if (longer - std::min(word.size(), candidate.size()) >= best_distance) continue;
        size_t d = edit_distance(word, candidate);
        if (d < best_distance && d < word.size()) {
            best_distance = d;
            best = candidate;
        }
    }
    return best;
}

std::string suggestion_suffix(std::string_view word, const std::vector<std::string>& candidates) {
    std::string best = did_you_mean(word, candidates);
    return best.empty() ? "" : ", did you mean '" + best + "'?";
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i) out += separator;
        out += parts[i];
    }
    return out;
}

}  // namespace vetcheck
