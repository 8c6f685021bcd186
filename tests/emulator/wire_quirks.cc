#include "wire_quirks.h"

#include <thrift/protocol/TBinaryProtocol.h>
#include <thrift/protocol/TProtocolDecorator.h>
#include <thrift/transport/TBufferTransports.h>

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "e6x_vector_types.h"
#include "result_set.h"

namespace e6emu {
namespace {

using apache::thrift::protocol::TProtocol;
using apache::thrift::protocol::TType;

// Thrift's C++ code always writes a default-requiredness field such as
// Decimal128Data.scale; this protocol leaves out field 2 of the two decimal
// structs, as a writer that treats `scale` as optional would.
class ScaleDroppingProtocol final : public apache::thrift::protocol::TProtocolDecorator {
 public:
  explicit ScaleDroppingProtocol(std::shared_ptr<TProtocol> inner) : TProtocolDecorator(std::move(inner)) {}

  uint32_t writeStructBegin_virt(const char* name) override {
    structs_.emplace_back(name);
    return TProtocolDecorator::writeStructBegin_virt(name);
  }
  uint32_t writeStructEnd_virt() override {
    structs_.pop_back();
    return TProtocolDecorator::writeStructEnd_virt();
  }
  uint32_t writeFieldBegin_virt(const char* name, const TType type, const int16_t id) override {
    if (id == 2 && !structs_.empty() &&
        (structs_.back() == "Decimal128Data" || structs_.back() == "NumericDecimal128ConstantData")) {
      skipping_ = true;
      return 0;
    }
    return TProtocolDecorator::writeFieldBegin_virt(name, type, id);
  }
  uint32_t writeI32_virt(const int32_t value) override {
    return skipping_ ? 0 : TProtocolDecorator::writeI32_virt(value);
  }
  uint32_t writeFieldEnd_virt() override {
    if (skipping_) {
      skipping_ = false;
      return 0;
    }
    return TProtocolDecorator::writeFieldEnd_virt();
  }

 private:
  std::vector<std::string> structs_;
  bool skipping_ = false;
};

}  // namespace

std::string RewriteMetadata(const std::string& metadata, const WireQuirks& quirks) {
  if (metadata.size() < 12) throw std::runtime_error("metadata block too short");
  std::string out;
  const auto append_be = [&out](uint64_t v, int bytes) {
    for (int i = bytes - 1; i >= 0; --i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
  };
  switch (quirks.metadata_row_count) {
    case MetadataRowCount::kTotal: out = metadata.substr(0, 8); break;
    case MetadataRowCount::kUnknown: append_be(static_cast<uint64_t>(int64_t{-1}), 8); break;
    case MetadataRowCount::kZero: append_be(0, 8); break;
  }
  out.append(metadata, 8, 4);
  size_t at = 12;
  const auto field_count = (static_cast<uint32_t>(static_cast<unsigned char>(metadata[8])) << 24) |
                           (static_cast<uint32_t>(static_cast<unsigned char>(metadata[9])) << 16) |
                           (static_cast<uint32_t>(static_cast<unsigned char>(metadata[10])) << 8) |
                           static_cast<unsigned char>(metadata[11]);
  for (uint32_t field = 0; field < field_count; ++field) {
    for (int part = 0; part < 4; ++part) {  // name, type name, zone, format
      if (at + 2 > metadata.size()) throw std::runtime_error("metadata block truncated");
      const size_t length = (static_cast<size_t>(static_cast<unsigned char>(metadata[at])) << 8) |
                            static_cast<unsigned char>(metadata[at + 1]);
      const std::string text = metadata.substr(at + 2, length);
      at += 2 + length;
      if (part == 1 && quirks.datetime_as_timestamp && text == "DATETIME") {
        AppendJavaUtf(out, "TIMESTAMP");
      } else {
        out.append(metadata, at - 2 - length, 2 + length);
      }
    }
  }
  out.append(metadata, at, std::string::npos);
  return out;
}

std::string RewriteChunk(const std::string& chunk, const WireQuirks& quirks) {
  using apache::thrift::protocol::TBinaryProtocol;
  using apache::thrift::transport::TMemoryBuffer;
  std::string bytes = chunk;
  auto input = std::make_shared<TMemoryBuffer>(reinterpret_cast<uint8_t*>(bytes.data()),
                                               static_cast<uint32_t>(bytes.size()));
  TBinaryProtocol reader(input);
  e6x::vectors::Chunk decoded;
  decoded.read(&reader);
  if (quirks.datetime_as_timestamp) {
    for (e6x::vectors::Vector& vector : decoded.vectors) {
      if (vector.vectorType == e6x::vectors::VectorType::DATETIME) vector.vectorType = e6x::vectors::VectorType::TIMESTAMP;
    }
  }
  auto output = std::make_shared<TMemoryBuffer>();
  auto binary = std::make_shared<TBinaryProtocol>(output);
  if (quirks.decimal_without_scale) {
    ScaleDroppingProtocol writer(binary);
    decoded.write(&writer);
  } else {
    decoded.write(binary.get());
  }
  return output->getBufferAsString();
}

}  // namespace e6emu
