// Builtins: typeshed's builtins.pyi read with the project's parser, or CPython's list.
#include "semantic/Builtins.h"

#include "parser/Tree.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace typhon::sema {

namespace fs = std::filesystem;

namespace {

constexpr int kNewestReleasedMinor = 14;

bool isPublicName(std::string_view name) {
  if (name.empty()) return false;
  if (name.size() > 4 && name.starts_with("__") && name.ends_with("__")) return true;
  return name[0] != '_';
}

/// `sys.version_info >= (3, N)`: N; otherwise nullopt.
std::optional<int> minimumMinor(Node condition, std::string_view text) {
  if (!condition.is(NodeKind::ComparisonOperator) || condition.namedChildCount() != 2) return std::nullopt;
  if (condition.namedChild(0).text(text) != "sys.version_info") return std::nullopt;
  if (condition.child(1).text(text) != ">=") return std::nullopt;
  Node tuple = condition.namedChild(1);
  if (!tuple.is(NodeKind::Tuple) || tuple.namedChildCount() < 2) return std::nullopt;
  std::string minor(tuple.namedChild(1).text(text));
  if (minor.empty() || minor.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoi(minor);
}

bool isTypeCheckOnly(Node decorated, std::string_view text) {
  for (Node d : decorated.namedChildren())
    if (d.is(NodeKind::Decorator) && d.namedChild(0).text(text).ends_with("type_check_only")) return true;
  return false;
}

void collect(Node block, std::string_view text, int minMinor, BuiltinNames &out) {
  for (Node statement : block.namedChildren()) {
    Node target;
    switch (statement.kind()) {
    case NodeKind::ClassDefinition:
    case NodeKind::FunctionDefinition: target = statement.field(FieldId::Name); break;
    case NodeKind::DecoratedDefinition:
      if (!isTypeCheckOnly(statement, text)) target = statement.field(FieldId::Definition).field(FieldId::Name);
      break;
    case NodeKind::ExpressionStatement: {
      Node assignment = statement.namedChild(0);
      if (assignment.is(NodeKind::Assignment)) target = assignment.field(FieldId::Left);
      break;
    }
    case NodeKind::IfStatement: {
      std::optional<int> gate = minimumMinor(statement.field(FieldId::Condition), text);
      collect(statement.field(FieldId::Consequence), text, gate ? std::max(*gate, minMinor) : minMinor, out);
      for (Node alt : statement.fieldAll(FieldId::Alternative)) {
        Node body = alt.is(NodeKind::ElseClause) ? alt.field(FieldId::Body) : alt.field(FieldId::Consequence);
        collect(body, text, minMinor, out);
      }
      break;
    }
    default: break;
    }
    if (!target.is(NodeKind::Identifier)) continue;
    std::string_view name = target.text(text);
    // `ellipsis` is a typeshed alias kept for old stubs, not a name of the builtins module.
    if (isPublicName(name) && name != "ellipsis") out.add(std::string(name), minMinor);
  }
}

std::optional<fs::path> validTypeshed(const fs::path &dir) {
  std::error_code ec;
  if (dir.empty() || !fs::is_regular_file(dir / "stdlib" / "builtins.pyi", ec)) return std::nullopt;
  return dir;
}

fs::path executableDir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

} // namespace

bool BuiltinNames::contains(std::string_view name, int pythonMinor) const {
  auto it = minMinor_.find(name);
  return it != minMinor_.end() && it->second <= std::max(pythonMinor, kNewestReleasedMinor);
}

std::vector<std::string> BuiltinNames::names() const {
  std::vector<std::string> out;
  for (const auto &[name, minor] : minMinor_) out.push_back(name);
  std::sort(out.begin(), out.end());
  return out;
}

void BuiltinNames::add(std::string name, int minMinor) {
  auto [it, inserted] = minMinor_.try_emplace(std::move(name), minMinor);
  if (!inserted) it->second = std::min(it->second, minMinor);
}

std::optional<fs::path> locateTypeshed(const std::optional<fs::path> &explicitDir) {
  if (explicitDir) return validTypeshed(*explicitDir);
  if (const char *env = std::getenv("TYPHON_TYPESHED"); env && *env) return validTypeshed(env);
#ifdef TYPHON_SOURCE_TYPESHED
  if (auto found = validTypeshed(TYPHON_SOURCE_TYPESHED)) return found;
#endif
  fs::path exeDir = executableDir();
  if (exeDir.empty()) return std::nullopt;
  return validTypeshed(exeDir.parent_path() / "share" / "typhon" / "typeshed");
}

std::expected<BuiltinNames, std::string> loadBuiltins(const fs::path &typeshedDir) {
  fs::path file = typeshedDir / "stdlib" / "builtins.pyi";
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::unexpected("cannot read " + file.string());
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  Parser parser;
  Tree tree = parser.parse(text);
  if (!tree) return std::unexpected("cannot parse " + file.string());
  BuiltinNames names;
  collect(tree.root(), text, 0, names);
  // In CPython's builtins module but not in the stub (or private there).
  names.add("__debug__", 0);
  names.add("_IncompleteInputError", 13);
  if (names.size() < 100) return std::unexpected(file.string() + " defines too few builtins");
  names.setOrigin(file.string(), "");
  return names;
}

BuiltinNames fallbackBuiltins() {
  static constexpr std::string_view kNames[] = {
      "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BaseExceptionGroup",
      "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError",
      "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError",
      "DeprecationWarning", "EOFError", "Ellipsis", "EncodingWarning", "EnvironmentError", "Exception",
      "ExceptionGroup", "False", "FileExistsError", "FileNotFoundError", "FloatingPointError", "FutureWarning",
      "GeneratorExit", "IOError", "ImportError", "ImportWarning", "IndentationError", "IndexError",
      "InterruptedError", "IsADirectoryError", "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError",
      "ModuleNotFoundError", "NameError", "None", "NotADirectoryError", "NotImplemented", "NotImplementedError",
      "OSError", "OverflowError", "PendingDeprecationWarning", "PermissionError", "ProcessLookupError",
      "PythonFinalizationError", "RecursionError", "ReferenceError", "ResourceWarning", "RuntimeError",
      "RuntimeWarning", "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError",
      "SystemExit", "TabError", "TimeoutError", "True", "TypeError", "UnboundLocalError", "UnicodeDecodeError",
      "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError", "UnicodeWarning", "UserWarning", "_IncompleteInputError",
      "ValueError", "Warning", "WindowsError", "ZeroDivisionError", "__build_class__", "__debug__",
      "__import__", "abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool", "breakpoint", "bytearray",
      "bytes", "callable", "chr", "classmethod", "compile", "complex", "copyright", "credits", "delattr", "dict",
      "dir", "divmod", "enumerate", "eval", "exec", "exit", "filter", "float", "format", "frozenset", "getattr",
      "globals", "hasattr", "hash", "help", "hex", "id", "input", "int", "isinstance", "issubclass", "iter",
      "len", "license", "list", "locals", "map", "max", "memoryview", "min", "next", "object", "oct", "open",
      "ord", "pow", "print", "property", "quit", "range", "repr", "reversed", "round", "set", "setattr", "slice",
      "sorted", "staticmethod", "str", "sum", "super", "tuple", "type", "vars", "zip"};
  BuiltinNames names;
  for (std::string_view n : kNames) names.add(std::string(n), 0);
  names.setOrigin("the built-in list", "typeshed was not found (set TYPHON_TYPESHED or pass --typeshed); using "
                                       "CPython 3.13's builtins compiled into typhon");
  return names;
}

const BuiltinNames &defaultBuiltins() {
  static const BuiltinNames instance = [] {
    if (std::optional<fs::path> dir = locateTypeshed())
      if (auto loaded = loadBuiltins(*dir)) return std::move(*loaded);
    return fallbackBuiltins();
  }();
  return instance;
}

} // namespace typhon::sema
