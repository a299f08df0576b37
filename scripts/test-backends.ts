// Runs the AVA suite once per backend, each run forced by NAPI_SECRETS_BACKEND, so every test is
// held to both; AVA's own arguments (a file, --match) pass through.

import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'

// AVA's main entry sits next to its command line in `entrypoints/`.
const ava = join(dirname(require.resolve('ava')), 'cli.mjs')
for (const backend of ['native', 'js']) {
  const run = spawnSync(process.execPath, [ava, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, NAPI_SECRETS_BACKEND: backend },
  })
  if (run.status !== 0) process.exit(run.status ?? 1)
}
