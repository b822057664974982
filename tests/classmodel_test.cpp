// Module graph and class model tests: import resolution in a temporary project (packages,
// namespace packages, stubs, relative imports, cycles, broken modules), cross-module base
// resolution into typeshed, C3 / metaclass / layout verdicts, thread-safety, and a comparison
// with python3 on hand-written hierarchies (skipped when python3 is missing).
#include "FixtureSupport.h"

#include "parser/Tree.h"
#include "semantic/Binder.h"
#include "semantic/ModuleGraph.h"
#include "semantic/classes/ClassModel.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <map>
#include <thread>

namespace typhon::testing {
namespace {

namespace fs = std::filesystem;
using namespace sema;
using namespace sema::classes;

/// A temporary project directory with a module graph over it.
class Project {
public:
  explicit Project(int pythonMinor = 13) {
    static std::atomic<int> counter{0};
    root_ = fs::temp_directory_path() / ("typhon-classmodel-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(root_);
    fs::create_directories(root_);
    minor_ = pythonMinor;
  }
  ~Project() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }

  void write(const std::string &relative, const std::string &text) {
    fs::path p = root_ / relative;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  }

  ModuleGraph &graph() {
    if (!graph_) {
      ModuleGraphOptions options;
      options.roots = {root_};
      options.pythonMinor = minor_;
      graph_ = std::make_unique<ModuleGraph>(options);
      model_ = std::make_unique<ClassModel>(*graph_);
    }
    return *graph_;
  }
  ClassModel &model() {
    graph();
    return *model_;
  }

  /// The classes of a module of the project (through the graph).
  const ModuleClasses &classes(const std::string &module) {
    const ModuleClasses *mc = model().classesOf(module);
    if (!mc) throw std::runtime_error("module " + module + " not loaded");
    return *mc;
  }

  /// `__mro__` names of `qualname` in `module`, or "unknown: ..." / "error: ...".
  std::string mro(const std::string &module, const std::string &qualname) {
    ClassRef c = classes(module).byQualname(qualname);
    if (!c) return "missing";
    const ClassFacts &f = c.facts();
    if (!f.known) return "unknown: " + f.unknownReason;
    if (f.error) return "error: " + f.error->message;
    std::string out;
    for (const std::string &n : mroNames(f)) out += (out.empty() ? "" : " ") + n;
    return out;
  }

