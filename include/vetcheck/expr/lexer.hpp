#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vetcheck/base/messages.hpp"
#include "vetcheck/model/quantity.hpp"

namespace vetcheck::expr {

enum class TokenKind {
    Number,
    String,
    Identifier,
    LeftParen,
    RightParen,
    Comma,
    Plus,
    Minus,
    Star,
    Slash,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    Equal,
    NotEqual,
    And,
    Or,
    Not,
    True,
    False,
    End
};

struct Token {
    TokenKind kind = TokenKind::End;
    std::string text;  // as written
    Quantity number;   // for Number
    int offset = 0;    // byte offset in the expression
};

// An expression that cannot be read; offset is where in the expression text. The message is an
// E-expr- code whose {key} and {expression} the reader of the pack adds (it knows where the
// expression is written).
struct SyntaxError {
    int offset = 0;
    Message message;
};

// Splits an expression into tokens. Returns false and fills *error on the first bad character.
bool tokenize(std::string_view source, std::vector<Token>* tokens, SyntaxError* error);

const char* token_name(TokenKind kind);

}  // namespace vetcheck::expr
