// parse_only: parse files with tree-sitter-python and nothing else (the benchmark baseline).
//
//   parse_only [--jobs N] [--list FILE] [PATH...]
//
// Reads each file (PATHs, and the paths listed one per line in FILE) and parses it with the same
// tree-sitter build typhon links, on N threads (default 1), one TSParser per thread, as typhon's
// check runner does. Prints the number of files, bytes and trees with errors to stderr.
#include <tree_sitter/api.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern "C" const TSLanguage *tree_sitter_python(void);

namespace {

bool readFile(const std::string &path, std::string &out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = std::move(ss).str();
  return true;
}

} // namespace

int main(int argc, char **argv) {
  unsigned jobs = 1;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if ((arg == "--jobs" || arg == "-j") && i + 1 < argc) {
      jobs = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
    } else if (arg == "--list" && i + 1 < argc) {
      std::ifstream list(argv[++i]);
      if (!list) {
        std::cerr << "parse_only: cannot read " << argv[i] << "\n";
        return 2;
      }
      for (std::string line; std::getline(list, line);)
        if (!line.empty()) files.push_back(line);
    } else {
      files.push_back(arg);
    }
  }

  std::atomic<std::size_t> next{0}, bytes{0}, withErrors{0}, unreadable{0};
  auto worker = [&] {
    TSParser *parser = ts_parser_new();
    ts_parser_set_language(parser, tree_sitter_python());
    std::string text;
    for (std::size_t i = next++; i < files.size(); i = next++) {
      if (!readFile(files[i], text)) {
        ++unreadable;
        continue;
      }
      TSTree *tree = ts_parser_parse_string_encoding(parser, nullptr, text.data(),
                                                     static_cast<std::uint32_t>(text.size()), TSInputEncodingUTF8);
      bytes += text.size();
      if (ts_node_has_error(ts_tree_root_node(tree))) ++withErrors;
      ts_tree_delete(tree);
    }
    ts_parser_delete(parser);
  };
  jobs = std::min<unsigned>(jobs, std::max<std::size_t>(1, files.size()));
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t)
    threads.emplace_back(worker);
  worker();
  for (auto &t : threads)
    t.join();
  std::cerr << "parse_only: " << files.size() << " files, " << bytes.load() << " bytes, " << withErrors.load()
            << " with errors, " << unreadable.load() << " unreadable, " << jobs << " threads\n";
  return unreadable.load() ? 2 : 0;
}
