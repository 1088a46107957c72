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
    return !r.indicator->is_requirement() && r.actual && r.target;
}

// The axis runs from 0 to a little past the larger of actual and target (tolerance included), so
// that neither sits on the edge; values below 0 are drawn at 0.
struct BarScale {
    double max = 1;
    explicit BarScale(const Result& r) {
        double top =
            std::max(r.actual->value.to_double(),
                     (r.target->value + r.indicator->tolerance_for(r.target->value)).to_double());
        if (top > 0) max = top * 1.15;
    }
    double x(const Rational& v) const {
        return kTrackWidth * std::clamp(v.to_double() / max, 0.0, 1.0);
    }
};

// The subject is named only when the chart has several: a school's report is about the school.
std::string bar_label(const Result& r, bool name_subject, Lang lang) {
    std::string text = r.indicator->name.in(lang);
    if (name_subject) text += " · " + subject_text(r, lang);
    return truncate_columns(text, columns_for(kBarsWidth - 20, 13));
}

// Drawn over the bar as a dashed outline, so the part of the band the bar covers still shows.
std::string tolerance_band(const Result& r, const BarScale& s, double y) {
    if (!r.indicator->tolerance) return "";
    Rational t = r.target->value, tol = r.indicator->tolerance_for(t);
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
                                  esc(r.indicator->id), status_name(r.status));
    out += fmt::format("<title>{} — {}: {} ({}), {} {}</title>\n", esc(r.indicator->name.in(lang)),
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

// ---- heatmap -----------------------------------------------------------------------------

constexpr double kCell = 18;
constexpr double kRowLabelWidth = 280;
constexpr int kColumnLabelColumns = 28;  // 28 × 0.55 × 11px fits the head
constexpr double kHeatHead = 180;        // room for the column labels, written downwards
constexpr double kHeatTail = 8;

std::vector<size_t> informative_columns(const StatusMatrix& m) {
    std::vector<size_t> columns;
    for (size_t c = 0; c < m.indicators.size(); ++c) {
        bool any = false;
        for (const auto& row : m.cells) any = any || (row[c] && *row[c] != Status::NotApplicable);
        if (any) columns.push_back(c);
    }
    return columns;
}

// Turned a quarter to read upwards from the grid: each label is then no wider than its column, so
// neighbours never overlap. (Vertical writing would keep Chinese upright, but browsers place it,
// and its punctuation, less predictably.)
std::string column_label(const Indicator& ind, Lang lang, double x) {
    std::string name = truncate_columns(ind.name.in(lang), kColumnLabelColumns);
    return fmt::format(
        "<text transform=\"translate({},{}) rotate(-90)\" "
        "font-size=\"11\"><title>{}</title>{}</text>\n",
        num(x), num(kHeatHead - 5), esc(ind.id + ": " + ind.name.in(lang)), esc(name));
}

std::string row_label(const PlanReport& report, size_t index, double y) {
    const Plan& plan = *report.plan;
    std::string name = truncate_columns(plan.name, columns_for(kRowLabelWidth - 12, 12));
    return fmt::format(
        "<a href=\"#plan-{}\"><text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\">"
        "<title>{} ({})</title>{}</text></a>\n",
        index + 1, num(kRowLabelWidth - 8), num(y + 13), esc(plan.name), esc(plan.file), esc(name));
}

std::string heat_cell(const PlanReport& report, const Indicator& ind,
                      const std::optional<Status>& cell, Lang lang, double x, double y) {
    std::string what = cell ? status_text(*cell, lang) : word(lang, "无结果", "no result");
    std::string title = fmt::format("{} — {}: {}", report.plan->name, ind.name.in(lang), what);
    return fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#d0d7de\" "
        "data-status=\"{}\"><title>{}</title></rect>\n",
        num(x), num(y), num(kCell - 2), num(kCell - 2), cell ? status_style(*cell).fill : "#ffffff",
        cell ? status_name(*cell) : "", esc(title));
}

// ---- ranking -----------------------------------------------------------------------------

constexpr double kRankLabelWidth = 320;
constexpr double kRankTrack = 440;
constexpr double kRankRow = 26;

