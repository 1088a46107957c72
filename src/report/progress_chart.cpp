#include "vetcheck/report/progress_chart.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "vetcheck/base/messages.hpp"
#include "vetcheck/engine/progress.hpp"
#include "vetcheck/report/format.hpp"
#include "vetcheck/report/markup.hpp"
#include "vetcheck/report/progress_text.hpp"
#include "vetcheck/report/svg_charts.hpp"

namespace vetcheck::report {

namespace {

constexpr double kWidth = 600;
constexpr double kHeight = 250;
constexpr double kLeft = 80;             // room for the values of the baseline and the target
constexpr double kRight = kWidth - 112;  // room for the target and the projection's values
constexpr double kTop = 24;              // room for the mark of the year checked
constexpr double kBottom = 186;
constexpr double kLegendY = 236;
constexpr const char* kInk = "#1f2328";
constexpr const char* kMuted = "#57606a";

std::string esc(std::string_view text) {
    return escape_markup(text);
}

std::string num(double v) {
    return svg_number(v);
}

// The chart is drawn in the measure the progress is computed in, whatever its notation: a share
// as its fraction, a count as itself, and a ratio as the value it holds — teachers per student
// for 1:350, i.e. 1/350 — not as the N of 1:N. Task done and time elapsed are linear in that
// value, so only on its scale is the on-track line straight and a figure on the line exactly
// level with the pace; a 1:N axis would bend the line and turn "more teachers" downward. The
// labels still read 1:N.
struct Scale {
    int first_year, last_year;
    double low, high;

