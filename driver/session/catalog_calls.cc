#include "session/catalog_calls.h"

#include "session/engine_call.h"

namespace e6odbc::session {
namespace {

bool IsRefusal(const grpc::Status& status) noexcept {
  const grpc::StatusCode code = status.error_code();
  return code == grpc::StatusCode::UNIMPLEMENTED || code == grpc::StatusCode::PERMISSION_DENIED ||
         code == grpc::StatusCode::UNAUTHENTICATED;
}

}  // namespace

template <typename Call>
bool CatalogCalls::Run(const char* rpc, const std::string& object, Call&& call, bool refusal_ok) {
  const std::string subject = " [" + object + "]";
  bool may_resume = session_.settings().auto_resume;
  for (int attempt = 1;; ++attempt) {
    const std::string& session_id = session_.SessionId();
    Deadline used;
    const grpc::Status status = SendEngineCall(
        session_, control_, rpc, subject, session_.Headers(session_.strategies().active(), ""), Deadline(), used,
        [&](grpc::ClientContext& context) { return call(session_id, context); });
    if (status.ok()) return true;
    if (refusal_ok && IsRefusal(status)) {
      session_.settings().log->Write(LogLevel::kInfo, DescribeStatus(status, rpc) + ": refused, going without");
      return false;
    }
    if (!IsRecoverable(status, may_resume) || attempt == kMaxRerunAttempts) {
      const DriverError error = CallError(status, control_, used, rpc, subject);
      session_.settings().log->Write(LogLevel::kError, error.sqlstate() + " " + error.what());
      throw error;
    }
    PrepareRerun(session_, status, control_.deadline(), may_resume, rpc);
    session_.Reauthenticate();
  }
}

std::optional<std::vector<std::string>> CatalogCalls::Catalogs() {
  GetCatalogesResponse response;
  const bool answered = Run(
      "getCataloges", "catalog list",
      [&](const std::string&, grpc::ClientContext& context) {
        response.Clear();
        return session_.stub().engine().getCataloges(&context, GetCatalogesRequest(), &response);
      },
      /*refusal_ok=*/true);
  if (!answered) return std::nullopt;
  std::vector<std::string> names;
  names.reserve(static_cast<size_t>(response.catalogresponses_size()));
  for (const CatalogResponse& catalog : response.catalogresponses()) names.push_back(catalog.name());
  return names;
}

std::vector<std::string> CatalogCalls::Schemas(const std::string& catalog) {
  GetSchemaNamesResponse response;
  Run(catalog.empty() ? "getSchemaNames" : "getSchemaNamesV2", "catalog '" + catalog + "'",
      [&](const std::string& session_id, grpc::ClientContext& context) {
        response.Clear();
        if (catalog.empty()) {
          GetSchemaNamesRequest request;
          request.set_sessionid(session_id);
          return session_.stub().engine().getSchemaNames(&context, request, &response);
        }
        GetSchemaNamesV2Request request;
        request.set_sessionid(session_id);
        request.set_catalog(catalog);
        return session_.stub().engine().getSchemaNamesV2(&context, request, &response);
      });
  session_.strategies().Announce(response.new_strategy());
  return {response.schemas().begin(), response.schemas().end()};
}

std::vector<std::string> CatalogCalls::Tables(const std::string& catalog, const std::string& schema) {
  GetTablesResponse response;
  Run(catalog.empty() ? "getTables" : "getTablesV2", "schema '" + schema + "'",
      [&](const std::string& session_id, grpc::ClientContext& context) {
        response.Clear();
        if (catalog.empty()) {
          GetTablesRequest request;
          request.set_sessionid(session_id);
          request.set_schema(schema);
          return session_.stub().engine().getTables(&context, request, &response);
        }
        GetTablesV2Request request;
        request.set_sessionid(session_id);
        request.set_schema(schema);
        request.set_catalog(catalog);
        return session_.stub().engine().getTablesV2(&context, request, &response);
      });
  session_.strategies().Announce(response.new_strategy());
  return {response.tables().begin(), response.tables().end()};
}

std::vector<CatalogColumn> CatalogCalls::Columns(const std::string& catalog, const std::string& schema,
                                                 const std::string& table) {
  GetColumnsResponse response;
  Run(catalog.empty() ? "getColumns" : "getColumnsV2", "table '" + schema + "." + table + "'",
      [&](const std::string& session_id, grpc::ClientContext& context) {
        response.Clear();
        if (catalog.empty()) {
          GetColumnsRequest request;
          request.set_sessionid(session_id);
          request.set_schema(schema);
          request.set_table(table);
          return session_.stub().engine().getColumns(&context, request, &response);
        }
        GetColumnsV2Request request;
        request.set_sessionid(session_id);
        request.set_schema(schema);
        request.set_table(table);
        request.set_catalog(catalog);
        return session_.stub().engine().getColumnsV2(&context, request, &response);
      });
  session_.strategies().Announce(response.new_strategy());
  std::vector<CatalogColumn> columns;
  columns.reserve(static_cast<size_t>(response.fieldinfo_size()));
  for (const GFieldInfo& field : response.fieldinfo()) columns.push_back({field.fieldname(), field.fieldtype()});
  return columns;
}

}  // namespace e6odbc::session