  const fs::path &root() const { return root_; }

private:
  fs::path root_;
  int minor_ = 13;
  std::unique_ptr<ModuleGraph> graph_;
  std::unique_ptr<ClassModel> model_;
};

TEST(ModuleGraph, AbsoluteNames) {
  EXPECT_EQ(ModuleGraph::absoluteName("pkg.mod", false, "os.path"), "os.path");
  EXPECT_EQ(ModuleGraph::absoluteName("pkg.mod", false, "."), "pkg");
  EXPECT_EQ(ModuleGraph::absoluteName("pkg.mod", false, ".sib"), "pkg.sib");
  EXPECT_EQ(ModuleGraph::absoluteName("pkg.sub.mod", false, "..up"), "pkg.up");
  EXPECT_EQ(ModuleGraph::absoluteName("pkg", true, ".x"), "pkg.x");
  EXPECT_EQ(ModuleGraph::absoluteName("pkg", true, ".."), "");
  EXPECT_EQ(ModuleGraph::absoluteName("mod", false, ".x"), "");
}

TEST(ModuleGraph, PackagesStubsNamespacesAndBrokenModules) {
  Project p;
  p.write("pkg/__init__.py", "");
  p.write("pkg/a.py", "x = 1\n");
  p.write("pkg/a.pyi", "x: int\n");
  p.write("pkg/sub/__init__.pyi", "");
  p.write("pkg/sub/__init__.py", "");
  p.write("pkg/sub/b.py", "");
  p.write("ns/part.py", "");
  p.write("broken.py", "def f(:\n");
  ModuleGraph &g = p.graph();
  const Module *pkg = g.module("pkg");
  ASSERT_NE(pkg, nullptr);
  EXPECT_TRUE(pkg->isPackage);
  const Module *a = g.module("pkg.a");
  ASSERT_NE(a, nullptr);
  EXPECT_TRUE(a->isStub) << "a .pyi next to a .py wins";
  const Module *sub = g.module("pkg.sub");
  ASSERT_NE(sub, nullptr);
  EXPECT_EQ(sub->path.filename(), "__init__.pyi");
  EXPECT_NE(g.module("pkg.sub.b"), nullptr);
  const Module *ns = g.module("ns");
  ASSERT_NE(ns, nullptr);
  EXPECT_TRUE(ns->isNamespacePackage);
  EXPECT_NE(g.module("ns.part"), nullptr);
  EXPECT_EQ(g.module("broken"), nullptr) << "a module with syntax errors is unresolved";
  EXPECT_EQ(g.module("missing.module"), nullptr);
  EXPECT_EQ(g.module("pkg.a"), a) << "loaded once";
  EXPECT_EQ(g.moduleNameForPath(p.root() / "pkg/sub/b.py"), "pkg.sub.b");
  EXPECT_EQ(g.moduleNameForPath(p.root() / "pkg/__init__.py"), "pkg");
}

TEST(ModuleGraph, TypeshedHonoursVersions) {
  Project old(9);
  EXPECT_EQ(old.graph().module("tomllib"), nullptr) << "tomllib is 3.11+";
  EXPECT_NE(old.graph().module("asyncio"), nullptr);
  Project recent(13);
  const Module *t = recent.graph().module("tomllib");
  ASSERT_NE(t, nullptr);
  EXPECT_TRUE(t->fromTypeshed);
  EXPECT_EQ(recent.graph().module("distutils"), nullptr) << "removed in 3.12";
}

TEST(ModuleGraph, ProjectModulesShadowStdlib) {
  Project p;
  p.write("enum.py", "class Enum:\n    pass\n");
  const Module *m = p.graph().module("enum");
  ASSERT_NE(m, nullptr);
  EXPECT_FALSE(m->fromTypeshed);
}

TEST(ModuleGraph, ThreadSafeLoading) {
  Project p;
  for (int i = 0; i < 20; ++i) p.write("m" + std::to_string(i) + ".py", "class C" + std::to_string(i) + "(dict): pass\n");
  p.model(); // the test fixture creates the graph lazily; create it before the threads share it
  std::vector<std::thread> threads;
  std::vector<std::vector<const Module *>> seen(4);
  std::vector<std::vector<std::string>> mros(4);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) {
        std::string name = "m" + std::to_string((i + t * 5) % 20);
        seen[t].push_back(p.graph().module(name));
        mros[t].push_back(p.mro(name, "C" + std::to_string((i + t * 5) % 20)));
      }
    });
  for (auto &t : threads) t.join();
  for (int t = 1; t < 4; ++t)
    for (int i = 0; i < 20; ++i) {
      int j = (i + t * 5) % 20; // the same module as thread 0's index j
      EXPECT_EQ(seen[t][i], seen[0][j]);
      EXPECT_EQ(mros[t][i], mros[0][j]);
    }
  EXPECT_EQ(mros[0][3], "C3 dict object");
}

TEST(ClassModel, CrossModuleResolution) {
  Project p;
  p.write("pkg/__init__.py", "from .base import Base as Base\n");
  p.write("pkg/base.py", "class Base:\n    pass\n");
  p.write("pkg/mid.py", "from .base import Base as B\nAlias = B\nclass Mid(Alias):\n    pass\n");
  p.write("pkg/deep/__init__.py", "");
  p.write("pkg/deep/leaf.py", "from ..mid import Mid\nfrom .. import base\nclass Leaf(Mid, base.Base):\n    pass\n");
  p.write("main.py", "import pkg.deep.leaf\nimport pkg as p\nclass C(pkg.deep.leaf.Leaf):\n    pass\n"
                     "class D(p.Base):\n    pass\nclass Wrong(p.Base, pkg.deep.leaf.Leaf):\n    pass\n");
  EXPECT_EQ(p.mro("pkg.mid", "Mid"), "Mid Base object");
  EXPECT_EQ(p.mro("pkg.deep.leaf", "Leaf"), "Leaf Mid Base object");
  EXPECT_EQ(p.mro("main", "C"), "C Leaf Mid Base object");
  EXPECT_EQ(p.mro("main", "D"), "D Base object");
  EXPECT_EQ(p.mro("main", "Wrong"), "error: Cannot create a consistent method resolution order (MRO) for bases Base, Leaf");
}

