#include "vetcheck/compile/coverage.hpp"

#include <algorithm>
#include <cstdint>
#include <filesystem>

#include "vetcheck/base/text.hpp"
#include "vetcheck/read/yaml_loader.hpp"

namespace vetcheck {

namespace {

std::vector<std::string> read_words(const MapReader& r, std::string_view key) {
    const Node& n = r.required(key);
    if (!n.is_seq()) fail_expected(n, key, Message("P-a-list-of-words"));
    std::vector<std::string> out;
    for (const Node& item : n.items()) {
        out.push_back(expect_string(item, key));
        if (out.back().empty()) fail_expected(item, key, Message("P-a-word"));
    }
    return out;
}

bool is_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\r' || c == U'\n' || c == U'\v' || c == U'\f' ||
           c == U'\u3000' || c == U'\u00a0';
}

bool ends_sentence(char32_t c) {
    return c == U'。' || c == U'；' || c == U'！' || c == U'？' || c == U';' || c == U'!' ||
           c == U'?';
}

// The parts of a word with "…" in order within `text`.
bool matches(std::string_view text, std::string_view word) {
    static constexpr std::string_view kGap = "…";
    size_t from = 0;
    while (true) {
        size_t gap = word.find(kGap);
        std::string_view part = word.substr(0, gap);
        size_t at = text.find(part, from);
        if (at == std::string_view::npos) return false;
        from = at + part.size();
        if (gap == std::string_view::npos) return true;
        word.remove_prefix(gap + kGap.size());
    }
}

void classify(Sentence& s, const DirectiveWords& words) {
    // A word of not_verbs hides the directive words inside it (重要 is not 要).
    std::string text;
    for (size_t i = 0; i < s.text.size();) {
        auto hidden = std::find_if(
            words.not_verbs.begin(), words.not_verbs.end(),
            [&](const std::string& nv) { return s.text.compare(i, nv.size(), nv) == 0; });
        if (hidden == words.not_verbs.end()) {
            text.push_back(s.text[i++]);
        } else {
            text.push_back('\x01');
            i += hidden->size();
        }
    }
    for (const auto* list : {&words.firm, &words.soft})
        for (const std::string& w : *list)
            if (matches(text, w)) {
                s.kind = list == &words.firm ? DirectiveKind::Firm : DirectiveKind::Soft;
                s.word = w;
                return;
            }
}

}  // namespace

DirectiveWords load_directive_words(std::string_view yaml, const std::string& file_name) {
    Node root = load_yaml(yaml, file_name);
    if (!root.is_map()) fail_expected(root, "directive words", Message("P-a-mapping"));
    MapReader r(root, "");
    r.reject_unknown({"firm", "soft", "not_verbs", "heading_max_chars"});
    DirectiveWords w;
    w.firm = read_words(r, "firm");
    w.soft = read_words(r, "soft");
    w.not_verbs = read_words(r, "not_verbs");
    w.heading_max_chars = r.optional_int("heading_max_chars").value_or(0);
    return w;
}

const DirectiveWords& default_directive_words() {
    static const DirectiveWords words =
        load_directive_words(embedded_directive_verbs(), "data/directive_verbs.yaml");
    return words;
}

std::string remove_whitespace(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t pos = 0; pos < text.size();) {
        size_t start = pos;
        if (!is_space(decode_utf8(text, pos))) out.append(text.substr(start, pos - start));
    }
    return out;
}

SourceText split_sentences(std::string_view text, const DirectiveWords& words) {
    SourceText src;
    src.compact.reserve(text.size());
    Sentence current;
    int line = 1;
    int chars = 0;
    bool line_has_end = false;
    bool line_has_tab = false;
    bool tab_pending = false;
    auto finish = [&](bool at_line_end) {
        if (!current.text.empty()) {
            current.end = src.compact.size();
            current.heading =
                at_line_end && !line_has_end && !line_has_tab && chars <= words.heading_max_chars;
            if (!current.heading) classify(current, words);
            src.sentences.push_back(std::move(current));
        }
        current = Sentence{};
        chars = 0;
    };
    for (size_t pos = 0; pos < text.size();) {
        size_t start = pos;
        char32_t c = decode_utf8(text, pos);
        if (c == U'\n') {
            finish(true);
            ++line;
            line_has_end = line_has_tab = tab_pending = false;
            continue;
        }
        // A tab between cells makes a table row; trailing tabs of empty cells do not.
        if (c == U'\t') tab_pending = true;
        if (is_space(c)) continue;
        line_has_tab = line_has_tab || tab_pending;
        if (current.text.empty()) {
            current.begin = src.compact.size();
            current.line = line;
        }
        current.text.append(text.substr(start, pos - start));
        src.compact.append(text.substr(start, pos - start));
        ++chars;
        if (ends_sentence(c)) {
            line_has_end = true;
            finish(false);
        }
    }
    finish(true);
    return src;
}

