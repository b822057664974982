// DataTree: YAML (yaml-cpp) and TOML (toml++) conversion into located DataNodes; readers.
#include "rules/DataTree.h"

#include <toml++/toml.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <sstream>

namespace typhon {

std::string DataError::format() const {
  std::string out = file;
  if (line) out += ":" + std::to_string(line) + ":" + std::to_string(column ? column : 1);
  out += ": " + message;
  return out;
}

const DataNode *DataNode::get(std::string_view key) const {
  for (const auto &[k, v] : entries)
    if (k == key) return &v;
  return nullptr;
}

namespace {

std::expected<DataNode, DataError> fromYaml(const YAML::Node &node, const std::string &file, int depth) {
  DataNode out;
  YAML::Mark mark = node.Mark();
  out.line = mark.line >= 0 ? static_cast<std::uint32_t>(mark.line + 1) : 0;
  out.column = mark.column >= 0 ? static_cast<std::uint32_t>(mark.column + 1) : 0;
  if (depth > 64) return std::unexpected(DataError{file, out.line, out.column, "", "document nested too deeply"});
  switch (node.Type()) {
  case YAML::NodeType::Undefined:
  case YAML::NodeType::Null:
    out.kind = DataNode::Kind::Null;
    return out;
  case YAML::NodeType::Scalar:
    out.kind = DataNode::Kind::Scalar;
    out.scalar = node.Scalar();
    return out;
  case YAML::NodeType::Sequence:
    out.kind = DataNode::Kind::Sequence;
    for (const auto &item : node) {
      auto child = fromYaml(item, file, depth + 1);
      if (!child) return child;
      out.items.push_back(std::move(*child));
    }
    return out;
  case YAML::NodeType::Map:
    out.kind = DataNode::Kind::Map;
    for (const auto &kv : node) {
      YAML::Mark km = kv.first.Mark();
      std::uint32_t kl = km.line >= 0 ? static_cast<std::uint32_t>(km.line + 1) : 0;
      std::uint32_t kc = km.column >= 0 ? static_cast<std::uint32_t>(km.column + 1) : 0;
      if (!kv.first.IsScalar()) return std::unexpected(DataError{file, kl, kc, "", "map keys must be plain strings"});
      std::string key = kv.first.Scalar();
      if (out.get(key)) return std::unexpected(DataError{file, kl, kc, key, "duplicate key `" + key + "`"});
      auto child = fromYaml(kv.second, file, depth + 1);
      if (!child) return std::unexpected(child.error());
      child->keyLine = kl;
      child->keyColumn = kc;
      if (child->line == 0) child->line = kl, child->column = kc;
      out.entries.emplace_back(std::move(key), std::move(*child));
    }
    return out;
  }
  return out;
}

DataNode fromToml(const toml::node &node) {
  DataNode out;
  const toml::source_region &src = node.source();
  out.line = src.begin.line;
  out.column = src.begin.column;
  if (const toml::table *t = node.as_table()) {
    out.kind = DataNode::Kind::Map;
    for (const auto &[k, v] : *t) {
      DataNode child = fromToml(v);
      child.keyLine = k.source().begin.line ? k.source().begin.line : child.line;
      child.keyColumn = k.source().begin.column ? k.source().begin.column : child.column;
      out.entries.emplace_back(std::string(k.str()), std::move(child));
    }
    return out;
  }
  if (const toml::array *a = node.as_array()) {
    out.kind = DataNode::Kind::Sequence;
    for (const auto &v : *a) out.items.push_back(fromToml(v));
    return out;
  }
  out.kind = DataNode::Kind::Scalar;
  if (auto s = node.value<std::string>(); s && node.is_string()) out.scalar = *s;
  else if (node.is_boolean()) out.scalar = *node.value<bool>() ? "true" : "false";
  else if (node.is_integer()) out.scalar = std::to_string(*node.value<std::int64_t>());
  else if (node.is_floating_point()) {
    std::ostringstream os;
    os << *node.value<double>();
    out.scalar = os.str();
  }
  return out;
}

} // namespace

std::expected<DataNode, DataError> parseYaml(std::string_view text, const std::string &file) {
  try {
    YAML::Node root = YAML::Load(std::string(text));
    return fromYaml(root, file, 0);
  } catch (const YAML::Exception &e) {
    std::uint32_t line = e.mark.line >= 0 ? static_cast<std::uint32_t>(e.mark.line + 1) : 0;
    std::uint32_t col = e.mark.column >= 0 ? static_cast<std::uint32_t>(e.mark.column + 1) : 0;
    return std::unexpected(DataError{file, line, col, "", "invalid YAML: " + e.msg});
  } catch (const std::exception &e) {
    return std::unexpected(DataError{file, 0, 0, "", std::string("invalid YAML: ") + e.what()});
  }
}

std::expected<std::vector<DataNode>, DataError> parseYamlAll(std::string_view text, const std::string &file) {
  try {
    std::vector<DataNode> out;
    for (const YAML::Node &doc : YAML::LoadAll(std::string(text))) {
      auto node = fromYaml(doc, file, 0);
      if (!node) return std::unexpected(node.error());
      if (node->kind != DataNode::Kind::Null) out.push_back(std::move(*node));
    }
    return out;
  } catch (const YAML::Exception &e) {
    std::uint32_t line = e.mark.line >= 0 ? static_cast<std::uint32_t>(e.mark.line + 1) : 0;
    std::uint32_t col = e.mark.column >= 0 ? static_cast<std::uint32_t>(e.mark.column + 1) : 0;
    return std::unexpected(DataError{file, line, col, "", "invalid YAML: " + e.msg});
  } catch (const std::exception &e) {
    return std::unexpected(DataError{file, 0, 0, "", std::string("invalid YAML: ") + e.what()});
  }
}

std::expected<std::optional<DataNode>, DataError> parseTomlTable(std::string_view text, const std::string &file,
                                                                 std::string_view tablePath) {
  toml::table root;
  try {
    root = toml::parse(text, file);
  } catch (const toml::parse_error &err) {
    return std::unexpected(DataError{file, err.source().begin.line, err.source().begin.column, "",
                                     "invalid TOML: " + std::string(err.description())});
  }
  const toml::node *node = root.at_path(tablePath).node();
  if (!node) return std::optional<DataNode>();
  if (!node->is_table())
    return std::unexpected(DataError{file, node->source().begin.line, node->source().begin.column,
                                     std::string(tablePath), "`" + std::string(tablePath) + "` must be a table"});
  return std::optional<DataNode>(fromToml(*node));
}

DataError DataReader::error(const DataNode &node, std::string key, std::string message) const {
  return DataError{file_, node.line, node.column, std::move(key), std::move(message)};
}

DataError DataReader::keyError(const DataNode &node, std::string key, std::string message) const {
  return DataError{file_, node.keyLine ? node.keyLine : node.line, node.keyLine ? node.keyColumn : node.column,
                   std::move(key), std::move(message)};
}

std::expected<std::string, DataError> DataReader::string(const DataNode &node, const std::string &key) const {
  if (!node.isScalar()) return std::unexpected(error(node, key, "`" + key + "` must be a string"));
  return node.scalar;
}

std::expected<std::vector<std::string>, DataError> DataReader::strings(const DataNode &node,
                                                                       const std::string &key) const {
  std::vector<std::string> out;
  if (node.isScalar()) {
    out.push_back(node.scalar);
    return out;
  }
  if (!node.isSeq()) return std::unexpected(error(node, key, "`" + key + "` must be a list of strings"));
  for (const DataNode &item : node.items) {
    if (!item.isScalar()) return std::unexpected(error(item, key, "`" + key + "` must contain only strings"));
    out.push_back(item.scalar);
  }
  return out;
}

std::optional<DataError> DataReader::onlyKeys(const DataNode &map, std::initializer_list<std::string_view> allowed,
                                              std::string_view what) const {
  for (const auto &[k, v] : map.entries) {
    if (std::find(allowed.begin(), allowed.end(), k) != allowed.end()) continue;
    std::string known;
    for (std::string_view a : allowed) known += (known.empty() ? "" : ", ") + std::string(a);
    return keyError(v, k, "unknown key `" + k + "` in " + std::string(what) + " (expected one of: " + known + ")");
  }
  return std::nullopt;
}

} // namespace typhon
