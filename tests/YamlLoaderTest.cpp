#include <catch2/catch.hpp>

#include "vetcheck/read/yaml_loader.hpp"

using namespace vetcheck;

namespace {
std::string load_error(const std::string& text, YamlLimits limits = {}) {
    try {
        load_yaml(text, "f.yaml", limits);
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}
}  // namespace

TEST_CASE("YamlLoader: every node keeps file, line and column", "[yaml]") {
    Node root =
        load_yaml("plan:\n  name: 测试\nfacts:\n  teachers:\n    double_qualified: 30\n", "p.yaml");
    REQUIRE(root.is_map());
    const Node* facts = root.find("facts");
    REQUIRE(facts);
    const Node& value = *facts->find("teachers")->find("double_qualified");
    CHECK(value.text() == "30");
    CHECK(value.where().to_string() == "p.yaml:5:23");
    CHECK(root.find("plan")->find("name")->where().to_string() == "p.yaml:2:9");
}

TEST_CASE("YamlLoader: columns count characters, not bytes", "[yaml]") {
    Node root = load_yaml("名称: 八十\n", "p.yaml");
    CHECK(root.find("名称")->where().column == 5);
}

TEST_CASE("YamlLoader: scalars are text, quoting is remembered", "[yaml]") {
    Node root = load_yaml("a: 1:350\nb: '57%'\nc: ~\nd:\n", "p.yaml");
    CHECK(root.find("a")->text() == "1:350");
    CHECK_FALSE(root.find("a")->quoted());
    CHECK(root.find("b")->quoted());
    CHECK(root.find("c")->is_null());
    CHECK(root.find("d")->is_null());
}

TEST_CASE("YamlLoader: empty documents are null", "[yaml]") {
    CHECK(load_yaml("", "e.yaml").is_null());
    CHECK(load_yaml("# only a comment\n", "e.yaml").is_null());
}

TEST_CASE("YamlLoader: malformed YAML names the place", "[yaml]") {
    CHECK(load_error("a: [1, 2\nb: 3\n").rfind("f.yaml:", 0) == 0);
    CHECK(load_error("a: [1, 2\nb: 3\n").find("invalid YAML") != std::string::npos);
    CHECK(load_error("a:\n\tb: 1\n").find("f.yaml:2:1: invalid YAML") == 0);
    CHECK(load_error("a: 1\n a: 2\n").find("f.yaml:") == 0);
}

TEST_CASE("YamlLoader: duplicate keys are an error", "[yaml]") {
    CHECK(load_error("a: 1\nb: 2\na: 3\n") == "f.yaml:3:1: duplicate key 'a' (first at line 1)");
}

TEST_CASE("YamlLoader: a second document is an error", "[yaml]") {
    CHECK(load_error("a: 1\n---\nb: 2\n").find("expected one YAML document") != std::string::npos);
}

TEST_CASE("YamlLoader: not UTF-8 is an error, a byte-order mark is fine", "[yaml]") {
    CHECK(load_error("a: \xFF\xFE\n").find("not valid UTF-8") != std::string::npos);
    CHECK(load_yaml("\xEF\xBB\xBF"
                    "a: 1\n",
                    "b.yaml")
              .find("a")
              ->text() == "1");
}

TEST_CASE("YamlLoader: nesting and alias expansion are limited", "[yaml][limits]") {
    std::string deep(300, '[');
    CHECK(load_error(deep).find("nesting deeper than 200 levels") != std::string::npos);
    std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; ++c, ++prev)
        bomb += std::string(1, c) + ": &" + c + " [*" + prev + ", *" + prev + ", *" + prev + ", *" +
                prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev +
                ", *" + prev + "]\n";
    CHECK(load_error(bomb).find("expands to more than") != std::string::npos);
    Node shared = load_yaml("a: &x {k: 1}\nb: *x\n", "s.yaml");
    CHECK(shared.find("b")->find("k")->text() == "1");
    CHECK(load_error("a: *nowhere\n").find("f.yaml:1:4") == 0);
}
