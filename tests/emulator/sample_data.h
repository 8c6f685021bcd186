// The emulator's built-in sample data, deterministic: catalog `emulator` with
// schemas `tpch` (TPC-H-shaped tables from a fixed seed) and `types`
// (`all_types`, one column per e6data type and rows at every edge). Each
// schema is an attached SQLite database; the engine type of every column is
// declared in the side catalog table main._e6_columns. docs/emulator.md
// lists the tables and the all_types rows.
#pragma once

#include <sqlite3.h>

#include <string>
#include <vector>

namespace e6emu {

inline constexpr const char* kCatalog = "emulator";

struct CatalogColumn {
  std::string name;
  std::string engine_type;  // lower case, e.g. "decimal(15,2)"
};

// Creates and fills the sample schemas on `db` (an open, empty connection).
// Throws std::runtime_error with SQLite's message on failure.
void LoadSampleData(sqlite3* db);

// Catalog queries over main._e6_columns (schemas and tables in name order,
// columns in declaration order).
std::vector<std::string> ListSchemas(sqlite3* db);
std::vector<std::string> ListTables(sqlite3* db, const std::string& schema);
std::vector<CatalogColumn> ListColumns(sqlite3* db, const std::string& schema, const std::string& table);
// The declared engine type of schema.table.column, or "" when unknown.
std::string DeclaredType(sqlite3* db, const std::string& schema, const std::string& table, const std::string& column);

}  // namespace e6emu
