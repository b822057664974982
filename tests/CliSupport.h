// CliSupport: running the typhon executable from end-to-end tests (TYPHON_BINARY is defined per
// test target), and a temporary directory removed with its contents.
#pragma once

#include "FixtureSupport.h"

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace typhon::testing {

struct CmdResult {
  int rc = -1;
  std::string out;
  std::string err;
};

/// `s` as one single-quoted shell word.
inline std::string quote(const std::string &s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

/// Runs `typhon ARGS` in `cwd` through the shell; stdin is /dev/null unless ARGS redirects it.
inline CmdResult typhon(const std::string &args, const std::filesystem::path &cwd) {
  std::filesystem::path errFile = std::filesystem::temp_directory_path() / ("typhon-test-err-" + std::to_string(::getpid()));
  std::string cmd = "cd " + quote(cwd.string()) + " && " + quote(TYPHON_BINARY) + " " + args + " 2>" +
                    quote(errFile.string()) + (args.find(" < ") == std::string::npos ? " </dev/null" : "");
  CmdResult run;
  FILE *pipe = ::popen(cmd.c_str(), "r");
  if (!pipe) return run;
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) run.out.append(buf.data(), n);
  int status = ::pclose(pipe);
  run.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.err = readFile(errFile);
  std::filesystem::remove(errFile);
  return run;
}

class TempDir {
public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "typhon-test-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir &) = delete;
  TempDir &operator=(const TempDir &) = delete;
  const std::filesystem::path &path() const { return path_; }
  void write(const std::string &rel, const std::string &content) const {
    std::filesystem::create_directories((path_ / rel).parent_path());
    std::ofstream(path_ / rel, std::ios::binary) << content;
  }
  std::string read(const std::string &rel) const { return readFile(path_ / rel); }

private:
  std::filesystem::path path_;
};

} // namespace typhon::testing
