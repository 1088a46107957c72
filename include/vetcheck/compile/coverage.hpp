// Accounting for a source document: its directive sentences, each cited by an indicator of the pack
// or listed under the pack's `not_encoded:` with a reason (`vetcheck packs coverage`), and every
// quote of the pack found verbatim in the document (`vetcheck packs verify`).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vetcheck/pack/pack.hpp"

namespace vetcheck {

// What makes a sentence a directive: data/directive_verbs.yaml, compiled in.
struct DirectiveWords {
    std::vector<std::string> firm;
    std::vector<std::string> soft;
    std::vector<std::string> not_verbs;
    int heading_max_chars = 0;
};
std::string_view embedded_directive_verbs();
// Throws InputError at the file, line and column of a malformed list.
DirectiveWords load_directive_words(std::string_view yaml, const std::string& file_name);
const DirectiveWords& default_directive_words();

enum class DirectiveKind { None, Firm, Soft };

// A sentence of the source: ends at 。；！？ (or ASCII ;!?) or at the end of its line. Positions
// are in the document with every whitespace character removed, where quotes are looked up.
struct Sentence {
    std::string text;  // whitespace removed
    size_t begin = 0;
    size_t end = 0;
    int line = 0;  // 1-based, in the source file
    bool heading = false;
    DirectiveKind kind = DirectiveKind::None;
    std::string word;  // the directive word found
};

// The document with whitespace removed, and its sentences.
struct SourceText {
    std::string compact;
    std::vector<Sentence> sentences;
};
SourceText split_sentences(std::string_view text, const DirectiveWords& words);

// Quotes are compared with every whitespace character removed (ASCII, ideographic and no-break
// spaces, line breaks): "normalising whitespace only".
std::string remove_whitespace(std::string_view text);

struct SentenceAccount {
    const Sentence* sentence = nullptr;
    std::vector<std::string> indicators;         // ids of this pack's indicators quoting it
    std::vector<const NotEncoded*> not_encoded;  // entries quoting it
    bool accounted() const { return !indicators.empty() || !not_encoded.empty(); }
};

struct Coverage {
    SourceText source;
    std::vector<SentenceAccount> directives;  // in document order
    size_t accounted = 0;
    size_t firm = 0;
    size_t soft = 0;
    bool complete() const { return accounted == directives.size(); }
};

// Whether an indicator's citation is of this document: the file named on the command line (by
// its base name) or the pack's source_file.
bool cites_document(const Pack& pack, const Citation& c, const std::string& source_name);

// The directive sentences of `text` and what accounts for each. Only the pack's own indicators
// citing this document count, not those of the packs it extends.
Coverage account_for(const Pack& pack, std::string_view text, const std::string& source_name,
                     const DirectiveWords& words);

// A quote of the pack not found in the document.
struct QuoteProblem {
    std::string owner;  // indicator id, "not_encoded" or "conflicts"
    std::string quote;
    SourceLocation where;
};
struct Verification {
    size_t checked = 0;
    size_t other_documents = 0;  // indicators citing another file: not checked against this one
    std::vector<QuoteProblem> missing;
};
Verification verify_quotes(const Pack& pack, std::string_view text, const std::string& source_name);

}  // namespace vetcheck
