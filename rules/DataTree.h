// DataTree: a YAML/TOML-neutral document tree that remembers where every value came from.
#pragma once

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace typhon {

/// An error in a YAML/TOML document: file, 1-based line and column, the offending key.
struct DataError {
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string key;
  std::string message;
  /// "file:line:col: message (key `k`)".
  std::string format() const;
};

struct DataNode {
  enum class Kind { Null, Scalar, Sequence, Map };
  Kind kind = Kind::Null;
  std::string scalar;
  std::vector<DataNode> items;
  std::vector<std::pair<std::string, DataNode>> entries;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  /// Location of this value's key when it is a map entry.
  std::uint32_t keyLine = 0;
  std::uint32_t keyColumn = 0;

  bool isMap() const { return kind == Kind::Map; }
  bool isSeq() const { return kind == Kind::Sequence; }
  bool isScalar() const { return kind == Kind::Scalar; }
  const DataNode *get(std::string_view key) const;
};

/// Parses a YAML document (the first one in the stream).
std::expected<DataNode, DataError> parseYaml(std::string_view text, const std::string &file);
/// Parses every document of a YAML stream (`---` separated).
std::expected<std::vector<DataNode>, DataError> parseYamlAll(std::string_view text, const std::string &file);
/// Parses a TOML document; returns the table at `tablePath` ("tool.typhon") or nullopt.
std::expected<std::optional<DataNode>, DataError> parseTomlTable(std::string_view text, const std::string &file,
                                                                 std::string_view tablePath);

/// Readers that produce located errors.
class DataReader {
public:
  explicit DataReader(std::string file) : file_(std::move(file)) {}
  DataError error(const DataNode &node, std::string key, std::string message) const;
  DataError keyError(const DataNode &node, std::string key, std::string message) const;
  std::expected<std::string, DataError> string(const DataNode &node, const std::string &key) const;
  std::expected<std::vector<std::string>, DataError> strings(const DataNode &node, const std::string &key) const;
  /// Rejects every key of `map` not in `allowed`.
  std::optional<DataError> onlyKeys(const DataNode &map, std::initializer_list<std::string_view> allowed,
                                    std::string_view what) const;
  const std::string &file() const { return file_; }

private:
  std::string file_;
};

} // namespace typhon
