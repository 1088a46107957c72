#include "vetcheck/report/svg_charts.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "vetcheck/report/format.hpp"
#include "vetcheck/report/markup.hpp"

namespace vetcheck::report {

namespace {

// Inline SVG in HTML needs no xmlns (the HTML parser puts it in the SVG namespace), and leaving it
// out keeps the page free of any URL at all.

// SVG text does not wrap, so labels are cut to a width estimated from display columns: a narrow
// character is about 0.55 em, a wide (CJK) one counts two columns and is at most 1.1 em.
int columns_for(double pixels, double font_size) {
    return static_cast<int>(pixels / (0.55 * font_size));
}

std::string esc(std::string_view text) {
    return escape_markup(text);
}

std::string num(double v) {
    return svg_number(v);
}

std::string svg_open(double width, double height, std::string_view label) {
    return fmt::format(
        "<svg width=\"{0}\" height=\"{1}\" "
        "viewBox=\"0 0 {0} {1}\" role=\"img\" aria-label=\"{2}\">\n",
        num(width), num(height), esc(label));
}

const char* word(Lang lang, const char* zh, const char* en) {
    return lang == Lang::Zh ? zh : en;
}

// ---- target bars -------------------------------------------------------------------------

constexpr double kBarsWidth = 960;
constexpr double kTrackWidth = 560;
constexpr double kActualX = 584;
constexpr double kTargetX = 704;
constexpr double kBarsHead = 20;
constexpr double kBarRow = 48;

bool has_numbers(const Result& r) {
    return !r.indicator().is_requirement() && r.actual && r.target;
}

// The axis runs from 0 to a little past the larger of actual and target (tolerance included), so
// that neither sits on the edge; values below 0 are drawn at 0.
struct BarScale {
    double max = 1;
    explicit BarScale(const Result& r) {
        double top =
            std::max(r.actual->value.to_double(),
                     (r.target->value + r.indicator().tolerance_for(r.target->value)).to_double());
        if (top > 0) max = top * 1.15;
    }
    double x(const Rational& v) const {
        return kTrackWidth * std::clamp(v.to_double() / max, 0.0, 1.0);
    }
};

// The subject is named only when the chart has several: a school's report is about the school.
std::string bar_label(const Result& r, bool name_subject, Lang lang) {
    std::string text = r.indicator().name.in(lang);
    if (name_subject) text += " · " + subject_text(r, lang);
    return truncate_columns(text, columns_for(kBarsWidth - 20, 13));
}

// Drawn over the bar as a dashed outline, so the part of the band the bar covers still shows.
std::string tolerance_band(const Result& r, const BarScale& s, double y) {
    if (!r.indicator().tolerance) return "";
    Rational t = r.target->value, tol = r.indicator().tolerance_for(t);
    double from = s.x(t - tol), to = s.x(t + tol);
    return fmt::format(
        "<rect class=\"band\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"18\" fill=\"none\" "
        "stroke=\"#57606a\" stroke-dasharray=\"3 2\"/>\n",
        num(from), num(y - 2), num(to - from));
}

// The track, the bar up to the actual, the tolerance band and the target line.
std::string bar_shapes(const Result& r, const StatusStyle& st, double y) {
    BarScale s(r);
    std::string out = fmt::format(
        "<rect x=\"0\" y=\"{0}\" width=\"{1}\" height=\"14\" fill=\"#eaeef2\"/>\n"
        "<rect class=\"value\" x=\"0\" y=\"{0}\" width=\"{2}\" height=\"14\" fill=\"{3}\"/>\n",
        num(y), num(kTrackWidth), num(s.x(r.actual->value)), st.fill);
    out += tolerance_band(r, s, y);
    return out + fmt::format(
                     "<line class=\"target-line\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" "
                     "stroke=\"#1f2328\" stroke-width=\"2\"/>\n",
                     num(s.x(r.target->value)), num(y - 4), num(y + 18));
}

std::string target_bar(const Result& r, bool name_subject, Lang lang, double y) {
    StatusStyle st = status_style(r.status);
    std::string actual = actual_text(r, lang), target = target_text(r, lang);
    std::string out = fmt::format("<g class=\"bar\" data-indicator=\"{}\" data-status=\"{}\">\n",
                                  esc(r.indicator().id), status_name(r.status));
    out += fmt::format("<title>{} — {}: {} ({}), {} {}</title>\n", esc(r.indicator().name.in(lang)),
                       esc(subject_text(r, lang)), esc(actual), esc(status_text(r.status, lang)),
                       label(Label::Needs, lang), esc(target));
    out += fmt::format(
        "<text x=\"0\" y=\"{}\" font-size=\"13\"><tspan fill=\"{}\">{}</tspan> {}</text>\n",
        num(y + 14), st.ink, st.mark, esc(bar_label(r, name_subject, lang)));
    out += bar_shapes(r, st, y + 22);
    out += fmt::format(
        "<text class=\"actual\" x=\"{}\" y=\"{}\" font-size=\"13\" font-weight=\"bold\" "
        "fill=\"{}\">{}</text>\n"
        "<text class=\"target\" x=\"{}\" y=\"{}\" font-size=\"13\" fill=\"#57606a\">{}</text>\n",
        num(kActualX), num(y + 34), st.ink, esc(actual), num(kTargetX), num(y + 34), esc(target));
    return out + "</g>\n";
}

}  // namespace

StatusStyle status_style(Status s) {
    switch (s) {
        case Status::Pass:
            return {status_mark(s), "#2da44e", "#1a7f37"};
        case Status::Fail:
            return {status_mark(s), "#cf222e", "#a40e26"};
        case Status::Missing:
            return {status_mark(s), "#8250df", "#6639ba"};
        case Status::Error:
            return {status_mark(s), "#82071e", "#82071e"};
        case Status::NotDue:
            return {status_mark(s), "#54aeff", "#0969da"};
        case Status::NotApplicable:
            return {status_mark(s), "#d0d7de", "#6e7781"};
        case Status::Advisory:
            return {status_mark(s), "#d4a72c", "#9a6700"};
        case Status::Waived:
            return {status_mark(s), "#8c959f", "#57606a"};
        case Status::OnTrack:
            return {status_mark(s), "#4ac26b", "#116329"};
        case Status::Behind:
            return {status_mark(s), "#fb8f44", "#bc4c00"};
    }
    return {"?", "#8c959f", "#57606a"};
}

std::string PassRate::percent() const {
    if (counted == 0) return "";
    return Rational(int64_t{passed} * 100, counted).to_decimal(1);
}

PassRate pass_rate(const std::vector<Result>& results) {
    PassRate rate;
    for (const auto& r : results) {
        if (r.status == Status::NotApplicable || r.status == Status::NotDue ||
            r.status == Status::Waived)
            continue;
        ++rate.counted;
        rate.passed += r.status == Status::Pass;
    }
    return rate;
}

std::string svg_target_bars(const std::vector<const Result*>& results, Lang lang) {
    std::vector<const Result*> drawn;
    for (const Result* r : results)
        if (has_numbers(*r)) drawn.push_back(r);
    if (drawn.empty()) return "";
    double height = kBarsHead + kBarRow * static_cast<double>(drawn.size());
    std::string out =
        svg_open(kBarsWidth, height, word(lang, "数值指标与目标", "figures against targets"));
    out += fmt::format(
        "<text x=\"{}\" y=\"13\" font-size=\"12\" fill=\"#57606a\">{}</text>\n"
        "<text x=\"{}\" y=\"13\" font-size=\"12\" fill=\"#57606a\">{}</text>\n",
        num(kActualX), word(lang, "实际", "actual"), num(kTargetX), word(lang, "目标", "target"));
    bool several = std::any_of(drawn.begin(), drawn.end(),
                               [&](const Result* r) { return r->subject != drawn[0]->subject; });
    for (size_t i = 0; i < drawn.size(); ++i)
        out += target_bar(*drawn[i], several, lang, kBarsHead + kBarRow * static_cast<double>(i));
    return out + "</svg>\n";
}

void ValueHistogram::add(double actual_over_target) {
    double r = std::max(actual_over_target, 0.0);
    int bin = r >= 2.0 ? kBins - 1 : std::min(static_cast<int>(r * 10), kBins - 2);
    ++bins[static_cast<size_t>(bin)];
    ++count;
}

std::string svg_histogram(const ValueHistogram& h, Lang lang) {
    constexpr double kBinWidth = 10, kHeight = 28, kTop = 2;
    int most = *std::max_element(h.bins.begin(), h.bins.end());
    if (h.count == 0 || most == 0) return "";
    double width = kBinWidth * ValueHistogram::kBins;
    std::string out = fmt::format(
        "<svg class=\"hist\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" role=\"img\" "
        "aria-label=\"{2}\">\n",
        num(width + 4), num(kTop + kHeight + 12),
        esc(word(lang, "实际值 ÷ 目标 的分布", "distribution of actual ÷ target")));
    for (int i = 0; i < ValueHistogram::kBins; ++i) {
        int n = h.bins[static_cast<size_t>(i)];
        if (n == 0) continue;
        double bar = std::max(1.0, kHeight * n / most);
        std::string range = i == ValueHistogram::kBins - 1
                                ? std::string("≥2×")
                                : fmt::format("{:.1f}–{:.1f}×", i / 10.0, (i + 1) / 10.0);
        out += fmt::format(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#8c959f\"><title>{} {}: "
            "{}</title></rect>\n",
            num(kBinWidth * i), num(kTop + kHeight - bar), num(kBinWidth - 1), num(bar), range,
            word(lang, "目标", "of target"), n);
    }
    out += fmt::format(
        "<line x1=\"{0}\" x2=\"{0}\" y1=\"0\" y2=\"{1}\" stroke=\"#1f2328\" stroke-width=\"2\"/>\n"
        "<text x=\"0\" y=\"{2}\" font-size=\"10\" fill=\"#57606a\">0</text>\n"
        "<text x=\"{0}\" y=\"{2}\" font-size=\"10\" text-anchor=\"middle\">{3}</text>\n"
        "<text x=\"{4}\" y=\"{2}\" font-size=\"10\" text-anchor=\"end\" "
        "fill=\"#57606a\">≥2×</text>\n",
        num(kBinWidth * 10), num(kTop + kHeight), num(kTop + kHeight + 11),
        word(lang, "目标", "target"), num(width + 2));
    return out + "</svg>\n";
}

}  // namespace vetcheck::report
