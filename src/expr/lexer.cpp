#include "vetcheck/expr/lexer.hpp"

#include "vetcheck/base/text.hpp"

namespace vetcheck::expr {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_ident_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_ident_char(char c) {
    return is_ident_start(c) || is_digit(c) || c == '.';
}

class Lexer {
  public:
    explicit Lexer(std::string_view source) : src_(source) {}

    bool run(std::vector<Token>* out, SyntaxError* error) {
        try {
            while (skip_space(), pos_ < src_.size()) out->push_back(next());
        } catch (const SyntaxError& e) {
            *error = e;
            return false;
        }
        out->push_back(Token{TokenKind::End, "", {}, static_cast<int>(src_.size())});
        return true;
    }

  private:
    void skip_space() {
        while (pos_ < src_.size() && (src_[pos_] == ' ' || src_[pos_] == '\t' ||
                                      src_[pos_] == '\n' || src_[pos_] == '\r'))
            ++pos_;
    }

    [[noreturn]] void fail(size_t at, Message message) const {
        throw SyntaxError{static_cast<int>(at), std::move(message)};
    }

    Token make(TokenKind kind, size_t start) const {
        return Token{
            kind, std::string(src_.substr(start, pos_ - start)), {}, static_cast<int>(start)};
    }

    Token next() {
        size_t start = pos_;
        char c = src_[pos_];
        if (is_digit(c)) return number();
        if (is_ident_start(c)) return identifier();
        if (c == '"') return string();
        auto two = src_.substr(pos_, 2);
        static constexpr std::pair<std::string_view, TokenKind> kTwo[] = {
            {"<=", TokenKind::LessEqual}, {">=", TokenKind::GreaterEqual}, {"==", TokenKind::Equal},
            {"!=", TokenKind::NotEqual},  {"&&", TokenKind::And},          {"||", TokenKind::Or}};
        for (auto [text, kind] : kTwo) {
            if (two == text) {
                pos_ += 2;
                return make(kind, start);
            }
        }
        static constexpr std::pair<char, TokenKind> kOne[] = {
            {'(', TokenKind::LeftParen}, {')', TokenKind::RightParen}, {',', TokenKind::Comma},
            {'+', TokenKind::Plus},      {'-', TokenKind::Minus},      {'*', TokenKind::Star},
            {'/', TokenKind::Slash},     {'<', TokenKind::Less},       {'>', TokenKind::Greater},
            {'!', TokenKind::Not}};
        for (auto [ch, kind] : kOne) {
            if (c == ch) {
                ++pos_;
                return make(kind, start);
            }
        }
        size_t p = pos_;
        char32_t cp = decode_utf8(src_, p);
        std::string found(src_.substr(start, p - start));
        if (cp == U'≥' || cp == U'≤')
            fail(start, Message("E-expr-comparison-sign", {{"found", found}}));
        fail(start, Message("E-expr-unexpected-character", {{"found", found}}));
    }

    Token number() {
        size_t start = pos_;
        while (pos_ < src_.size() && (is_digit(src_[pos_]) || src_[pos_] == '.')) ++pos_;
        if (pos_ + 1 < src_.size() && src_[pos_] == ':' &&
            is_digit(src_[pos_ + 1])) {  // a ratio, 1:350
            ++pos_;
            while (pos_ < src_.size() && (is_digit(src_[pos_]) || src_[pos_] == '.')) ++pos_;
        } else if (pos_ < src_.size() && src_[pos_] == '[') {  // a compound unit: 12000[元/年]
            size_t close = src_.find(']', pos_);
            if (close == src_.npos) fail(pos_, Message("E-expr-unit-unclosed"));
            pos_ = close + 1;
        } else {
            // %, ％, 倍, 万, 亿 and unit names written in Chinese follow the digits directly.
            while (pos_ < src_.size()) {
                if (src_[pos_] == '%') {
                    ++pos_;
                    continue;
                }
                if (static_cast<unsigned char>(src_[pos_]) < 0x80) break;
                size_t p = pos_;
                char32_t cp = decode_utf8(src_, p);
                if (cp == U'≥' || cp == U'≤') break;
                pos_ = p;
            }
        }
        Token t = make(TokenKind::Number, start);
        std::string literal = t.text;
        if (auto open = literal.find('['); open != literal.npos) {
            literal.erase(literal.size() - 1);
            literal.erase(open, 1);
        }
        Message why;
        auto q = parse_quantity(literal, &why);
        if (!q) fail(start, Message("E-expr-number", {{"problem", std::move(why)}}));
        t.number = *q;
        return t;
    }

    Token identifier() {
        size_t start = pos_;
        while (pos_ < src_.size() && is_ident_char(src_[pos_])) ++pos_;
        Token t = make(TokenKind::Identifier, start);
        if (t.text.back() == '.') fail(pos_ - 1, Message("E-expr-name-ends-with-dot"));
        static constexpr std::pair<std::string_view, TokenKind> kKeywords[] = {
            {"and", TokenKind::And},
            {"or", TokenKind::Or},
            {"not", TokenKind::Not},
            {"true", TokenKind::True},
            {"false", TokenKind::False}};
        for (auto [word, kind] : kKeywords)
            if (t.text == word) t.kind = kind;
        return t;
    }

    Token string() {
        size_t start = pos_++;
        while (pos_ < src_.size() && src_[pos_] != '"') ++pos_;
        if (pos_ >= src_.size()) fail(start, Message("E-expr-string-unclosed"));
        ++pos_;
        Token t = make(TokenKind::String, start);
        t.text = t.text.substr(1, t.text.size() - 2);
        return t;
    }

    std::string_view src_;
    size_t pos_ = 0;
};

}  // namespace

bool tokenize(std::string_view source, std::vector<Token>* tokens, SyntaxError* error) {
    return Lexer(source).run(tokens, error);
}

const char* token_name(TokenKind kind) {
    switch (kind) {
        case TokenKind::Number:
            return "a number";
        case TokenKind::String:
            return "a string";
        case TokenKind::Identifier:
            return "a name";
        case TokenKind::LeftParen:
            return "'('";
        case TokenKind::RightParen:
            return "')'";
        case TokenKind::Comma:
            return "','";
        case TokenKind::Plus:
            return "'+'";
        case TokenKind::Minus:
            return "'-'";
        case TokenKind::Star:
            return "'*'";
        case TokenKind::Slash:
            return "'/'";
        case TokenKind::Less:
            return "'<'";
        case TokenKind::LessEqual:
            return "'<='";
        case TokenKind::Greater:
            return "'>'";
        case TokenKind::GreaterEqual:
            return "'>='";
        case TokenKind::Equal:
            return "'=='";
        case TokenKind::NotEqual:
            return "'!='";
        case TokenKind::And:
            return "'and'";
        case TokenKind::Or:
            return "'or'";
        case TokenKind::Not:
            return "'not'";
        case TokenKind::True:
            return "'true'";
        case TokenKind::False:
            return "'false'";
        case TokenKind::End:
            return "the end of the expression";
    }
    return "?";
}

}  // namespace vetcheck::expr
