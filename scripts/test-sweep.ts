// The full crash sweep: every case of __test__/sweep/cases.mts on both backends (npm test runs
// the quick subset).

import { spawnSync } from 'node:child_process'

const run = spawnSync(process.execPath, ['--import=tsx', 'scripts/test-backends.ts', '__test__/sweep.spec.mts', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, NAPI_SECRETS_SWEEP: 'full' },
})
process.exit(run.status ?? 1)
