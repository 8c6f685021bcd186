// CatalogCalls: the engine's catalog browsing (protocol spec §3.6) — the
// schemas of a catalog, the tables of a schema, the columns of a table — and
// the catalog list where the engine lets ordinary clients have it (§13.11).
// A connection without a catalog uses the V1 calls, which need none.
// Knows nothing of ODBC: names and engine type names in, lists out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "session/call_control.h"
#include "session/catalog_source.h"

namespace e6odbc::session {

class Session;

class CatalogCalls : public CatalogSource {
 public:
  // `session` and `control` must outlive this object; `control` carries the
  // operation's deadline and lets SQLCancel interrupt the call in flight.
  CatalogCalls(Session& session, CallControl& control) noexcept : session_(session), control_(control) {}

  // getCataloges: the engine's catalog names, or nullopt when the engine does
  // not let this client list them (UNIMPLEMENTED, PERMISSION_DENIED or
  // UNAUTHENTICATED: spec §13.11). Other failures throw.
  std::optional<std::vector<std::string>> Catalogs() override;
  // getSchemaNamesV2 (getSchemaNames when `catalog` is empty).
  std::vector<std::string> Schemas(const std::string& catalog) override;
  // getTablesV2 (getTables when `catalog` is empty).
  std::vector<std::string> Tables(const std::string& catalog, const std::string& schema) override;
  // getColumnsV2 (getColumns when `catalog` is empty), in table order.
  std::vector<CatalogColumn> Columns(const std::string& catalog, const std::string& schema,
                                     const std::string& table) override;

  // Every call above sends the active strategy and no plannerip (§3.5) and is
  // rerun on a new session after a 456, an expired session or — with
  // AUTO_RESUME — a suspended cluster (safe: they only read). Failures throw
  // DriverError: 08S01 communication, HY008 cancelled, HYT00/HYT01 timeout,
  // 42000 denied, HY000 otherwise; the message names the call and the object.

 private:
  // Runs `call(session_id, context)` with the recovery described above;
  // `object` names what was asked for in error messages. With `refusal_ok`, a
  // refused call (see Catalogs()) returns false instead of throwing.
  template <typename Call>
  bool Run(const char* rpc, const std::string& object, Call&& call, bool refusal_ok = false);

  Session& session_;
  CallControl& control_;
};

}  // namespace e6odbc::session
