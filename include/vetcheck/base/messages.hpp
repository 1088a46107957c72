#pragma once

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "vetcheck/base/i18n.hpp"

namespace vetcheck {

// One row of the message catalogue (src/base/messages.cpp, listed in docs/messages.md): a stable
// code that machine formats carry and CI scripts match on, and the text in both languages with
// named placeholders ("{key}: expected {expected}, got {found}").
struct MessageEntry {
    const char* code;
    const char* en;
    const char* zh;
};

class Message;

// The value of one placeholder: text taken from the data (a key, a value as written, a number),
// a list (joined the way the language joins one), or a phrase of the catalogue that is translated
// in turn ("a whole number").
struct MessageArg {
    // Phrases are held by pointer: a variant's alternatives must be complete types, and Message
    // (which holds MessageArgs) is not complete here.
    using Phrases = std::shared_ptr<const std::vector<Message>>;
    using Value = std::variant<std::string, std::vector<std::string>, Phrases,
                               std::shared_ptr<const Message>>;

    MessageArg(std::string_view placeholder, std::string text)
        : name(placeholder), value(std::move(text)) {}
    MessageArg(std::string_view placeholder, const char* text)
        : name(placeholder), value(std::string(text)) {}
    MessageArg(std::string_view placeholder, std::string_view text)
        : name(placeholder), value(std::string(text)) {}
    MessageArg(std::string_view placeholder, long long number);
    MessageArg(std::string_view placeholder, int number)
        : MessageArg(placeholder, static_cast<long long>(number)) {}
    MessageArg(std::string_view placeholder, unsigned number)
        : MessageArg(placeholder, static_cast<long long>(number)) {}
    MessageArg(std::string_view placeholder, size_t number)
        : MessageArg(placeholder, static_cast<long long>(number)) {}
    MessageArg(std::string_view placeholder, std::vector<std::string> items)
        : name(placeholder), value(std::move(items)) {}
    MessageArg(std::string_view placeholder, Message phrase);
    MessageArg(std::string_view placeholder, std::vector<Message> phrases);

    std::string_view name;  // a literal: the placeholder's name
    Value value;
};

// A message as a value: a code and its arguments, never prose, so that it is rendered in the
// language of whoever reads it. Cheap to copy for the usual one to three arguments, and pointed at
// where many results share one (a rule set's reasons).
class Message {
  public:
    Message() = default;  // no message
    // `code` must be in the catalogue: an unknown code is a program bug (std::logic_error).
    explicit Message(std::string_view code, std::initializer_list<MessageArg> args = {});
    Message(std::string_view code, std::vector<MessageArg> args);

    bool empty() const { return entry_ == nullptr; }
    const char* code() const { return entry_ ? entry_->code : ""; }
    const MessageEntry* entry() const { return entry_; }
    const std::vector<MessageArg>& args() const { return args_; }
    // The text of an argument as given (data, not rendered): "" when absent or not text.
    std::string_view arg_text(std::string_view name) const;

    Message& with(MessageArg arg) {
        args_.push_back(std::move(arg));
        return *this;
    }

  private:
    const MessageEntry* entry_ = nullptr;
    std::vector<MessageArg> args_;
};

// The message in `lang`, placeholders filled; "" for no message.
std::string render(const Message& message, Lang lang);
// The text of an entry that takes no arguments (a word or a phrase of the reports), without
// allocating: the reporters ask for one per row.
const char* phrase(std::string_view code, Lang lang);
// Every entry, for the tests and the documentation.
const std::vector<MessageEntry>& message_catalogue();
// ", did you mean 'x'?" when one of `candidates` is close to `word`; else no message.
Message suggestion(std::string_view word, const std::vector<std::string>& candidates);
// What errno says, as a phrase of the catalogue ("no such file or directory").
Message system_error_text(int error);
// The names of an entry's placeholders in one language, in order of appearance.
std::vector<std::string> placeholders(const char* text);

}  // namespace vetcheck