TEST(ClassModel, ImportCyclesTerminate) {
  Project p;
  p.write("a.py", "from b import B\nclass A(B):\n    pass\nclass Z:\n    pass\n");
  p.write("b.py", "from a import A, Z\nclass B(A):\n    pass\nclass Y(Z):\n    pass\n");
  p.write("self_ref.py", "import self_ref\nclass S(self_ref.S):\n    pass\n");
  EXPECT_TRUE(p.mro("a", "A").starts_with("unknown"));
  EXPECT_TRUE(p.mro("b", "B").starts_with("unknown"));
  EXPECT_EQ(p.mro("b", "Y"), "Y Z object") << "a cycle between modules is fine when classes do not cycle";
  EXPECT_TRUE(p.mro("self_ref", "S").starts_with("unknown"));
}

TEST(ClassModel, UnknownBasesAreNeverGuessed) {
  Project p;
  p.write("m.py", R"(import random
from nowhere import Thing
class A: pass
def f(): return A
class Call(f()): pass
class FromUnknown(Thing): pass
B = A if random.random() else object
class Cond(B): pass
if random.random():
    C = A
else:
    C = dict
class TwoDefs(C): pass
class Sub(Call): pass
def deco(cls): return 1
@deco
class Decorated: pass
class FromDecorated(Decorated): pass
class Star(*[A]): pass
class Sub2(A[int]): pass
)");
  for (const char *name : {"Call", "FromUnknown", "Cond", "TwoDefs", "Sub", "FromDecorated", "Star", "Sub2"})
    EXPECT_TRUE(p.mro("m", name).starts_with("unknown")) << name << ": " << p.mro("m", name);
  EXPECT_EQ(p.mro("m", "Decorated"), "Decorated object") << "the class itself is created before the decorator runs";
}

TEST(ClassModel, TypeshedClassesAndMetaclasses) {
  Project p(11);
  p.write("m.py", R"(from abc import ABC, ABCMeta
import enum, collections
from typing import Generic, Protocol, TypeVar
T = TypeVar("T")
class E(ValueError): pass
class K(KeyError, IndexError): pass
class Abstract(ABC): pass
class Color(enum.Enum): pass
class Num(enum.IntEnum): pass
class Od(collections.OrderedDict): pass
class G(Generic[T]): pass
class P(Protocol[T]): pass
class GP(G[T] if False else G, Protocol): pass
class Meta(type): pass
class WithMeta(metaclass=Meta): pass
class Conflict(WithMeta, Abstract): pass
class B(bool): pass
class L(int, str): pass
)");
  EXPECT_EQ(p.mro("m", "E"), "E ValueError Exception BaseException object");
  EXPECT_EQ(p.mro("m", "K"), "K KeyError IndexError LookupError Exception BaseException object");
  EXPECT_EQ(p.mro("m", "Abstract"), "Abstract ABC object");
  ClassRef abstract = p.classes("m").byQualname("Abstract");
  EXPECT_EQ(abstract.facts().metaclass.info().name, "ABCMeta");
  // EnumType's __prepare__/__new__ run before type.__new__ (and raise their own errors): enum
  // classes of analysed code are not modelled, the stdlib's are.
  EXPECT_TRUE(p.mro("m", "Color").starts_with("unknown"));
  ClassRef intEnum = p.model().lookup("enum", "IntEnum");
  ASSERT_TRUE(intEnum);
  EXPECT_EQ(nlohmann::json(mroNames(intEnum.facts())).dump(), R"(["IntEnum","int","ReprEnum","Enum","object"])");
  EXPECT_EQ(p.mro("m", "Od"), "Od OrderedDict dict object");
  EXPECT_EQ(p.mro("m", "G"), "G Generic object");
  EXPECT_EQ(p.mro("m", "P"), "P Protocol Generic object");
  EXPECT_EQ(p.classes("m").byQualname("P").facts().metaclass.info().name, "_ProtocolMeta");
  EXPECT_EQ(p.mro("m", "Conflict"),
            "error: metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the "
            "metaclasses of all its bases");
  EXPECT_EQ(p.mro("m", "B"), "error: type 'bool' is not an acceptable base type");
  EXPECT_EQ(p.mro("m", "L"), "error: multiple bases have instance lay-out conflict");
}

