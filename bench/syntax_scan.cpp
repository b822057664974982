// syntax_scan: the parser layer's syntax errors for each file, one JSON object per line.
//
//   syntax_scan [--list FILE] [--timing] [PATH...]
//
// Unlike `typhon check`, which only asks for syntax errors when tree-sitter's tree has an ERROR
// node, this reports findSyntaxErrors() for every file, so it also shows the tokenizer-level
// errors tree-sitter-python accepts (unexpected indent, inconsistent tabs, empty blocks).
// Output: {"file": ..., "line": L, "column": C, "message": ...}; files that cannot be read or
// decoded: {"file": ..., "io_error": ...}. --timing prints parse and scan CPU time to stderr.
#include "parser/SyntaxErrors.h"
#include "parser/Tree.h"

#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

std::string json(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", u);
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

double cpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

} // namespace

int main(int argc, char **argv) {
  bool timing = false;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--timing") {
      timing = true;
    } else if (arg == "--list" && i + 1 < argc) {
      std::ifstream list(argv[++i]);
      for (std::string line; std::getline(list, line);)
        if (!line.empty()) files.push_back(line);
    } else {
      files.push_back(arg);
    }
  }
  typhon::Parser parser;
  double parseCpu = 0, scanCpu = 0;
  std::size_t errors = 0, flagged = 0;
  for (const std::string &file : files) {
    auto source = typhon::SourceFile::load(file, file);
    if (!source) {
      std::cout << "{\"file\": " << json(file) << ", \"io_error\": " << json(source.error().message) << "}\n";
      continue;
    }
    double t0 = cpuSeconds();
    auto module = typhon::parseModule(parser, *source);
    double t1 = cpuSeconds();
    auto found = typhon::findSyntaxErrors(*module);
    double t2 = cpuSeconds();
    parseCpu += t1 - t0;
    scanCpu += t2 - t1;
    errors += found.size();
    flagged += found.empty() ? 0 : 1;
    for (const typhon::SyntaxError &e : found) {
      typhon::Position p = (*source)->position(e.startByte);
      std::cout << "{\"file\": " << json(file) << ", \"line\": " << p.line << ", \"column\": " << p.column
                << ", \"message\": " << json(e.message) << "}\n";
    }
  }
  if (timing)
    std::cerr << "syntax_scan: " << files.size() << " files, " << flagged << " with syntax errors (" << errors
              << " errors); parse " << parseCpu << " s CPU, findSyntaxErrors " << scanCpu << " s CPU\n";
  return 0;
}
