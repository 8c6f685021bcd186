// The boundary guard: handle validation, exception translation, return codes.
#include "odbc/guard.h"

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>

#include "odbc/descriptor.h"
#include "odbc/environment.h"

namespace e6odbc::odbc {
namespace {

TEST(Guard, WrongOrNullHandleIsInvalidHandle) {
  Environment env;
  // Zeroed memory the size of a handle: its tag matches no handle kind.
  alignas(Environment) unsigned char not_a_handle[sizeof(Environment)] = {};
  EXPECT_EQ(Guarded<Environment>(nullptr, [](Environment&) { return SQL_SUCCESS; }), SQL_INVALID_HANDLE);
  EXPECT_EQ(Guarded<Environment>(not_a_handle, [](Environment&) { return SQL_SUCCESS; }), SQL_INVALID_HANDLE);
  // An environment is not a descriptor.
  EXPECT_EQ(Guarded<Descriptor>(static_cast<Handle*>(&env), [](Descriptor&) { return SQL_SUCCESS; }),
            SQL_INVALID_HANDLE);
}

TEST(Guard, DriverErrorBecomesARecord) {
  Environment env;
  const SQLRETURN rc = Guarded<Environment>(static_cast<Handle*>(&env), [](Environment&) -> SQLRETURN {
    throw DriverError("HY024", "invalid attribute value");
  });
  EXPECT_EQ(rc, SQL_ERROR);
  ASSERT_EQ(env.diagnostics().records().size(), 1u);
  EXPECT_EQ(env.diagnostics().records()[0].sqlstate, "HY024");
}

TEST(Guard, AnyOtherExceptionIsHY000AndNeverEscapes) {
  Environment env;
  const SQLRETURN rc = Guarded<Environment>(static_cast<Handle*>(&env), [](Environment&) -> SQLRETURN {
    throw std::logic_error("boom");
  });
  EXPECT_EQ(rc, SQL_ERROR);
  EXPECT_EQ(env.diagnostics().records().at(0).sqlstate, "HY000");
  const SQLRETURN rc2 = Guarded<Environment>(static_cast<Handle*>(&env), [](Environment&) -> SQLRETURN { throw 42; });
  EXPECT_EQ(rc2, SQL_ERROR);
}

TEST(Guard, EachCallClearsThePreviousDiagnostics) {
  Environment env;
  Guarded<Environment>(static_cast<Handle*>(&env), [](Environment&) -> SQLRETURN { throw DriverError("HY000", "x"); });
  EXPECT_EQ(Guarded<Environment>(static_cast<Handle*>(&env), [](Environment&) { return SQL_SUCCESS; }), SQL_SUCCESS);
  EXPECT_TRUE(env.diagnostics().records().empty());
}

}  // namespace
}  // namespace e6odbc::odbc
