#include "vetcheck/base/messages.hpp"

#include <stdexcept>
#include <unordered_map>

#include <fmt/format.h>

namespace vetcheck {

namespace {

// Every user-facing text, once, in both languages. Codes are stable: machine formats carry them
// and scripts match on them, so a code is never reused for another meaning (docs/messages.md).
// L- a word or label of the reports; P- a phrase set into another message; R- why a result is n/a,
// not due, an error or advisory; E- an input error.
// Chinese is written as an official writes it: full-width punctuation (，。；：（）“”), no spaces
// between Chinese words (MessagesTest checks both languages name the same placeholders).
const std::vector<MessageEntry> kCatalogue = {
    // Words of the reports.
    {"L-against", "against", "对照"},
    {"L-plan", "plan", "规划"},
    {"L-subject", "subject", "对象"},
    {"L-checks", "checks", "项检查"},
    {"L-pass", "pass", "达标"},
    {"L-fail", "fail", "未达标"},
    {"L-missing", "missing data", "缺少数据"},
    {"L-error", "error", "无法计算"},
    {"L-not-due", "not due", "未到期"},
    {"L-not-applicable", "n/a", "不适用"},
    {"L-advisory", "advisory", "建议性未达标"},
    {"L-waived", "waived", "已豁免"},
    {"L-needs", "needs", "需"},
    {"L-missing-data", "missing data", "缺少数据"},
    {"L-exit-code", "exit", "退出码"},
    {"L-whole-plan", "plan as a whole", "全市/全域"},
    {"L-more-of", "more", "还需"},
    {"L-points", "points", "个百分点"},
    {"L-over", "over", "超出"},
    {"L-short", "short", "差"},
    {"L-due", "due", "期限"},
    {"L-no-indicators", "no indicators apply", "没有适用的指标"},
    {"L-level-national", "national", "国家级"},
    {"L-level-province", "province", "省级"},
    {"L-level-city", "city", "市级"},
    {"L-level-county", "county", "县级"},
    {"L-level-school", "school", "学校"},
    {"L-advisory-target", "advisory", "建议性目标"},
    {"L-benchmark-against", "benchmark against the {scope}", "对照{scope}"},
    {"L-missing-facts", "missing data: {facts}", "缺少数据：{facts}"},

    // Why a result is n/a, not due, an error or advisory.
    {"R-not-for-type", "not for {type}", "不适用于{type}"},
    {"R-checked-at-level", "checked at {levels} level", "仅在{levels}规划中检查"},
    {"R-no-institutions", "no institutions in the plan", "规划中没有院校"},
    {"R-no-institutions-of-type", "no {types} institutions in the plan", "规划中没有{types}院校"},
    {"R-condition-not-met", "condition not met: {condition}", "条件不满足：{condition}"},
    {"R-condition-not-reported", "condition not reported: {facts}",
     "未填报判断条件所需的数据：{facts}"},
    {"R-due", "due {year}", "{year}年到期"},
    {"R-gradual-advisory",
     "{word} with no date in the source: advisory, checked at the pack's end year {year}",
     "原文为“{word}”且未定期限：作为建议性目标，按规划期末{year}年检查"},
    {"R-waiver", "{reason}", "{reason}"},
    {"R-division-by-zero", "division by zero: {expression} is 0", "除数为零：{expression}为0"},
    {"R-division-by-zero-plain", "division by zero", "除数为零"},
    {"R-not-summable", "{key} is not a number to add up", "{key}不是可以加总的数值"},
    {"R-too-large-to-compute", "number too large to compute exactly", "数值过大，无法精确计算"},
    {"R-too-large-to-hold", "number too large to hold exactly", "数值过大，无法精确保存"},
    {"R-too-many-units", "more than {count} different units in one run",
     "一次运行中的不同单位超过{count}种"},
    {"R-unknown-expression", "unknown expression", "无法识别的表达式"},
    {"R-not-arithmetic", "not arithmetic", "不是算术表达式"},
    {"R-no-lower-plan-reports", "no lower plan reports {key}", "没有下级规划填报{key}"},

    // Phrases set into other messages.
    {"P-nothing", "nothing", "空值"},
    {"P-a-mapping", "a mapping", "键值映射"},
    {"P-a-list", "a list", "列表"},
    {"P-quoted", "\"{text}\"", "“{text}”"},
    {"P-a-string", "a string", "文字"},
    {"P-a-non-empty-string", "a non-empty string", "非空文字"},
    {"P-a-whole-number", "a whole number", "整数"},
    {"P-one-of", "one of {items}", "以下之一：{items}"},
    {"P-did-you-mean", ", did you mean '{name}'?", "，是否应为“{name}”？"},
    {"P-the-document", "document", "文件"},
};

const std::unordered_map<std::string_view, const MessageEntry*>& index() {
    static const auto kIndex = [] {
        std::unordered_map<std::string_view, const MessageEntry*> map;
        for (const auto& e : kCatalogue) map.emplace(e.code, &e);
        return map;
    }();
    return kIndex;
}

const MessageEntry& find_entry(std::string_view code) {
    auto it = index().find(code);
    if (it == index().end())
        throw std::logic_error(fmt::format("no message '{}' in the catalogue", code));
    return *it->second;
}

void append_value(std::string& out, const MessageArg::Value& value, Lang lang) {
    const char* separator = lang == Lang::Zh ? "、" : ", ";
    if (const auto* text = std::get_if<std::string>(&value)) {
        out += *text;
    } else if (const auto* items = std::get_if<std::vector<std::string>>(&value)) {
        for (size_t i = 0; i < items->size(); ++i) {
            if (i) out += separator;
            out += (*items)[i];
        }
    } else if (const auto* phrases = std::get_if<std::vector<Message>>(&value)) {
        for (size_t i = 0; i < phrases->size(); ++i) {
            if (i) out += separator;
            out += render((*phrases)[i], lang);
        }
    } else if (const auto& phrase = std::get<std::shared_ptr<const Message>>(value)) {
        out += render(*phrase, lang);
    }
}

}  // namespace

MessageArg::MessageArg(std::string_view placeholder, long long number)
    : name(placeholder), value(fmt::format("{}", number)) {}

MessageArg::MessageArg(std::string_view placeholder, Message phrase)
    : name(placeholder), value(std::make_shared<const Message>(std::move(phrase))) {}

Message::Message(std::string_view code, std::initializer_list<MessageArg> args)
    : entry_(&find_entry(code)), args_(args) {}

Message::Message(std::string_view code, std::vector<MessageArg> args)
    : entry_(&find_entry(code)), args_(std::move(args)) {}

std::string_view Message::arg_text(std::string_view name) const {
    for (const auto& a : args_)
        if (a.name == name)
            if (const auto* text = std::get_if<std::string>(&a.value)) return *text;
    return {};
}

std::string render(const Message& message, Lang lang) {
    if (message.empty()) return {};
    std::string_view text = lang == Lang::Zh ? message.entry()->zh : message.entry()->en;
    std::string out;
    out.reserve(text.size() + 16);
    size_t pos = 0;
    while (pos < text.size()) {
        size_t open = text.find('{', pos);
        if (open == std::string_view::npos) break;
        size_t close = text.find('}', open);
        if (close == std::string_view::npos) break;
        out.append(text, pos, open - pos);
        std::string_view name = text.substr(open + 1, close - open - 1);
        for (const auto& a : message.args())
            if (a.name == name) {
                append_value(out, a.value, lang);
                break;
            }
        pos = close + 1;
    }
    out.append(text, pos);
    return out;
}

const char* phrase(std::string_view code, Lang lang) {
    const MessageEntry& e = find_entry(code);
    return lang == Lang::Zh ? e.zh : e.en;
}

const std::vector<MessageEntry>& message_catalogue() {
    return kCatalogue;
}

std::vector<std::string> placeholders(const char* text) {
    std::vector<std::string> names;
    std::string_view t(text);
    for (size_t open = t.find('{'); open != std::string_view::npos; open = t.find('{', open + 1)) {
        size_t close = t.find('}', open);
        if (close == std::string_view::npos) break;
        names.emplace_back(t.substr(open + 1, close - open - 1));
    }
    return names;
}

// The labels are entries of the message catalogue; this names them by the enum the reporters use.
const char* label(Label l, Lang lang) {
    static constexpr const char* kCodes[] = {
        "L-against", "L-plan",         "L-subject",   "L-checks",         "L-pass",     "L-fail",
        "L-missing", "L-error",        "L-not-due",   "L-not-applicable", "L-advisory", "L-waived",
        "L-needs",   "L-missing-data", "L-exit-code", "L-whole-plan",     "L-more-of",  "L-points",
        "L-over",    "L-short",        "L-due",       "L-no-indicators",
    };
    return phrase(kCodes[static_cast<int>(l)], lang);
}

}  // namespace vetcheck
