#include "vetcheck/input/tabular_plans.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "vetcheck/read/csv.hpp"

namespace vetcheck {

namespace {

// Columns that describe the school rather than report a fact.
constexpr std::string_view kMeta[] = {"id", "name", "type", "year", "level", "region", "packs"};

bool is_meta(std::string_view column) {
    return std::find(std::begin(kMeta), std::end(kMeta), column) != std::end(kMeta);
}

// Pack ids in one cell, as people separate them: `;`, `；`, `,`, `，`, `、` and spaces (ASCII or
// full-width).
std::vector<std::string> split_pack_ids(std::string_view text) {
    static constexpr std::string_view kSeparators[] = {";", ",", " ", "\t", "；", "，", "、", "　"};
    std::vector<std::string> ids;
    std::string id;
    for (size_t i = 0; i < text.size();) {
        size_t length = 0;
        for (std::string_view sep : kSeparators)
            if (text.substr(i, sep.size()) == sep) length = sep.size();
        if (length == 0) {
            id += text[i++];
            continue;
        }
        if (!id.empty()) ids.push_back(std::move(id));
        id.clear();
        i += length;
    }
    if (!id.empty()) ids.push_back(std::move(id));
    return ids;
}

Node cell_node(const CsvCell& cell) {
    if (cell.text.empty()) return Node::null(cell.where);
    return Node::scalar(cell.text, cell.where, false);
}

Node row_document(const CsvRow& header, const CsvRow& row, const SourceLocation& row_where) {
    Node plan = Node::map(row_where);
    Node facts = Node::map(row_where);
    bool has_level = false;
    for (size_t c = 0; c < header.size(); ++c) {
        const CsvCell empty{"", row_where};
        const CsvCell& cell = c < row.size() ? row[c] : empty;
        const std::string& column = header[c].text;
        Node key = Node::scalar(column, cell.where, false);
        if (!is_meta(column)) {
            facts.add_entry(std::move(key), cell_node(cell));
            continue;
        }
        has_level |= column == "level";
        if (column == "packs") {
            Node list = Node::seq(cell.where);
            for (std::string& id : split_pack_ids(cell.text))
                list.add_item(Node::scalar(std::move(id), cell.where, false));
            if (!list.items().empty()) plan.add_entry(std::move(key), std::move(list));
        } else if (!cell.text.empty()) {
            plan.add_entry(std::move(key), cell_node(cell));
        }
    }
    if (!plan.find("name") && plan.find("id"))
        plan.add_entry(Node::scalar("name", row_where, false), *plan.find("id"));
    if (!has_level)
        plan.add_entry(Node::scalar("level", row_where, false),
                       Node::scalar("school", row_where, false));
    Node doc = Node::map(row_where);
    doc.add_entry(Node::scalar("plan", row_where, false), std::move(plan));
    doc.add_entry(Node::scalar("facts", row_where, false), std::move(facts));
    return doc;
}

}  // namespace

bool is_csv_path(std::string_view path) {
    return path.size() > 4 &&
           (path.substr(path.size() - 4) == ".csv" || path.substr(path.size() - 4) == ".CSV");
}

std::vector<CsvPlanRow> plans_from_csv(std::string_view text, const std::string& file_name,
                                       CsvRow* header_out) {
    std::vector<CsvRecord> rows = read_csv_records(text, file_name);
    if (rows.empty()) throw InputError(SourceLocation{file_name, 1, 1}, Message("E-csv-no-header"));
    if (rows.front().error) throw *rows.front().error;
    const CsvRow& header = rows.front().cells;
    for (std::string_view required : {"id", "type", "year"}) {
        bool found = std::any_of(header.begin(), header.end(),
                                 [&](const CsvCell& c) { return c.text == required; });
        if (!found)
            throw InputError(header.front().where,
                             Message("E-csv-column-missing", {{"column", required}}));
    }
    for (size_t c = 0; c < header.size(); ++c)
        for (size_t d = 0; d < c; ++d)
            if (header[c].text == header[d].text)
                throw InputError(header[c].where,
                                 Message("E-csv-column-twice", {{"column", header[c].text}}));
    // A gate that reads "no schools" as "no failures" would pass an export that lost its rows.
    if (rows.size() == 1) throw InputError(header.front().where, Message("E-csv-no-rows"));
    if (header_out) *header_out = header;
    std::vector<CsvPlanRow> docs;
    for (size_t r = 1; r < rows.size(); ++r) {
        CsvPlanRow& out = docs.emplace_back();
        if (rows[r].error) {
            out.error = std::move(rows[r].error);
            continue;
        }
        const CsvRow& row = rows[r].cells;
        if (row.size() > header.size()) {
            out.error = InputError(
                row[header.size()].where,
                Message("E-csv-row-width", {{"cells", row.size()}, {"columns", header.size()}}));
            continue;
        }
        out.document = row_document(header, row, row.front().where);
    }
    return docs;
}

}  // namespace vetcheck
