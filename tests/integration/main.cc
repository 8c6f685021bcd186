// Test program entry: registers the shared emulator + ODBCSYSINI environment.
#include <gtest/gtest.h>

#include "odbc_test_support.h"

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  ::testing::AddGlobalTestEnvironment(new e6test::OdbcEnvironment);  // gtest takes ownership
  return RUN_ALL_TESTS();
}
