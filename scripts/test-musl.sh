#!/usr/bin/env bash
# `npm run test:musl`, after `npm run build:musl`: the linux-x64-musl and linux-arm64-musl addons
# tested on this x86-64 Debian machine as on Alpine, under Node.js for musl: the whole AVA suite
# on both backends on x86-64, then on arm64 under qemu (its child processes too, through
# binfmt_misc); then the runtime smoke test under Bun for musl, both backends. AVA's arguments
# (spec files, --match) pass through to both.
set -euo pipefail
cd "$(dirname "$0")/.."

# In a mount namespace where /usr/bin/ldd is musl's, as on Alpine (as-alpine.sh says why).
if [ "${NAPI_SECRETS_AS_ALPINE:-}" != 1 ]; then
  source scripts/musl-env.sh
  exec bash scripts/as-alpine.sh bash "$0" "$@"
fi
source scripts/musl-env.sh

for arch in x64 arm64; do
  addon=napi-secrets.linux-$arch-musl.node
  [ -e "$addon" ] || { echo "$addon is missing: run \`npm run build:musl\` first" >&2; exit 1; }
  npx tsx scripts/check-binary.ts "linux-$arch-musl" "$addon"
done

tsx=node_modules/tsx/dist/cli.mjs
# Fails unless binding.js, under the Node.js $1, loads the musl addon from this checkout.
loads_musl() {
  "$1" -e "
    require('./binding.js')
    const addon = Object.keys(require.cache).find((f) => f.endsWith('.node'))
    const want = require('path').resolve('napi-secrets.linux-' + process.arch + '-musl.node')
    if (addon !== want) throw new Error('binding.js loaded ' + addon + ', not ' + want)
    console.log('binding.js under Node.js ' + process.version + ' ' + process.arch + ' loads ' + addon)"
}

# The suite's `cc` (it builds an LD_PRELOAD shim for the Node.js that runs it) is zig's for musl.
echo "== the AVA suite, both backends, Node.js $("$NODE_MUSL_X64" -p 'process.version + " " + process.arch') for musl"
loads_musl "$NODE_MUSL_X64"
PATH=$musl_cache/cc-x64:$PATH "$NODE_MUSL_X64" "$tsx" scripts/test-backends.ts "$@"

# arm64, under qemu: the whole suite again, both backends. As in test-arm64.sh: tsx's esbuild
# runs as the x86-64 binary installed, AVA runs with long timeouts and little parallelism, the
# crash sweep and the differential test's 2 GiB fills are left out (NAPI_SECRETS_SWEEP=off: they
# probe V8's limits and the package's, not the CPU's, and take minutes emulated), and Node.js
# keeps compiled code between the many processes the command-line specs start
# (NODE_COMPILE_CACHE: each starts about a quarter sooner). qemu's CPU has the AES instructions,
# so the addon runs AES-256-CTR; its ChaCha12 path, for CPUs without them, is tested on arm64 in
# test:arm64 (the same Rust code; only the C library differs).
export QEMU_CPU=neoverse-n1 NAPI_SECRETS_SWEEP=off NODE_COMPILE_CACHE=$musl_cache/compile-cache
export ESBUILD_BINARY_PATH=$PWD/node_modules/@esbuild/linux-x64/bin/esbuild
echo "== the AVA suite, both backends, Node.js $("$NODE_MUSL_ARM64" -p 'process.version + " " + process.arch') for musl, under qemu"
loads_musl "$NODE_MUSL_ARM64"
PATH=$musl_cache/cc-arm64:$PATH "$NODE_MUSL_ARM64" "$tsx" scripts/test-backends.ts --concurrency 2 --timeout 10m "$@"

echo "== the smoke test, Bun $("$BUN_MUSL" --version) for musl"
for backend in native js; do
  NAPI_SECRETS_BACKEND=$backend "$BUN_MUSL" __test__/runtimes/smoke.mts
  echo "Bun, $backend: ok"
done
