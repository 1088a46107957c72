#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vetcheck/expression/ast.hpp"
#include "vetcheck/expression/checker.hpp"
#include "vetcheck/fact.hpp"
#include "vetcheck/not_encoded.hpp"

namespace vetcheck {

enum class Comparison { AtLeast, MoreThan, AtMost, LessThan, Equal, About };
enum class Severity { Required, Advisory };

bool parse_comparison(std::string_view text, Comparison* out);
const char* comparison_symbol(
    Comparison c);  // as written in packs: ">=", ">", "<=", "<", "==", "about"
const char* comparison_sign(Comparison c);  // as shown to people: "≥", ">", "≤", "<", "=", "≈"

// Where an indicator comes from: the seed file, the section and a verbatim quote.
struct Citation {
    std::string file;
    std::string section;
    std::string quote;
    // The document as people know it: its number (教职成〔2020〕7号), or 《its title》 when it has
    // none; from the pack's header.
    std::string document;

    // "教职成〔2020〕7号 二、(一) 3. …": what reports show; machine formats keep `file` as well.
    std::string reference() const;
};

// An expression as written in a pack, parsed, with where its text starts.
struct SourceExpr {
    std::string text;
    expr::ExprPtr tree;
    SourceLocation where;
    int column_shift = 0;  // 1 for a quoted scalar: the text starts after the quote

    SourceLocation at(int offset) const;
};

struct Indicator {
    std::string id;
    LocalizedText name;
    expr::Scope subject = expr::Scope::Plan;
    std::vector<std::string> types;   // institution types covered; empty = all
    std::vector<std::string> levels;  // plan levels checked; empty = all
    std::string levels_reason;        // "checked at national level": made once, given to every n/a
    std::string absent_reason;        // "no 高职 institutions in the plan": likewise
    std::optional<SourceExpr> when;
    std::optional<SourceExpr> measure;
    Comparison comparison = Comparison::AtLeast;
    std::optional<SourceExpr> target;
    // For About: a percentage is relative to the target (10% of 1000 is 100), a plain number is
    // absolute in the target's unit (5个左右 with tolerance 1 accepts 4 to 6).
    std::optional<Quantity> tolerance;
    Rational tolerance_for(const Rational& target_value) const;
    std::string tolerance_text() const;  // "±10%", "±1"
    std::optional<SourceExpr> require;
    std::string lever;    // fact key whose change closes the gap
    std::string word;     // the comparison word of the source
    std::string relaxes;  // why this version is weaker than a parent's, when it is (read by lint)
    bool rollup = false;  // a total the plans one level down add up to (`vetcheck rollup`)
    int deadline = 0;
    Severity severity = Severity::Required;
    Citation source;
    std::string pack_id;
    SourceLocation where;

    // Filled when the pack is compiled against its merged vocabulary.
    Notation notation = Notation::Plain;  // how actual and target values are shown
    Unit unit;
    // Made once for reports, which show an indicator for every plan of a national batch: the width
    // of the name on a terminal by language (Lang::Zh, Lang::En), and the target as shown when it
    // is a constant ("≥50%"; empty when the target is computed from the plan's facts).
    std::array<int, 2> name_width{};
    std::string constant_target_text;

    // The versions of the same target in the packs this one's pack extends (same id, same subject):
    // all of them bind, so a subject is checked against each and the strictest outcome counts.
    std::vector<Indicator> restated;

    bool is_requirement() const { return require.has_value(); }
    bool covers_type(const std::string& type) const;
    bool holds(const Rational& actual, const Rational& target_value) const;
    // How far from passing, positive: short of a lower bound, over an upper bound, outside the
    // band.
    Rational distance(const Rational& actual, const Rational& target_value) const;
    // The target as shown beside a result, from the target's own text: "≥50%", "≈1:20 ±10%".
    std::string target_text(std::string_view shown_target) const;
    std::string formula() const;  // "teachers.ideological_political / students.full_time >= 1:350"
};

struct PackInfo {
    std::string id;
    LocalizedText title;
    LocalizedText issuer;
    std::string document_number;
    int period_from = 0;
    int period_to = 0;
    std::string level;
    LocalizedText region;
    std::vector<std::string> extends;
    std::string source_file;
    SourceLocation where;
    SourceLocation extends_where;
};

// A parent indicator a pack deliberately does not take over, and why.
struct Drop {
    std::string id;
    std::string reason;
    SourceLocation where;
};

struct Pack {
    PackInfo info;
    std::vector<Drop> drops;
    std::vector<FactDef> facts;
    std::vector<Indicator> indicators;
    std::vector<NotEncoded> not_encoded;
};

}  // namespace vetcheck
