// `npm run bench:server` still runs: one short round of the js backend's handlers and the
// floors. It is a benchmark, so nothing here is timed; the run must end well, with each row's
// requests/s. Only on the native pass of test:backends (the benchmark starts a server on each
// backend itself) and where taskset can pin to two cores. A server that answers 500 on
// /100/tokenHexBatch after its 20th request (past the shape check) fails it, through
// autocannon's non-2xx count.

import { execFile, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'

import { backend } from 'napi-secrets'
import test from './helpers/test.mjs'

const root = join(import.meta.dirname, '..')
const pinnable = process.platform === 'linux' && spawnSync('taskset', ['-c', '1', 'true']).status === 0

;(backend === 'native' && pinnable ? test : test.skip)('bench:server runs a short round and reports every row', async (t) => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'benchmark/server.mts', '--only', 'js backend', '--rounds', '1', '--duration', '0.2'],
    { cwd: root, encoding: 'utf8', timeout: 60_000 },
  )
  const rows = stdout.split('\n').filter((line) => /^\| (constant|a constant|napi-secrets)/.test(line))
  t.is(rows.length, 4, stdout)
  for (const row of rows) t.regex(row, /^\| [^|]+ \| [1-9][\d,]* \|/)
})
