// `npm run test:ct`: the dudect test of compareDigest (__test__/ct/) on both backends, each in a
// process of its own, with its calibration in the same run: an early-exit loop on the same inputs
// must be flagged (else the run is powerless and fails), and crypto.timingSafeEqual must not be.
// Then the same test of the native encoders, every SIMD and scalar path this CPU runs, from a
// Rust test (src/encode/timing.rs: 32 zero bytes against 32 random ones, an early-exit encoder as
// its calibration, a table-lookup encoder shown for information). A flag counts only when two
// fresh processes flag the same case again. `--quick` runs fewer samples (the subset in npm
// test); `--samples N` sets them for the comparisons.
//
// False alarms: each case takes the largest |t| over 12 crops, so under no leak it passes 4.5
// with probability about 12 * 7e-6 = 1e-4 (Gaussian tails; timing noise is heavier, which the
// confirmation absorbs). A run has 4 cases of napi-secrets per backend and 2 per encoder path
// (8 on a CPU with AVX-512 VBMI); a constant-time case fails the run only if flagged three times
// in a row, about 16 * (1e-4)**3. Under the load of a shared machine single encoder cases were
// seen at |t| 5 to 10 in about one run in three (zeros and random bytes at the same median), and
// never confirmed; the encoders' rows show zeros / random in the "first / last" column.
//
// Seen to fail, each bug planted once, quick and full runs alike: an early exit on the first
// byte in the JavaScript loop (32-byte Buffers on both backends, 4 KiB on js; |t| in the
// hundreds to thousands), the same in the Rust loop (4 KiB Buffers and strings, native), and
// `if (a === b) return true` for strings in the facade (both backends, |t| 7 to 600). For the
// encoders, the bug was real: the scalar base64url's last characters, compiled without LTO into
// compares and branches (|t| 443, zeros 2 ns slower), now computed on u64 lanes (scalar.rs).

import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

import { THRESHOLD } from '../__test__/ct/dudect.mjs'

interface Result {
  name: string
  kind: 'ours' | 'leaky' | 'reference' | 'table'
  backend: string
  t: number
  n: number
  median: [number, number]
  leaky: boolean
}

const RUN = fileURLToPath(new URL('../__test__/ct/run.mts', import.meta.url))
const ROOT = fileURLToPath(new URL('..', import.meta.url))
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

/**
 * The encoders' cases (or case `only`), from the Rust test in a build of its own (profile `ct`:
 * release optimisation without LTO, so a rebuild takes seconds). 10**5 samples a case quick,
 * 10**6 in full: each takes well under a second.
 */
function encoders(only?: string): Result[] {
  const args = ['test', '--quiet', '--profile', 'ct', '--lib', 'encode::timing', '--', '--ignored', '--nocapture']
  const run = spawnSync('cargo', args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NAPI_SECRETS_CT_SAMPLES: quick ? '100000' : '1000000', ...(only ? { NAPI_SECRETS_CT_CASE: only } : {}) },
    maxBuffer: 2 ** 24,
  })
  if (run.status !== 0) throw new Error(`the encoders' timing run failed:\n${run.stdout}\n${run.stderr}`)
  for (const line of run.stdout.split('\n')) if (line.startsWith('skipped:')) console.log(line)
  const results = run.stdout.split('\n').filter((line) => line.startsWith('ct-result '))
  return results.map((line) => ({ ...(JSON.parse(line.slice('ct-result '.length)) as Result), backend: 'encoders' }))
}

const failures: string[] = []
console.log(`| backend | case | samples a class | ns a call, differing first / last | max \\|t\\| | verdict |`)
console.log('|---|---|---:|---:|---:|---|')
for (const backend of ['native', 'js', 'encoders']) {
  const names = backend === 'encoders' ? [] : (JSON.parse(child(backend, ['--list'])) as string[])
  const results = backend === 'encoders' ? encoders() : names.map((name) => timed(backend, name))
  for (const r of results) {
    let verdict = r.leaky ? 'flagged' : 'constant'
    if (r.kind === 'table') verdict += ' (for information: see src/encode/timing.rs)'
    if (r.leaky && r.kind !== 'leaky' && r.kind !== 'table') {
      // A flag is confirmed only if two fresh processes raise it again.
      const rerun = () => (backend === 'encoders' ? encoders(r.name)[0] : timed(backend, r.name))
      const again = [rerun(), rerun()]
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
console.log('Every comparison and encoder of napi-secrets is constant-time by this test, and the test has power.')
