// Template: transform evaluation, template expansion and message interpolation.
#include "rules/pattern/Template.h"

#include <re2/re2.h>

#include <cctype>

namespace typhon {

namespace {

bool isNameChar(char c) { return std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_'; }

std::string valueOf(const MetaEnv &env, std::string_view name, std::string_view source, bool &found) {
  found = true;
  if (const std::string *s = env.findString(name)) return *s;
  if (const MetaBinding *b = env.find(name)) return env.textOf(*b, source);
  found = false;
  return "";
}

/// Splits into words at '_', '-', spaces and lower->upper boundaries.
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '_' || c == '-' || c == ' ') {
      if (!cur.empty()) out.push_back(cur), cur.clear();
      continue;
    }
    bool upper = std::isupper(static_cast<unsigned char>(c));
    bool prevLower = i > 0 && (std::islower(static_cast<unsigned char>(text[i - 1])) || std::isdigit(static_cast<unsigned char>(text[i - 1])));
    if (upper && prevLower && !cur.empty()) out.push_back(cur), cur.clear();
    cur += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

std::string capitalized(std::string w) {
  if (!w.empty()) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
  return w;
}

std::optional<int> intOf(const DataNode *n) {
  if (!n || !n->isScalar()) return std::nullopt;
  try {
    std::size_t used = 0;
    int v = std::stoi(n->scalar, &used);
    if (used != n->scalar.size()) return std::nullopt;
    return v;
  } catch (...) {
    return std::nullopt;
  }
}

/// Python-style slice of code points.
std::string substringOf(const std::string &s, int start, std::optional<int> end) {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts.push_back(i);
  int n = static_cast<int>(starts.size());
  auto clamp = [&](int v) { return v < 0 ? std::max(0, n + v) : std::min(v, n); };
  int a = clamp(start), b = end ? clamp(*end) : n;
  if (a >= b) return "";
  std::size_t from = starts[static_cast<std::size_t>(a)];
  std::size_t to = b >= n ? s.size() : starts[static_cast<std::size_t>(b)];
  return s.substr(from, to - from);
}

} // namespace

std::optional<std::string> convertCase(std::string_view text, std::string_view style) {
  std::vector<std::string> ws = words(text);
  std::string out;
  if (style == "lowerCase") {
    for (char c : text) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }
  if (style == "upperCase") {
    for (char c : text) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
  }
  if (style == "capitalize") return capitalized(std::string(text));
  if (style == "snakeCase" || style == "kebabCase") {
    for (std::size_t i = 0; i < ws.size(); ++i) out += (i ? (style == "snakeCase" ? "_" : "-") : "") + ws[i];
    return out;
  }
  if (style == "camelCase" || style == "pascalCase") {
    for (std::size_t i = 0; i < ws.size(); ++i) out += (i == 0 && style == "camelCase") ? ws[i] : capitalized(ws[i]);
    return out;
  }
  return std::nullopt;
}

std::expected<std::vector<Transform>, DataError> compileTransforms(const DataNode &node, const DataReader &r) {
  std::vector<Transform> out;
  if (!node.isMap()) return std::unexpected(r.error(node, "transform", "`transform` must map new names to operations"));
  for (const auto &[name, op] : node.entries) {
    if (!op.isMap() || op.entries.size() != 1)
      return std::unexpected(r.error(op, name, "transform `" + name + "` needs exactly one of substring, replace, convert"));
    const auto &[kind, args] = op.entries.front();
    Transform t;
    t.name = name;
    if (!args.isMap()) return std::unexpected(r.error(args, kind, "`" + kind + "` takes a mapping"));
    const DataNode *src = args.get("source");
    if (!src || !src->isScalar() || !src->scalar.starts_with("$"))
      return std::unexpected(r.error(args, "source", "`" + kind + "` needs `source: $VAR`"));
    t.source = src->scalar.substr(src->scalar.find_first_not_of('$'));
    if (kind == "substring") {
      if (auto e = r.onlyKeys(args, {"source", "startChar", "endChar"}, "substring")) return std::unexpected(*e);
      t.kind = Transform::Kind::Substring;
      if (const DataNode *s = args.get("startChar")) {
        auto v = intOf(s);
        if (!v) return std::unexpected(r.error(*s, "startChar", "`startChar` must be an integer"));
        t.startChar = *v;
      }
      if (const DataNode *e = args.get("endChar")) {
        auto v = intOf(e);
        if (!v) return std::unexpected(r.error(*e, "endChar", "`endChar` must be an integer"));
        t.endChar = *v;
      }
    } else if (kind == "replace") {
      if (auto e = r.onlyKeys(args, {"source", "replace", "by"}, "replace")) return std::unexpected(*e);
      t.kind = Transform::Kind::Replace;
      const DataNode *re = args.get("replace");
      const DataNode *by = args.get("by");
      if (!re || !re->isScalar() || !by || !by->isScalar())
        return std::unexpected(r.error(args, "replace", "`replace` needs `replace: REGEX` and `by: TEXT`"));
      t.replace = std::make_shared<const re2::RE2>(re->scalar, re2::RE2::Quiet);
      if (!t.replace->ok()) return std::unexpected(r.error(*re, "replace", "invalid regex: " + t.replace->error()));
      t.by = by->scalar;
    } else if (kind == "convert") {
      if (auto e = r.onlyKeys(args, {"source", "toCase"}, "convert")) return std::unexpected(*e);
      t.kind = Transform::Kind::Convert;
      const DataNode *c = args.get("toCase");
      if (!c || !c->isScalar() || !convertCase("x", c->scalar))
        return std::unexpected(r.error(c ? *c : args, "toCase",
                                       "`toCase` must be one of lowerCase, upperCase, capitalize, camelCase, snakeCase, kebabCase, pascalCase"));
      t.toCase = c->scalar;
    } else {
      return std::unexpected(r.keyError(args, kind, "unknown transform `" + kind + "` (expected substring, replace or convert)"));
    }
    out.push_back(std::move(t));
  }
  return out;
}

void applyTransforms(const std::vector<Transform> &transforms, MetaEnv &env, std::string_view source) {
  for (const Transform &t : transforms) {
    bool found = false;
    std::string value = valueOf(env, t.source, source, found);
    if (!found) continue;
    switch (t.kind) {
    case Transform::Kind::Substring: value = substringOf(value, t.startChar, t.endChar); break;
    case Transform::Kind::Replace: re2::RE2::GlobalReplace(&value, *t.replace, t.by); break;
    case Transform::Kind::Convert: value = convertCase(value, t.toCase).value_or(value); break;
    }
    env.setString(t.name, std::move(value));
  }
}

std::vector<std::string> templateVariables(std::string_view tmpl) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] != '$') continue;
    std::size_t j = i;
    while (j < tmpl.size() && tmpl[j] == '$') ++j;
    std::size_t start = j;
    while (j < tmpl.size() && isNameChar(tmpl[j])) ++j;
    if (j > start) out.emplace_back(tmpl.substr(start, j - start));
    i = j - 1;
  }
  return out;
}

