#!/usr/bin/env bash
# Runs a command (its arguments) as on Alpine as far as napi-rs's loader can tell. That loader
# (binding.js) tells glibc from musl by reading /usr/bin/ldd before anything else, and on Debian
# that is glibc's, so under a musl Node.js it would look for the -gnu addon. On Alpine,
# /usr/bin/ldd is musl's: a script that runs musl's loader with --list. So the command runs in a
# mount namespace of its own, where such an ldd (written by musl-env.sh, for the loader it
# fetched) is bound over Debian's; the rest of the machine never sees it. Needs root.
set -euo pipefail
ldd=$(dirname "$0")/../node_modules/.cache/musl/ldd
[ -x "$ldd" ] || { echo "$ldd is missing: run \`npm run build:musl\` first" >&2; exit 1; }
exec unshare --mount --propagation private env NAPI_SECRETS_AS_ALPINE=1 \
  bash -c 'mount --bind "$0" /usr/bin/ldd && grep -q musl /usr/bin/ldd && exec "$@"' "$(realpath "$ldd")" "$@"
