// CatalogSource: what the ODBC catalog functions need of the engine's catalog
// — catalogs, schemas, tables and columns by exact name. CatalogCalls
// implements it over gRPC; unit tests implement it over canned lists.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace e6odbc::session {

// One column as the engine's catalog reports it: its name and the engine's
// free-text type name ("int", "decimal(7,2)", "array<int>": spec §7).
struct CatalogColumn {
  std::string name;
  std::string engine_type;
};

class CatalogSource {
 public:
  virtual ~CatalogSource() = default;

  // The catalog names, or nullopt when the engine does not let this client
  // list them (spec §13.11).
  virtual std::optional<std::vector<std::string>> Catalogs() = 0;
  // An empty `catalog` means the engine's default catalog.
  virtual std::vector<std::string> Schemas(const std::string& catalog) = 0;
  virtual std::vector<std::string> Tables(const std::string& catalog, const std::string& schema) = 0;
  // In table order.
  virtual std::vector<CatalogColumn> Columns(const std::string& catalog, const std::string& schema,
                                             const std::string& table) = 0;
};

}  // namespace e6odbc::session
