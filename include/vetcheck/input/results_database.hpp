#pragma once

#include <sqlite3.h>

#include <memory>
#include <optional>
#include <string>

namespace vetcheck {

// A results database opened to read (`vetcheck history`, --history): reading never writes. Each
// failure is an InputError naming the file, with SQLite's reason.
class ReadOnlyDatabase {
  public:
    explicit ReadOnlyDatabase(const std::string& path);
    ~ReadOnlyDatabase();
    ReadOnlyDatabase(const ReadOnlyDatabase&) = delete;
    ReadOnlyDatabase& operator=(const ReadOnlyDatabase&) = delete;

    [[noreturn]] void fail(const char* code) const;
    // A prepared statement, finalized when it goes out of scope.
    using Statement = std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)>;
    Statement prepare(const char* sql, const char* code) const;
    // The first column of the first row of `sql`, 0 when there is none.
    long long integer(const char* sql) const;
    const std::string& path() const { return path_; }

  private:
    std::string path_;
    sqlite3* db_ = nullptr;
};

// A column of the current row: text ("" for NULL), or a number (nullopt for NULL).
std::string text_at(sqlite3_stmt* st, int column);
std::optional<double> real_at(sqlite3_stmt* st, int column);

}  // namespace vetcheck
