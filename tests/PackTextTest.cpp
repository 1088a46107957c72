#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <sstream>

#include "vetcheck/compile/catalog.hpp"
#include "vetcheck/report/pack_text.hpp"

using namespace vetcheck;
using namespace vetcheck::report;

// `vetcheck packs`, `packs show` and `explain` under --lang zh: every English word left is an
// identifier (a fact key, an indicator id, a pack id), a formula's word or a key as a pack writes
// it.

namespace {
std::vector<std::string> english_words(const std::string& text) {
    // Identifiers (with _ . - or digits), formulas (if/sum/count/and/or …), `key: value` forms.
    static const std::regex identifier(R"([A-Za-z][A-Za-z0-9]*[_.\-0-9][A-Za-z0-9_.\-]*)");
    static const std::regex formula(R"(^      .*(>=|<=|==|>|<|about|\(|\)).*$)");
    static const std::regex key_form(R"([a-z_]+: [a-z]+)");
    static const std::regex word(R"([A-Za-z]+)");
    const std::set<std::string> names = {"XX",       "plan", "institution", "national",
                                         "province", "city", "county",      "school"};
    std::vector<std::string> found;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (std::regex_match(line, formula)) continue;
        std::string prose = std::regex_replace(line, identifier, " ");
        prose = std::regex_replace(prose, key_form, " ");
        for (auto it = std::sregex_iterator(prose.begin(), prose.end(), word);
             it != std::sregex_iterator(); ++it)
            if (!names.count(it->str())) found.push_back(it->str() + " in: " + line);
    }
    return found;
}
}  // namespace

TEST_CASE("PackText: packs, packs show and explain in Chinese", "[i18n][packs]") {
    Catalog catalog;
    std::ostringstream list, show, explain;
    write_pack_list(catalog, Lang::Zh, list);
    write_pack(catalog, "cn-2020-7", Lang::Zh, show);
    write_explanation(catalog, "ideological_teacher_ratio", Lang::Zh, explain);
    for (const std::string& text : {list.str(), show.str(), explain.str()}) {
        auto words = english_words(text);
        INFO((words.empty() ? "" : words.front()));
        CHECK(words.empty());
    }
    CHECK(list.str().find("项指标") != std::string::npos);
    CHECK(show.str().find("发文机关：") != std::string::npos);
    CHECK(explain.str().find("依据：") != std::string::npos);
}
