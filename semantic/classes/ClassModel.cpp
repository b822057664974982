// ClassModel: the per-run cache of ModuleClasses over the module graph, and the runtime stand-in
// for typing's special classes.
#include "semantic/classes/ClassModel.h"

#include "semantic/Binder.h"
#include "semantic/ModuleGraph.h"
#include "semantic/classes/Resolve.h"

namespace typhon::sema::classes {

namespace {

/// typing.Generic, typing.Protocol and typing._ProtocolMeta as CPython defines them (their
/// typeshed declarations are special forms). Bases, metaclasses and __slots__ match the runtime.
constexpr std::string_view kTypingShim = R"(from abc import ABCMeta
class Generic:
    __slots__ = ()
class _ProtocolMeta(ABCMeta):
    pass
class Protocol(Generic, metaclass=_ProtocolMeta):
    __slots__ = ()
)";

} // namespace

struct ClassModel::Shim {
  std::shared_ptr<const ParsedModule> parsed;
  std::unique_ptr<SemanticModel> model;
  std::unique_ptr<ModuleClasses> classes;
};

ClassModel::ClassModel(ModuleGraph &graph) : graph_(graph) {}
ClassModel::~ClassModel() = default;

const ModuleClasses &ClassModel::runtimeTyping() const {
  std::call_once(shimOnce_, [&] {
    auto shim = std::make_unique<Shim>();
    auto source = SourceFile::fromBytes("<typing runtime>", std::string(kTypingShim));
    Parser parser;
    shim->parsed = parseModule(parser, *source);
    shim->model = std::make_unique<SemanticModel>(bindModule(*shim->parsed, bindOptionsFor("typing.py", graph_.pythonMinor())));
    shim->classes = std::make_unique<ModuleClasses>(const_cast<ClassModel &>(*this), *shim->parsed, *shim->model,
                                                    "typing", false, false);
    shim_ = std::move(shim);
  });
  return *shim_->classes;
}

const ModuleClasses *ClassModel::classesOf(std::string_view moduleName) const {
  const Module *m = graph_.module(moduleName);
  return m ? classesOf(*m) : nullptr;
}

const ModuleClasses *ClassModel::classesOf(const Module &module) const {
  if (!module.model || !module.parsed) return nullptr;
  std::lock_guard lock(mutex_);
  auto it = modules_.find(&module);
  if (it != modules_.end()) return it->second.get();
  // Collecting only reads the module's own syntax and model: safe under the lock.
  auto mc = std::make_unique<ModuleClasses>(const_cast<ClassModel &>(*this), *module.parsed, *module.model, module.name,
                                            module.isPackage, module.fromTypeshed);
  const ModuleClasses *out = mc.get();
  modules_.emplace(&module, std::move(mc));
  return out;
}

std::unique_ptr<ModuleClasses> ClassModel::classesFor(const ParsedModule &parsed, const SemanticModel &semantic,
                                                      std::string moduleName, bool isPackage) const {
  return std::make_unique<ModuleClasses>(const_cast<ClassModel &>(*this), parsed, semantic, std::move(moduleName),
                                         isPackage, false);
}

ClassRef ClassModel::builtin(std::string_view name) const { return lookup("builtins", name); }

ClassRef ClassModel::lookup(std::string_view moduleName, std::string_view qualname) const {
  const Module *m = graph_.module(moduleName);
  if (!m) return {};
  std::string_view first = qualname.substr(0, qualname.find('.'));
  detail::Value v = detail::memberOfModule(const_cast<ClassModel &>(*this), *m, first, 0);
  if (v.kind != detail::Value::Kind::Class) return {};
  ClassRef c = v.cls;
  std::string_view rest = first.size() < qualname.size() ? qualname.substr(first.size() + 1) : std::string_view();
  while (!rest.empty()) {
    std::string_view part = rest.substr(0, rest.find('.'));
    std::string want = c.info().qualname + "." + std::string(part);
    c = c.module->byQualname(want);
    if (!c) return {};
    rest = part.size() < rest.size() ? rest.substr(part.size() + 1) : std::string_view();
  }
  return c;
}

} // namespace typhon::sema::classes
