// Handle: what every ODBC handle object shares — a type tag checked on every
// entry (SQL_INVALID_HANDLE for a wrong or freed handle), a per-handle mutex
// and the diagnostics area. Environment, Connection, Statement and Descriptor
// derive from it.
#pragma once

#include <sql.h>

#include <atomic>
#include <cstdint>
#include <mutex>

#include "odbc/diagnostics.h"

namespace e6odbc::odbc {

enum class HandleKind : uint32_t {
  kEnvironment = 0xE6DA0001,
  kConnection = 0xE6DA0002,
  kStatement = 0xE6DA0003,
  kDescriptor = 0xE6DA0004,
};

class Handle {
 public:
  explicit Handle(HandleKind kind) noexcept : tag_(static_cast<uint32_t>(kind)) {}
  virtual ~Handle() { tag_ = 0; }  // a freed handle no longer validates
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;

  bool Is(HandleKind kind) const noexcept { return tag_ == static_cast<uint32_t>(kind); }
  Diagnostics& diagnostics() noexcept { return diagnostics_; }
  std::recursive_mutex& mutex() noexcept { return mutex_; }

 private:
  std::atomic<uint32_t> tag_;
  Diagnostics diagnostics_;
  std::recursive_mutex mutex_;
};

// The handle object behind `handle` if it is a live handle of type T, else null.
template <typename T>
T* FromHandle(SQLHANDLE handle) noexcept {
  auto* base = static_cast<Handle*>(handle);
  return (base != nullptr && base->Is(T::kKind)) ? static_cast<T*>(base) : nullptr;
}

}  // namespace e6odbc::odbc
