#include "user_data.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <vector>

#include "engine_types.h"

namespace e6emu {
namespace {

void Exec(sqlite3* db, const std::string& sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string message = error != nullptr ? error : "unknown error";
    sqlite3_free(error);
    throw std::runtime_error(message);
  }
}

std::string Quote(const std::string& identifier) {
  std::string out = "\"";
  for (const char c : identifier) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string Literal(const std::string& text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

void Declare(sqlite3* db, const std::string& schema, const std::string& table, const std::string& column, int position,
             const std::string& engine_type) {
  Exec(db, "INSERT INTO main._e6_columns VALUES (" + Literal(schema) + ", " + Literal(table) + ", " + Literal(column) +
               ", " + std::to_string(position) + ", " + Literal(engine_type) + ")");
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// SQLite's affinity rules (datatype3.html §3.1) reduced to an engine type.
std::string EngineTypeFor(const std::string& declared) {
  const std::string lower = Lower(declared);
  // SQLite's INTEGER holds 64-bit values: serve it as bigint, not 32-bit int.
  if (lower == "integer" || lower == "int") return "bigint";
  if (ParseEngineType(lower)) return lower;
  if (lower.find("int") != std::string::npos) return "bigint";
  if (lower.find("char") != std::string::npos || lower.find("clob") != std::string::npos ||
      lower.find("text") != std::string::npos) {
    return "string";
  }
  if (lower.empty() || lower.find("blob") != std::string::npos) return "binary";
  return "double";  // REAL, FLOA, DOUB and NUMERIC affinities
}

// One CSV record (RFC 4180 quoting), or false at the end of the input.
bool ReadRecord(std::istream& in, std::vector<std::string>& fields) {
  fields.clear();
  std::string field;
  bool quoted = false, any = false;
  char c;
  while (in.get(c)) {
    any = true;
    if (quoted) {
      if (c == '"') {
        if (in.peek() == '"') {
          field += '"';
          in.get(c);
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      break;
    } else if (c != '\r') {
      field += c;
    }
  }
  if (!any) return false;
  fields.push_back(std::move(field));
  return true;
}

std::string StorageFor(const std::string& engine_type) {
  const auto type = ParseEngineType(engine_type);
  if (!type) return "TEXT";
  switch (type->vector_type) {
    case e6x::vectors::VectorType::LONG:
    case e6x::vectors::VectorType::INTEGER:
    case e6x::vectors::VectorType::BOOLEAN: return "INTEGER";
    case e6x::vectors::VectorType::DOUBLE:
    case e6x::vectors::VectorType::FLOAT: return "REAL";
    case e6x::vectors::VectorType::BINARY: return "BLOB";
    default: return "TEXT";  // strings, dates, timestamps and exact decimals
  }
}

}  // namespace

void LoadSqliteFile(sqlite3* db, const std::string& path, std::string schema) {
  if (!std::filesystem::exists(path)) throw std::runtime_error(path + ": no such file");
  if (schema.empty()) schema = std::filesystem::path(path).stem().string();
  try {
    Exec(db, "ATTACH DATABASE " + Literal("file:" + path + "?mode=ro") + " AS " + Quote(schema));
    sqlite3_stmt* tables = nullptr;
    const std::string list = "SELECT name FROM " + Quote(schema) + ".sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
    if (sqlite3_prepare_v2(db, list.c_str(), -1, &tables, nullptr) != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(db));
    std::vector<std::string> names;
    while (sqlite3_step(tables) == SQLITE_ROW) names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(tables, 0)));
    sqlite3_finalize(tables);
    for (const std::string& table : names) {
      sqlite3_stmt* columns = nullptr;
      const std::string info = "PRAGMA " + Quote(schema) + ".table_info(" + Quote(table) + ")";
      if (sqlite3_prepare_v2(db, info.c_str(), -1, &columns, nullptr) != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(db));
      while (sqlite3_step(columns) == SQLITE_ROW) {
        const auto* declared = reinterpret_cast<const char*>(sqlite3_column_text(columns, 2));
        Declare(db, schema, table, reinterpret_cast<const char*>(sqlite3_column_text(columns, 1)),
                sqlite3_column_int(columns, 0), EngineTypeFor(declared != nullptr ? declared : ""));
      }
      sqlite3_finalize(columns);
    }
  } catch (const std::exception& error) {
    throw std::runtime_error(path + ": " + error.what());
  }
}

void LoadCsvDirectory(sqlite3* db, const std::string& directory, std::string schema) {
  if (!std::filesystem::is_directory(directory)) throw std::runtime_error(directory + ": not a directory");
  if (schema.empty()) schema = std::filesystem::path(directory).filename().string();
  Exec(db, "ATTACH DATABASE ':memory:' AS " + Quote(schema));
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.path().extension() != ".csv") continue;
    const std::string table = entry.path().stem().string();
    std::ifstream in(entry.path());
    std::vector<std::string> header;
    if (!ReadRecord(in, header)) throw std::runtime_error(entry.path().string() + ": empty file, a header row is needed");
    std::vector<std::string> names, types;
    std::string create = "CREATE TABLE " + Quote(schema) + "." + Quote(table) + " (";
    for (size_t i = 0; i < header.size(); ++i) {
      const size_t colon = header[i].find(':');
      names.push_back(header[i].substr(0, colon));
      types.push_back(colon == std::string::npos ? "string" : Lower(header[i].substr(colon + 1)));
      if (!ParseEngineType(types.back())) {
        throw std::runtime_error(entry.path().string() + ": unknown type '" + types.back() + "' for column " + names.back());
      }
      create += (i ? ", " : "") + Quote(names.back()) + " " + StorageFor(types.back());
      Declare(db, schema, table, names.back(), static_cast<int>(i), types.back());
    }
    Exec(db, create + ")");
    std::string insert = "INSERT INTO " + Quote(schema) + "." + Quote(table) + " VALUES (";
    for (size_t i = 0; i < names.size(); ++i) insert += i ? ", ?" : "?";
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, (insert + ")").c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      throw std::runtime_error(sqlite3_errmsg(db));
    }
    std::vector<std::string> fields;
    size_t line = 1;
    while (ReadRecord(in, fields)) {
      ++line;
      if (fields.size() == 1 && fields[0].empty()) continue;  // blank line
      if (fields.size() != names.size()) {
        sqlite3_finalize(stmt);
        throw std::runtime_error(entry.path().string() + ":" + std::to_string(line) + ": " +
                                 std::to_string(fields.size()) + " fields, the header has " + std::to_string(names.size()));
      }
      sqlite3_reset(stmt);
      for (size_t i = 0; i < fields.size(); ++i) {
        // An empty field is NULL; SQLite's column affinity converts numbers.
        if (fields[i].empty()) {
          sqlite3_bind_null(stmt, static_cast<int>(i + 1));
        } else {
          sqlite3_bind_text(stmt, static_cast<int>(i + 1), fields[i].c_str(), -1, SQLITE_TRANSIENT);
        }
      }
      sqlite3_step(stmt);
    }
    sqlite3_finalize(stmt);
  }
}

}  // namespace e6emu
