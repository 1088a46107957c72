#include "vetcheck/input/results_database.hpp"

#include "vetcheck/base/messages.hpp"
#include "vetcheck/base/source_location.hpp"
#include "vetcheck/input/results_schema.hpp"

namespace vetcheck {

ReadOnlyDatabase::ReadOnlyDatabase(const std::string& path) : path_(path) {
    refuse_missing_database(path);
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) !=
        SQLITE_OK) {
        // Closed here: a constructor that throws runs no destructor.
        InputError e(
            SourceLocation{path_},
            Message("E-sqlite-open", {{"error", db_ ? sqlite3_errmsg(db_) : "out of memory"}}));
        sqlite3_close(db_);
        throw e;
    }
}

ReadOnlyDatabase::~ReadOnlyDatabase() {
    sqlite3_close(db_);
}

void ReadOnlyDatabase::fail(const char* code) const {
    throw InputError(SourceLocation{path_},
                     Message(code, {{"error", db_ ? sqlite3_errmsg(db_) : "out of memory"}}));
}

ReadOnlyDatabase::Statement ReadOnlyDatabase::prepare(const char* sql, const char* code) const {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &st, nullptr) != SQLITE_OK) fail(code);
    return {st, sqlite3_finalize};
}

long long ReadOnlyDatabase::integer(const char* sql) const {
    auto st = prepare(sql, "E-sqlite-not-database");
    return sqlite3_step(st.get()) == SQLITE_ROW ? sqlite3_column_int64(st.get(), 0) : 0;
}

std::string text_at(sqlite3_stmt* st, int column) {
    const unsigned char* text = sqlite3_column_text(st, column);
    return text ? reinterpret_cast<const char*>(text) : "";
}

std::optional<double> real_at(sqlite3_stmt* st, int column) {
    if (sqlite3_column_type(st, column) == SQLITE_NULL) return std::nullopt;
    return sqlite3_column_double(st, column);
}

}  // namespace vetcheck