bool cites_document(const Pack& pack, const Citation& c, const std::string& source_name) {
    return c.file == pack.info.source_file ||
           c.file == std::filesystem::path(source_name).filename().string();
}

Coverage account_for(const Pack& pack, std::string_view text, const std::string& source_name,
                     const DirectiveWords& words) {
    Coverage cov;
    cov.source = split_sentences(text, words);
    std::vector<size_t> index_of(cov.source.sentences.size(), SIZE_MAX);
    for (size_t i = 0; i < cov.source.sentences.size(); ++i) {
        const Sentence& s = cov.source.sentences[i];
        if (s.kind == DirectiveKind::None) continue;
        index_of[i] = cov.directives.size();
        cov.directives.push_back(SentenceAccount{&s, {}, {}});
        ++(s.kind == DirectiveKind::Firm ? cov.firm : cov.soft);
    }
    // Every place a quote occurs accounts for each directive sentence it overlaps: a quote may
    // span sentences, and a directive the document states twice is one indicator.
    auto mark = [&](const std::string& quote, auto&& add) {
        std::string q = remove_whitespace(quote);
        if (q.empty()) return;
        const auto& sentences = cov.source.sentences;
        for (size_t at = cov.source.compact.find(q); at != std::string::npos;
             at = cov.source.compact.find(q, at + 1)) {
            auto it = std::upper_bound(sentences.begin(), sentences.end(), at,
                                       [](size_t pos, const Sentence& s) { return pos < s.end; });
            for (; it != sentences.end() && it->begin < at + q.size(); ++it) {
                size_t i = static_cast<size_t>(it - sentences.begin());
                if (index_of[i] != SIZE_MAX) add(cov.directives[index_of[i]]);
            }
        }
    };
    for (const Indicator& ind : pack.indicators) {
        if (!cites_document(pack, ind.source, source_name)) continue;
        mark(ind.source.quote, [&](SentenceAccount& a) {
            if (std::find(a.indicators.begin(), a.indicators.end(), ind.id) == a.indicators.end())
                a.indicators.push_back(ind.id);
        });
    }
    for (const NotEncoded& ne : pack.not_encoded)
        mark(ne.quote, [&](SentenceAccount& a) {
            if (std::find(a.not_encoded.begin(), a.not_encoded.end(), &ne) == a.not_encoded.end())
                a.not_encoded.push_back(&ne);
        });
    cov.accounted =
        static_cast<size_t>(std::count_if(cov.directives.begin(), cov.directives.end(),
                                          [](const SentenceAccount& a) { return a.accounted(); }));
    return cov;
}

Verification verify_quotes(const Pack& pack, std::string_view text,
                           const std::string& source_name) {
    Verification v;
    std::string compact = remove_whitespace(text);
    auto check = [&](const std::string& owner, const std::string& quote,
                     const SourceLocation& where) {
        ++v.checked;
        std::string q = remove_whitespace(quote);
        if (q.empty() || compact.find(q) == std::string::npos)
            v.missing.push_back(QuoteProblem{owner, quote, where});
    };
    for (const Indicator& ind : pack.indicators) {
        if (cites_document(pack, ind.source, source_name))
            check(ind.id, ind.source.quote, ind.where);
        else
            ++v.other_documents;
    }
    for (const NotEncoded& ne : pack.not_encoded) check("not_encoded", ne.quote, ne.where);
    // A conflict quotes two documents: each side is checked against its own.
    for (const Conflict& c : pack.conflicts)
        for (const ConflictSide& side : c.sides)
            if (cites_document(pack, Citation{side.file, "", side.quote, ""}, source_name))
                check("conflicts", side.quote, side.where);
    return v;
}

}  // namespace vetcheck
