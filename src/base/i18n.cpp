#include "vetcheck/base/i18n.hpp"

#include <cstdlib>

namespace vetcheck {

Lang lang_from_environment() {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (value && *value)
            return std::string_view(value).substr(0, 2) == "zh" ? Lang::Zh : Lang::En;
    }
    return Lang::En;
}

bool parse_lang(std::string_view text, Lang* out) {
    if (text == "zh" || text == "zh_CN" || text == "cn") {
        *out = Lang::Zh;
        return true;
    }
    if (text == "en") {
        *out = Lang::En;
        return true;
    }
    return false;
}

const std::string& LocalizedText::in(Lang lang) const {
    if (lang == Lang::Zh) return zh.empty() ? en : zh;
    return en.empty() ? zh : en;
}

const char* label(Label l, Lang lang) {
    struct Pair {
        const char* zh;
        const char* en;
    };
    static constexpr Pair kLabels[] = {
        {"对照", "against"},
        {"规划", "plan"},
        {"对象", "subject"},
        {"项检查", "checks"},
        {"达标", "pass"},
        {"未达标", "fail"},
        {"缺少数据", "missing data"},
        {"无法计算", "error"},
        {"未到期", "not due"},
        {"不适用", "n/a"},
        {"建议性未达标", "advisory"},
        {"已豁免", "waived"},
        {"需", "needs"},
        {"缺少数据", "missing data"},
        {"退出码", "exit"},
        {"全市/全域", "plan as a whole"},
        {"还需", "more"},
        {"个百分点", "points"},
        {"超出", "over"},
        {"差", "short"},
        {"期限", "due"},
        {"没有适用的指标", "no indicators apply"},
    };
    const Pair& p = kLabels[static_cast<int>(l)];
    return lang == Lang::Zh ? p.zh : p.en;
}

}  // namespace vetcheck
