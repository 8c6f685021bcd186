// OpenQueries: the queries of this process that the engine still holds, so
// that a process exiting with open ODBC handles clears them (issue #6:
// "process exit with open handles clears its server query"). The only other
// process-wide state besides the strategy cache; documented in
// docs/architecture.md. Thread-safe.
#pragma once

#include <mutex>
#include <set>

namespace e6odbc::session {

class Query;

class OpenQueries {
 public:
  // Never destroyed (like StrategyCache::ForProcess()). The first Add()
  // registers an exit handler that closes whatever is still open then.
  static OpenQueries& ForProcess();

  void Add(Query& query);
  void Remove(Query& query) noexcept;
  // Closes every registered query (best effort, bounded per query). Called
  // at exit; a test may call it too.
  void CloseAll() noexcept;
  size_t size() const;

 private:
  mutable std::mutex mutex_;
  std::set<Query*> queries_;  // not owned: each Query removes itself when it forgets its id
  bool exit_handler_registered_ = false;
};

}  // namespace e6odbc::session