TEST(ClassModel, AbstractMethodsLikeAbcMeta) {
  Project p;
  p.write("m.py", R"(import abc
from abc import ABC, abstractmethod
class Base(ABC):
    @abstractmethod
    def run(self): ...
    @property
    @abstractmethod
    def size(self): ...
    def helper(self): ...
class Partial(Base):
    def run(self): return 1
class Done(Partial):
    size = 3
class Plain:
    @abstractmethod
    def f(self): ...
class Again(Done):
    @abc.abstractmethod
    def helper(self): ...
def wrap(f): return f
class Wrapped(Base):
    @wrap
    @abstractmethod
    def run(self): ...
)");
  auto abstract = [&](const char *name) -> std::string {
    auto r = abstractMethods(p.classes("m").byQualname(name));
    if (!r) return "unknown";
    std::string out;
    for (const std::string &n : *r) out += (out.empty() ? "" : " ") + n;
    return out;
  };
  EXPECT_EQ(abstract("Base"), "run size");
  EXPECT_EQ(abstract("Partial"), "size");
  EXPECT_EQ(abstract("Done"), "");
  EXPECT_EQ(abstract("Plain"), "") << "not an ABCMeta class: __abstractmethods__ is empty";
  EXPECT_EQ(abstract("Again"), "helper");
  EXPECT_EQ(abstract("Wrapped"), "unknown");
  std::optional<MemberLookup> m = lookupMember(p.classes("m").byQualname("Done"), "run");
  ASSERT_TRUE(m && m->owner);
  EXPECT_EQ(m->owner.info().name, "Partial");
}

TEST(ClassModel, DataclassFieldsInMroOrder) {
  Project p;
  p.write("m.py", R"(import dataclasses
from dataclasses import dataclass, field, KW_ONLY, InitVar
from typing import ClassVar
@dataclass
class A:
    x: int
    y: int = 0
    count: ClassVar[int] = 0
@dataclass(kw_only=True)
class B(A):
    z: list = field(default_factory=list)
    x: int = 5
@dataclasses.dataclass
class C(B):
    w: int = 2
    _: KW_ONLY
    k: str = "k"
    init_only: InitVar[int] = 0
    late: int = field(default=1, kw_only=False)
class NotADataclass:
    a: int
)");
  auto describe = [&](const char *name) -> std::string {
    auto r = dataclassFields(p.classes("m").byQualname(name));
    if (!r) return "none";
    std::string out;
    for (const DataclassField &f : *r) {
      if (!out.empty()) out += " ";
      out += f.name;
      if (f.isClassVar) out += "[classvar]";
      if (f.isInitVar) out += "[initvar]";
      if (f.kwOnly) out += "[kw]";
      if (f.hasDefault) out += "=";
      if (f.hasDefaultFactory) out += "=f";
    }
    return out;
  };
  EXPECT_EQ(describe("A"), "x y= count[classvar]=");
  EXPECT_EQ(describe("B"), "x[kw]= y= count[classvar]= z[kw]=f");
  EXPECT_EQ(describe("C"), "x[kw]= y= count[classvar]= z[kw]=f w= k[kw]= init_only[initvar][kw]= late=");
  EXPECT_EQ(describe("NotADataclass"), "none");
  auto options = dataclassOptions(p.classes("m").byQualname("B"));
  ASSERT_TRUE(options);
  EXPECT_TRUE(options->kwOnly);
  EXPECT_FALSE(options->frozen);
}

