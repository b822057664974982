// Annotations: the names a string annotation or a `# type:` comment refers to.
#pragma once

#include "parser/Tree.h"

#include <cstdint>
#include <vector>

namespace typhon::sema {

/// A name read by an annotation, as a byte range of the module's text.
struct AnnotationName {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
};

/// The names a string annotation (`"List[Foo]"`) reads: its content parsed as an expression with
/// `parser`. Empty for f-strings, bytes, strings with escapes and unparsable content.
std::vector<AnnotationName> namesInStringAnnotation(Parser &parser, Node string, std::string_view text);

/// The names a type comment (`# type: List[Foo]`, `# type: (int) -> Bar`) mentions; empty for
/// other comments and for `# type: ignore`.
std::vector<AnnotationName> namesInTypeComment(Node comment, std::string_view text);

} // namespace typhon::sema
