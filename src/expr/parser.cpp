#include "vetcheck/expr/parser.hpp"

#include <algorithm>
#include <unordered_map>

#include "vetcheck/model/rational.hpp"

namespace vetcheck::expr {

namespace {

enum Precedence { kNone, kOr, kAnd, kNot, kCompare, kSum, kProduct, kUnary };

struct InfixRule {
    Precedence precedence;
    BinaryOp op;
};

// The table that keeps operator precedence in one place.
bool infix_rule(TokenKind kind, InfixRule* rule) {
    switch (kind) {
        case TokenKind::Or:
            *rule = {kOr, BinaryOp::Or};
            return true;
        case TokenKind::And:
            *rule = {kAnd, BinaryOp::And};
            return true;
        case TokenKind::Less:
            *rule = {kCompare, BinaryOp::Lt};
            return true;
        case TokenKind::LessEqual:
            *rule = {kCompare, BinaryOp::Le};
            return true;
        case TokenKind::Greater:
            *rule = {kCompare, BinaryOp::Gt};
            return true;
        case TokenKind::GreaterEqual:
            *rule = {kCompare, BinaryOp::Ge};
            return true;
        case TokenKind::Equal:
            *rule = {kCompare, BinaryOp::Eq};
            return true;
        case TokenKind::NotEqual:
            *rule = {kCompare, BinaryOp::Ne};
            return true;
        case TokenKind::Plus:
            *rule = {kSum, BinaryOp::Add};
            return true;
        case TokenKind::Minus:
            *rule = {kSum, BinaryOp::Sub};
            return true;
        case TokenKind::Star:
            *rule = {kProduct, BinaryOp::Mul};
            return true;
        case TokenKind::Slash:
            *rule = {kProduct, BinaryOp::Div};
            return true;
        default:
            return false;
    }
}

class Parser {
  public:
    Parser(std::vector<Token> tokens, const ParseLimits& limits)
        : tokens_(std::move(tokens)), limits_(limits) {}

    ExprPtr parse_all() {
        ExprPtr e = expression(kOr);
        if (peek().kind != TokenKind::End)
            fail(peek(), Message("E-expr-operator-expected", {{"found", describe(peek())}}));
        return e;
    }

  private:
    const Token& peek() const { return tokens_[pos_]; }
    const Token& advance() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }

    [[noreturn]] void fail(const Token& at, Message message) const {
        throw SyntaxError{at.offset, std::move(message)};
    }

    static Message describe(const Token& t) {
        if (t.kind == TokenKind::End) return Message("P-expr-end");
        return Message("P-expr-token", {{"text", t.text}});
    }

    // The ')' that closes a bracket or a call; `unclosed` says which (E-expr-paren-unclosed or
    // E-expr-call-unclosed, with its arguments).
    void expect_right_paren(Message unclosed) {
        if (peek().kind != TokenKind::RightParen)
            fail(peek(),
                 std::move(unclosed.with({"close", ")"}).with({"found", describe(peek())})));
        advance();
    }

    [[noreturn]] void too_deep(const Token& at) const {
        fail(at, Message("E-expr-too-deep", {{"count", limits_.max_depth}}));
    }

    // The height of the tree is limited as well as the parser's own recursion: a chain such as
    // a + b + c + ... nests one level per operator, and the checker, the evaluator and the
    // printer walk the tree recursively.
    ExprPtr counted(std::shared_ptr<Expr> e, const Token& at) {
        int height = 0;
        for (const ExprPtr& arg : e->args) {
            auto it = heights_.find(arg.get());
            height = std::max(height, it == heights_.end() ? 1 : it->second);
        }
        if (++height > limits_.max_depth) too_deep(at);
        heights_[e.get()] = height;
        return e;
    }

