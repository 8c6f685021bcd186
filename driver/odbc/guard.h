// The one boundary between the C ABI and the driver. Every exported SQL*
// function runs its body through Guarded(), which
//   - validates the handle by type tag (SQL_INVALID_HANDLE otherwise),
//   - takes the handle's lock (SQLCancel opts out with Locking::kNone, since it
//     must act while another thread holds the statement),
//   - clears the handle's diagnostics (Diagnostics::kKeep for the diag calls),
//   - runs the body and turns every exception into a diagnostic record,
//   - derives the return code: SQL_ERROR whenever an exception escaped,
//     SQL_SUCCESS_WITH_INFO when the body succeeded but left records.
// It is noexcept: no exception ever crosses into the driver manager.
#pragma once

#include <new>
#include <string>

#include "common/driver_error.h"
#include "odbc/handle.h"

namespace e6odbc::odbc {

enum class Locking { kLock, kNone };
enum class DiagnosticsMode { kClear, kKeep };

template <typename T, typename Body>
SQLRETURN Guarded(SQLHANDLE handle, Body&& body, Locking locking = Locking::kLock,
                  DiagnosticsMode mode = DiagnosticsMode::kClear) noexcept {
  T* object = FromHandle<T>(handle);
  if (object == nullptr) return SQL_INVALID_HANDLE;
  std::unique_lock<std::recursive_mutex> lock(object->mutex(), std::defer_lock);
  try {
    if (locking == Locking::kLock) lock.lock();
    if (mode == DiagnosticsMode::kKeep) return body(*object);
    object->diagnostics().Clear();
    return object->diagnostics().Finish(body(*object));
  } catch (const DriverError& error) {
    object->diagnostics().Add(error.sqlstate(), error.what(), error.native());
  } catch (const std::bad_alloc&) {
    object->diagnostics().Add("HY001", "memory allocation error");
  } catch (const std::exception& error) {
    object->diagnostics().Add("HY000", std::string("internal error: ") + error.what());
  } catch (...) {
    object->diagnostics().Add("HY000", "internal error: unknown exception");
  }
  return object->diagnostics().Finish(SQL_ERROR);
}

}  // namespace e6odbc::odbc
