#!/usr/bin/env bash
# Installs what typhon needs to build: Debian packages and pinned npm tarballs (sha256-checked).
# Idempotent: when everything is present it touches no network at all.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tp="$root/third_party"
dl="$tp/downloads"

apt_pkgs=(cmake g++ make pkg-config libcli11-dev libyaml-cpp-dev libgtest-dev nlohmann-json3-dev
          libtomlplusplus-dev libre2-dev libfmt-dev libxxhash-dev)

# name version sha256 member-path-inside-package destination
npm_deps=(
  "tree-sitter 0.25.1 07aeba8dd71630e7e72b2d4ca3bd2680c3471824100cc5ebff44e78a6ed0b6d3 package/vendor/tree-sitter/lib tree-sitter"
  "tree-sitter-python 0.25.0 63b76b3fa8181fd79eaad4abcdb21e2babcb504dbfc7710a89934fa456d26096 package/src tree-sitter-python"
  "pyright 1.1.414 bf5f473f6167c0d14175492c3263d783b4489a6956e1c06c18e15228e3a3fa42 package/dist/typeshed-fallback/stdlib typeshed/stdlib"
)

say() { printf 'setup: %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    say "need root to run: $*"; exit 1; fi
}

apt_updated=0
apt_install() {
  [ $# -gt 0 ] || return 0
  if [ $apt_updated -eq 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  say "installing Debian packages: $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
apt_install "${missing[@]+"${missing[@]}"}"

mkdir -p "$dl"
for entry in "${npm_deps[@]}"; do
  read -r name version sha member dest <<<"$entry"
  stamp="$tp/$dest/.typhon-stamp"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$name@$version $sha" ]; then continue; fi
  tarball="$dl/$name-$version.tgz"
  if [ ! -f "$tarball" ] || ! echo "$sha  $tarball" | sha256sum -c --status; then
    command -v npm >/dev/null || apt_install npm
    say "fetching $name@$version from the npm registry"
    rm -f "$tarball"
    (cd "$dl" && npm pack --silent "$name@$version" >/dev/null 2>&1) || { say "npm pack $name@$version failed"; exit 1; }
  fi
  if ! echo "$sha  $tarball" | sha256sum -c --status; then
    say "checksum mismatch for $tarball (expected $sha)"; rm -f "$tarball"; exit 1
  fi
  say "unpacking $name@$version into third_party/$dest"
  rm -rf "$tp/$dest" "$tp/.unpack"
  mkdir -p "$tp/.unpack"
  tar -xzf "$tarball" -C "$tp/.unpack" "$member"
  mkdir -p "$(dirname "$tp/$dest")"
  mv "$tp/.unpack/$member" "$tp/$dest"
  rm -rf "$tp/.unpack"
  echo "$name@$version $sha" >"$stamp"
done
say "dependencies present"