std::string expandTemplate(std::string_view tmpl, const MetaEnv &env, std::string_view source, std::string_view indent) {
  std::string out;
  for (std::size_t i = 0; i < tmpl.size();) {
    char c = tmpl[i];
    if (c == '\n') {
      out += '\n';
      ++i;
      if (i < tmpl.size() && tmpl[i] != '\n') out += indent;
      continue;
    }
    if (c != '$') {
      out += c;
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < tmpl.size() && tmpl[j] == '$') ++j;
    std::size_t start = j;
    while (j < tmpl.size() && isNameChar(tmpl[j])) ++j;
    bool found = false;
    std::string value = j > start ? valueOf(env, tmpl.substr(start, j - start), source, found) : "";
    if (!found) {
      out.append(tmpl.substr(i, j - i));
      i = j == i ? i + 1 : j;
      continue;
    }
    // Multi-line values keep their own relative indentation under the template's indent.
    out += value;
    i = j;
  }
  return out;
}

std::string expandMessage(std::string_view message, const MetaEnv &env, std::string_view source) {
  std::string out;
  for (std::size_t i = 0; i < message.size();) {
    if (message.substr(i, 2) == "{{") {
      std::size_t close = message.find("}}", i + 2);
      if (close != std::string_view::npos) {
        std::string_view name = message.substr(i + 2, close - i - 2);
        while (!name.empty() && (name.front() == ' ' || name.front() == '$')) name.remove_prefix(1);
        while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
        bool found = false;
        std::string value = valueOf(env, name, source, found);
        if (found) {
          if (value.size() > 80) value = value.substr(0, 77) + "...";
          out += value;
          i = close + 2;
          continue;
        }
      }
    }
    out += message[i++];
  }
  return out;
}

} // namespace typhon
