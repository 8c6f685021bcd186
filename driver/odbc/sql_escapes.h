// ODBC escape sequences rewritten into e6data SQL before a statement is
// prepared (unless SQL_ATTR_NOSCAN is on), and by SQLNativeSql:
//   {d 'v'} {t 'v'} {ts 'v'}  → DATE 'v', TIME 'v', TIMESTAMP 'v'
//   {fn NAME(args)}           → NAME(args), with LCASE → lower and UCASE → upper
//                               (CONCAT, LENGTH, ... are the engine's names too: spec §7)
//   {oj join}                 → join
//   {escape 'c'}              → ESCAPE 'c'
//   {guid 'v'}                → 'v'
//   {INTERVAL ...}            → INTERVAL ...
// Escapes nest (`{fn UCASE({fn LTRIM(x)})}`). String literals, quoted
// identifiers and comments are copied untouched. `{call …}` and `{?= call …}`
// throw HYC00 (the engine has no procedures); a `{` that opens no escape is
// left as it is, for the engine to judge.
#pragma once

#include <string>
#include <string_view>

namespace e6odbc::odbc {

std::string TranslateEscapes(std::string_view sql);

}  // namespace e6odbc::odbc
