// Accounting for a source document: sentences, directive words, what cites each directive, and
// quotes verified against the text; the not_encoded: section of a pack as the loader reads it.
#include <catch2/catch.hpp>

#include "test_support.hpp"
#include "vetcheck/compile/coverage.hpp"
#include "vetcheck/pack/pack_loader.hpp"

using namespace vetcheck;

namespace {

DirectiveWords words() {
    return load_directive_words(
        "firm: [要, 建立, 完善…机制]\nsoft: [鼓励, 可]\nnot_verbs: [重要, 可持续]\n"
        "heading_max_chars: 12\n",
        "w.yaml");
}

const char* const kSource =
    "一、总体要求\n"
    "职业教育是重要的教育类型。建立省校两级培训体系；鼓励企业举办职业学校。\n"
    "完善 质量评价机制，推动可持续发展。\n"
    "12\t遴选 1000 个左右典型案例\t教育部\n"
    "<b>建立</b>\t\t\n";

const std::string kPack = R"(pack:
  id: p
  title: T
  period: {from: 2020, to: 2023}
  level: province
  source_file: doc.txt
facts:
  - {key: x, zh: X, en: X, type: boolean, subjects: [plan]}
indicators:
  - id: training_system
    name: {zh: 培训体系, en: Training system}
    subject: plan
    require: x
    word: 建立
    deadline: 2023
    source: {file: doc.txt, section: 一, quote: 建立省校两级培训体系}
)";

std::string load_error(const std::string& text) {
    try {
        Catalog c;
        c.add_text(text, "p.yaml");
        c.compile({"p"}, SourceLocation{"test"});
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("Coverage: sentences end at 。；！？ and at line ends, short lines are headings",
          "[coverage]") {
    SourceText src = split_sentences(kSource, words());
    REQUIRE(src.sentences.size() == 7);
    CHECK(src.sentences[6].heading);  // a table's group heading: only empty cells after it
    CHECK(src.sentences[0].heading);
    CHECK(src.sentences[0].kind == DirectiveKind::None);
    CHECK(src.sentences[1].text == "职业教育是重要的教育类型。");
    CHECK(src.sentences[1].kind == DirectiveKind::None);  // 重要 is not 要
    CHECK(src.sentences[2].text == "建立省校两级培训体系；");
    CHECK(src.sentences[2].kind == DirectiveKind::Firm);
    CHECK(src.sentences[2].line == 2);
    CHECK(src.sentences[3].kind == DirectiveKind::Soft);
    CHECK(src.sentences[4].text == "完善质量评价机制，推动可持续发展。");  // whitespace removed
    CHECK(src.sentences[4].kind == DirectiveKind::Firm);                   // 完善…机制
    CHECK(src.sentences[4].word == "完善…机制");
    CHECK_FALSE(src.sentences[5].heading);  // a table row: a tab, no sentence end
    CHECK(src.sentences[5].kind == DirectiveKind::None);
    CHECK(
        src.compact.substr(src.sentences[2].begin, src.sentences[2].end - src.sentences[2].begin) ==
        src.sentences[2].text);
}

TEST_CASE("Coverage: the shipped directive words load", "[coverage]") {
    const DirectiveWords& w = default_directive_words();
    CHECK(std::find(w.firm.begin(), w.firm.end(), "不得") != w.firm.end());
    CHECK(std::find(w.soft.begin(), w.soft.end(), "探索") != w.soft.end());
    CHECK(w.heading_max_chars > 0);
}

TEST_CASE("Coverage: each directive is cited by an indicator or accounted for in not_encoded",
          "[coverage]") {
    Catalog c;
    c.add_text(kPack, "p.yaml");
    {
        Coverage cov = account_for(c.get("p", SourceLocation{"test"}), kSource, "doc.txt", words());
        REQUIRE(cov.directives.size() == 3);
        CHECK(cov.directives[0].indicators == std::vector<std::string>{"training_system"});
        CHECK_FALSE(cov.directives[1].accounted());
        CHECK(cov.accounted == 1);
        CHECK(cov.firm == 2);
        CHECK(cov.soft == 1);
        CHECK_FALSE(cov.complete());
    }
    // A quote spanning two sentences accounts for both; whitespace in the quote does not matter.
    Catalog full;
    full.add_text(kPack + R"(not_encoded:
  - {quote: "鼓励企业举办职业学校。完善质量 评价机制", section: 一, reason: not-checkable-from-a-plan}
)",
                  "p.yaml");
    Coverage cov = account_for(full.get("p", SourceLocation{"test"}), kSource, "doc.txt", words());
    CHECK(cov.complete());
    REQUIRE(cov.directives[2].not_encoded.size() == 1);
    CHECK(cov.directives[2].not_encoded[0]->reason == NotEncodedReason::NotCheckable);
    // Indicators citing another document do not count.
    Coverage other =
        account_for(full.get("p", SourceLocation{"test"}), kSource, "other.txt", words());
    CHECK(other.directives[0].indicators.size() == 1);  // still the pack's source_file
}

TEST_CASE("Coverage: verify names every quote not verbatim in the source", "[coverage]") {
    Catalog c;
    c.add_text(kPack + R"(not_encoded:
  - {quote: 职业教育是 重要的教育类型, section: 一, reason: background}
  - {quote: 鼓励企业兴办职业学校, section: 一, reason: entitlement}
)",
               "p.yaml");
    Verification v = verify_quotes(c.get("p", SourceLocation{"test"}), kSource, "doc.txt");
    CHECK(v.checked == 3);
    REQUIRE(v.missing.size() == 1);
    CHECK(v.missing[0].quote == "鼓励企业兴办职业学校");
    CHECK(v.missing[0].where.to_string() == "p.yaml:19:5");
}

