#!/usr/bin/env bash
# `npm run test:arm64`, after `npm run build:arm64`: the linux-arm64-gnu addon tested on this
# x86-64 machine under qemu. Rust's tests for the target, then the whole AVA suite on both
# backends under Node.js for arm64, whose child processes run emulated too (binfmt_misc); all
# about 15 times slower than native, so AVA runs with long timeouts and little parallelism.
#
# The addon picks its generator from the CPU's AES bit (getauxval(AT_HWCAP)): qemu's CPU has it,
# so everything runs AES-256-CTR once; then the Rust tests and the native specs that draw from
# the generator run again with the bit cleared (hwcap.c, preloaded), as on a CPU without the
# crypto extension, which takes ChaCha12. The preload logs what the addon was told, and each
# run must show that it saw the bit it was meant to.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/arm64-env.sh

addon=napi-secrets.linux-arm64-gnu.node
[ -e "$addon" ] || { echo "$addon is missing: run \`npm run build:arm64\` first" >&2; exit 1; }

# Neoverse N1 is the core of Graviton2 and Ampere Altra, and qemu runs it about a third faster
# than its default CPU, whose pointer authentication it emulates slowly.
export QEMU_CPU=neoverse-n1

# The preload for arm64 processes, and an empty one for x86-64 ones (esbuild, sh), so that
# neither warns: ld.so picks the one for its own platform.
hwcap=$arm64_cache/hwcap
mkdir -p "$hwcap/aarch64" "$hwcap/x86_64"
aarch64-linux-gnu-gcc -shared -fPIC -O2 -Wall -Werror -o "$hwcap/aarch64/hwcap.so" scripts/hwcap.c -ldl
gcc -shared -fPIC -o "$hwcap/x86_64/hwcap.so" -x c /dev/null
preload="$hwcap/\$PLATFORM/hwcap.so"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Fails unless every read of the AES bit by a napi-secrets binary since the last call saw `aes=$1`.
saw() {
  echo "== the AES bit as napi-secrets read it: $(sort "$log" | uniq -c | tr -s ' \n' ' ')"
  if [ ! -s "$log" ] || grep -qv "aes=$1\$" "$log"; then
    echo "expected every read to be aes=$1" >&2
    exit 1
  fi
  : >"$log"
}

# $1: 1 with the AES bit, 0 without.
cargo_test() {
  local no_aes=""
  [ "$1" = 1 ] || no_aes="-E NAPI_SECRETS_HWCAP_NO_AES=1"
  echo "== cargo test, aarch64, aes=$1"
  CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc \
    CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_RUNNER="qemu-aarch64-static -E LD_PRELOAD=$preload -E NAPI_SECRETS_HWCAP_LOG=$log $no_aes" \
    cargo test --target aarch64-unknown-linux-gnu
  saw "$1"
}

cargo_test 1
cargo_test 0

# tsx compiles through esbuild's binary, which the arm64 Node.js would look for as
# @esbuild/linux-arm64: the installed x86-64 one runs natively instead.
export ESBUILD_BINARY_PATH=$PWD/node_modules/@esbuild/linux-x64/bin/esbuild
export LD_PRELOAD=$preload NAPI_SECRETS_HWCAP_LOG=$log
# `cc` is the arm64 compiler for the specs, which build preloads for the Node.js that runs them.
mkdir -p "$arm64_cache/bin"
ln -sf "$(command -v aarch64-linux-gnu-gcc)" "$arm64_cache/bin/cc"
export PATH=$arm64_cache/bin:$PATH
ava=(--concurrency 2 --timeout 10m)
# The crash sweep runs on x64 only (npm test, test:sweep), and so do the differential test's
# 2 GiB fills: under emulation they take minutes, and the limits they probe are V8's and the
# package's, not the CPU's. Node.js keeps compiled code between the many processes the
# command-line specs start: each starts about a quarter sooner.
export NAPI_SECRETS_SWEEP=off NODE_COMPILE_CACHE=$arm64_cache/compile-cache
tsx=node_modules/tsx/dist/cli.mjs

echo "== the AVA suite, both backends, Node.js $("$NODE_ARM64" -p 'process.version + " " + process.arch'), aes=1"
"$NODE_ARM64" "$tsx" scripts/test-backends.ts "${ava[@]}"
saw 1

echo "== the specs that draw from the generator, native backend, aes=0"
NAPI_SECRETS_HWCAP_NO_AES=1 NAPI_SECRETS_BACKEND=native "$NODE_ARM64" node_modules/ava/entrypoints/cli.mjs "${ava[@]}" \
  __test__/tokens.spec.mts __test__/randbelow.spec.mts __test__/native.spec.mts __test__/loading.spec.mts \
  __test__/repeats.spec.mts
saw 0
