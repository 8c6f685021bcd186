// The custom headers of one engine call (protocol spec §3.5). Empty values
// are not sent. Kept free of gRPC types so session.h can use it.
#pragma once

#include <optional>
#include <string>

namespace e6odbc::session {

struct CallHeaders {
  std::string cluster_name;             // `cluster-name`, already lower-cased
  std::optional<std::string> strategy;  // `strategy`: "blue" or "green"
  std::string planner_ip;               // `plannerip`: the query's engineIP
};

}  // namespace e6odbc::session
