#!/usr/bin/env bash
# `npm run build:musl`: the linux-x64-musl and linux-arm64-musl addons (Alpine), cross-compiled
# here, left at the root as napi-secrets.linux-{x64,arm64}-musl.node for `npm run test:musl` and
# `npm run pack:local`. Installs its toolchain first (musl-env.sh). Each addon is checked to be a
# musl binary of its machine, then loaded by the musl Node.js of its machine (arm64 under qemu).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/musl-env.sh

"$RUSTC" --version
for arch in x64 arm64; do
  [ "$arch" = x64 ] && triple=x86_64-unknown-linux-musl node=$NODE_MUSL_X64 || triple=aarch64-unknown-linux-musl node=$NODE_MUSL_ARM64
  addon=napi-secrets.linux-$arch-musl.node
  rm -f "$addon"
  # --cross-compile: linked by zig through cargo-zigbuild, for musl. napi build adds
  # `-C target-feature=-crt-static`, as a Node.js addon must share the process's C library.
  npx napi build --platform --release --cross-compile --target "$triple" --js binding.js --dts binding.d.ts
  npx tsx scripts/check-binary.ts "linux-$arch-musl" "$addon"
  "$node" -p "'built for ' + process.arch + ' ' + (process.report.getReport().header.glibcVersionRuntime ?? 'musl') + ': ' + require('./$addon').tokenHex(4)"
done
