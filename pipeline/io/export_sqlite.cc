#include "pipeline/io/export_sqlite.h"

#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <memory>

namespace ita {
namespace {

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct StatementCloser {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};

std::string Quoted(const std::string& name) { return "\"" + name + "\""; }

bool Exec(sqlite3* db, const std::string& sql, std::string* error) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return true;
  *error = std::string("sqlite: ") + (message ? message : "error") + " in: " + sql.substr(0, 120);
  sqlite3_free(message);
  return false;
}

std::string CreateStatement(const ExportTable& t) {
  std::string sql = "CREATE TABLE " + Quoted(t.name) + " (";
  for (size_t c = 0; c < t.columns.size(); ++c) {
    const ExportColumn& col = t.columns[c];
    const char* type = col.type == ExportColumn::kInteger ? "INTEGER" : col.type == ExportColumn::kReal ? "REAL" : "TEXT";
    sql += (c ? ", " : "") + Quoted(col.name) + " " + type;
    if (t.primary_key.size() == 1 && t.primary_key[0] == col.name) sql += " NOT NULL";
  }
  sql += ", PRIMARY KEY (";
  for (size_t k = 0; k < t.primary_key.size(); ++k) sql += (k ? ", " : "") + Quoted(t.primary_key[k]);
  sql += ")";
  if (t.references_documents) sql += ", FOREIGN KEY (\"document_id\") REFERENCES \"documents\" (\"id\")";
  return sql + ")";
}

}  // namespace

bool WriteSqlite(const std::vector<ExportTable>& tables, const std::string& path, std::string* error) {
  namespace fs = std::filesystem;
  std::string tmp = path + ".partial";
  std::error_code ec;
  fs::remove(tmp, ec);
  sqlite3* raw = nullptr;
  if (sqlite3_open(tmp.c_str(), &raw) != SQLITE_OK) {
    *error = "cannot create " + tmp + ": " + (raw ? sqlite3_errmsg(raw) : "sqlite error");
    sqlite3_close(raw);
    return false;
  }
  std::unique_ptr<sqlite3, DbCloser> db(raw);
  // user_version: the tables' layout, for a reader to check before it queries.
  bool ok = Exec(db.get(), "PRAGMA foreign_keys = ON", error) &&
            Exec(db.get(), "PRAGMA user_version = " + std::to_string(kExportFormatVersion), error) &&
            Exec(db.get(), "BEGIN", error);
  for (const ExportTable& t : tables) {
    if (!ok) break;
    ok = Exec(db.get(), CreateStatement(t), error);
    if (!ok) break;
    std::string insert = "INSERT INTO " + Quoted(t.name) + " VALUES (";
    for (size_t c = 0; c < t.columns.size(); ++c) insert += c ? ", ?" : "?";
    insert += ")";
    sqlite3_stmt* raw_stmt = nullptr;
    if (sqlite3_prepare_v2(db.get(), insert.c_str(), -1, &raw_stmt, nullptr) != SQLITE_OK) {
      *error = std::string("sqlite: ") + sqlite3_errmsg(db.get());
      ok = false;
      break;
    }
    std::unique_ptr<sqlite3_stmt, StatementCloser> stmt(raw_stmt);
    for (const auto& row : t.rows) {
      sqlite3_reset(stmt.get());
      for (size_t c = 0; c < row.size(); ++c) {
        int i = static_cast<int>(c) + 1;
        const CellValue& v = row[c];
        if (const long long* n = std::get_if<long long>(&v)) sqlite3_bind_int64(stmt.get(), i, *n);
        else if (const double* d = std::get_if<double>(&v)) sqlite3_bind_double(stmt.get(), i, *d);
        else if (const std::string* s = std::get_if<std::string>(&v))
          sqlite3_bind_text(stmt.get(), i, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
        else sqlite3_bind_null(stmt.get(), i);
      }
      if (sqlite3_step(stmt.get()) != SQLITE_DONE) {
        *error = "sqlite: " + std::string(sqlite3_errmsg(db.get())) + " (table " + t.name + ")";
        ok = false;
        break;
      }
    }
  }
  ok = ok && Exec(db.get(), "COMMIT", error);
  db.reset();
  if (!ok) {
    fs::remove(tmp, ec);
    return false;
  }
  fs::rename(tmp, path, ec);
  if (ec) {
    *error = "cannot rename to " + path + ": " + ec.message();
    fs::remove(tmp, ec);
    return false;
  }
  return true;
}

}  // namespace ita
