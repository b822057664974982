// Unit tests of the parser layer: line index (multi-byte, CRLF, CR, BOM), decoding, kinds, fields.
#include "parser/SourceFile.h"
#include "parser/Tree.h"

#include <gtest/gtest.h>

namespace typhon {
namespace {

TEST(LineIndex, AsciiPositions) {
  LineIndex idx("ab\ncd\n");
  EXPECT_EQ(idx.lineCount(), 3u);
  EXPECT_EQ(idx.position(0), (Position{1, 1}));
  EXPECT_EQ(idx.position(2), (Position{1, 3}));
  EXPECT_EQ(idx.position(3), (Position{2, 1}));
  EXPECT_EQ(idx.position(5), (Position{2, 3}));
  EXPECT_EQ(idx.position(6), (Position{3, 1}));
  EXPECT_EQ(idx.position(999), (Position{3, 1}));
}

TEST(LineIndex, MultiByteColumnsCountCodePoints) {
  // "é" is 2 bytes, "€" 3 bytes, "𝄞" 4 bytes (2 UTF-16 units).
  std::string text = "x = \"\xC3\xA9\xE2\x82\xAC\xF0\x9D\x84\x9E\" + y\n";
  LineIndex idx(text);
  std::uint32_t y = static_cast<std::uint32_t>(text.find('y'));
  EXPECT_EQ(idx.position(y), (Position{1, 13}));
  EXPECT_EQ(idx.utf16Column(y), 13u); // 12 code points before `y`, the clef counts twice
  EXPECT_EQ(idx.offsetOf(Position{1, 13}), y);
  EXPECT_EQ(idx.offsetOfUtf16(0, 13), y);
  std::uint32_t clef = static_cast<std::uint32_t>(text.find("\xF0"));
  EXPECT_EQ(idx.position(clef), (Position{1, 8}));
  EXPECT_EQ(idx.utf16Column(clef + 4), 9u); // after the clef: 7 code points + 2 units
}

TEST(LineIndex, CrLfAndLoneCrAreLineBreaks) {
  LineIndex idx("a\r\nb\rc\nd");
  EXPECT_EQ(idx.lineCount(), 4u);
  EXPECT_EQ(idx.position(3), (Position{2, 1}));
  EXPECT_EQ(idx.position(5), (Position{3, 1}));
  EXPECT_EQ(idx.position(7), (Position{4, 1}));
  EXPECT_EQ(idx.lineEnd(1), 1u); // excludes "\r\n"
  EXPECT_EQ(idx.lineStart(2), 3u);
}

TEST(LineIndex, ClampsOutOfRange) {
  LineIndex idx("abc");
  EXPECT_EQ(idx.offsetOf(Position{1, 99}), 3u);
  EXPECT_EQ(idx.offsetOf(Position{7, 1}), 3u);
  EXPECT_EQ(idx.offsetOfUtf16(5, 0), 3u);
}

TEST(SourceFile, StripsBomAndRemembersIt) {
  auto f = SourceFile::fromBytes("a.py", "\xEF\xBB\xBFx = 1\r\n");
  ASSERT_TRUE(f);
  EXPECT_TRUE((*f)->hasBom());
  EXPECT_EQ((*f)->text(), "x = 1\r\n");
  EXPECT_EQ((*f)->lineEnding(), LineEnding::CrLf);
  EXPECT_EQ((*f)->lineText(1), "x = 1");
}

TEST(SourceFile, DecodesLatin1Cookie) {
  auto f = SourceFile::fromBytes("a.py", "# -*- coding: latin-1 -*-\nname = 'Ren\xE9'\n");
  ASSERT_TRUE(f);
  EXPECT_EQ((*f)->encoding(), "iso-8859-1");
  EXPECT_NE((*f)->text().find("Ren\xC3\xA9"), std::string_view::npos);
}

TEST(SourceFile, CookieOnSecondLineAfterShebang) {
  EXPECT_EQ(findEncodingCookie("#!/usr/bin/python\n# vim: set fileencoding=cp1252 :\n"), "cp1252");
  EXPECT_EQ(findEncodingCookie("import os\n# coding: latin-1\n"), "");
}

TEST(SourceFile, InvalidUtf8NamesLineAndColumn) {
  auto f = SourceFile::fromBytes("bad.py", "ok = 1\nname = 'Ren\xE9'\n");
  ASSERT_FALSE(f);
  EXPECT_EQ(f.error().line, 2u);
  EXPECT_EQ(f.error().column, 12u);
  EXPECT_NE(f.error().message.find("invalid UTF-8"), std::string::npos);
}

TEST(SourceFile, RejectsOverlongAndSurrogates) {
  EXPECT_NE(findInvalidUtf8("\xC0\xAF"), std::string::npos);
  EXPECT_NE(findInvalidUtf8("\xED\xA0\x80"), std::string::npos);
  EXPECT_EQ(findInvalidUtf8("\xF0\x9F\x98\x80"), std::string::npos);
}

TEST(SourceFile, BomWithOtherCookieIsAnError) {
  auto f = SourceFile::fromBytes("a.py", "\xEF\xBB\xBF# coding: latin-1\n");
  ASSERT_FALSE(f);
  EXPECT_NE(f.error().message.find("byte-order mark"), std::string::npos);
}

TEST(SourceFile, UnknownEncodingIsAnError) {
  auto f = SourceFile::fromBytes("a.py", "# coding: no-such-codec\nx = 1\n");
  ASSERT_FALSE(f);
  EXPECT_NE(f.error().message.find("no-such-codec"), std::string::npos);
}

TEST(SourceFile, MissingFileIsAnError) {
  auto f = SourceFile::load("/nonexistent/typhon/x.py", "x.py");
  ASSERT_FALSE(f);
  EXPECT_NE(f.error().message.find("cannot read"), std::string::npos);
}

TEST(Tree, KindsAndFields) {
  auto src = SourceFile::fromBytes("a.py", "def f(a, b=1):\n    return a\n");
  ASSERT_TRUE(src);
  Parser parser;
  auto module = parseModule(parser, *src);
  Node root = module->root();
  EXPECT_EQ(root.kind(), NodeKind::Module);
  Node def = root.namedChild(0);
  EXPECT_EQ(def.kind(), NodeKind::FunctionDefinition);
  EXPECT_EQ(module->textOf(def.field(FieldId::Name)), "f");
  EXPECT_EQ(def.field(FieldId::Parameters).kind(), NodeKind::Parameters);
  EXPECT_EQ(def.child(0).kind(), NodeKind::KwDef);
  EXPECT_EQ(kindName(NodeKind::FunctionDefinition), "function_definition");
  EXPECT_TRUE(kindIsNamed(NodeKind::Identifier));
  EXPECT_FALSE(kindIsNamed(NodeKind::Colon));
  Node body = def.field(FieldId::Body);
  EXPECT_EQ(body.namedChild(0).kind(), NodeKind::ReturnStatement);
  EXPECT_EQ(module->rangeOf(body.namedChild(0)).start, (Position{2, 5}));
}

TEST(Tree, ErrorNodesAreKindError) {
  auto src = SourceFile::fromBytes("a.py", "x = = 1\n");
  ASSERT_TRUE(src);
  Parser parser;
  auto module = parseModule(parser, *src);
  EXPECT_TRUE(module->root().hasError());
}

TEST(Tree, DeeplyNestedInputDoesNotCrash) {
  std::string text = "x = " + std::string(5000, '(') + "1" + std::string(5000, ')') + "\n";
  auto src = SourceFile::fromBytes("deep.py", text);
  ASSERT_TRUE(src);
  Parser parser;
  auto module = parseModule(parser, *src);
  EXPECT_EQ(module->root().kind(), NodeKind::Module);
}

} // namespace
} // namespace typhon
