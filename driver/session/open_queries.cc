#include "session/open_queries.h"

#include <cstdlib>
#include <new>
#include <vector>

#include "session/query.h"

namespace e6odbc::session {
namespace {

void CloseAllAtExit() { OpenQueries::ForProcess().CloseAll(); }

}  // namespace

OpenQueries& OpenQueries::ForProcess() {
  alignas(OpenQueries) static unsigned char storage[sizeof(OpenQueries)];
  static OpenQueries* const registry = new (storage) OpenQueries();
  return *registry;
}

void OpenQueries::Add(Query& query) {
  std::lock_guard lock(mutex_);
  queries_.insert(&query);
  if (!exit_handler_registered_) {
    // Registered by this module, so it also runs if the driver manager unloads
    // the driver; it runs before gRPC's own static state is torn down.
    exit_handler_registered_ = std::atexit(CloseAllAtExit) == 0;
  }
}

void OpenQueries::Remove(Query& query) noexcept {
  std::lock_guard lock(mutex_);
  queries_.erase(&query);
}

void OpenQueries::CloseAll() noexcept {
  std::vector<Query*> open;
  {
    std::lock_guard lock(mutex_);
    open.assign(queries_.begin(), queries_.end());
  }
  for (Query* query : open) query->Close();  // each Close() removes its query
}

size_t OpenQueries::size() const {
  std::lock_guard lock(mutex_);
  return queries_.size();
}

}  // namespace e6odbc::session
