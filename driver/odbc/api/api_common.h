// Helpers shared by the exported entry points (odbc/api/*.cc). Every
// exported SQL* function is a thin forwarder: it converts text arguments
// (the W door converts UTF-16, the A door passes UTF-8) and calls one handle
// method through Guarded(). Nothing in the driver calls an exported function.
#pragma once

#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

#include "odbc/connection.h"
#include "odbc/descriptor.h"
#include "odbc/environment.h"
#include "odbc/guard.h"
#include "odbc/statement.h"
#include "odbc/text_io.h"

// Every exported symbol is listed in driver/odbc/exports.map; this marks the
// definitions so a reader sees which functions form the C ABI.
#define E6_EXPORT extern "C" __attribute__((visibility("default")))
