#include "vetcheck/engine/progress.hpp"

namespace vetcheck {

namespace {

// The least-squares line through the figures (with two, the line through both), as its value at
// the mean year and its slope per year; years are counted from the first so the sums stay small.
struct Line {
    Rational mean_year;
    Rational mean_value;
    Rational slope;

    Rational at(int year, int origin) const {
        return mean_value + slope * (Rational(year - origin) - mean_year);
    }
};

std::optional<Line> fit(const std::vector<YearValue>& figures) {
    int origin = figures.front().year;
    Rational n(static_cast<int64_t>(figures.size()));
    Rational sum_x, sum_y;
    for (const YearValue& f : figures) {
        sum_x = sum_x + Rational(f.year - origin);
        sum_y = sum_y + f.value;
    }
    Line line{sum_x / n, sum_y / n, Rational()};
    Rational sxy, sxx;
    for (const YearValue& f : figures) {
        Rational dx = Rational(f.year - origin) - line.mean_year;
        sxy = sxy + dx * (f.value - line.mean_value);
        sxx = sxx + dx * dx;
    }
    if (sxx.is_zero()) return std::nullopt;
    line.slope = sxy / sxx;
    return line;
}

}  // namespace

std::optional<Progress> measure_progress(std::vector<YearValue> figures, int deadline,
                                         const Rational& target, Direction direction) {
    if (figures.size() < 2) return std::nullopt;
    Progress p;
    p.figures = std::move(figures);
    p.base_year = p.figures.front().year;
    p.year = p.figures.back().year;
    p.deadline = deadline;
    p.target = target;
    if (deadline <= p.base_year || p.year <= p.base_year) return std::nullopt;
    Rational task = target - p.baseline();
    int way = direction == Direction::Up ? 1 : direction == Direction::Down ? -1 : task.sign();
    // A baseline at or past the target leaves no task to divide by: nothing to measure.
    if (task.sign() * way <= 0) return std::nullopt;
    p.time_elapsed = Rational(p.year - p.base_year, deadline - p.base_year);
    p.task_done = (p.value() - p.baseline()) / task;
    p.level = p.baseline() + p.time_elapsed * task;
    if (std::optional<Line> line = fit(p.figures)) {
        int origin = p.base_year;
        p.projected_at_deadline = line->at(deadline, origin);
        p.projected_at_year = line->at(p.year, origin);
        // Toward the target at this pace: the first whole year whose value on the line reaches it.
        if (line->slope.sign() == way) {
            Rational when =
                Rational(origin) + line->mean_year + (target - line->mean_value) / line->slope;
            int year = static_cast<int>(when.ceil().numerator());
            p.reached_in = std::max(year, p.year + 1);
        }
    }
    return p;
}

}  // namespace vetcheck