std::string rate_text(const PassRate& rate, Lang lang) {
    if (rate.counted == 0) return word(lang, "无适用检查", "no checks apply");
    return fmt::format("{}% ({}/{})", rate.percent(), rate.passed, rate.counted);
}

std::string rank_segments(const std::vector<Result>& results, const PassRate& rate, Lang lang,
                          double y) {
    if (rate.counted == 0) return "";
    Summary s = summarize(results);
    std::string out;
    double x = kRankLabelWidth;
    for (Status st :
         {Status::Pass, Status::Advisory, Status::Missing, Status::Fail, Status::Error}) {
        if (s.count(st) == 0) continue;
        double w = kRankTrack * s.count(st) / rate.counted;
        out += fmt::format(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" fill=\"{}\"><title>{} "
            "{}</title></rect>\n",
            num(x), num(y + 3), num(w), status_style(st).fill, s.count(st),
            esc(status_text(st, lang)));
        x += w;
    }
    return out;
}

std::string rank_row(const PlanReport& report, size_t index, size_t place, Lang lang, double y) {
    PassRate rate = pass_rate(report.results);
    std::string name = fmt::format("{}. {}", place, report.plan->name);
    std::string out = fmt::format(
        "<g class=\"rank\" data-plan=\"{}\">\n<a href=\"#plan-{}\"><text x=\"{}\" y=\"{}\" "
        "font-size=\"12\" text-anchor=\"end\"><title>{}</title>{}</text></a>\n",
        esc(report.plan->file), index + 1, num(kRankLabelWidth - 8), num(y + 15),
        esc(report.plan->name), esc(truncate_columns(name, columns_for(kRankLabelWidth - 12, 12))));
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" fill=\"#eaeef2\"/>\n",
                       num(kRankLabelWidth), num(y + 3), num(kRankTrack));
    out += rank_segments(report.results, rate, lang, y);
    out += fmt::format("<text class=\"rate\" x=\"{}\" y=\"{}\" font-size=\"12\">{}</text>\n</g>\n",
                       num(kRankLabelWidth + kRankTrack + 10), num(y + 15),
                       esc(rate_text(rate, lang)));
    return out;
}

// Best rate first, compared exactly; plans with nothing to count go last; ties keep input order.
bool better(const PassRate& a, const PassRate& b) {
    if (a.counted == 0 || b.counted == 0) return a.counted != 0 && b.counted == 0;
    return int64_t{a.passed} * b.counted > int64_t{b.passed} * a.counted;
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

std::string svg_heatmap(const std::vector<PlanReport>& reports, const StatusMatrix& m, Lang lang) {
    std::vector<size_t> columns = informative_columns(m);
    double width = kRowLabelWidth + kCell * static_cast<double>(columns.size()) + kHeatTail;
    double height = kHeatHead + kCell * static_cast<double>(reports.size()) + 4;
    std::string out = svg_open(width, height, word(lang, "规划 × 指标", "plans × indicators"));
    for (size_t c = 0; c < columns.size(); ++c)
        out += column_label(*m.indicators[columns[c]], lang,
                            kRowLabelWidth + kCell * static_cast<double>(c) + kCell / 2 + 3);
    for (size_t p = 0; p < reports.size(); ++p) {
        double y = kHeatHead + kCell * static_cast<double>(p);
        out += row_label(reports[p], p, y);
        for (size_t c = 0; c < columns.size(); ++c)
            out += heat_cell(reports[p], *m.indicators[columns[c]], m.cells[p][columns[c]], lang,
                             kRowLabelWidth + kCell * static_cast<double>(c), y);
    }
    return out + "</svg>\n";
}

std::string svg_ranking(const std::vector<PlanReport>& reports, Lang lang) {
    std::vector<size_t> order(reports.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::vector<PassRate> rates;
    for (const auto& r : reports) rates.push_back(pass_rate(r.results));
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return better(rates[a], rates[b]); });
    double width = kRankLabelWidth + kRankTrack + 170;
    std::string out = svg_open(width, kRankRow * static_cast<double>(reports.size()) + 4,
                               word(lang, "达标率排名", "pass-rate ranking"));
    for (size_t place = 0; place < order.size(); ++place)
        out += rank_row(reports[order[place]], order[place], place + 1, lang,
                        kRankRow * static_cast<double>(place));
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
