// The `bench` schema: large results generated on the fly, batch by batch,
// without SQLite, so benchmarks measure the client rather than the emulator.
//
//   SELECT * FROM bench.rows_<N>          N rows of the default column mix
//   SELECT * FROM bench.rows_<N>_<mix>    one column per letter of <mix>:
//     l LONG, i INTEGER, d DOUBLE, s STRING, t DATETIME, m DECIMAL128(18,2), b BOOLEAN
// Values are a function of the row number; every 101st row is NULL in every
// column but the first.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "result_set.h"

namespace e6emu {

struct SyntheticSpec {
  size_t rows = 0;
  std::string mix = "lidstm";
};

// Recognises the queries above (case-insensitive, surrounding spaces allowed).
std::optional<SyntheticSpec> ParseSyntheticQuery(const std::string& sql);

class SyntheticResult final : public QueryResult {
 public:
  explicit SyntheticResult(SyntheticSpec spec);
  size_t row_count() const override { return spec_.rows; }
  std::string EncodeMetadata() const override;
  std::string EncodeChunk(size_t first, size_t count) const override;

 private:
  SyntheticSpec spec_;
  std::vector<ResultColumn> columns_;
};

}  // namespace e6emu
