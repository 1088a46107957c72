#include "vetcheck/read/csv.hpp"

#include <fmt/format.h>

#include "vetcheck/base/text.hpp"

namespace vetcheck {

namespace {

// A row that cannot be read is recorded with the reason and the parser goes on at the next line:
// a school's unquoted comma must not hide every other school of the file. Only an unterminated
// quote, which swallows the rest of the file, ends it.
class CsvParser {
  public:
    CsvParser(std::string_view text, const std::string& file) : text_(text), file_(file) {
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);
    }

    std::vector<CsvRecord> run() {
        std::vector<CsvRecord> records;
        while (pos_ < text_.size()) {
            CsvRecord record;
            try {
                record.cells = read_row();
            } catch (const InputError& e) {
                record.error = e;
                records.push_back(std::move(record));
                if (!resume_after_error_) break;
                skip_to_line_end();
                skip_line_end();
                continue;
            }
            bool blank = record.cells.size() == 1 && record.cells[0].text.empty();
            if (!blank) records.push_back(std::move(record));
        }
        return records;
    }

  private:
    SourceLocation here() const { return SourceLocation{file_, line_, column_}; }

    [[noreturn]] void fail(Message message, bool resumable = true) {
        resume_after_error_ = resumable;
        throw InputError(here(), std::move(message));
    }

    // A character of a cell: UTF-8, and no control character a report would have to print (a
    // tab, and a line break inside quotes, are text).
    void check_character(bool quoted) {
        unsigned char byte = static_cast<unsigned char>(text_[pos_]);
        size_t next = pos_;
        char32_t c = decode_utf8(text_, next);
        if (c == 0xFFFD && text_.substr(pos_, 3) != "\xEF\xBF\xBD")
            fail(Message("E-csv-not-utf8", {{"byte", fmt::format("0x{:02X}", byte)}}));
        bool line_break = c == '\n' || c == '\r';
        if ((c < 0x20 && c != '\t' && !(quoted && line_break)) || (c >= 0x7F && c < 0xA0))
            fail(Message("E-csv-control-character",
                         {{"code", fmt::format("U+{:04X}", static_cast<unsigned>(c))}}));
    }

    void advance() {
        size_t before = pos_;
        decode_utf8(text_, pos_);
        // LF, CRLF and a lone CR (old Mac spreadsheets) each end one line.
        bool lone_cr = text_[before] == '\r' && (pos_ >= text_.size() || text_[pos_] != '\n');
        if (text_[before] == '\n' || lone_cr) {
            ++line_;
            column_ = 1;
        } else {
            ++column_;
        }
    }

    bool at_row_end() const {
        return pos_ >= text_.size() || text_[pos_] == '\n' || text_[pos_] == '\r';
    }

    void skip_line_end() {
        if (pos_ < text_.size() && text_[pos_] == '\r') advance();
        if (pos_ < text_.size() && text_[pos_] == '\n') advance();
    }

    void skip_to_line_end() {
        while (!at_row_end()) advance();
    }

    CsvRow read_row() {
        CsvRow row;
        while (true) {
            row.push_back(read_cell());
            if (pos_ < text_.size() && text_[pos_] == ',') {
                advance();
                continue;
            }
            skip_line_end();
            return row;
        }
    }

    CsvCell read_cell() {
        CsvCell cell{"", here()};
        if (pos_ < text_.size() && text_[pos_] == '"') return read_quoted(cell);
        size_t start = pos_;
        while (!at_row_end() && text_[pos_] != ',') {
            if (text_[pos_] == '"') fail(Message("E-csv-stray-quote"));
            check_character(false);
            advance();
        }
        cell.text = std::string(text_.substr(start, pos_ - start));
        return cell;
    }

    CsvCell read_quoted(CsvCell cell) {
        advance();  // opening quote
        while (true) {
            if (pos_ >= text_.size()) {
                resume_after_error_ = false;
                throw InputError(cell.where, Message("E-csv-unterminated-quote"));
            }
            if (text_[pos_] == '"') {
                if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
                    cell.text += '"';
                    advance();
                    advance();
                    continue;
                }
                advance();
                if (!at_row_end() && text_[pos_] != ',') fail(Message("E-csv-text-after-quote"));
                return cell;
            }
            check_character(true);
            size_t start = pos_;
            advance();
            cell.text.append(text_.substr(start, pos_ - start));
        }
    }

    std::string_view text_;
    std::string file_;
    size_t pos_ = 0;
    int line_ = 1;
    int column_ = 1;
    bool resume_after_error_ = true;
};

}  // namespace

std::vector<CsvRecord> read_csv_records(std::string_view text, const std::string& file_name) {
    return CsvParser(text, file_name).run();
}

std::vector<CsvRow> parse_csv(std::string_view text, const std::string& file_name) {
    std::vector<CsvRow> rows;
    for (CsvRecord& record : read_csv_records(text, file_name)) {
        if (record.error) throw *record.error;
        rows.push_back(std::move(record.cells));
    }
    return rows;
}

}  // namespace vetcheck
