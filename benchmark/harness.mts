// Interleaved A/B timing. Absolute times on a shared machine drift from second to second, so each
// case alternates short batches of A and B and reports the median of the per-round ratios: drift
// that lasts longer than one round cancels out. Each batch is timed on the wall clock and in
// process CPU time: work moved onto other threads (GC, libuv's pool) shows in the second.
// Results are kept in a ring of the most recent ones, as a server keeps the tokens it hands out:
// nothing can be optimised away, and what the results cost the garbage collector is counted.

const now = () => process.hrtime.bigint()
const cpu = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) * 1000
}

interface Sample {
  wall: number
  cpu: number
}

/** Where results are kept; `keep` slots of it are used (a power of two). */
const ring: unknown[] = new Array(4096).fill(undefined)

function batch(fn: () => unknown, iterations: number, keep: number): Sample {
  const mask = keep - 1
  const c = cpu()
  const start = now()
  for (let i = 0; i < iterations; i++) ring[i & mask] = fn()
  const wall = Number(now() - start) / iterations
  const sample = { wall, cpu: (cpu() - c) / iterations }
  ring.fill(undefined)
  return sample
}

/**
 * Iterations that make one batch of `fn` last about `ms` milliseconds. Measured twice, the first
 * time as a warm-up: a first call that runs cold (a pool's first fill, code not yet compiled) can
 * last longer than a quarter batch by itself, and a count taken from it would time a few calls a
 * batch, of code that never warms up, at tens of times their cost.
 */
function calibrate(fn: () => unknown, ms: number): number {
  measureIterations(fn, ms)
  return measureIterations(fn, ms)
}

function measureIterations(fn: () => unknown, ms: number): number {
  let iterations = 1
  for (;;) {
    const start = now()
    for (let i = 0; i < iterations; i++) fn()
    const elapsed = Number(now() - start) / 1e6
    if (elapsed >= ms / 4 || iterations >= 2 ** 24) {
      return Math.max(1, Math.round((iterations * ms) / Math.max(elapsed, 1e-3)))
    }
    iterations *= 4
  }
}

const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[xs.length >> 1]

/** Medians of an interleaved race: nanoseconds per call of each side, and the ratios a / b. */
export interface Race {
  a: number
  b: number
  ratio: number
  cpuRatio: number
}

/**
 * Times `a` against `b`: nanoseconds per call of each (wall-clock medians) and the median ratios
 * a / b of wall and CPU time, over `rounds` alternating batches of about `ms` milliseconds each,
 * after a warm-up, keeping the last `keep` results (a power of two, at most 4096). CPU time is
 * read in microseconds, so batches are long enough for it.
 */
export function race(a: () => unknown, b: () => unknown, { rounds = 15, ms = 20, keep = 4096 } = {}): Race {
  const na = calibrate(a, ms)
  const nb = calibrate(b, ms)
  batch(a, na, keep)
  batch(b, nb, keep)
  const ta: number[] = []
  const tb: number[] = []
  const ratios: number[] = []
  const cpuRatios: number[] = []
  for (let r = 0; r < rounds; r++) {
    const x = batch(a, na, keep)
    const y = batch(b, nb, keep)
    ta.push(x.wall)
    tb.push(y.wall)
    ratios.push(x.wall / y.wall)
    cpuRatios.push(x.cpu / y.cpu)
  }
  return { a: median(ta), b: median(tb), ratio: median(ratios), cpuRatio: median(cpuRatios) }
}

/**
 * Nanoseconds per call of `fn` alone, the best of `rounds` batches (wall clock): the statistic
 * of Python's `timeit` (best of its repeats), for comparing with it.
 */
export function best(fn: () => unknown, { rounds = 15, ms = 20, keep = 4096 } = {}): number {
  const n = calibrate(fn, ms)
  batch(fn, n, keep)
  return Math.min(...Array.from({ length: rounds }, () => batch(fn, n, keep).wall))
}
