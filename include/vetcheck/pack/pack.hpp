#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vetcheck/expr/ast.hpp"
#include "vetcheck/expr/checker.hpp"
#include "vetcheck/model/fact.hpp"
#include "vetcheck/pack/conflict.hpp"
#include "vetcheck/pack/not_encoded.hpp"

namespace vetcheck {

enum class Comparison { AtLeast, MoreThan, AtMost, LessThan, Equal, About };
enum class Severity { Required, Advisory };
// Whom a target binds: each institution ("每所学校…"), or the region as a whole ("全省职业院校…比例
// 达到89%"): a regional share is checked on the province or city plan from its institutions' facts
// summed (or the region's reported total), and is only a benchmark on a school's own report.
enum class Binding { Institution, Region };

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
    Message levels_reason;            // "checked at national level": made once, given to every n/a
    Message absent_reason;            // "no 高职 institutions in the plan": likewise
    std::optional<SourceExpr> when;
    Binding scope = Binding::Institution;  // `scope:`; only institution indicators bind a region
    LocalizedText scope_label;  // "全省目标" / "regional target", by the pack's level
    bool reads_type = false;    // an expression reads `type`: a region is checked per type
    std::optional<SourceExpr> measure;
    Comparison comparison = Comparison::AtLeast;
    std::optional<SourceExpr> target;
    // For About: a percentage is relative to the target (10% of 1000 is 100), a plain number is
    // absolute in the target's unit (5个左右 with tolerance 1 accepts 4 to 6).
    std::optional<Quantity> tolerance;
    // `about: at_least` — 左右 on an achievement count (培育/建设/遴选 N 个左右): at least target −
    // tolerance, exceeding is no failure. `band` (the default) — 左右 on a size or scale
    // (4000人左右 规模): within the tolerance either way.
    bool about_at_least = false;
    Rational tolerance_for(const Rational& target_value) const;
    std::string tolerance_text() const;  // "±10%", "±1"
    std::optional<SourceExpr> require;
    std::string lever;    // fact key whose change closes the gap
    std::string word;     // the comparison word of the source
    std::string relaxes;  // why this version is weaker than a parent's, when it is (read by lint)
    // Why an advisory target is advisory when the reader should be told: 逐步达到 with no date.
    Message advisory_reason;
    bool rollup = false;  // a total the plans one level down add up to (`vetcheck rollup`)
    int deadline = 0;
    Severity severity = Severity::Required;
    Citation source;
    std::string pack_id;
    SourceLocation where;

    bool is_requirement() const { return require.has_value(); }
    bool covers_type(const std::string& type) const;
    bool holds(const Rational& actual, const Rational& target_value) const;
    // How far from passing, positive: short of a lower bound, over an upper bound, outside the
    // band.
    Rational distance(const Rational& actual, const Rational& target_value) const;
    // The target as shown beside a result, from the target's own text: "≥50%", "≈1:20 ±10%".
    std::string target_text(std::string_view shown_target) const;
    std::string formula() const;  // "teachers.ideological_political / students.full_time >= 1:350"
    // The fact keys its expressions read (measure, target, require, when), first use first.
    std::vector<std::string> facts_read() const;
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
    std::vector<Conflict> conflicts;
};

}  // namespace vetcheck
