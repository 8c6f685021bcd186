// Auto-resume (protocol spec §8.3): when authentication finds the cluster
// suspended (503), wake it through ClusterService — status, resume, then poll
// status until it is active — within a time budget. Used by Session only.
#pragma once

#include <string>

#include "session/call_control.h"
#include "session/session_settings.h"

namespace e6odbc::session {

// Returns once the cluster reports `active`. `colour` is the strategy header
// to send first; a 456 answer switches once to the other colour. Concurrent
// resumes in one process are serialised (one process-wide lock, so a burst of
// connections sends one resume). Polls with a growing pause (250 ms doubling
// up to 5 s, the reference's fixed interval) until `budget` runs out.
// Throws DriverError saying the cluster is suspended and why it could not be
// resumed: 08001 (failed, ClusterService error), or budget.sqlstate when the
// budget ran out (HYT00 when it was the login timeout).
void ResumeCluster(const SessionSettings& settings, const std::string& colour, const Deadline& budget);

}  // namespace e6odbc::session
