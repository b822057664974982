// Tree, Parser, ParsedModule implementation.
#include "parser/Tree.h"

namespace typhon {

Tree &Tree::operator=(Tree &&other) noexcept {
  if (this != &other) {
    if (tree_) ts_tree_delete(tree_);
    tree_ = other.tree_;
    other.tree_ = nullptr;
  }
  return *this;
}

Tree::~Tree() {
  if (tree_) ts_tree_delete(tree_);
}

Parser::Parser() : parser_(ts_parser_new()) { ts_parser_set_language(parser_, pythonLanguage()); }

Parser::~Parser() { ts_parser_delete(parser_); }

Tree Parser::parse(std::string_view text, const Tree *old) {
  TSTree *tree = ts_parser_parse_string_encoding(parser_, old ? old->raw() : nullptr, text.data(),
                                                 static_cast<std::uint32_t>(text.size()), TSInputEncodingUTF8);
  return Tree(tree);
}

std::shared_ptr<const ParsedModule> parseModule(Parser &parser, std::shared_ptr<const SourceFile> source) {
  Tree tree = parser.parse(source->text());
  return std::make_shared<const ParsedModule>(std::move(source), std::move(tree));
}

} // namespace typhon