    Scale(const Progress& p) : first_year(p.base_year), last_year(std::max(p.deadline, p.year)) {
        std::vector<double> values{p.target.to_double()};
        for (const YearValue& f : p.figures) values.push_back(f.value.to_double());
        if (p.projected_at_deadline) values.push_back(p.projected_at_deadline->to_double());
        if (p.projected_at_year) values.push_back(p.projected_at_year->to_double());
        auto [lo, hi] = std::minmax_element(values.begin(), values.end());
        double span = *hi - *lo;
        if (span <= 0) span = std::abs(*hi) > 0 ? std::abs(*hi) : 1;
        // A tenth of the span each side, so no point sits on the frame.
        low = *lo - span / 10;
        high = *hi + span / 10;
    }
    double x(int year) const {
        return kLeft + (kRight - kLeft) * (year - first_year) / (last_year - first_year);
    }
    double y(const Rational& v) const {
        return kBottom - (kBottom - kTop) * (v.to_double() - low) / (high - low);
    }
};

std::string description(const Result& r, const Progress& p, Lang lang) {
    std::vector<Message> figures;
    for (const YearValue& f : p.figures)
        figures.push_back(
            Message("P-chart-figure", {{"value", measure_text(r, f.value)}, {"year", f.year}}));
    std::string indicator = r.indicator().name.in(lang);
    if (!r.on_whole_plan()) indicator += " · " + subject_text(r, lang);
    return render(Message("P-chart-description", {{"indicator", indicator},
                                                  {"figures", std::move(figures)},
                                                  {"target", target_text(r, lang)},
                                                  {"deadline", p.deadline},
                                                  {"status", status_text(r.status, lang)},
                                                  {"progress", progress_text(r, lang)}}),
                  lang);
}

// The frame: the x axis with its years (every year while they fit, the year checked in bold and
// marked with a dotted line), and the levels of the baseline and the target with their values.
std::string axes(const Result& r, const Progress& p, const Scale& s, Lang lang) {
    std::string out = fmt::format(
        "<line class=\"axis\" x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\" stroke=\"{3}\"/>\n",
        num(kLeft), num(kRight), num(kBottom), kMuted);
    int span = s.last_year - s.first_year;
    int step = std::max(1, (span + 9) / 10);
    for (int year = s.first_year; year <= s.last_year; ++year) {
        bool checked = year == p.year;
        if (!checked && year != s.last_year && (year - s.first_year) % step != 0) continue;
        out += fmt::format(
            "<text class=\"year\" x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"middle\"{}>{}"
            "</text>\n",
            num(s.x(year)), num(kBottom + 16), checked ? " font-weight=\"bold\"" : "", year);
    }
    out += fmt::format(
        "<line class=\"checked\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"{3}\" "
        "stroke-dasharray=\"2 3\"/>\n"
        "<text x=\"{0}\" y=\"{4}\" font-size=\"11\" text-anchor=\"middle\" "
        "fill=\"{3}\">{5}</text>\n",
        num(s.x(p.year)), num(kTop - 4), num(kBottom), kMuted, num(kTop - 8),
        esc(phrase("P-chart-checked", lang)));
    for (const Rational* level : {&p.baseline(), &p.target}) {
        double y = s.y(*level);
        out += fmt::format(
            "<line class=\"level\" x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\" "
            "stroke=\"#d0d7de\"/>\n"
            "<text class=\"level\" x=\"{3}\" y=\"{4}\" font-size=\"12\" text-anchor=\"end\" "
            "fill=\"{5}\">{6}</text>\n",
            num(kLeft), num(kRight), num(y), num(kLeft - 6), num(y + 4), kMuted,
            esc(measure_text(r, *level)));
    }
    return out;
}

// A diamond, as a path's data: the target's mark, told apart from the figures' circles by its
// shape.
std::string diamond(double x, double y, double size) {
    return fmt::format("M{} {}L{} {}L{} {}L{} {}Z", num(x), num(y - size), num(x + size), num(y),
                       num(x), num(y + size), num(x - size), num(y));
}

// Where the labels at the deadline go, right of the marks: the target's and the projected value's,
// pushed apart when they would overlap (the one higher on the chart moves up).
struct DeadlineLabels {
    double target_y, projected_y;
    DeadlineLabels(double target, double projected)
        : target_y(target + 4), projected_y(projected + 4) {
        constexpr double kLine = 14;
        double gap = std::abs(target_y - projected_y);
        if (gap >= kLine) return;
        double shift = (kLine - gap) / 2;
        bool target_above = target_y <= projected_y;
        target_y += target_above ? -shift : shift;
        projected_y += target_above ? shift : -shift;
    }
};

std::string plot(const Result& r, const Progress& p, const Scale& s, const StatusStyle& st,
                 Lang lang) {
    double deadline_x = s.x(p.deadline), target_y = s.y(p.target);
    bool projected = p.projected_at_deadline && p.projected_at_year;
    DeadlineLabels labels(target_y, projected ? s.y(*p.projected_at_deadline) : target_y + 100);
    std::string out = fmt::format(
        "<line class=\"pace\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" "
        "stroke-width=\"2\"/>\n",
        num(s.x(p.base_year)), num(s.y(p.baseline())), num(deadline_x), num(target_y), kMuted);
    if (projected)
        out += fmt::format(
            "<line class=\"projection\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" "
            "stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n"
            "<text class=\"projected\" x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"{}\">{}</text>\n",
            num(s.x(p.year)), num(s.y(*p.projected_at_year)), num(deadline_x),
            num(s.y(*p.projected_at_deadline)), st.ink, num(deadline_x + 10),
            num(labels.projected_y), st.ink, esc(measure_text(r, *p.projected_at_deadline)));
    std::string points;
    for (const YearValue& f : p.figures)
        points +=
            fmt::format("{}{},{}", points.empty() ? "" : " ", num(s.x(f.year)), num(s.y(f.value)));
    out += fmt::format(
        "<polyline class=\"figures\" points=\"{}\" fill=\"none\" stroke=\"{}\" "
        "stroke-width=\"2\"/>\n",
        points, st.ink);
    for (const YearValue& f : p.figures) {
        out += fmt::format("<circle class=\"figure\" cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"{}\"/>\n",
                           num(s.x(f.year)), num(s.y(f.value)), st.ink);
        // The baseline's value is on the axis already, level with its point.
        if (f.year == p.base_year) continue;
        out += fmt::format(
            "<text class=\"figure\" x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"middle\" "
            "fill=\"{}\">{}</text>\n",
            num(s.x(f.year)), num(s.y(f.value) - 8), st.ink, esc(measure_text(r, f.value)));
    }
    return out + fmt::format(
                     "<path class=\"target\" d=\"{}\" fill=\"{}\"/>\n<text class=\"target\" "
                     "x=\"{}\" y=\"{}\" font-size=\"12\" font-weight=\"bold\">{}</text>\n",
                     diamond(deadline_x, target_y, 6), kInk, num(deadline_x + 10),
                     num(labels.target_y), esc(target_text(r, lang)));
}

// What each mark means, by shape and dash as well as by colour.
std::string legend(const StatusStyle& st, Lang lang) {
    double y = kLegendY;
    return fmt::format(
               "<g class=\"legend\" font-size=\"12\" fill=\"{0}\">\n"
               "<circle cx=\"{1}\" cy=\"{2}\" r=\"4\" fill=\"{3}\"/><text x=\"{4}\" "
               "y=\"{5}\">{6}</text>\n"
               "<line x1=\"{7}\" x2=\"{8}\" y1=\"{2}\" y2=\"{2}\" stroke=\"{0}\" "
               "stroke-width=\"2\"/><text x=\"{9}\" y=\"{5}\">{10}</text>\n"
               "<line x1=\"{11}\" x2=\"{12}\" y1=\"{2}\" y2=\"{2}\" stroke=\"{3}\" "
               "stroke-width=\"2\" stroke-dasharray=\"6 4\"/><text x=\"{13}\" y=\"{5}\">{14}"
               "</text>\n",
               kMuted, num(kLeft), num(y - 4), st.ink, num(kLeft + 8), num(y),
               esc(phrase("P-chart-figures", lang)), num(kLeft + 120), num(kLeft + 144),
               num(kLeft + 150), esc(phrase("P-chart-pace", lang)), num(kLeft + 250),
               num(kLeft + 274), num(kLeft + 280), esc(phrase("P-chart-projection", lang))) +
           fmt::format("<path d=\"{}\" fill=\"{}\"/><text x=\"{}\" y=\"{}\">{}</text>\n</g>\n",
                       diamond(kLeft + 430, y - 4, 5), kInk, num(kLeft + 440), num(y),
                       esc(phrase("P-chart-target", lang)));
}

}  // namespace

std::string svg_progress_chart(const Result& r, Lang lang) {
    if (!r.progress) return "";
    const Progress& p = *r.progress;
    Scale scale(p);
    StatusStyle st = status_style(r.status);
    std::string label = description(r, p, lang);
    std::string out = fmt::format(
        "<svg class=\"progress-chart\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
        "role=\"img\" aria-label=\"{2}\" data-indicator=\"{3}\" data-status=\"{4}\">\n"
        "<title>{2}</title>\n",
        num(kWidth), num(kHeight), esc(label), esc(r.indicator().id), status_name(r.status));
    out += axes(r, p, scale, lang);
    out += plot(r, p, scale, st, lang);
    out += legend(st, lang);
    return out + "</svg>\n";
}

}  // namespace vetcheck::report
