#!/usr/bin/env bash
# `npm run lint:workflows`: actionlint (with shellcheck on the run: scripts) and zizmor on
# .github/workflows. zizmor comes from PATH, or else is installed once, pinned by hash, into
# node_modules/.cache. actionlint comes from PATH (`go install
# github.com/rhysd/actionlint/cmd/actionlint@v1.7.12`); where it is missing the check is skipped
# with a warning, except on GitHub Actions, whose CI job installs it and must run it.
set -euo pipefail
cd "$(dirname "$0")/.."

zizmor=$(command -v zizmor || true)
if [ -z "$zizmor" ]; then
  venv=node_modules/.cache/zizmor
  if [ ! -x "$venv/bin/zizmor" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --no-deps --require-hashes -r .github/zizmor-requirements.txt
  fi
  zizmor=$venv/bin/zizmor
fi
"$zizmor" --version
# --offline: no audit may depend on the network; any finding (of any severity) fails.
"$zizmor" --offline --no-progress .github/workflows

if command -v actionlint >/dev/null 2>&1; then
  actionlint -version | head -n 1
  actionlint -no-color
elif [ -n "${GITHUB_ACTIONS:-}" ]; then
  echo 'actionlint is not on PATH' >&2
  exit 1
else
  echo 'warning: actionlint is not on PATH, so only zizmor checked the workflows' >&2
fi
