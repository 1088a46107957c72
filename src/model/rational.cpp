#include "vetcheck/model/rational.hpp"

#include <cstdlib>
#include <limits>
#include <numeric>

namespace vetcheck {

namespace {

WideInt gcd(WideInt a, WideInt b) {
    if (a < 0) a = -a;
    if (b < 0) b = -b;
    while (b != 0) {
        WideInt t = a % b;
        a = b;
        b = t;
    }
    return a;
}

bool fits(WideInt v) {
    return v >= std::numeric_limits<int64_t>::min() + 1 && v <= std::numeric_limits<int64_t>::max();
}

}  // namespace

Rational Rational::from_wide(WideInt numerator, WideInt denominator) {
    if (denominator == 0) throw ArithmeticError(Message("R-division-by-zero-plain"));
    // Most values fit in 64 bits, where the gcd needs no 128-bit division.
    if (denominator > 0 && denominator <= INT64_MAX && numerator >= -INT64_MAX &&
        numerator <= INT64_MAX) {
        int64_t n = static_cast<int64_t>(numerator), d = static_cast<int64_t>(denominator);
        int64_t g = std::gcd(n, d);
        Rational r;
        r.num_ = g > 1 ? n / g : n;
        r.den_ = g > 1 ? d / g : d;
        return r;
    }
    if (denominator < 0) {
        numerator = -numerator;
        denominator = -denominator;
    }
    WideInt g = gcd(numerator, denominator);
    if (g > 1) {
        numerator /= g;
        denominator /= g;
    }
    if (!fits(numerator) || !fits(denominator))
        throw ArithmeticError(Message("R-too-large-to-compute"));
    Rational r;
    r.num_ = static_cast<int64_t>(numerator);
    r.den_ = static_cast<int64_t>(denominator);
    return r;
}

Rational::Rational(int64_t numerator, int64_t denominator) {
    *this = from_wide(numerator, denominator);
}

std::optional<Rational> Rational::parse_decimal(std::string_view text) {
    size_t i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
    WideInt numerator = 0, denominator = 1;
    bool digits = false, point = false;
    // 12,000 as people write it: groups of three after the first, so that 4,5 (a decimal comma) is
    // not read as 45.
    bool grouped = false;
    int group = 0;  // digits of the whole part since the last comma
    auto group_ends = [&] { return grouped ? group == 3 : group >= 1 && group <= 3; };
    constexpr WideInt kLimit = static_cast<WideInt>(1) << 100;
    for (; i < text.size(); ++i) {
        char c = text[i];
        if (c == '.' && !point) {
            if (grouped && !group_ends()) return std::nullopt;
            point = true;
            continue;
        }
        if (c == ',' && !point) {
            if (!group_ends()) return std::nullopt;
            grouped = true;
            group = 0;
            continue;
        }
        if (c < '0' || c > '9') return std::nullopt;
        if (!point) ++group;
        digits = true;
        numerator = numerator * 10 + (c - '0');
        if (point) denominator *= 10;
        if (numerator > kLimit || denominator > kLimit)
            throw ArithmeticError(Message("R-too-large-to-hold"));
    }
    if (!digits || (!text.empty() && text.back() == '.')) return std::nullopt;
    if (grouped && !point && !group_ends()) return std::nullopt;
    return from_wide(negative ? -numerator : numerator, denominator);
}

Rational Rational::operator-() const {
    return from_wide(-static_cast<WideInt>(num_), den_);
}

Rational operator+(const Rational& a, const Rational& b) {
    return Rational::from_wide(
        static_cast<WideInt>(a.num_) * b.den_ + static_cast<WideInt>(b.num_) * a.den_,
        static_cast<WideInt>(a.den_) * b.den_);
}

Rational operator-(const Rational& a, const Rational& b) {
    return a + (-b);
}

Rational operator*(const Rational& a, const Rational& b) {
    return Rational::from_wide(static_cast<WideInt>(a.num_) * b.num_,
                               static_cast<WideInt>(a.den_) * b.den_);
}

Rational operator/(const Rational& a, const Rational& b) {
    if (b.num_ == 0) throw ArithmeticError(Message("R-division-by-zero-plain"));
    return Rational::from_wide(static_cast<WideInt>(a.num_) * b.den_,
                               static_cast<WideInt>(a.den_) * b.num_);
}

std::strong_ordering operator<=>(const Rational& a, const Rational& b) {
    return static_cast<WideInt>(a.num_) * b.den_ <=> static_cast<WideInt>(b.num_) * a.den_;
}

Rational Rational::floor() const {
    int64_t q = num_ / den_;
    if (num_ % den_ != 0 && num_ < 0) --q;
    return Rational(q);
}

Rational Rational::ceil() const {
    int64_t q = num_ / den_;
    if (num_ % den_ != 0 && num_ > 0) ++q;
    return Rational(q);
}

Rational Rational::reciprocal() const {
    return Rational(1) / *this;
}

std::string Rational::to_decimal(int max_decimals) const {
    return scaled_decimal(1, max_decimals);
}

std::string Rational::scaled_decimal(int64_t factor, int max_decimals) const {
    // Round half away from zero at the last shown decimal, in exact integer arithmetic: with
    // |num| < 2^63 and factor * 10^decimals <= 10^18 < 2^60, every product stays below 2^124.
    if (factor < 1 || max_decimals < 0 || max_decimals > 18)
        throw std::logic_error("Rational::scaled_decimal: factor or decimals out of range");
    WideInt scale = 1;
    for (int i = 0; i < max_decimals; ++i) scale *= 10;
    if (factor > 1'000'000'000'000'000'000 / scale)
        throw std::logic_error("Rational::scaled_decimal: factor or decimals out of range");
    WideInt n = static_cast<WideInt>(num_ < 0 ? -num_ : num_) * factor * scale;
    WideInt q = (2 * n + den_) / (2 * static_cast<WideInt>(den_));
    WideInt whole = q / scale, frac = q % scale;
    auto digits = [](WideInt v) {
        std::string s;
        do {
            s.insert(s.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
            v /= 10;
        } while (v > 0);
        return s;
    };
    // Appended, not `"-" + digits(whole)`: GCC 12 at -O3 warns falsely (-Wrestrict) on that.
    std::string out = num_ < 0 && q != 0 ? "-" : "";
    out += digits(whole);
    if (max_decimals > 0 && frac != 0) {
        std::string f = digits(frac);
        f.insert(f.begin(), static_cast<size_t>(max_decimals) - f.size(), '0');
        while (!f.empty() && f.back() == '0') f.pop_back();
        out += "." + f;
    }
    return out;
}

}  // namespace vetcheck
