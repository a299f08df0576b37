// The page of `npm run bench -- --browser`: the package's browser build against the pooled design
// for browsers, raced in the page as harness.mts races them in Node.js, in wall-clock time only
// (a page has no CPU clock; performance.now() is coarsened, so batches last tens of milliseconds).

import * as secrets from 'napi-secrets'
import * as pooled from './pooled-browser.mjs'

const BIG = 2n ** 256n
const ring: unknown[] = new Array(4096).fill(undefined)

function batch(fn: () => unknown, iterations: number): number {
  const start = performance.now()
  for (let i = 0; i < iterations; i++) ring[i & 4095] = fn()
  const wall = ((performance.now() - start) * 1e6) / iterations
  ring.fill(undefined)
  return wall
}

function calibrate(fn: () => unknown, ms: number): number {
  let iterations = 1
  for (;;) {
    const start = performance.now()
    for (let i = 0; i < iterations; i++) fn()
    const elapsed = performance.now() - start
    if (elapsed >= ms / 4) return Math.max(1, Math.round((iterations * ms) / elapsed))
    iterations *= 4
  }
}

const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[xs.length >> 1]

function race(a: () => unknown, b: () => unknown, rounds: number, ms: number) {
  // Calibrated twice, the first time as a warm-up (see harness.mts).
  calibrate(a, ms)
  calibrate(b, ms)
  const na = calibrate(a, ms)
  const nb = calibrate(b, ms)
  const ta: number[] = []
  const tb: number[] = []
  const ratios: number[] = []
  for (let r = 0; r < rounds; r++) {
    const x = batch(a, na)
    const y = batch(b, nb)
    ta.push(x)
    tb.push(y)
    ratios.push(x / y)
  }
  return { a: median(ta), b: median(tb), ratio: median(ratios) }
}

const rows: [string, () => unknown, string, () => unknown][] = [
  ['tokenHex(32)', () => secrets.tokenHex(32), 'pooled tokenHex(32), hex table', () => pooled.tokenHex(32)],
  ['tokenUrlsafe(32)', () => secrets.tokenUrlsafe(32), 'pooled tokenUrlsafe(32), alphabet lookups', () => pooled.tokenUrlsafe(32)],
  ['randbelow(2n ** 256n)', () => secrets.randbelow(BIG), 'pooled randbelow(2n ** 256n)', () => pooled.randbelowBig(BIG)],
]

declare global {
  var race: (rounds: number, ms: number) => { op: string; baseline: string; a: number; b: number; ratio: number }[]
}
globalThis.race = (rounds, ms) => rows.map(([op, ours, baseline, theirs]) => ({ op, baseline, ...race(ours, theirs, rounds, ms) }))