/// Hand-written hierarchies: every class typhon knows must match python3 exactly (its __mro__
/// names, or the TypeError text); the number of classes typhon knows must not shrink.
TEST(ClassModel, AgreesWithPython) {
  if (std::system("python3 -c 'import sys; sys.exit(sys.version_info < (3, 9))' >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "python3 is not available";
  std::FILE *pv = ::popen("python3 -c 'import sys; print(sys.version_info[1])'", "r");
  int minor = 0;
  if (pv) {
    if (std::fscanf(pv, "%d", &minor) != 1) minor = 0;
    ::pclose(pv);
  }
  ASSERT_GE(minor, 9);
  const std::vector<std::string> cases = {
      "class A: pass\nclass B(A): pass\nclass C(B, A): pass\n",
      "class A: pass\nclass B(A): pass\nclass C(A, B): pass\n",
      "class O: pass\nclass A(O): pass\nclass B(O): pass\nclass C(O): pass\nclass D(O): pass\nclass E(O): pass\n"
      "class K1(A, B, C): pass\nclass K2(D, B, E): pass\nclass K3(D, A): pass\nclass Z(K1, K2, K3): pass\n",
      "class X: pass\nclass Y: pass\nclass A(X, Y): pass\nclass B(Y, X): pass\nclass C(A, B): pass\n",
      "class A: pass\nclass C(A, A): pass\n",
      "class A: pass\nB = A\nclass C(A, B): pass\n",
      "class C(int, str): pass\nclass D(list, dict): pass\nclass E(tuple, int): pass\n",
      "class C(object, int): pass\nclass D(int, object): pass\n",
      "class E(OSError, ValueError): pass\nclass F(OSError, ImportError): pass\nclass G(KeyError, AttributeError): pass\n",
      "class S1:\n    __slots__ = ('a',)\nclass S2:\n    __slots__ = ('b',)\nclass C(S1, S2): pass\n",
      "class S1:\n    __slots__ = ()\nclass S2:\n    __slots__ = ('b',)\nclass C(S1, S2): pass\n",
      "class S1:\n    __slots__ = ('__dict__',)\nclass S2:\n    __slots__ = ('b',)\nclass C(S1, S2): pass\n",
      "class S1:\n    __slots__ = 'a'\nclass S2(S1): pass\nclass S3:\n    __slots__ = ['c']\nclass C(S2, S3): pass\n",
      "class B(bool): pass\n",
      "class M(type): pass\nclass N(type): pass\nclass A(metaclass=M): pass\nclass B(metaclass=N): pass\n"
      "class C(A, B): pass\n",
      "class M(type): pass\nclass N(M): pass\nclass A(metaclass=M): pass\nclass B(metaclass=N): pass\n"
      "class C(A, B): pass\nclass D(B, A): pass\n",
      "from abc import ABC, ABCMeta\nclass M(type): pass\nclass A(metaclass=M): pass\nclass C(A, ABC): pass\n"
      "class MM(M, ABCMeta): pass\nclass D(A, ABC, metaclass=MM): pass\n",
      "from enum import Enum, IntEnum, Flag, IntFlag\nclass Color(Enum):\n    RED = 1\nclass N(IntEnum):\n    A = 1\n"
      "class F(Flag):\n    A = 1\nclass I(IntFlag):\n    A = 1\n",
      "from typing import Generic, TypeVar, Protocol\nT = TypeVar('T')\nclass G(Generic[T]): pass\n"
      "class P(Protocol[T]): pass\nclass Q(Protocol): pass\nclass R(Q, Protocol): pass\n",
      "import collections\nclass A(collections.OrderedDict): pass\nclass B(dict, collections.OrderedDict): pass\n"
      "class C(collections.defaultdict): pass\nclass D(collections.Counter): pass\nclass E(collections.deque): pass\n",
      "class Outer:\n    class Inner: pass\n    class Sub(Inner): pass\nclass X(Outer.Inner): pass\n",
      "class A: pass\nclass B(A): pass\nclass C(A): pass\nclass D(B, C): pass\nclass E(C, B): pass\n",
      "class A(Exception): pass\nclass B(A, ValueError): pass\nclass C(ValueError, A): pass\nclass D(B, C): pass\n",
      "class A(list): pass\nclass B(A, dict): pass\nclass C(A, list): pass\n",
      "class T(type): pass\nclass U(T, type): pass\nclass V(type, T): pass\n",
      "import abc\nclass A(abc.ABC): pass\nclass B(A, abc.ABC): pass\nclass C(abc.ABC, A): pass\n",
      "class A(BaseException): pass\nclass B(A, Exception): pass\nclass C(StopIteration, A): pass\n"
      "class D(SystemExit, KeyboardInterrupt): pass\n",
      "class A: pass\nclass B: pass\nclass C(A, B, A): pass\nclass D(A, B, B): pass\n",
      "class A(float): pass\nclass B(A, complex): pass\nclass C(bytes, bytearray): pass\nclass D(set, frozenset): pass\n",
      "class A(str): pass\nclass B(A, str): pass\nclass C(A):\n    __slots__ = ()\nclass D(C, B): pass\n",
      "class L(list):\n    __slots__ = ('x',)\nclass M:\n    __slots__ = ('y',)\nclass N(L, M): pass\n",
      "class A(UnicodeDecodeError, UnicodeEncodeError): pass\nclass B(UnicodeError, ValueError): pass\n",
      "class A(type): pass\nclass B(int, metaclass=A): pass\nclass C(B, str): pass\n",
      "def f():\n    class A: pass\n    class B(A): pass\n    class C(A, B): pass\n    return C\n",
      "class A(int): pass\nclass B(int): pass\nclass C(A, B): pass\nclass D(tuple): pass\nclass E(D, tuple): pass\n"
      "class F(int):\n    __slots__ = ()\nclass G(F, B): pass\nclass H(F, int): pass\nclass K(A, F): pass\n",
      "from typing import Generic, TypeVar\nT = TypeVar('T')\nclass B(Generic[T]): pass\nclass C(B[int]): pass\n"
      "class D(B[T], Generic[T]): pass\nclass E(list[int]): pass\nclass F(B[int], B): pass\n"
      "class G(dict[str, int], B[T]): pass\nclass H(B[int], object): pass\nclass I(Generic[T], B[T]): pass\n",
  };
  fs::path dir = fs::temp_directory_path() / ("typhon-mro-oracle-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "oracle.py") << R"(import json, sys, ast
src = open(sys.argv[1]).read()
tree = ast.parse(src)
out = {}
def run(body, ns, prefix):
    for st in body:
        if isinstance(st, ast.ClassDef):
            q = prefix + st.name
            try:
                exec(compile(ast.Module([st], []), "m", "exec"), ns)
                out[q] = [c.__name__ for c in ns[st.name].__mro__]
            except TypeError as e:
                out[q] = "error: " + str(e)
        elif isinstance(st, ast.FunctionDef):
            run(st.body, dict(ns), prefix + st.name + ".<locals>.")
        elif isinstance(st, ast.Return):
            pass
        else:
            exec(compile(ast.Module([st], []), "m", "exec"), ns)
run(tree.body, {"__name__": "m"}, "")
print(json.dumps(out))
)";
  int known = 0, compared = 0;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    Project p(minor);
    std::string module = "case" + std::to_string(i);
    p.write(module + ".py", cases[i]);
    std::string command = "python3 " + (dir / "oracle.py").string() + " " + (p.root() / (module + ".py")).string();
    std::FILE *pipe = ::popen(command.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string output;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) output.append(buf, n);
    ::pclose(pipe);
    nlohmann::json expected = nlohmann::json::parse(output);
    const ModuleClasses &mc = p.classes(module);
    for (const ClassInfo &info : mc.classes()) {
      if (!expected.contains(info.qualname)) continue; // nested in a class that failed
      ++compared;
      ClassRef ref = mc.byQualname(info.qualname);
      const ClassFacts &f = ref.facts();
      if (!f.known) continue;
      ++known;
      const nlohmann::json &want = expected[info.qualname];
      if (f.error) {
        EXPECT_EQ(want, "error: " + f.error->message) << "case " << i << " class " << info.qualname;
      } else {
        EXPECT_EQ(want, nlohmann::json(mroNames(f))) << "case " << i << " class " << info.qualname;
      }
    }
  }
  fs::remove_all(dir);
  std::printf("[ python3 3.%d ] %d of %d classes known and compared\n", minor, known, compared);
  EXPECT_GE(known * 10, compared * 9) << "typhon should know at least 90% of these classes";
}

} // namespace
} // namespace typhon::testing
