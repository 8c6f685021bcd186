#include "odbc/sql_escapes.h"

#include <cctype>

#include "common/driver_error.h"
#include "common/text.h"
#include "odbc/sql_lexer.h"

namespace e6odbc::odbc {
namespace {

// {fn} names that differ in the engine's SQL; every other name (CONCAT,
// LENGTH, SUBSTRING, LTRIM, RTRIM, ABS, ROUND, FLOOR, CEILING, ...) passes as written.
struct FunctionName {
  std::string_view odbc;
  std::string_view engine;
};
constexpr FunctionName kRenamed[] = {{"LCASE", "lower"}, {"UCASE", "upper"}};

class Translator {
 public:
  explicit Translator(std::string_view sql) : sql_(sql) {}

  // Translates from the current position up to (not including) an unmatched
  // `}` when `nested`, else to the end.
  std::string Run(bool nested) {
    std::string out;
    while (at_ < sql_.size()) {
      const char c = sql_[at_];
      if (c == '}' && nested) return out;
      if (const size_t past = SkipOpaque(sql_, at_); past != at_) {  // literal, identifier, comment
        out.append(sql_.substr(at_, past - at_));
        at_ = past;
      } else if (c == '{') {
        Escape(out);
      } else {
        out += c;
        ++at_;
      }
    }
    return out;
  }

 private:
  void SkipSpaces() {
    while (at_ < sql_.size() && std::isspace(static_cast<unsigned char>(sql_[at_]))) ++at_;
  }

  std::string Keyword() {
    const size_t start = at_;
    while (at_ < sql_.size() && (std::isalpha(static_cast<unsigned char>(sql_[at_])) || sql_[at_] == '?' ||
                                 sql_[at_] == '=')) {
      ++at_;
    }
    return ToLower(sql_.substr(start, at_ - start));
  }

  // At a `{`: the escape's translation, or the brace itself when it opens none.
  void Escape(std::string& out) {
    const size_t open = at_++;
    SkipSpaces();
    const std::string keyword = Keyword();
    std::string prefix;
    if (keyword == "d") prefix = "DATE ";
    else if (keyword == "t") prefix = "TIME ";
    else if (keyword == "ts") prefix = "TIMESTAMP ";
    else if (keyword == "escape") prefix = "ESCAPE ";
    else if (keyword == "interval") prefix = "INTERVAL ";
    else if (keyword == "call" || keyword == "?=" || keyword == "?=call") {
      throw DriverError("HYC00", "optional feature not implemented: procedure call escapes ({call ...}); "
                                 "e6data has no stored procedures");
    } else if (keyword != "fn" && keyword != "oj" && keyword != "guid") {
      out += '{';  // not an escape: leave the text for the engine
      at_ = open + 1;
      return;
    }
    SkipSpaces();
    std::string body = Run(/*nested=*/true);
    if (at_ >= sql_.size()) throw DriverError("42000", "syntax error: escape sequence '{" + keyword + "' has no closing '}'");
    ++at_;  // the closing brace
    body = std::string(Trim(body));
    out += keyword == "fn" ? Function(body) : prefix + body;
  }

  // NAME(args) with the engine's name for NAME.
  static std::string Function(const std::string& call) {
    const size_t paren = call.find('(');
    const std::string_view name = Trim(std::string_view(call).substr(0, paren));
    const std::string_view rest = paren == std::string::npos ? std::string_view() : std::string_view(call).substr(paren);
    for (const FunctionName& renamed : kRenamed) {
      if (EqualsIgnoreCase(name, renamed.odbc)) return std::string(renamed.engine) + std::string(rest);
    }
    return call;
  }

  std::string_view sql_;
  size_t at_ = 0;
};

}  // namespace

std::string TranslateEscapes(std::string_view sql) {
  if (sql.find('{') == std::string_view::npos) return std::string(sql);  // the common case: nothing to do
  return Translator(sql).Run(/*nested=*/false);
}

}  // namespace e6odbc::odbc
