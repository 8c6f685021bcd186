#include "odbc/diagnostics.h"

#include <gtest/gtest.h>

namespace e6odbc::odbc {
namespace {

TEST(Diagnostics, WarningsMakeSuccessWithInfo) {
  Diagnostics d;
  EXPECT_EQ(d.Finish(SQL_SUCCESS), SQL_SUCCESS);
  d.Add("01004", "string data, right truncated");
  EXPECT_FALSE(d.HasError());
  EXPECT_EQ(d.Finish(SQL_SUCCESS), SQL_SUCCESS_WITH_INFO);
  EXPECT_EQ(d.return_code(), SQL_SUCCESS_WITH_INFO);
  EXPECT_EQ(d.records()[0].message, "[e6data][ODBC Driver]string data, right truncated");
}

TEST(Diagnostics, NoDataStaysNoData) {
  Diagnostics d;
  EXPECT_EQ(d.Finish(SQL_NO_DATA), SQL_NO_DATA);
}

TEST(Diagnostics, Origins) {
  EXPECT_EQ(ClassOrigin("42000"), "ISO 9075");
  EXPECT_EQ(ClassOrigin("IM002"), "ODBC 3.0");
  EXPECT_EQ(SubclassOrigin("08S01"), "ODBC 3.0");
  EXPECT_EQ(SubclassOrigin("22003"), "ISO 9075");
}

}  // namespace
}  // namespace e6odbc::odbc
