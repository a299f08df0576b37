// `npm run test:ct`: the dudect test of compareDigest (__test__/ct/) on both backends, each in a
// process of its own, with its calibration in the same run: an early-exit loop on the same inputs
// must be flagged (else the run is powerless and fails), and crypto.timingSafeEqual must not be.
// A flag counts only when two fresh processes flag the same case again. `--quick` runs fewer
// samples (the subset in npm test); `--samples N` sets them.
//
// False alarms: each case takes the largest |t| over 12 crops, so under no leak it passes 4.5
// with probability about 12 * 7e-6 = 1e-4 (Gaussian tails; timing noise is heavier, which the
// confirmation absorbs). A run has 4 cases of napi-secrets per backend; a constant-time
// comparison fails the run only if flagged three times in a row, about 8 * (1e-4)**3.
//
// Seen to fail, each bug planted once, quick and full runs alike: an early exit on the first
// byte in the JavaScript loop (32-byte Buffers on both backends, 4 KiB on js; |t| in the
// hundreds to thousands), the same in the Rust loop (4 KiB Buffers and strings, native), and
// `if (a === b) return true` for strings in the facade (both backends, |t| 7 to 600).

import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

import { THRESHOLD } from '../__test__/ct/dudect.mjs'

interface Result {
  name: string
  kind: 'ours' | 'leaky' | 'reference'
  backend: string
  t: number
  n: number
  median: [number, number]
  leaky: boolean
}

const RUN = fileURLToPath(new URL('../__test__/ct/run.mts', import.meta.url))
const quick = process.argv.includes('--quick')
const samplesAt = process.argv.indexOf('--samples')
const samples = samplesAt === -1 ? (quick ? '20000' : undefined) : process.argv[samplesAt + 1]

function child(backend: string, args: string[]): string {
  const run = spawnSync(process.execPath, ['--import', 'tsx', RUN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NAPI_SECRETS_BACKEND: backend },
    maxBuffer: 2 ** 24,
  })
  if (run.status !== 0) throw new Error(`the timing run failed (${backend}):\n${run.stderr}`)
  return run.stdout
}

/** Case `name` timed in a fresh process. */
function timed(backend: string, name: string): Result {
  return JSON.parse(child(backend, [...(samples ? ['--samples', samples] : []), '--case', name])) as Result
}

const failures: string[] = []
console.log(`| backend | case | samples a class | ns a call, differing first / last | max \\|t\\| | verdict |`)
console.log('|---|---|---:|---:|---:|---|')
for (const backend of ['native', 'js']) {
  const names = JSON.parse(child(backend, ['--list'])) as string[]
  for (const r of names.map((name) => timed(backend, name))) {
    let verdict = r.leaky ? 'flagged' : 'constant'
    if (r.leaky && r.kind !== 'leaky') {
      // A flag is confirmed only if two fresh processes raise it again.
      const again = [timed(backend, r.name), timed(backend, r.name)]
      const confirmed = again.every((x) => x.leaky)
      verdict = confirmed ? `flagged, confirmed (|t| ${again.map((x) => x.t.toFixed(1)).join(', ')})` : `flagged once, not confirmed (|t| ${again.map((x) => x.t.toFixed(1)).join(', ')})`
      if (confirmed) failures.push(r.kind === 'ours' ? `${backend}: ${r.name} leaks its inputs' contents` : `${backend}: the reference ${r.name} is flagged, so the test is biased`)
    }
    if (r.kind === 'leaky' && !r.leaky) failures.push(`${backend}: ${r.name} was not flagged, so the run is powerless`)
    const medians = r.median.map((x) => x.toFixed(1)).join(' / ')
    console.log(`| ${backend} | ${r.name} (${r.kind}) | ${r.n} | ${medians} | ${r.t.toFixed(2)} | ${verdict} |`)
  }
}
console.log(`\nA case is flagged when max |t| > ${THRESHOLD}.`)
if (failures.length > 0) {
  console.error(failures.join('\n'))
  process.exit(1)
}
console.log('Every comparison of napi-secrets is constant-time by this test, and the test has power.')