TEST_CASE("Coverage: verify checks the quotes of conflicts from the document verified",
          "[coverage][conflicts]") {
    Catalog c;
    c.add_text(kPack + R"(conflicts:
  - between:
      - {pack: p, file: doc.txt, quote: 鼓励企业举办职业学校}
      - {pack: p, file: other.txt, quote: 不在本文中}
    note: n
  - between:
      - {pack: p, file: doc.txt, quote: 取消培训体系}
      - {pack: p, file: other.txt, quote: 也不在}
    note: n
)",
               "p.yaml");
    // The sides citing other.txt are checked when other.txt is the source, not here.
    Verification v = verify_quotes(c.get("p", SourceLocation{"test"}), kSource, "doc.txt");
    CHECK(v.checked == 3);
    REQUIRE(v.missing.size() == 1);
    CHECK(v.missing[0].owner == "conflicts");
    CHECK(v.missing[0].quote == "取消培训体系");
    CHECK(v.missing[0].where.to_string() == "p.yaml:23:9");
}

TEST_CASE("Coverage: not_encoded reasons are one of a fixed list, checked with their location",
          "[coverage][pack]") {
    CHECK(load_error(kPack + "not_encoded:\n  - {quote: 建立, section: 一, reason: later}\n") ==
          "p.yaml:18:37: not_encoded[].reason: expected one of background, entitlement, "
          "not-checkable-from-a-plan, duplicate-of: ID, stated-by-higher-pack: ID, got \"later\"");
    CHECK(load_error(kPack + "not_encoded:\n  - {quote: 建立, section: 一, reason: duplicate-of}\n")
              .rfind("p.yaml:18:37: not_encoded[].reason: expected one of background", 0) == 0);
    CHECK(load_error(kPack + "not_encoded:\n  - {quote: 建立, section: 一, reason: 'duplicate-of: "
                             "training_sytem'}\n") ==
          "p.yaml:18:37: not_encoded[].reason: expected an indicator of pack 'p' after "
          "duplicate-of, got 'training_sytem', did you mean 'training_system'?");
    CHECK(load_error(kPack +
                     "not_encoded:\n  - {quote: 建立, section: 一, reason: 'stated-by-higher-pack: "
                     "cn-2020-7'}\n") ==
          "p.yaml:18:37: not_encoded[].reason: expected a pack that 'p' extends after "
          "stated-by-higher-pack, got 'cn-2020-7'");
    CHECK(load_error(kPack + "not_encoded:\n  - {quote: 建立, reason: background}\n") ==
          "p.yaml:18:5: not_encoded[]: missing required field 'section'");
    CHECK(load_error(kPack + "not_encoded:\n  - {quote: 建立, section: 一, reason: background, "
                             "why: x}\n") == "p.yaml:18:49: not_encoded[]: unknown field 'why'");
    CHECK(load_error(kPack + "not_encoded:\n  - {quote: 建立, section: 一, reason: 'duplicate-of: "
                             "training_system'}\n") == "");
}

TEST_CASE("Coverage: stated-by-higher-pack accepts a pack extended through another",
          "[coverage][pack]") {
    std::string child = kPack;
    child.replace(child.find("  level: province\n"), 18,
                  "  level: province\n  extends: [zj-2021]\n");
    CHECK(load_error(child +
                     "not_encoded:\n  - {quote: 建立, section: 一, reason: 'stated-by-higher-pack: "
                     "cn-2020-7'}\n") == "");
}
