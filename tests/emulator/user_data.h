// Loading user data into the emulator beside the sample data:
//   --load-sqlite PATH[=SCHEMA]  attach an SQLite database file (read-only) as a schema
//   --load-csv DIR[=SCHEMA]      every DIR/*.csv becomes a table of an in-memory schema
// Engine types (docs/emulator.md "User data"): an SQLite column whose declared
// type is an engine type name (`bigint`, `decimal(10,2)`, `varchar(20)`,
// `timestamp`, ...) keeps it, except INTEGER/INT, which hold 64-bit values in
// SQLite and become bigint; other declared types map by SQLite affinity
// (INT... -> bigint, CHAR/CLOB/TEXT -> string, BLOB or none -> binary, else
// double). A CSV header names each column `name` or `name:type` (default
// string); quote a header field whose type has a comma: "amount:decimal(12,2)".
#pragma once

#include <sqlite3.h>

#include <string>

namespace e6emu {

// The schema defaults to the file or directory name without extension.
// Throw std::runtime_error naming the file and the problem.
void LoadSqliteFile(sqlite3* db, const std::string& path, std::string schema);
void LoadCsvDirectory(sqlite3* db, const std::string& directory, std::string schema);

}  // namespace e6emu
