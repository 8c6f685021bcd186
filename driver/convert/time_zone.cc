#include "convert/time_zone.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>

#include "convert/civil_time.h"

namespace e6odbc::convert {
namespace {

constexpr size_t kHeaderSize = 44;
constexpr size_t kMaxZoneFileSize = 1 << 20;  // real files are a few KB

uint32_t BigEndian32(std::string_view bytes, size_t at) {
  return (uint32_t{static_cast<unsigned char>(bytes[at])} << 24) |
         (uint32_t{static_cast<unsigned char>(bytes[at + 1])} << 16) |
         (uint32_t{static_cast<unsigned char>(bytes[at + 2])} << 8) | uint32_t{static_cast<unsigned char>(bytes[at + 3])};
}

int64_t BigEndian64(std::string_view bytes, size_t at) {
  return static_cast<int64_t>((uint64_t{BigEndian32(bytes, at)} << 32) | BigEndian32(bytes, at + 4));
}

struct Counts {
  uint32_t isut, isstd, leap, time, type, chars;
};

// The six counts of the header at `at`, or nullopt when it is not a TZif header.
std::optional<Counts> ReadHeader(std::string_view bytes, size_t at) {
  if (bytes.size() < at + kHeaderSize || bytes.substr(at, 4) != "TZif") return std::nullopt;
  return Counts{BigEndian32(bytes, at + 20), BigEndian32(bytes, at + 24), BigEndian32(bytes, at + 28),
                BigEndian32(bytes, at + 32), BigEndian32(bytes, at + 36), BigEndian32(bytes, at + 40)};
}

size_t BlockSize(const Counts& c, size_t time_size) {
  return size_t{c.time} * time_size + c.time + size_t{c.type} * 6 + c.chars + size_t{c.leap} * (time_size + 4) +
         c.isstd + c.isut;
}

// ---- POSIX TZ strings (the TZif footer) ------------------------------------

class TzCursor {
 public:
  explicit TzCursor(std::string_view text) : text_(text) {}
  bool done() const { return pos_ >= text_.size(); }
  char peek() const { return done() ? '\0' : text_[pos_]; }
  bool Consume(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  // A zone abbreviation: 3+ letters, or anything in <...>.
  bool SkipName() {
    if (Consume('<')) {
      while (!done() && peek() != '>') ++pos_;
      return Consume('>');
    }
    const size_t start = pos_;
    while (!done() && ((peek() >= 'A' && peek() <= 'Z') || (peek() >= 'a' && peek() <= 'z'))) ++pos_;
    return pos_ - start >= 3;
  }
  std::optional<int64_t> Number() {
    const size_t start = pos_;
    int64_t value = 0;
    while (!done() && peek() >= '0' && peek() <= '9' && pos_ - start < 9) value = value * 10 + (text_[pos_++] - '0');
    if (pos_ == start) return std::nullopt;
    return value;
  }
  // [+-]hh[:mm[:ss]] in seconds.
  std::optional<int32_t> Time() {
    const bool negative = Consume('-');
    if (!negative) Consume('+');
    const auto hours = Number();
    if (!hours || *hours > 167) return std::nullopt;
    int64_t seconds = *hours * 3600;
    if (Consume(':')) {
      const auto minutes = Number();
      if (!minutes || *minutes > 59) return std::nullopt;
      seconds += *minutes * 60;
      if (Consume(':')) {
        const auto secs = Number();
        if (!secs || *secs > 59) return std::nullopt;
        seconds += *secs;
      }
    }
    return static_cast<int32_t>(negative ? -seconds : seconds);
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

// Day (days since the epoch) on which a "Mm.w.d" rule falls in `year`.
int64_t RuleDay(int64_t year, unsigned month, unsigned week, unsigned weekday) {
  const int64_t first = DaysFromCivil(year, month, 1);
  const auto first_weekday = static_cast<unsigned>(FloorMod(first + 4, 7));  // 1970-01-01 was a Thursday
  int64_t day = first + (weekday + 7 - first_weekday) % 7 + int64_t{7} * (week - 1);
  if (week == 5) {
    const int64_t next_month = month == 12 ? DaysFromCivil(year + 1, 1, 1) : DaysFromCivil(year, month + 1, 1);
    while (day >= next_month) day -= 7;
  }
  return day;
}

bool IsValidZoneName(std::string_view name) {
  if (name.empty() || name.size() > 255 || name.front() == '/') return false;
  size_t component_start = 0;
  for (size_t i = 0; i <= name.size(); ++i) {
    if (i == name.size() || name[i] == '/') {
      const std::string_view component = name.substr(component_start, i - component_start);
      if (component.empty() || component == "." || component == "..") return false;
      component_start = i + 1;
      continue;
    }
    const char c = name[i];
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
                    c == '-' || c == '+' || c == '.';
    if (!ok) return false;
  }
  return true;
}

std::shared_ptr<const TimeZone> LoadZone(std::string_view name) {
  const char* dir = std::getenv("TZDIR");
  const std::string path = std::string(dir != nullptr && *dir != '\0' ? dir : "/usr/share/zoneinfo") + "/" +
                           std::string(name);
  std::ifstream file(path, std::ios::binary);
  if (!file) return nullptr;
  std::string bytes(kMaxZoneFileSize, '\0');
  file.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<size_t>(file.gcount()));
  std::optional<TimeZone> zone = TimeZone::Parse(bytes);
  if (!zone) return nullptr;
  return std::make_shared<const TimeZone>(std::move(*zone));
}

}  // namespace

std::optional<TimeZone> TimeZone::Parse(std::string_view bytes) {
  std::optional<Counts> counts = ReadHeader(bytes, 0);
  if (!counts) return std::nullopt;
  const char version = bytes[4];
  size_t at = kHeaderSize;
  size_t time_size = 4;
  if (version != '\0') {
    // Version 2+: skip the 32-bit block; the 64-bit header and block follow.
    at += BlockSize(*counts, 4);
    counts = ReadHeader(bytes, at);
    if (!counts) return std::nullopt;
    at += kHeaderSize;
    time_size = 8;
  }
  const Counts& c = *counts;
  if (c.type == 0 || c.type > 256 || bytes.size() < at + BlockSize(c, time_size)) return std::nullopt;
  const size_t indices_at = at + size_t{c.time} * time_size;
  const size_t types_at = indices_at + c.time;
  const auto type_offset = [&](size_t type) { return static_cast<int32_t>(BigEndian32(bytes, types_at + type * 6)); };

  TimeZone zone;
  zone.initial_offset_ = type_offset(0);
  for (uint32_t i = 0; i < c.time; ++i) {
    const int64_t when = time_size == 8 ? BigEndian64(bytes, at + size_t{i} * 8)
                                        : int64_t{static_cast<int32_t>(BigEndian32(bytes, at + size_t{i} * 4))};
    const auto type = static_cast<unsigned char>(bytes[indices_at + i]);
    if (type >= c.type || (!zone.transitions_.empty() && when <= zone.transitions_.back())) return std::nullopt;
    zone.transitions_.push_back(when);
    zone.offsets_after_.push_back(type_offset(type));
  }
  if (version != '\0') {
    // Footer: "\n<POSIX TZ string>\n"; an empty string means "no rule".
    const size_t footer_at = at + BlockSize(c, time_size);
    if (footer_at < bytes.size() && bytes[footer_at] == '\n') {
      const size_t end = bytes.find('\n', footer_at + 1);
      if (end != std::string_view::npos && end > footer_at + 1) {
        zone.footer_ = ParseFooter(bytes.substr(footer_at + 1, end - footer_at - 1));
      }
    }
  }
  return zone;
}

std::optional<TimeZone::Footer> TimeZone::ParseFooter(std::string_view tz) {
  TzCursor cursor(tz);
  Footer footer;
  if (!cursor.SkipName()) return std::nullopt;
  const auto std_west = cursor.Time();
  if (!std_west) return std::nullopt;
  footer.std_offset = -*std_west;  // POSIX counts west of Greenwich as positive
  if (cursor.done()) return footer;
  if (!cursor.SkipName()) return std::nullopt;
  footer.has_dst = true;
  footer.dst_offset = footer.std_offset + 3600;
  if (cursor.peek() != ',') {
    const auto dst_west = cursor.Time();
    if (!dst_west) return std::nullopt;
    footer.dst_offset = -*dst_west;
  }
  const auto rule = [&](RuleDate& date) {
    // Only the "Mm.w.d" form is read; Julian-day forms make the rule unusable.
    if (!cursor.Consume(',') || !cursor.Consume('M')) return false;
    const auto month = cursor.Number();
    if (!month || *month < 1 || *month > 12 || !cursor.Consume('.')) return false;
    const auto week = cursor.Number();
    if (!week || *week < 1 || *week > 5 || !cursor.Consume('.')) return false;
    const auto weekday = cursor.Number();
    if (!weekday || *weekday > 6) return false;
    date.month = static_cast<unsigned>(*month);
    date.week = static_cast<unsigned>(*week);
    date.weekday = static_cast<unsigned>(*weekday);
    if (cursor.Consume('/')) {
      const auto time = cursor.Time();
      if (!time) return false;
      date.seconds_of_day = *time;
    }
    return true;
  };
  if (!rule(footer.dst_start) || !rule(footer.dst_end) || !cursor.done()) return std::nullopt;
  return footer;
}

int32_t TimeZone::FooterOffset(const Footer& f, int64_t t) {
  if (!f.has_dst) return f.std_offset;
  const int64_t year = CivilFromDays(FloorDiv(t + f.std_offset, 86400)).year;
  // The start is given in standard local time, the end in daylight local time.
  const int64_t start = RuleDay(year, f.dst_start.month, f.dst_start.week, f.dst_start.weekday) * 86400 +
                        f.dst_start.seconds_of_day - f.std_offset;
  const int64_t end = RuleDay(year, f.dst_end.month, f.dst_end.week, f.dst_end.weekday) * 86400 +
                      f.dst_end.seconds_of_day - f.dst_offset;
  const bool in_dst = start < end ? (t >= start && t < end) : (t >= start || t < end);  // southern zones wrap
  return in_dst ? f.dst_offset : f.std_offset;
}

int32_t TimeZone::OffsetAt(int64_t t) const {
  if (transitions_.empty() || t >= transitions_.back()) {
    if (footer_) return FooterOffset(*footer_, t);
    return transitions_.empty() ? initial_offset_ : offsets_after_.back();
  }
  if (t < transitions_.front()) return initial_offset_;
  const auto next = std::upper_bound(transitions_.begin(), transitions_.end(), t);
  return offsets_after_[static_cast<size_t>(next - transitions_.begin()) - 1];
}

std::shared_ptr<const TimeZone> FindTimeZone(std::string_view name) {
  if (!IsValidZoneName(name)) return nullptr;
  // The process-wide zone cache (see the header): zone files do not change
  // while a process runs, and every statement on every thread shares it.
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const TimeZone>, std::less<>> cache;
  const std::lock_guard<std::mutex> lock(mutex);
  const auto found = cache.find(name);
  if (found != cache.end()) return found->second;
  std::shared_ptr<const TimeZone> zone = LoadZone(name);
  cache.emplace(std::string(name), zone);
  return zone;
}

}  // namespace e6odbc::convert
