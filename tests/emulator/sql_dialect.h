// The engine's SQL as SQLite can run it. The emulator hands SQL to SQLite as
// written, except for what the engine accepts and SQLite does not parse:
// - SQL-92 typed literals `DATE '…'`, `TIME '…'`, `TIMESTAMP '…'` become plain
//   string literals (SQLite stores the sample dates as ISO text, so
//   comparisons keep their meaning; in a select list they come back as STRING);
// - backslash escapes in string literals, which e6data's client relies on
//   (spec §11: `\\`, `\'`, `\r`, `\n`, `\t`), become SQLite's forms; other
//   backslashes stay as written, and a doubled quote still means one quote.
#pragma once

#include <string>
#include <string_view>

namespace e6emu {

std::string ToSqlite(std::string_view sql);

}  // namespace e6emu
