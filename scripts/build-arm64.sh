#!/usr/bin/env bash
# `npm run build:arm64`: the linux-arm64-gnu addon, cross-compiled here and linked against glibc
# 2.17 as the release builds it (ci.yml), left at the root as napi-secrets.linux-arm64-gnu.node
# for `npm run test:arm64` and `npm run pack:local`. Installs its toolchain first (arm64-env.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/arm64-env.sh

"$RUSTC" --version
npx napi build --platform --release --cross-compile --target aarch64-unknown-linux-gnu.2.17 \
  --js binding.js --dts binding.d.ts
# Nothing newer than glibc 2.17 may be needed.
if aarch64-linux-gnu-objdump -T napi-secrets.linux-arm64-gnu.node | grep -E 'GLIBC_2\.(1[89]|[2-9][0-9])'; then
  exit 1
fi
"$NODE_ARM64" -p "'built for ' + process.arch + ': ' + require('./napi-secrets.linux-arm64-gnu.node').tokenHex(4)"
