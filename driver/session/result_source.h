// ResultSource: what an ODBC statement needs of an executed query — its
// column descriptions and its batches, in order, then the end. Query
// implements it over gRPC; unit tests implement it over canned batches.
#pragma once

#include <optional>

#include "wire/column_batch.h"
#include "wire/result_metadata.h"

namespace e6odbc::session {

class ResultSource {
 public:
  virtual ~ResultSource() = default;

  // Valid after execution; column order = vector order in every batch.
  virtual const wire::ResultMetadata& metadata() const = 0;

  // The next batch with at least one row, or nullopt once the server has
  // signalled the end (after which no further request is sent). Throws
  // DriverError (communication failure, malformed batch, a batch whose column
  // count differs from the metadata).
  virtual std::optional<wire::ColumnBatch> NextBatch() = 0;

  // Releases the server-side query (idempotent, never throws).
  virtual void Close() noexcept = 0;
};

}  // namespace e6odbc::session
