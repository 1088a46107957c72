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

}  // namespace vetcheck
