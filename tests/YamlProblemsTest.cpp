#include <algorithm>

#include <catch2/catch.hpp>

#include "vetcheck/read/yaml_loader.hpp"

using namespace vetcheck;

namespace {
// The code and the Chinese text of the error a YAML text raises.
std::pair<std::string, std::string> error_of(const std::string& text) {
    try {
        load_yaml(text, "f.yaml");
    } catch (const InputError& e) {
        return {e.code(), e.message(Lang::Zh)};
    }
    return {"", ""};
}
}  // namespace

TEST_CASE("YamlProblems: libyaml's known problems are catalogue codes, in Chinese",
          "[yaml][i18n]") {
    auto [code, zh] = error_of("plan:\n  name: x\n level: city\n");
    CHECK(code == "E-yaml-key-expected");
    CHECK(zh == "YAML格式有误：此处应为一个键（缩进是否对齐？）");

    std::tie(code, zh) = error_of("a: [1, 2\nb: 3\n");
    CHECK(code == "E-yaml-list-unclosed");
    CHECK(zh == "YAML格式有误：列表“[”未闭合（始于第1行第4列）");

    std::tie(code, zh) = error_of("a: {b: 1\nc: 2\n");
    CHECK(code == "E-yaml-mapping-unclosed");
    CHECK(zh.find("映射“{”未闭合（始于第1行第4列）") != std::string::npos);

    std::tie(code, zh) = error_of("a: \"open\nb: 2\n");
    CHECK(code == "E-yaml-quote-unclosed");
    CHECK(zh == "YAML格式有误：引号未闭合（始于第1行第4列）");

    std::tie(code, zh) = error_of("a:\n\tb: 1\n");
    CHECK(code == "E-yaml-bad-character");
    CHECK(zh.find("制表符") != std::string::npos);

    std::tie(code, zh) = error_of("a: b: c\n");
    CHECK(code == "E-yaml-colon-not-allowed");
}

TEST_CASE("YamlProblems: no English reaches a Chinese reader from a known problem",
          "[yaml][i18n]") {
    for (const char* text :
         {"plan:\n  name: x\n level: city\n", "a: [1, 2\nb: 3\n", "a: {b: 1\nc: 2\n",
          "a: \"open\nb: 2\n", "a:\n\tb: 1\n", "a: b: c\n", "a: [b\n- c]\n"}) {
        auto [code, zh] = error_of(text);
        INFO(text << " → " << code << ": " << zh);
        CHECK(code != "E-yaml-invalid");
        CHECK(std::none_of(zh.begin(), zh.end(), [](char c) { return c >= 'a' && c <= 'z'; }));
    }
}
