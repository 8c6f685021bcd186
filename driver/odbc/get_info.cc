#include "odbc/get_info.h"

#include <string>
#include <variant>

#include "common/driver_error.h"
#include "odbc/connection.h"

namespace e6odbc::odbc {
namespace {

// A SQLGetInfo answer: text, a 16-bit value or a 32-bit value (mask or number).
using InfoValue = std::variant<std::string, SQLUSMALLINT, SQLUINTEGER>;

constexpr const char* kDriverVersion = "00.01.0000";

InfoValue Lookup(Connection& c, SQLUSMALLINT type) {
  const config::ConnectionOptions& o = c.options();
  switch (type) {
    // Driver and data source identity.
    case SQL_DRIVER_NAME: return std::string("libe6dataodbc.so");
    case SQL_DRIVER_VER: return std::string(kDriverVersion);
    case SQL_DRIVER_ODBC_VER: return std::string("03.80");
    case SQL_ODBC_VER: return std::string("03.80.0000");
    case SQL_DBMS_NAME: return std::string("e6data");
    case SQL_DBMS_VER: return std::string("00.00.0000");
    case SQL_DATA_SOURCE_NAME: return o.dsn;
    case SQL_SERVER_NAME: return o.host;
    case SQL_USER_NAME: return o.user;
    case SQL_DATABASE_NAME: return o.database;
    case SQL_DATA_SOURCE_READ_ONLY: return std::string("Y");
    case SQL_ACCESSIBLE_TABLES: return std::string("Y");
    case SQL_ACCESSIBLE_PROCEDURES: return std::string("N");
    case SQL_SEARCH_PATTERN_ESCAPE: return std::string("\\");
    case SQL_IDENTIFIER_QUOTE_CHAR: return std::string("\"");
    case SQL_CATALOG_NAME_SEPARATOR: return std::string(".");
    case SQL_CATALOG_TERM: return std::string("catalog");
    case SQL_SCHEMA_TERM: return std::string("database");
    case SQL_TABLE_TERM: return std::string("table");
    case SQL_PROCEDURE_TERM: return std::string("");
    case SQL_CATALOG_NAME: return std::string("Y");
    case SQL_COLUMN_ALIAS: return std::string("Y");
    case SQL_EXPRESSIONS_IN_ORDERBY: return std::string("Y");
    case SQL_ORDER_BY_COLUMNS_IN_SELECT: return std::string("N");
    case SQL_LIKE_ESCAPE_CLAUSE: return std::string("Y");
    case SQL_MULT_RESULT_SETS: return std::string("N");
    case SQL_MULTIPLE_ACTIVE_TXN: return std::string("Y");
    case SQL_NEED_LONG_DATA_LEN: return std::string("N");
    case SQL_OUTER_JOINS: return std::string("Y");
    case SQL_PROCEDURES: return std::string("N");
    case SQL_ROW_UPDATES: return std::string("N");
    case SQL_DESCRIBE_PARAMETER: return std::string("N");
    case SQL_MAX_ROW_SIZE_INCLUDES_LONG: return std::string("N");
    case SQL_INTEGRITY: return std::string("N");
    case SQL_COLLATION_SEQ: return std::string("UTF-8");
    case SQL_KEYWORDS: return std::string("");
    case SQL_SPECIAL_CHARACTERS: return std::string("");
    case SQL_XOPEN_CLI_YEAR: return std::string("1995");
    // Capabilities (16-bit).
    case SQL_ACTIVE_ENVIRONMENTS: return SQLUSMALLINT{0};
    case SQL_MAX_DRIVER_CONNECTIONS: return SQLUSMALLINT{0};
    case SQL_MAX_CONCURRENT_ACTIVITIES: return SQLUSMALLINT{0};
    case SQL_CURSOR_COMMIT_BEHAVIOR: return SQLUSMALLINT{SQL_CB_PRESERVE};
    case SQL_CURSOR_ROLLBACK_BEHAVIOR: return SQLUSMALLINT{SQL_CB_PRESERVE};
    case SQL_TXN_CAPABLE: return SQLUSMALLINT{SQL_TC_NONE};
    case SQL_CONCAT_NULL_BEHAVIOR: return SQLUSMALLINT{SQL_CB_NULL};
    case SQL_CORRELATION_NAME: return SQLUSMALLINT{SQL_CN_ANY};
    case SQL_GROUP_BY: return SQLUSMALLINT{SQL_GB_GROUP_BY_CONTAINS_SELECT};
    case SQL_IDENTIFIER_CASE: return SQLUSMALLINT{SQL_IC_MIXED};
    case SQL_QUOTED_IDENTIFIER_CASE: return SQLUSMALLINT{SQL_IC_SENSITIVE};
    case SQL_NULL_COLLATION: return SQLUSMALLINT{SQL_NC_LOW};
    case SQL_NON_NULLABLE_COLUMNS: return SQLUSMALLINT{SQL_NNC_NULL};
    case SQL_FILE_USAGE: return SQLUSMALLINT{SQL_FILE_NOT_SUPPORTED};
    case SQL_CATALOG_LOCATION: return SQLUSMALLINT{SQL_CL_START};
    case SQL_MAX_CATALOG_NAME_LEN:
    case SQL_MAX_SCHEMA_NAME_LEN:
    case SQL_MAX_TABLE_NAME_LEN:
    case SQL_MAX_COLUMN_NAME_LEN:
    case SQL_MAX_CURSOR_NAME_LEN: return SQLUSMALLINT{0};
    case SQL_MAX_COLUMNS_IN_SELECT:
    case SQL_MAX_COLUMNS_IN_GROUP_BY:
    case SQL_MAX_COLUMNS_IN_ORDER_BY:
    case SQL_MAX_TABLES_IN_SELECT: return SQLUSMALLINT{0};
    // Capabilities (32-bit masks and numbers).
    case SQL_GETDATA_EXTENSIONS: return SQLUINTEGER{SQL_GD_ANY_COLUMN | SQL_GD_ANY_ORDER | SQL_GD_BOUND};
    case SQL_CURSOR_SENSITIVITY: return SQLUINTEGER{SQL_INSENSITIVE};
    case SQL_SCROLL_OPTIONS: return SQLUINTEGER{SQL_SO_FORWARD_ONLY};
    case SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES1: return SQLUINTEGER{SQL_CA1_NEXT};
    case SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES2: return SQLUINTEGER{SQL_CA2_READ_ONLY_CONCURRENCY | SQL_CA2_MAX_ROWS_SELECT};
    case SQL_STATIC_CURSOR_ATTRIBUTES1:
    case SQL_STATIC_CURSOR_ATTRIBUTES2:
    case SQL_DYNAMIC_CURSOR_ATTRIBUTES1:
    case SQL_DYNAMIC_CURSOR_ATTRIBUTES2:
    case SQL_KEYSET_CURSOR_ATTRIBUTES1:
    case SQL_KEYSET_CURSOR_ATTRIBUTES2: return SQLUINTEGER{0};
    case SQL_SCROLL_CONCURRENCY: return SQLUINTEGER{SQL_SCCO_READ_ONLY};
    case SQL_TXN_ISOLATION_OPTION: return SQLUINTEGER{0};
    case SQL_DEFAULT_TXN_ISOLATION: return SQLUINTEGER{0};
    case SQL_ODBC_INTERFACE_CONFORMANCE: return SQLUINTEGER{SQL_OIC_CORE};
    case SQL_SQL_CONFORMANCE: return SQLUINTEGER{SQL_SC_SQL92_ENTRY};
    case SQL_ASYNC_MODE: return SQLUINTEGER{SQL_AM_NONE};
    case SQL_MAX_ASYNC_CONCURRENT_STATEMENTS: return SQLUINTEGER{0};
    case SQL_BATCH_SUPPORT: return SQLUINTEGER{0};
    case SQL_BATCH_ROW_COUNT: return SQLUINTEGER{0};
    case SQL_PARAM_ARRAY_ROW_COUNTS: return SQLUINTEGER{SQL_PARC_NO_BATCH};
    case SQL_PARAM_ARRAY_SELECTS: return SQLUINTEGER{SQL_PAS_NO_SELECT};
    case SQL_BOOKMARK_PERSISTENCE: return SQLUINTEGER{0};
    case SQL_STATIC_SENSITIVITY: return SQLUINTEGER{0};
    case SQL_POS_OPERATIONS: return SQLUINTEGER{0};
    case SQL_LOCK_TYPES: return SQLUINTEGER{0};
    case SQL_DATETIME_LITERALS: return SQLUINTEGER{SQL_DL_SQL92_DATE | SQL_DL_SQL92_TIMESTAMP};
    case SQL_CATALOG_USAGE: return SQLUINTEGER{SQL_CU_DML_STATEMENTS};
    case SQL_SCHEMA_USAGE: return SQLUINTEGER{SQL_SU_DML_STATEMENTS};
    case SQL_MAX_STATEMENT_LEN:
    case SQL_MAX_ROW_SIZE:
    case SQL_MAX_CHAR_LITERAL_LEN:
    case SQL_MAX_BINARY_LITERAL_LEN:
    case SQL_MAX_INDEX_SIZE: return SQLUINTEGER{0};
    case SQL_STRING_FUNCTIONS: return SQLUINTEGER{SQL_FN_STR_CONCAT | SQL_FN_STR_LENGTH | SQL_FN_STR_SUBSTRING |
                                                  SQL_FN_STR_LCASE | SQL_FN_STR_UCASE | SQL_FN_STR_LTRIM | SQL_FN_STR_RTRIM};
    case SQL_NUMERIC_FUNCTIONS: return SQLUINTEGER{SQL_FN_NUM_ABS | SQL_FN_NUM_ROUND | SQL_FN_NUM_FLOOR | SQL_FN_NUM_CEILING};
    case SQL_TIMEDATE_FUNCTIONS: return SQLUINTEGER{0};
    case SQL_SYSTEM_FUNCTIONS: return SQLUINTEGER{0};
    case SQL_CONVERT_FUNCTIONS: return SQLUINTEGER{SQL_FN_CVT_CAST};
    case SQL_AGGREGATE_FUNCTIONS: return SQLUINTEGER{SQL_AF_ALL | SQL_AF_AVG | SQL_AF_COUNT | SQL_AF_DISTINCT |
                                                     SQL_AF_MAX | SQL_AF_MIN | SQL_AF_SUM};
    case SQL_SQL92_PREDICATES: return SQLUINTEGER{SQL_SP_BETWEEN | SQL_SP_COMPARISON | SQL_SP_IN | SQL_SP_ISNULL |
                                                  SQL_SP_ISNOTNULL | SQL_SP_LIKE | SQL_SP_EXISTS};
    case SQL_SQL92_RELATIONAL_JOIN_OPERATORS: return SQLUINTEGER{SQL_SRJO_INNER_JOIN | SQL_SRJO_LEFT_OUTER_JOIN |
                                                                SQL_SRJO_RIGHT_OUTER_JOIN | SQL_SRJO_CROSS_JOIN};
    case SQL_OJ_CAPABILITIES: return SQLUINTEGER{SQL_OJ_LEFT | SQL_OJ_RIGHT | SQL_OJ_NESTED | SQL_OJ_NOT_ORDERED |
                                                 SQL_OJ_INNER | SQL_OJ_ALL_COMPARISON_OPS};
    case SQL_UNION: return SQLUINTEGER{SQL_U_UNION | SQL_U_UNION_ALL};
    case SQL_SUBQUERIES: return SQLUINTEGER{SQL_SQ_COMPARISON | SQL_SQ_EXISTS | SQL_SQ_IN | SQL_SQ_CORRELATED_SUBQUERIES};
    case SQL_INFO_SCHEMA_VIEWS: return SQLUINTEGER{0};
    case SQL_ALTER_TABLE:
    case SQL_CREATE_TABLE:
    case SQL_CREATE_VIEW:
    case SQL_DROP_TABLE:
    case SQL_DROP_VIEW:
    case SQL_INSERT_STATEMENT: return SQLUINTEGER{0};
    // CONVERT conversions: none advertised (CAST is, through SQL_CONVERT_FUNCTIONS).
    case SQL_CONVERT_BIGINT:
    case SQL_CONVERT_BINARY:
    case SQL_CONVERT_BIT:
    case SQL_CONVERT_CHAR:
    case SQL_CONVERT_DATE:
    case SQL_CONVERT_DECIMAL:
    case SQL_CONVERT_DOUBLE:
    case SQL_CONVERT_FLOAT:
    case SQL_CONVERT_GUID:
    case SQL_CONVERT_INTEGER:
    case SQL_CONVERT_INTERVAL_DAY_TIME:
    case SQL_CONVERT_INTERVAL_YEAR_MONTH:
    case SQL_CONVERT_LONGVARBINARY:
    case SQL_CONVERT_LONGVARCHAR:
    case SQL_CONVERT_NUMERIC:
    case SQL_CONVERT_REAL:
    case SQL_CONVERT_SMALLINT:
    case SQL_CONVERT_TIME:
    case SQL_CONVERT_TIMESTAMP:
    case SQL_CONVERT_TINYINT:
    case SQL_CONVERT_VARBINARY:
    case SQL_CONVERT_VARCHAR:
    case SQL_CONVERT_WCHAR:
    case SQL_CONVERT_WLONGVARCHAR:
    case SQL_CONVERT_WVARCHAR: return SQLUINTEGER{0};
    // SQL-92 features: what the escape and function tables above already claim,
    // and the value expressions every analytic SQL engine has; nothing else.
    case SQL_SQL92_STRING_FUNCTIONS: return SQLUINTEGER{SQL_SSF_LOWER | SQL_SSF_UPPER | SQL_SSF_SUBSTRING};
    case SQL_SQL92_VALUE_EXPRESSIONS: return SQLUINTEGER{SQL_SVE_CASE | SQL_SVE_CAST | SQL_SVE_COALESCE};
    case SQL_SQL92_DATETIME_FUNCTIONS:
    case SQL_SQL92_NUMERIC_VALUE_FUNCTIONS:
    case SQL_SQL92_ROW_VALUE_CONSTRUCTOR:
    case SQL_SQL92_FOREIGN_KEY_DELETE_RULE:
    case SQL_SQL92_FOREIGN_KEY_UPDATE_RULE:
    case SQL_SQL92_GRANT:
    case SQL_SQL92_REVOKE:
    case SQL_TIMEDATE_ADD_INTERVALS:
    case SQL_TIMEDATE_DIFF_INTERVALS:
    case SQL_POSITIONED_STATEMENTS: return SQLUINTEGER{0};
    // No DDL through this driver (the data source is read-only).
    case SQL_ALTER_DOMAIN:
    case SQL_CREATE_ASSERTION:
    case SQL_CREATE_CHARACTER_SET:
    case SQL_CREATE_COLLATION:
    case SQL_CREATE_DOMAIN:
    case SQL_CREATE_SCHEMA:
    case SQL_CREATE_TRANSLATION:
    case SQL_DDL_INDEX:
    case SQL_DROP_ASSERTION:
    case SQL_DROP_CHARACTER_SET:
    case SQL_DROP_COLLATION:
    case SQL_DROP_DOMAIN:
    case SQL_DROP_SCHEMA:
    case SQL_DROP_TRANSLATION: return SQLUINTEGER{0};
    case SQL_INDEX_KEYWORDS: return SQLUINTEGER{SQL_IK_NONE};
    case SQL_STANDARD_CLI_CONFORMANCE: return SQLUINTEGER{SQL_SCC_ISO92_CLI};
    case SQL_ASYNC_DBC_FUNCTIONS: return SQLUINTEGER{SQL_ASYNC_DBC_NOT_CAPABLE};
    case SQL_ASYNC_NOTIFICATION: return SQLUINTEGER{SQL_ASYNC_NOTIFICATION_NOT_CAPABLE};
    case SQL_DRIVER_AWARE_POOLING_SUPPORTED: return SQLUINTEGER{SQL_DRIVER_AWARE_POOLING_NOT_CAPABLE};
    case SQL_FETCH_DIRECTION: return SQLUINTEGER{SQL_FD_FETCH_NEXT};  // ODBC 2
    case SQL_ODBC_API_CONFORMANCE: return SQLUSMALLINT{SQL_OAC_LEVEL1};  // ODBC 2
    case SQL_ODBC_SAG_CLI_CONFORMANCE: return SQLUSMALLINT{SQL_OSCC_COMPLIANT};  // ODBC 2
    case SQL_ODBC_SQL_CONFORMANCE: return SQLUSMALLINT{SQL_OSC_CORE};  // ODBC 2
    // Limits the engine does not state: 0 is ODBC's "no limit or unknown".
    case SQL_MAX_IDENTIFIER_LEN:
    case SQL_MAX_PROCEDURE_NAME_LEN:
    case SQL_MAX_USER_NAME_LEN:
    case SQL_MAX_COLUMNS_IN_INDEX:
    case SQL_MAX_COLUMNS_IN_TABLE: return SQLUSMALLINT{0};
    default:
      throw DriverError("HY096", "information type " + std::to_string(type) + " is not supported");
  }
}

}  // namespace

SQLRETURN GetInfo(Connection& connection, SQLUSMALLINT info_type, SQLPOINTER value, SQLSMALLINT,
                  SQLSMALLINT* string_length, OutText text) {
  const InfoValue answer = Lookup(connection, info_type);
  if (const auto* s = std::get_if<std::string>(&answer)) {
    StoreLength(string_length, text.Write(*s));
    if (text.truncated()) connection.diagnostics().Add("01004", "string data, right truncated");
  } else if (const auto* u16 = std::get_if<SQLUSMALLINT>(&answer)) {
    StoreValue(value, *u16);
    StoreLength(string_length, sizeof *u16);
  } else {
    const auto& u32 = std::get<SQLUINTEGER>(answer);
    StoreValue(value, u32);
    StoreLength(string_length, sizeof u32);
  }
  return SQL_SUCCESS;
}

}  // namespace e6odbc::odbc