    ExprPtr expression(Precedence min) {
        if (++depth_ > limits_.max_depth) too_deep(peek());
        ExprPtr left = prefix();
        InfixRule rule{};
        while (infix_rule(peek().kind, &rule) && rule.precedence >= min) {
            const Token& op = advance();
            // Comparisons do not chain: a < b < c is an error rather than a surprise.
            ExprPtr right = expression(static_cast<Precedence>(rule.precedence + 1));
            InfixRule next{};
            if (rule.precedence == kCompare && infix_rule(peek().kind, &next) &&
                next.precedence == kCompare)
                fail(peek(), Message("E-expr-comparison-chained", {{"joiner", "and"}}));
            left = counted(binary(op.offset, rule.op, left, right), op);
        }
        --depth_;
        return left;
    }

    static std::shared_ptr<Expr> binary(int offset, BinaryOp op, ExprPtr l, ExprPtr r) {
        auto e = std::make_shared<Expr>();
        e->kind = Expr::Kind::Binary;
        e->offset = offset;
        e->op = op;
        e->args = {std::move(l), std::move(r)};
        return e;
    }

    ExprPtr prefix() {
        const Token& t = advance();
        auto e = std::make_shared<Expr>();
        e->offset = t.offset;
        switch (t.kind) {
            case TokenKind::Number:
                e->kind = Expr::Kind::Number;
                e->number = t.number;
                return e;
            case TokenKind::String:
                e->kind = Expr::Kind::String;
                e->name = t.text;
                return e;
            case TokenKind::True:
            case TokenKind::False:
                e->kind = Expr::Kind::Bool;
                e->boolean = t.kind == TokenKind::True;
                return e;
            case TokenKind::Minus:
                e->kind = Expr::Kind::Negate;
                e->args = {expression(kUnary)};
                return counted(e, t);
            case TokenKind::Not:
                e->kind = Expr::Kind::Not;
                e->args = {expression(kNot)};
                return counted(e, t);
            case TokenKind::LeftParen: {
                ExprPtr inner = expression(kOr);
                expect_right_paren(Message("E-expr-paren-unclosed", {{"open", "("}}));
                return inner;
            }
            case TokenKind::Identifier:
                return name(t, e);
            default:
                fail(t, Message("E-expr-value-expected", {{"found", describe(t)}}));
        }
    }

    ExprPtr name(const Token& t, std::shared_ptr<Expr> e) {
        e->name = t.text;
        if (peek().kind != TokenKind::LeftParen) {
            e->builtin = builtin_named(t.text, false);
            e->kind = e->builtin == Builtin::None ? Expr::Kind::Fact : Expr::Kind::Builtin;
            return e;
        }
        advance();
        e->kind = Expr::Kind::Call;
        e->builtin = builtin_named(t.text, true);
        if (peek().kind != TokenKind::RightParen) {
            do {
                e->args.push_back(expression(kOr));
            } while (peek().kind == TokenKind::Comma && (advance(), true));
        }
        expect_right_paren(Message("E-expr-call-unclosed", {{"function", t.text}}));
        return counted(e, t);
    }

    std::vector<Token> tokens_;
    ParseLimits limits_;
    size_t pos_ = 0;
    int depth_ = 0;
    std::unordered_map<const Expr*, int> heights_;  // of the nodes with operands; leaves are 1
};

}  // namespace

ExprPtr parse(std::string_view source, SyntaxError* error, const ParseLimits& limits) {
    if (source.size() > limits.max_length) {
        *error = {0, Message("E-expr-too-long", {{"count", limits.max_length}})};
        return nullptr;
    }
    std::vector<Token> tokens;
    try {
        if (!tokenize(source, &tokens, error)) return nullptr;
        return Parser(std::move(tokens), limits).parse_all();
    } catch (const SyntaxError& e) {
        *error = e;
    } catch (const ArithmeticError& e) {
        *error = {0, Message("E-expr-number", {{"problem", e.message()}})};
    }
    return nullptr;
}

}  // namespace vetcheck::expr
