#include "vetcheck/compile/lint_messages.hpp"

#include <fmt/format.h>

namespace vetcheck::lint_text {

namespace {
// " for 高职" / " (高职)": the institution type a threshold was compared for, or nothing.
std::string for_type_en(std::string_view t) {
    return t.empty() ? "" : fmt::format(" for {}", t);
}
std::string for_type_zh(std::string_view t) {
    return t.empty() ? "" : fmt::format("（{}）", t);
}
}  // namespace

LocalizedText advisory_where_required() {
    return {"上级为约束性（required），此处降为指导性（advisory）",
            "advisory where the parent's is required"};
}

LocalizedText later_deadline(int parent, int child) {
    return {fmt::format("期限由 {} 年推迟到 {} 年", parent, child),
            fmt::format("due {} where the parent's is due {}", child, parent)};
}

LocalizedText type_not_covered(std::string_view type) {
    return {fmt::format("不再覆盖上级覆盖的{}院校", type),
            fmt::format("does not cover {} institutions, which the parent does", type)};
}

LocalizedText level_not_checked(std::string_view level) {
    return {fmt::format("上级在 {} 层级检查，此处不检查", level),
            fmt::format("not checked at {} level, where the parent is", level)};
}

LocalizedText looser_comparison(std::string_view parent, std::string_view child) {
    return {fmt::format("比较方式由 {} 改为 {}", parent, child),
            fmt::format("compares with {} where the parent uses {}", child, parent)};
}

LocalizedText weaker_threshold(std::string_view parent, std::string_view child,
                               std::string_view for_type) {
    return {fmt::format("目标{}由 {} 放宽为 {}", for_type_zh(for_type), parent, child),
            fmt::format("target {}{} is weaker than the parent's {}", child, for_type_en(for_type),
                        parent)};
}

LocalizedText tolerance_widened(std::string_view parent, std::string_view child,
                                std::string_view for_type) {
    return {fmt::format("“左右”的容差{}由 {} 放宽为 {}", for_type_zh(for_type), parent, child),
            fmt::format("tolerance{} widened from {} to {}", for_type_en(for_type), parent, child)};
}

LocalizedText centre_shifted(std::string_view parent, std::string_view child,
                             std::string_view for_type) {
    return {fmt::format("“左右”的中心值{}由 {} 移到 {}，接受上级不接受的值", for_type_zh(for_type),
                        parent, child),
            fmt::format("centre of 左右{} shifted from {} to {}, accepting values the parent "
                        "does not",
                        for_type_en(for_type), parent, child)};
}

LocalizedText about_one_sided() {
    return {"“左右”由双侧区间（band）改为只设下限（at_least），不再有上限",
            "左右 read as at least (no upper bound) where the parent's is a band"};
}

LocalizedText binds_region() {
    return {"上级约束每所院校，此处改为只约束全区域（scope: region）",
            "binds the region as a whole where the parent binds each institution"};
}

LocalizedText condition_added(std::string_view child) {
    return {fmt::format("新增适用条件 when: {}（上级无条件），缩小了适用范围", child),
            fmt::format("condition added: when {} narrows a target the parent applies without "
                        "condition",
                        child)};
}

LocalizedText condition_changed(std::string_view parent, std::string_view child) {
    return {fmt::format("适用条件由 when: {} 改为 when: {}", parent, child),
            fmt::format("condition changed from when {} to when {}", parent, child)};
}

LocalizedText measure_changed(std::string_view parent, std::string_view child) {
    return {fmt::format("测量方式由 {} 改为 {}", parent, child),
            fmt::format("measure changed from {} to {}", parent, child)};
}

LocalizedText under_new_id(std::string_view parent_id, const LocalizedText& what) {
    return {fmt::format("以新编号重述 {}（同一测量）：{}", parent_id, what.zh),
            fmt::format("restates {} (same measure) under a new id: {}", parent_id, what.en)};
}

LocalizedText drops_indicator() {
    return {"删去了上级文件的指标", "drops an indicator of the packs it extends"};
}

LocalizedText conflict(std::string_view side_a, std::string_view side_b, std::string_view note) {
    return {fmt::format("文件冲突：{} ↔ {}：{}", side_a, side_b, note),
            fmt::format("documents conflict: {} ↔ {}: {}", side_a, side_b, note)};
}

LocalizedText explained(std::string_view why) {
    return {fmt::format("已说明：{}", why), fmt::format("explained: {}", why)};
}

LocalizedText summary(std::string_view pack, size_t findings, size_t unexplained,
                      size_t conflicts) {
    return {fmt::format("{}：{} 项发现，{} 项未说明；{} 处文件冲突", pack, findings, unexplained,
                        conflicts),
            fmt::format("{}: {} finding{}, {} unexplained; {} conflict{} between documents", pack,
                        findings, findings == 1 ? "" : "s", unexplained, conflicts,
                        conflicts == 1 ? "" : "s")};
}

}  // namespace vetcheck::lint_text
