#include "vetcheck/base/encoding.hpp"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "vetcheck/base/source_location.hpp"
#include "vetcheck/base/text.hpp"

namespace vetcheck {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

unsigned char byte_at(std::string_view s, size_t i) {
    return static_cast<unsigned char>(s[i]);
}

// The length of the UTF-8 character at `pos`, or 0 when the bytes there are not one (overlong
// forms and surrogates included); *problem then says why.
size_t utf8_length(std::string_view s, size_t pos, Message* problem) {
    unsigned char lead = byte_at(s, pos);
    if (lead < 0x80) return 1;
    size_t extra = 0;
    unsigned char low = 0x80, high = 0xBF;  // the range of the byte after the lead
    if (lead >= 0xC2 && lead <= 0xDF) {
        extra = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        extra = 2;
        if (lead == 0xE0) low = 0xA0;
        if (lead == 0xED) high = 0x9F;  // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        extra = 3;
        if (lead == 0xF0) low = 0x90;
        if (lead == 0xF4) high = 0x8F;  // nothing past U+10FFFF
    } else {
        if (problem)
            *problem = Message("P-utf8-bad-lead", {{"byte", fmt::format("0x{:02x}", lead)}});
        return 0;
    }
    for (size_t i = 1; i <= extra; ++i) {
        if (pos + i >= s.size()) {
            if (problem)
                *problem = Message("P-utf8-cut", {{"byte", fmt::format("0x{:02x}", lead)}});
            return 0;
        }
        unsigned char c = byte_at(s, pos + i);
        if (c < (i == 1 ? low : 0x80) || c > (i == 1 ? high : 0xBF)) {
            if (problem)
                *problem =
                    Message("P-utf8-bad-continuation", {{"byte", fmt::format("0x{:02x}", c)},
                                                        {"lead", fmt::format("0x{:02x}", lead)}});
            return 0;
        }
    }
    return extra + 1;
}

// The offset of the first byte that is not UTF-8, or npos. ASCII, the bulk of every plan, is
// skipped eight bytes at a time.
size_t first_invalid_utf8(std::string_view s, Message* problem) {
    size_t pos = 0;
    while (pos < s.size()) {
        if (pos + 8 <= s.size()) {
            uint64_t word;
            std::memcpy(&word, s.data() + pos, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                pos += 8;
                continue;
            }
        }
        // A Chinese character is most of what is not ASCII: taken whole without the general
        // rules of utf8_length.
        if (size_t plain = plain_utf8_length(s, pos)) {
            pos += plain;
            continue;
        }
        size_t n = utf8_length(s, pos, problem);
        if (n == 0) return pos;
        pos += n;
    }
    return std::string_view::npos;
}

// Whether the text reads as UTF-8 with a few broken characters rather than as another encoding:
// more well-formed multi-byte characters than bytes that are not UTF-8. GBK text is almost all
// bytes that are not UTF-8; a UTF-8 file with one damaged character is almost all well-formed.
bool mostly_utf8(std::string_view s) {
    size_t good = 0, bad = 0;
    for (size_t pos = 0; pos < s.size();) {
        size_t n = utf8_length(s, pos, nullptr);
        if (n == 0) {
            ++bad;
            ++pos;
        } else {
            good += n > 1;
            pos += n;
        }
    }
    return good > bad;
}

// Line and column (in characters) of `offset` in text that is UTF-8 up to there.
SourceLocation position(std::string_view text, size_t offset, const std::string& file) {
    offset = std::min(offset, text.size());
    size_t line_start = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + line_start, '\n'));
    int column = 1;
    for (size_t i = line_start; i < offset; ++i) column += (byte_at(text, i) & 0xC0) != 0x80;
    return SourceLocation{file, line, column};
}

class Converter {
  public:
    explicit Converter(const char* from) : cd_(::iconv_open("UTF-8", from)) {}
    ~Converter() {
        if (cd_ != reinterpret_cast<iconv_t>(-1)) ::iconv_close(cd_);
    }
    Converter(const Converter&) = delete;
    Converter& operator=(const Converter&) = delete;

    // The whole input converted, or nullopt; *out then holds what was converted before the byte
    // that could not be.
    bool convert(std::string_view in, std::string* out) {
        if (cd_ == reinterpret_cast<iconv_t>(-1)) return false;
        // Two bytes of GB18030 or UTF-16 make at most three of UTF-8, four make four.
        out->assign(in.size() * 2 + 4, '\0');
        char* src = const_cast<char*>(in.data());
        size_t src_left = in.size();
        char* dst = out->data();
        size_t dst_left = out->size();
        size_t r = ::iconv(cd_, &src, &src_left, &dst, &dst_left);
        out->resize(out->size() - dst_left);
        return r != static_cast<size_t>(-1) && src_left == 0;
    }

  private:
    iconv_t cd_;
};

DecodedText from_utf16(std::string_view bytes, bool little_endian, const std::string& file) {
    DecodedText out{{}, TextEncoding::Utf16, {}};
    Converter utf16(little_endian ? "UTF-16LE" : "UTF-16BE");
    if (!utf16.convert(bytes.substr(2), &out.text))
        throw InputError(position(out.text, out.text.size(), file),
                         Message("E-utf16-damaged", {{"order", little_endian ? "LE" : "BE"}}));
    return out;
}

}  // namespace

DecodedText decode_text(std::string bytes, const std::string& file_name, bool keep_damaged_utf8) {
    std::string_view view(bytes);
    if (view.size() >= 2 && (view.substr(0, 2) == "\xFF\xFE" || view.substr(0, 2) == "\xFE\xFF"))
        return from_utf16(view, view[0] == '\xFF', file_name);
    if (view.substr(0, 3) == kUtf8Bom) {
        bytes.erase(0, kUtf8Bom.size());
        view = bytes;
    }
    Message problem;
    size_t bad = first_invalid_utf8(view, &problem);
    if (bad == std::string_view::npos) return DecodedText{std::move(bytes), TextEncoding::Utf8, {}};
    SourceLocation where = position(view, bad, file_name);
    if (mostly_utf8(view) && keep_damaged_utf8)
        return DecodedText{std::move(bytes), TextEncoding::Utf8, {}};
    if (mostly_utf8(view))
        throw InputError(where, Message("E-utf8-damaged", {{"problem", problem}}));
    DecodedText out{{}, TextEncoding::Gb18030, {}};
    if (!Converter("GB18030").convert(view, &out.text))
        throw InputError(where,
                         Message("E-encoding-unknown",
                                 {{"problem", problem},
                                  {"line", position(out.text, out.text.size(), "").line},
                                  {"column", position(out.text, out.text.size(), "").column}}));
    out.note = fmt::format("{}: read as GB18030 (not UTF-8)", file_name);
    return out;
}

}  // namespace vetcheck
