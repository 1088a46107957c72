#include "vetcheck/csv.hpp"

#include "vetcheck/text.hpp"

namespace vetcheck {

namespace {

class CsvParser {
  public:
    CsvParser(std::string_view text, const std::string& file) : text_(text), file_(file) {
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);
    }

    std::vector<CsvRow> run() {
        std::vector<CsvRow> rows;
        while (pos_ < text_.size()) {
            CsvRow row = read_row();
            bool blank = row.size() == 1 && row[0].text.empty();
            if (!blank) rows.push_back(std::move(row));
        }
        return rows;
    }

  private:
    SourceLocation here() const { return SourceLocation{file_, line_, column_}; }

    void advance() {
        size_t before = pos_;
        decode_utf8(text_, pos_);
        if (text_[before] == '\n') {
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
        if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
        if (pos_ < text_.size() && text_[pos_] == '\n') advance();
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
            if (text_[pos_] == '"')
                throw InputError(here(), "a quote inside an unquoted cell; quote the whole cell");
            advance();
        }
        cell.text = std::string(text_.substr(start, pos_ - start));
        return cell;
    }

    CsvCell read_quoted(CsvCell cell) {
        advance();  // opening quote
        while (true) {
            if (pos_ >= text_.size()) throw InputError(cell.where, "unterminated quoted cell");
            if (text_[pos_] == '"') {
                if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
                    cell.text += '"';
                    advance();
                    advance();
                    continue;
                }
                advance();
                if (!at_row_end() && text_[pos_] != ',')
                    throw InputError(here(), "text after a quoted cell's closing quote");
                return cell;
            }
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
};

}  // namespace

std::vector<CsvRow> parse_csv(std::string_view text, const std::string& file_name) {
    return CsvParser(text, file_name).run();
}

}  // namespace vetcheck
