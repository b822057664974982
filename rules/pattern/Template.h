// Template: `transform` variables, fix templates (re-indented to the match) and `{{A}}` messages.
#pragma once

#include "rules/DataTree.h"
#include "rules/pattern/Match.h"

#include <memory>
#include <string>
#include <vector>

namespace re2 {
class RE2;
}

namespace typhon {

/// One `transform` entry: NEW = operation(source metavariable).
struct Transform {
  enum class Kind { Substring, Replace, Convert };
  std::string name;
  Kind kind = Kind::Substring;
  std::string source; ///< metavariable name without `$`
  int startChar = 0;
  std::optional<int> endChar;
  std::shared_ptr<const re2::RE2> replace;
  std::string by;
  std::string toCase; ///< lowerCase, upperCase, capitalize, camelCase, snakeCase, kebabCase, pascalCase
};

std::expected<std::vector<Transform>, DataError> compileTransforms(const DataNode &node, const DataReader &reader);

/// Adds each transform's result to `env` as a string variable (in order, so later ones may use earlier ones).
void applyTransforms(const std::vector<Transform> &transforms, MetaEnv &env, std::string_view source);

/// Names of the metavariables a template refers to (`$A`, `$$$A`).
std::vector<std::string> templateVariables(std::string_view tmpl);

/// Expands `$A` / `$$$A` in a fix template; lines after the first get `indent` prepended.
std::string expandTemplate(std::string_view tmpl, const MetaEnv &env, std::string_view source, std::string_view indent);

/// Expands `{{A}}` in a message.
std::string expandMessage(std::string_view message, const MetaEnv &env, std::string_view source);

/// Converts an identifier-like string to a case style; returns nullopt for an unknown style.
std::optional<std::string> convertCase(std::string_view text, std::string_view style);

} // namespace typhon
